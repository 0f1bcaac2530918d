import { index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { primaryId } from '../db/columns.js';

/** Queued work. Claimed with FOR UPDATE SKIP LOCKED so each job runs once across app instances. */
export const jobs = pgTable(
  'jobs',
  {
    id: primaryId(),
    name: varchar({ length: 80 }).notNull(),
    payload: jsonb().notNull().default({}),
    state: varchar({ length: 12, enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    lockedBy: varchar({ length: 80 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.state, t.runAt)],
);

/** Recurring jobs: the row is locked while the next run is enqueued, so only one instance enqueues it. */
export const jobSchedules = pgTable('job_schedules', {
  name: varchar({ length: 80 }).primaryKey(),
  everySeconds: integer().notNull(),
  nextRunAt: timestamp({ withTimezone: true }).notNull(),
});
