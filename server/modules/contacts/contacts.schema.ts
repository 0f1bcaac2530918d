import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { clients } from '../clients/clients.schema.js';

/** A contact person at a client (CORE-5). Visibility follows the client's. */
export const contacts = pgTable(
  'contacts',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    firstName: varchar({ length: 100 }).notNull(),
    lastName: varchar({ length: 100 }).notNull(),
    function: varchar({ length: 40 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 20 }),
    mobile: varchar({ length: 20 }),
    preferredChannel: varchar({ length: 10, enum: ['email', 'phone', 'mobile', 'post'] }),
    /** May sign contracts on the client's behalf. */
    isSigningPerson: boolean().notNull().default(false),
    isPrimary: boolean().notNull().default(false),
    note: text(),
    searchText: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    index().on(t.clientId),
    index('contacts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
