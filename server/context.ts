import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/client.js';
import type { Actor } from './modules/auth/permissions.js';

/** What every service function receives: who acts, on which database or open transaction, and when. */
export type ServiceContext = {
  db: Database;
  actor: Actor;
  now: () => Date;
  log: FastifyBaseLogger;
  /** Set inside `withTx`, so nested use cases join the caller's transaction instead of opening one. */
  inTransaction?: boolean;
};

export const withTx = async <T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> => {
  if (ctx.inTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx as unknown as Database, inTransaction: true }));
};

export const systemContext = (db: Database, log: FastifyBaseLogger, name: string): ServiceContext => ({
  db,
  actor: { kind: 'system', name },
  now: () => new Date(),
  log,
});

/**
 * Independent reads: at once on the pool, one after another inside a transaction, whose one connection runs one
 * statement at a time anyway (pg deprecates queuing a query on a busy client, and pg@9 refuses it).
 */
export const readTogether = async <T extends readonly (() => PromiseLike<unknown>)[]>(
  ctx: ServiceContext,
  ...reads: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> => {
  if (!ctx.inTransaction) return (await Promise.all(reads.map((read) => read()))) as never;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as never;
};
