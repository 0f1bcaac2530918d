import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';

/** A client (account): legal entity or individual with one card (CORE-4). */
export const clients = pgTable(
  'clients',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    kind: varchar({ length: 10, enum: ['company', 'person'] }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    country: varchar({ length: 2 }).notNull(),
    /** Normalised identifiers (upper case, no spaces), validated in domain/identifiers. */
    companyId: varchar({ length: 30 }),
    taxId: varchar({ length: 30 }),
    vatId: varchar({ length: 30 }),
    status: varchar({ length: 10, enum: ['active', 'passive'] })
      .notNull()
      .default('active'),
    relationshipType: varchar({ length: 40 }).notNull(),
    businessArea: varchar({ length: 40 }),
    industry: varchar({ length: 40 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 20 }),
    website: varchar({ length: 200 }),
    street: varchar({ length: 200 }),
    city: varchar({ length: 100 }),
    postalCode: varchar({ length: 12 }),
    addressCountry: varchar({ length: 2 }),
    creditRating: varchar({ length: 10 }),
    debtorNumber: varchar({ length: 30 }),
    creditorNumber: varchar({ length: 30 }),
    note: text(),
    /** Lower-cased, accent-free name, identifiers, e-mail, phone and city, for trigram search. */
    searchText: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex('clients_owner_company_id_unique')
      .on(t.ownerId, t.country, t.companyId)
      .where(sql`${t.companyId} is not null and ${t.archivedAt} is null`),
    index('clients_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index().on(t.ownerId, t.name, t.id),
    index().on(t.teamId, t.name, t.id),
    // Scope "all" has no owner or team to lead with; without it an admin's list sorts the whole table.
    index().on(t.name, t.id),
    index().on(t.responsibleUserId),
    index().on(t.companyId),
    // Duplicate detection of leads looks clients up by exact e-mail and phone in bulk (leads.duplicates.ts).
    index().on(t.email),
    index().on(t.phone),
  ],
);
