import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../server/demo/demo-data.js';
import { buildApp } from '../server/http/app.js';
import { history } from '../server/modules/audit/audit.schema.js';
import { imports } from '../server/modules/imports/imports.schema.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { users } from '../server/modules/users/users.schema.js';
import { openTestDatabase } from '../server/test/database.js';
import { runImport } from './import.js';
import { loadClients } from './load.js';

const database = await openTestDatabase();
const { db } = database;
const app = await buildApp({ db, sessionHours: 1, secureCookies: false });
afterAll(async () => {
  await app.close();
  await database.close();
});

const n = async (table: typeof supplyPoints | typeof history | typeof imports) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('the bench import', () => {
  it('imports a clean XLSX file through the API and the job, then removes what it wrote', async () => {
    await loadClients({ db, clients: 200, contacts: 200 });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'sales@demo.kilowatt', password: demoPassword },
    });
    const cookie = `kw_session=${login.cookies.find((c) => c.name === 'kw_session')!.value}`;
    const [sales] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'sales@demo.kilowatt'));
    const before = { points: await n(supplyPoints), history: await n(history) };

    const result = await runImport({
      app,
      db,
      log: pino({ level: 'silent' }),
      cookie,
      userId: sales!.id,
      rows: 120,
      dir: `${process.env.TMPDIR ?? '/tmp'}/kilowatt-bench-test`,
    });
    expect(result).toMatchObject({ rows: 120, created: 120 });
    expect(result.clients).toBeGreaterThan(20);
    expect(result.totalMs).toBeGreaterThan(0);
    expect(result.rssPeak).toBeGreaterThanOrEqual(result.rssBefore);
    expect({ points: await n(supplyPoints), history: await n(history), imports: await n(imports) }).toEqual({
      ...before,
      imports: 0,
    });
  });
});
