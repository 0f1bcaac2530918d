import { boolean, pgTable, primaryKey, uuid, varchar, index } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';

export const teams = pgTable('teams', {
  id: primaryId(),
  ownerId: uuid()
    .notNull()
    .references(() => owners.id),
  name: varchar({ length: 120 }).notNull(),
  isActive: boolean().notNull().default(true),
  ...auditColumns(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    userId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index().on(t.userId)],
);
