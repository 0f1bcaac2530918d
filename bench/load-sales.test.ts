import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { systemContext } from '../server/context.js';
import { myDay } from '../server/modules/activities/activities.service.js';
import { caseBoard } from '../server/modules/cases/cases.board.js';
import { findDuplicates } from '../server/modules/leads/leads.duplicates.js';
import { createProcessTemplate } from '../server/modules/processes/processes.service.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { openTestDatabase } from '../server/test/database.js';
import { csvOf, duplicateFloor, leadHeaders, leadRows } from './lead-import.js';
import { loadClients } from './load.js';
import { loadSales } from './load-sales.js';
import { loadSupplyPoints } from './load-supply-points.js';

const database = await openTestDatabase();
afterAll(() => database.close());
const { db } = database;
const ctx = systemContext(db, pino({ level: 'silent' }), 'bench-test');
const actorOf = async (email: string) => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { ...ctx, actor: (await loadActor(ctx, user!.id))! };
};
await loadClients({ db, clients: 300, contacts: 0, batchSize: 100 });
await loadSupplyPoints({ db, supplyPoints: 600, batchSize: 200 });

describe('the sales pipeline loader', () => {
  it("gives the user exactly their open cases and activities, and hides the other users' cases from them", async () => {
    const sales = await actorOf('sales@demo.kilowatt');
    const admin = await actorOf('admin@demo.kilowatt');
    if (sales.actor.kind !== 'user') throw new Error('sales@ is a user');
    const template = await createProcessTemplate(admin, {
      ownerId: sales.actor.ownerId,
      name: 'Bench',
      isActive: true,
      stages: [
        { name: 'Kvalifikácia', requiredFields: [], tasks: [] },
        { name: 'Ponuka', requiredFields: [], tasks: [] },
        { name: 'Vyhraté', requiredFields: [], closesAs: 'won', tasks: [] },
        { name: 'Prehraté', requiredFields: [], closesAs: 'lost', tasks: [] },
      ],
    });
    const loaded = await loadSales({
      db,
      userId: sales.actor.userId,
      processTemplateId: template.id,
      ownCases: 200,
      otherCases: 300,
      batchSize: 70,
    });
    expect(loaded.cases).toBe(200 + 20 + 300);
    expect(loaded.own.overdue).toBeGreaterThan(0);
    expect(loaded.own.today).toBeGreaterThan(0);
    expect(loaded.own.future).toBeGreaterThan(loaded.own.overdue);

    const board = await caseBoard(sales, { processTemplateId: template.id, perStage: 100 });
    const totals = board.stages.map((s) => s.total);
    // Only the user's own cases: 200 open over the two working stages, 20 closed over the two closing ones.
    expect(totals).toEqual([100, 100, 10, 10]);
    const everyone = await caseBoard(admin, { processTemplateId: template.id, perStage: 1 });
    expect(everyone.stages.reduce((sum, s) => sum + s.total, 0)).toBe(520);

    const day = await myDay(sales, { limit: 500 });
    expect([day.overdueCount, day.todayCount]).toEqual([loaded.own.overdue, loaded.own.today]);
  });
});

describe('the lead file', () => {
  it('repeats a visible client’s key in exactly the planted rows, which the service and the floor both find', async () => {
    const sales = await actorOf('sales@demo.kilowatt');
    if (sales.actor.kind !== 'user') throw new Error('sales@ is a user');
    const { rows, planted } = await leadRows(db, { userId: sales.actor.userId, rows: 80, duplicates: 8, seed: 7 });
    expect(planted.map((p) => p.kind)).toEqual(['companyId', 'email', 'phone', 'supplyPointIdentifier', 'companyId', 'email', 'phone', 'supplyPointIdentifier']);
    const found = await findDuplicates(
      sales,
      rows.map((r) => ({ country: 'SK', companyId: r.companyId, email: r.email, phone: r.phone, supplyPointIdentifiers: [r.identifier] })),
    );
    const matched = found.flatMap((matches, i) => (matches.length > 0 ? [i] : []));
    expect(matched).toEqual(planted.map((p) => p.row));
    expect((await duplicateFloor(db, sales.actor, rows)).detected).toBe(8);
    const csv = csvOf(rows).split('\n');
    expect(csv).toHaveLength(81);
    expect(csv[0]!.split(';')).toEqual([...leadHeaders]);
  });
});
