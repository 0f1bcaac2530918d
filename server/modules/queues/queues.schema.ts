import { boolean, integer, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';

/**
 * A work-queue rule (SALES-7): which open cases and leads go to a team's phone or field sales staff, in order of
 * priority and next-activity date, and how many a user takes a day.
 */
export const workQueueRules = pgTable('work_queue_rules', {
  id: primaryId(),
  ownerId: uuid()
    .notNull()
    .references(() => owners.id),
  name: varchar({ length: 120 }).notNull(),
  channel: varchar({ length: 6, enum: ['phone', 'field'] }).notNull(),
  /** Whose members work the queue. */
  teamId: uuid()
    .notNull()
    .references(() => teams.id),
  recordTypes: jsonb().$type<('lead' | 'case')[]>().notNull().default(['lead', 'case']),
  /** Empty: every territory. */
  territoryCodes: jsonb().$type<string[]>().notNull().default([]),
  /** Items with priority up to this number (1 highest … 5). */
  maxPriority: integer().notNull().default(5),
  /** Calls (phone) or visits (field) a user takes a day. */
  dailyCapacity: integer().notNull().default(30),
  position: integer().notNull().default(0),
  isActive: boolean().notNull().default(true),
  ...auditColumns(),
});
