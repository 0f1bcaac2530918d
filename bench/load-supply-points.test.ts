import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSupplyPointIdentifier } from '../domain/energy/supply-point-identifier.js';
import { systemContext } from '../server/context.js';
import { generateClient, seededRandom } from '../server/demo/generator.js';
import { generateSupplyPoint } from '../server/demo/supply-point-generator.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { createClient } from '../server/modules/clients/clients.service.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import {
  createSupplyPoint,
  listSupplyPoints,
} from '../server/modules/supply-points/supply-points.service.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { openTestDatabase } from '../server/test/database.js';
import { insertRows, loadClients, territoryOf } from './load.js';
import {
  loadSupplyPoints,
  supplyPointInputOf,
  supplyPointRowOf,
  todaysReference,
} from './load-supply-points.js';

const database = await openTestDatabase();
afterAll(() => database.close());
const { db } = database;
const ctx = systemContext(db, pino({ level: 'silent' }), 'bench-test');
const actorOf = async (email: string) => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { ...ctx, actor: (await loadActor(ctx, user!.id))! };
};
const creatorOf = {
  west: 'sales@demo.kilowatt',
  east: 'sales2@demo.kilowatt',
  prague: 'sales.cz@demo.kilowatt',
};

describe('the bench supply-point loader', () => {
  it('adds exactly the supply points asked for, with valid identifiers unique per owner, to clients without any', async () => {
    await loadClients({ db, clients: 300, contacts: 300, batchSize: 100 });
    const first = await loadSupplyPoints({ db, supplyPoints: 400, batchSize: 64, concurrency: 2 });
    expect(first.supplyPoints).toBe(400);
    // Clients added later get the next load's supply points (here by the other insert path); the others keep theirs.
    await loadClients({ db, clients: 50, contacts: 50, seed: 8 });
    const second = await loadSupplyPoints({ db, supplyPoints: 150, seed: 7, mode: 'values' });
    expect(second.clients).toBe(50);
    expect(second.supplyPoints).toBe(150);

    const rows = await db
      .select({
        ownerId: supplyPoints.ownerId,
        country: supplyPoints.country,
        commodity: supplyPoints.commodity,
        identifier: supplyPoints.identifier,
        clientId: supplyPoints.clientId,
      })
      .from(supplyPoints);
    expect(rows).toHaveLength(550);
    expect(new Set(rows.map((r) => `${r.ownerId} ${r.identifier}`)).size).toBe(550);
    for (const r of rows)
      expect(checkSupplyPointIdentifier(r.country, r.commodity, r.identifier).ok).toBe(true);
    expect(new Set(rows.map((r) => r.country))).toEqual(new Set(['SK', 'CZ']));
    expect(new Set(rows.map((r) => r.commodity))).toEqual(new Set(['electricity', 'gas']));
    const [orphans] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(sql`not exists (select 1 from supply_points p where p.client_id = ${clients.id})`);
    expect(orphans!.n).toBe(0);
    const perClient = new Map<string, number>();
    for (const r of rows) perClient.set(r.clientId, (perClient.get(r.clientId) ?? 0) + 1);
    expect(Math.max(...perClient.values())).toBeGreaterThan(2);
  });

  it('gives a team user the supply points of the team’s clients only', async () => {
    const west = await listSupplyPoints(await actorOf('sales@demo.kilowatt'), {
      archived: 'false',
      sort: { field: 'identifier', direction: 'asc' },
      limit: 500,
    });
    expect(west.items.length).toBeGreaterThan(20);
    // Western Slovakia is distributed by ZSD (electricity) and SPP-D (gas).
    expect(new Set(west.items.map((p) => p.territoryCode))).toEqual(new Set(['sk-zsd', 'sk-sppd']));
  });

  it('writes the same row as createSupplyPoint stores for the same input', async () => {
    const reference = await todaysReference(db);
    const random = seededRandom(5151);
    const seen = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const { contacts: _, ...input } = generateClient(random, 8_000_000 + i, 0);
      const actorCtx = await actorOf(creatorOf[territoryOf(input)]);
      const saved = await createClient(actorCtx, input);
      const [holder] = await db.select().from(clients).where(eq(clients.id, saved.id));
      for (let n = 0; n < 2; n++) {
        const point = generateSupplyPoint(random, input.country, input.kind === 'person', input.businessArea);
        seen.add(`${input.country} ${point.commodity} ${point.consumptionUnit}`);
        const fields = supplyPointInputOf(holder!, point, n);
        const created = await createSupplyPoint(actorCtx, { ...fields, clientId: saved.id });
        const [byService] = await db.select().from(supplyPoints).where(eq(supplyPoints.id, created.id));
        // The identifier is unique per owner: the service's row makes room for the bulk one.
        await db.delete(supplyPoints).where(eq(supplyPoints.id, created.id));

        const row = supplyPointRowOf(holder!, fields, reference, {
          userId: holder!.createdBy,
          createdAt: byService!.createdAt,
        });
        await insertRows(db, supplyPoints, [row], 'json');
        const [byBench] = await db.select().from(supplyPoints).where(eq(supplyPoints.id, row.id));
        const { id: _a, updatedAt: _b, ...expected } = byService!;
        const { id: _c, updatedAt: _d, ...actual } = byBench!;
        expect(actual).toEqual(expected);
        expect(actual.searchText).toContain(point.identifier.toLowerCase());
        if (point.consumptionUnit === 'MWh') expect(actual.annualConsumptionKWh).not.toBeNull();
      }
    }
    // Both countries, both commodities, both units went through the comparison.
    expect([...seen].sort().join()).toMatch(/CZ electricity.*CZ gas.*SK electricity.*SK gas/);
  });
});
