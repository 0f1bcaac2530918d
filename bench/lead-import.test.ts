import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../server/demo/demo-data.js';
import { buildApp } from '../server/http/app.js';
import { history } from '../server/modules/audit/audit.schema.js';
import { leadImports, leads } from '../server/modules/leads/leads.schema.js';
import { users } from '../server/modules/users/users.schema.js';
import { openTestDatabase } from '../server/test/database.js';
import { runLeadImport } from './lead-import.js';
import { loadClients } from './load.js';
import { loadSupplyPoints } from './load-supply-points.js';

const database = await openTestDatabase();
const { db } = database;
const app = await buildApp({ db, sessionHours: 1, secureCookies: false });
afterAll(async () => {
  await app.close();
  await database.close();
});

const n = async (table: typeof leads | typeof leadImports | typeof history) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('the bench lead import', () => {
  it('imports a valid CSV through the API and the job, finds exactly the planted duplicates, then removes what it wrote', async () => {
    await loadClients({ db, clients: 200, contacts: 0 });
    await loadSupplyPoints({ db, supplyPoints: 400 });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'sales@demo.kilowatt', password: demoPassword },
    });
    const cookie = `kw_session=${login.cookies.find((c) => c.name === 'kw_session')!.value}`;
    const [sales] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'sales@demo.kilowatt'));
    const before = { leads: await n(leads), history: await n(history) };

    // The floor looks up all 60 rows (6 planted), the API imports the first 40 (4 planted, one of each key kind).
    const result = await runLeadImport({ app, db, log: pino({ level: 'silent' }), cookie, userId: sales!.id, rows: 60, duplicates: 6, apiRows: 40 });
    expect(result).toMatchObject({ rows: 40, planted: 4, detected: 4, created: 36, skipped: 4, floorRows: 60, floorPlanted: 6, floorDetected: 6 });
    expect(result.rssPeak).toBeGreaterThanOrEqual(result.rssBefore);
    expect({ leads: await n(leads), history: await n(history), imports: await n(leadImports) }).toEqual({ ...before, imports: 0 });
  });
});
