import { eq } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../context.js';
import type { RoleKey } from '../modules/auth/permissions.js';
import { createClient } from '../modules/clients/clients.service.js';
import { createContact } from '../modules/contacts/contacts.service.js';
import { createSupplyPoint } from '../modules/supply-points/supply-points.service.js';
import { addDemoMeterWithReadings } from './meter-demo.js';
import { createOwner } from '../modules/owners/owners.service.js';
import { createTeam } from '../modules/teams/teams.service.js';
import { loadActor, createUser } from '../modules/users/users.service.js';
import { users } from '../modules/users/users.schema.js';
import { generateClient, seededRandom } from './generator.js';
import { generateSupplyPoint } from './supply-point-generator.js';
import { carryRegulatedChargesInto2027, loadPricingDemo } from './pricing-demo.js';
import { loadSalesDemo, type DemoClient } from './sales-demo.js';
import { loadCommissionsDemo } from './commissions-demo.js';
import { loadOffersDemo } from './offers-demo.js';

export const demoPassword = 'kilowatt-demo';

/** The demo sign-ins of DESIGN.md: one user per role; sales@ and sales2@ are in different teams. */
export const demoUsers: { email: string; name: string; roles: RoleKey[]; team?: 'west' | 'east' | 'prague'; owner: 'sk' | 'cz'; locale: string }[] = [
  { email: 'admin@demo.kilowatt', name: 'Alena Adminová', roles: ['administrator'], owner: 'sk', locale: 'en' },
  { email: 'manager@demo.kilowatt', name: 'Marek Manažér', roles: ['manager'], team: 'west', owner: 'sk', locale: 'sk' },
  { email: 'sales@demo.kilowatt', name: 'Simona Predajná', roles: ['sales'], team: 'west', owner: 'sk', locale: 'sk' },
  { email: 'sales2@demo.kilowatt', name: 'Samuel Východný', roles: ['sales'], team: 'east', owner: 'sk', locale: 'sk' },
  { email: 'backoffice@demo.kilowatt', name: 'Beáta Backofficová', roles: ['backoffice'], owner: 'sk', locale: 'sk' },
  { email: 'contactcentre@demo.kilowatt', name: 'Karol Kontaktný', roles: ['contactcentre'], owner: 'sk', locale: 'sk' },
  { email: 'finance@demo.kilowatt', name: 'Františka Financová', roles: ['finance'], owner: 'sk', locale: 'sk' },
  { email: 'legal@demo.kilowatt', name: 'Ľubomír Právny', roles: ['legal'], owner: 'sk', locale: 'sk' },
  { email: 'sales.cz@demo.kilowatt', name: 'Petr Pražský', roles: ['sales'], team: 'prague', owner: 'cz', locale: 'en' },
];

export const demoLoaded = async (ctx: ServiceContext): Promise<boolean> => {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.kilowatt'));
  return Boolean(row);
};

/** Loads the demo company, people and clients on the first start; later starts find them and do nothing. */
export const loadDemoDataOnce = async (ctx: ServiceContext, clientCount = 40): Promise<void> => {
  if (await demoLoaded(ctx)) return;
  ctx.log.info('loading demo data (first start only)…');
  await withTx(ctx, async (ctx) => {
    const sk = await createOwner(ctx, { name: 'Kilowatt Energy, s.r.o.', country: 'SK', companyId: '36285871', currency: 'EUR' });
    const cz = await createOwner(ctx, { name: 'Kilowatt Energie CZ s.r.o.', country: 'CZ', companyId: '63507871', currency: 'CZK' });
    const owners = { sk: sk.id, cz: cz.id };
    const teams = {
      west: await createTeam(ctx, { ownerId: sk.id, name: 'Predaj Západ' }),
      east: await createTeam(ctx, { ownerId: sk.id, name: 'Predaj Východ' }),
      prague: await createTeam(ctx, { ownerId: cz.id, name: 'Prodej Praha' }),
    };
    const created = new Map<string, string>();
    for (const u of demoUsers) {
      const user = await createUser(ctx, {
        ownerId: owners[u.owner],
        email: u.email,
        name: u.name,
        password: demoPassword,
        locale: u.locale,
        roleKeys: u.roles,
        teamIds: u.team ? [teams[u.team].id] : [],
      });
      created.set(u.email, user.id);
    }
    // Each sales user creates the clients of their team, as they would in the app.
    const random = seededRandom(2026);
    // A stream of its own, so adding supply points did not change the demo clients people know.
    const pointRandom = seededRandom(2027);
    const creators = ['sales@demo.kilowatt', 'sales2@demo.kilowatt', 'sales.cz@demo.kilowatt', 'manager@demo.kilowatt'];
    const clientsOf = new Map<string, DemoClient[]>(creators.map((email) => [email, []]));
    for (let i = 0; i < clientCount; i++) {
      const email = creators[i % creators.length]!;
      const actor = await loadActor(ctx, created.get(email)!);
      const actorCtx = { ...ctx, actor: actor! };
      const { contacts, ...client } = generateClient(random, i, 1 + (i % 3));
      const saved = await createClient(actorCtx, client);
      for (const contact of contacts) await createContact(actorCtx, saved.id, contact);
      const demoClient: DemoClient = { id: saved.id, name: saved.name, companyId: saved.companyId, country: saved.country, supplyPointIds: [] };
      clientsOf.get(email)!.push(demoClient);
      for (let n = 0; n < 1 + (i % 3); n++) {
        const point = generateSupplyPoint(pointRandom, client.country, client.kind === 'person', client.businessArea);
        const supplyPoint = await createSupplyPoint(actorCtx, {
          ...point,
          clientId: saved.id,
          status: 'active',
          // The first supply point is at the registered address, further ones at other sites in the same town.
          address: n === 0 ? client.address : { ...client.address, street: `${client.address.street.replace(/\d+$/, '')}${10 + n * 7}` },
        });
        await addDemoMeterWithReadings(actorCtx, supplyPoint, pointRandom);
        demoClient.supplyPointIds.push(supplyPoint.id);
      }
    }
    // Tests load the people without clients; the pipeline needs clients, so it comes with them.
    if (clientCount === 0) return;
    await loadPricingDemo(ctx, [sk.id, cz.id]);
    await carryRegulatedChargesInto2027(ctx);
    const contextOf = async (email: string) => ({ ...ctx, actor: (await loadActor(ctx, created.get(email)!))! });
    await loadSalesDemo(
      { admin: await contextOf('admin@demo.kilowatt'), sales: await contextOf('sales@demo.kilowatt'), sales2: await contextOf('sales2@demo.kilowatt') },
      sk.id,
      { west: teams.west.id, east: teams.east.id },
      { sales: clientsOf.get('sales@demo.kilowatt')!, sales2: clientsOf.get('sales2@demo.kilowatt')! },
    );
    // Offers of the first clients whose supply points the demo's price lists can price, each in a case of its own.
    const approver = await contextOf('admin@demo.kilowatt');
    await loadOffersDemo({ sales: await contextOf('sales@demo.kilowatt'), approver }, sk.id, clientsOf.get('sales@demo.kilowatt')!, ['sent', 'draft']);
    await loadOffersDemo({ sales: await contextOf('sales2@demo.kilowatt'), approver }, sk.id, clientsOf.get('sales2@demo.kilowatt')!, ['submitted']);
    await loadCommissionsDemo(
      {
        admin: await contextOf('admin@demo.kilowatt'),
        sales: await contextOf('sales@demo.kilowatt'),
        sales2: await contextOf('sales2@demo.kilowatt'),
        finance: await contextOf('finance@demo.kilowatt'),
        system: ctx,
      },
      { sales: created.get('sales@demo.kilowatt')!, sales2: created.get('sales2@demo.kilowatt')!, manager: created.get('manager@demo.kilowatt')! },
      // The last clients of each team, away from the first ones the sales demo opens its cases with.
      { sales: [...clientsOf.get('sales@demo.kilowatt')!].reverse(), sales2: [...clientsOf.get('sales2@demo.kilowatt')!].reverse() },
    );
  });
};
