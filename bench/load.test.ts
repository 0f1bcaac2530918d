import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { systemContext } from '../server/context.js';
import { generateClient, seededRandom } from '../server/demo/generator.js';
import { createClient, listClients } from '../server/modules/clients/clients.service.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { createContact } from '../server/modules/contacts/contacts.service.js';
import { contacts } from '../server/modules/contacts/contacts.schema.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { openTestDatabase } from '../server/test/database.js';
import { clientRowOf, contactRowOf, demoTerritories, loadClients, territoryOf } from './load.js';

const database = await openTestDatabase();
afterAll(() => database.close());
const { db } = database;
const ctx = systemContext(db, pino({ level: 'silent' }), 'bench-test');
const actorOf = async (email: string) => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { ...ctx, actor: (await loadActor(ctx, user!.id))! };
};

describe('the bench loader', () => {
  it('adds exactly the clients and contacts asked for, by both insert paths', async () => {
    const json = await loadClients({ db, clients: 250, batchSize: 100 });
    const values = await loadClients({
      db,
      clients: 50,
      contacts: 200,
      mode: 'values',
      seed: 99,
      concurrency: 2,
    });
    expect([json.clients, json.contacts, values.clients, values.contacts]).toEqual([250, 750, 50, 200]);
    const [counts] = await db
      .select({
        clients: sql<number>`(select count(*)::int from clients)`,
        contacts: sql<number>`(select count(*)::int from contacts)`,
      })
      .from(sql`(select 1) one`);
    expect(counts).toEqual({ clients: 300, contacts: 950 });
  });

  it('spreads clients over the demo teams so sales@ and sales2@ see disjoint parts', async () => {
    const sales = await listClients(await actorOf('sales@demo.kilowatt'), {
      archived: 'false',
      sort: { field: 'name', direction: 'asc' },
      limit: 500,
    });
    const sales2 = await listClients(await actorOf('sales2@demo.kilowatt'), {
      archived: 'false',
      sort: { field: 'name', direction: 'asc' },
      limit: 500,
    });
    expect(sales.items.length).toBeGreaterThan(30);
    expect(sales2.items.length).toBeGreaterThan(30);
    const seen = new Set(sales.items.map((c) => c.id));
    expect(sales2.items.filter((c) => seen.has(c.id))).toEqual([]);
    expect(new Set(sales.items.map((c) => c.businessArea))).toEqual(new Set(['sk-west']));
  });

  it('writes the same row as the service would for the same client and contacts', async () => {
    const territories = await demoTerritories(db);
    const random = seededRandom(4242);
    for (let i = 0; i < 12; i++) {
      const { contacts: people, ...input } = generateClient(random, 9_000_000 + i, 2);
      const territory = territories[territoryOf(input)];
      const email =
        territoryOf(input) === 'west'
          ? 'sales@demo.kilowatt'
          : territoryOf(input) === 'east'
            ? 'sales2@demo.kilowatt'
            : 'sales.cz@demo.kilowatt';
      const actorCtx = await actorOf(email);
      const saved = await createClient(actorCtx, input);
      const [stored] = await db.select().from(clients).where(eq(clients.id, saved.id));
      const row = clientRowOf(
        { ...input, contacts: people },
        {
          ownerId: territory.ownerId,
          teamId: territory.teamId,
          userId: saved.createdBy!,
          createdAt: stored!.createdAt,
        },
      );
      const { id: _a, updatedAt: _b, ...expected } = row;
      const { id: _c, updatedAt: _d, ...actual } = stored!;
      expect(actual).toEqual(expected);
      for (const person of people) {
        const contact = await createContact(actorCtx, saved.id, person);
        const [storedContact] = await db.select().from(contacts).where(eq(contacts.id, contact.id));
        const {
          id: _e,
          createdAt: _f,
          updatedAt: _g,
          ...expectedContact
        } = contactRowOf({ ...row, id: saved.id }, person);
        const { id: _h, createdAt: _i, updatedAt: _j, ...actualContact } = storedContact!;
        expect(actualContact).toEqual(expectedContact);
      }
    }
  });
});
