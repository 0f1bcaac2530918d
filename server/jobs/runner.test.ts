import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/client.js';
import { sessions } from '../modules/auth/auth.schema.js';
import { users } from '../modules/users/users.schema.js';
import { openTestDatabase } from '../test/database.js';
import { jobHandlers } from './index.js';
import { jobs } from './jobs.schema.js';
import { backoffSeconds, createJobRunner, enqueue, ensureSchedules } from './runner.js';

const log = pino({ level: 'silent' });
const database = await openTestDatabase();
const db = database.db;
// On PostgreSQL the second instance has its own connection pool, as a second app process would.
const second = database.url ? openPostgres(database.url, 5) : null;
afterAll(async () => {
  await second?.close();
  await database.close();
});

describe('background jobs', () => {
  it('run each queued job exactly once with two instances polling at the same time', async () => {
    const runs: string[] = [];
    const handlers = {
      count: async (_: unknown, payload: Record<string, unknown>) => {
        runs.push(String(payload.n));
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    for (let n = 0; n < 40; n++) await enqueue({ db }, 'count', { n });
    const a = createJobRunner({ db, log, handlers, instanceId: 'a' });
    const b = createJobRunner({ db: second?.db ?? db, log, handlers, instanceId: 'b' });
    for (let round = 0; round < 20; round++) await Promise.all([a.tick(), b.tick()]);
    expect(runs.sort()).toEqual(Array.from({ length: 40 }, (_, n) => String(n)).sort());
    const done = await db.select().from(jobs).where(eq(jobs.name, 'count'));
    expect(done.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
    expect(new Set(done.map((j) => j.lockedBy))).toEqual(second ? new Set(['a', 'b']) : new Set(done.map((j) => j.lockedBy)));
  });

  it('retry a failing job with growing backoff and give up after its attempts', async () => {
    const id = await enqueue({ db }, 'flaky', {}, { maxAttempts: 2 });
    const runner = createJobRunner({ db, log, handlers: { flaky: async () => Promise.reject(new Error('SMTP down')) } });
    await runner.tick();
    let [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: 'SMTP down' });
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
    await db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.id, id));
    await runner.tick();
    [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it.each([
    [1, 10],
    [2, 20],
    [4, 80],
    [20, 3600],
  ])('backoff after attempt %i is %i s', (attempt, seconds) => {
    expect(backoffSeconds(attempt)).toBe(seconds);
  });

  it('enqueue a due schedule once across instances, and the session job removes expired sessions only', async () => {
    const [user] = await db.select({ id: users.id }).from(users).limit(1);
    await db.insert(sessions).values([
      { tokenHash: 'expired'.padEnd(64, '0'), userId: user!.id, expiresAt: new Date(Date.now() - 60_000) },
      { tokenHash: 'current'.padEnd(64, '0'), userId: user!.id, expiresAt: new Date(Date.now() + 60_000) },
    ]);
    await ensureSchedules(db, [{ name: 'auth.remove-expired-sessions', everySeconds: 3600 }]);
    const a = createJobRunner({ db, log, handlers: jobHandlers, instanceId: 'a' });
    const b = createJobRunner({ db: second?.db ?? db, log, handlers: jobHandlers, instanceId: 'b' });
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const runs = await db.select().from(jobs).where(eq(jobs.name, 'auth.remove-expired-sessions'));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.state).toBe('done');
    const left = (await db.select().from(sessions)).map((s) => s.tokenHash.slice(0, 7));
    expect(left).toContain('current');
    expect(left).not.toContain('expired');
  });
});
