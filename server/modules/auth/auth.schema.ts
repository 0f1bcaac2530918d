import { index, pgTable, text, timestamp, uuid, varchar, boolean } from 'drizzle-orm/pg-core';
import { primaryId } from '../../db/columns.js';
import { users } from '../users/users.schema.js';

/** Sessions live in the database so several app instances share them. Only a hash of the token is kept. */
export const sessions = pgTable(
  'sessions',
  {
    id: primaryId(),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

export const apiTokens = pgTable('api_tokens', {
  id: primaryId(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  name: varchar({ length: 100 }).notNull(),
  /** The first characters of the secret, shown in lists so a user can tell tokens apart. */
  prefix: varchar({ length: 12 }).notNull(),
  tokenHash: varchar({ length: 64 }).notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  expiresAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

/** Failed and successful sign-ins, counted per e-mail to slow down and then refuse guessing. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: primaryId(),
    email: varchar({ length: 254 }).notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email, t.at)],
);
