import { boolean, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';

export const users = pgTable('users', {
  id: primaryId(),
  ownerId: uuid()
    .notNull()
    .references(() => owners.id),
  /** Stored lower-cased; unique across the installation because it is the sign-in name. */
  email: varchar({ length: 254 }).notNull().unique(),
  name: varchar({ length: 200 }).notNull(),
  passwordHash: text().notNull(),
  locale: varchar({ length: 5 }).notNull().default('en'),
  isActive: boolean().notNull().default(true),
  ...auditColumns(),
});

/** Roles are a fixed set of keys (permissions live in code); the administrator sets each role's scope. */
export const roles = pgTable('roles', {
  key: varchar({ length: 40 }).primaryKey(),
  scope: varchar({ length: 10, enum: ['own', 'team', 'owner', 'all'] }).notNull(),
  ...auditColumns(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    roleKey: varchar({ length: 40 })
      .notNull()
      .references(() => roles.key),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleKey] })],
);
