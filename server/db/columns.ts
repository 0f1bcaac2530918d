import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every business row carries (DESIGN.md, data rules). */
export const auditColumns = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid(),
  /** Optimistic lock: every update matches on it and increments it. */
  version: integer().notNull().default(1),
});

export const primaryId = () => uuid().primaryKey().defaultRandom();
