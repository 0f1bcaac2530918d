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
