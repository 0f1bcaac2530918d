import { index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { primaryId } from '../../db/columns.js';

/** One row per changed field (CORE-10), written in the same transaction as the change. */
export const history = pgTable(
  'history',
  {
    id: primaryId(),
    ownerId: uuid(),
    entityType: varchar({ length: 40 }).notNull(),
    entityId: varchar({ length: 64 }).notNull(),
    /** The record whose card shows this entry (a contact's changes appear on its client). */
    rootType: varchar({ length: 40 }).notNull(),
    rootId: varchar({ length: 64 }).notNull(),
    action: varchar({ length: 20, enum: ['create', 'update', 'archive', 'restore'] }).notNull(),
    field: varchar({ length: 60 }),
    before: jsonb(),
    after: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    by: uuid(),
  },
  (t) => [index().on(t.rootType, t.rootId, t.at), index().on(t.entityType, t.entityId, t.at)],
);
