import type { FastifyBaseLogger } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { systemContext, type ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import { jobSchedules, jobs } from './jobs.schema.js';

export type JobHandler = (ctx: ServiceContext, payload: Record<string, unknown>) => Promise<unknown>;
export type Schedule = { name: string; everySeconds: number };

/** How long a claimed job may run before another instance may take it over (a crashed instance's job). */
const leaseSeconds = 300;

/** Retry delay after the n-th failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffSeconds = (attempt: number): number => Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));

export const enqueue = async (
  ctx: Pick<ServiceContext, 'db'>,
  name: string,
  payload: Record<string, unknown> = {},
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<string> => {
  const [row] = await ctx.db
    .insert(jobs)
    .values({ name, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 5 })
    .returning({ id: jobs.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
};

/** Registers recurring jobs; the first run is due at once. Idempotent, so every instance may call it. */
export const ensureSchedules = async (db: Database, schedules: Schedule[]): Promise<void> => {
  for (const s of schedules) {
    await db
      .insert(jobSchedules)
      .values({ name: s.name, everySeconds: s.everySeconds, nextRunAt: new Date() })
      .onConflictDoUpdate({ target: jobSchedules.name, set: { everySeconds: s.everySeconds } });
  }
};

type ClaimedJob = { id: string; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number };

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

export type JobRunner = { tick: () => Promise<number>; stop: () => Promise<void> };

/**
 * Polls the job table. Due schedules are turned into jobs under a row lock, and jobs are claimed with
 * FOR UPDATE SKIP LOCKED, so with several app instances on one database each run happens once.
 */
export const createJobRunner = (options: {
  db: Database;
  log: FastifyBaseLogger;
  handlers: Record<string, JobHandler>;
  instanceId?: string;
  batchSize?: number;
}): JobRunner => {
  const instance = options.instanceId ?? randomUUID();
  const { db, log } = options;

  const enqueueDueSchedules = () =>
    db.transaction(async (tx) => {
      const due = rowsOf<{ name: string; every_seconds: number }>(
        await tx.execute(sql`select name, every_seconds from job_schedules where next_run_at <= now() for update skip locked`),
      );
      for (const s of due) {
        await tx.insert(jobs).values({ name: s.name });
        await tx.execute(
          sql`update job_schedules set next_run_at = now() + make_interval(secs => ${s.every_seconds}) where name = ${s.name}`,
        );
      }
    });

  const claim = async (): Promise<ClaimedJob[]> =>
    rowsOf<ClaimedJob>(
      await db.execute(sql`
        update jobs set state = 'running', attempts = attempts + 1, locked_by = ${instance},
          locked_until = now() + make_interval(secs => ${leaseSeconds})
        where id in (
          select id from jobs
          where (state = 'queued' and run_at <= now()) or (state = 'running' and locked_until < now())
          order by run_at limit ${options.batchSize ?? 5}
          for update skip locked)
        returning id, name, payload, attempts, max_attempts`),
    );

  const finish = async (job: ClaimedJob, error: unknown) => {
    if (!error) {
      await db.execute(sql`update jobs set state = 'done', finished_at = now(), locked_until = null where id = ${job.id}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= job.max_attempts;
    log.warn({ job: job.name, id: job.id, attempt: job.attempts, err: message }, failed ? 'job failed for good' : 'job failed; retrying');
    await db.execute(sql`
      update jobs set state = ${failed ? 'failed' : 'queued'}, last_error = ${message}, locked_until = null,
        run_at = now() + make_interval(secs => ${backoffSeconds(job.attempts)}),
        finished_at = ${failed ? sql`now()` : null}
      where id = ${job.id}`);
  };

  const tick = async (): Promise<number> => {
    await enqueueDueSchedules();
    const claimed = await claim();
    for (const job of claimed) {
      const handler = options.handlers[job.name];
      let error: unknown = handler ? null : new Error(`no handler for job ${job.name}`);
      if (handler) {
        try {
          await handler(systemContext(db, log, `job:${job.name}`), job.payload);
        } catch (e) {
          error = e;
        }
      }
      await finish(job, error);
    }
    return claimed.length;
  };

  return {
    tick,
    stop: async () => undefined,
  };
};

/** Runs `tick` every `pollMs` until stopped; a failing tick is logged and the loop goes on. */
export const startPolling = (runner: JobRunner, log: FastifyBaseLogger, pollMs = 5000): (() => Promise<void>) => {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    current = runner.tick().catch((err: unknown) => log.error({ err }, 'job runner tick failed'));
  }, pollMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
};
