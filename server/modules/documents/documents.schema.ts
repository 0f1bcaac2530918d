import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The owner company's template of one document type (CONTRACT-5, DOC-2): Handlebars placeholders in Markdown.
 * A type without a row renders with the built-in default (domain/documents/defaults.ts).
 */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    /** domain/documents documentTypes: offer, contract, letter … */
    type: varchar({ length: 40 }).notNull(),
    /** The document's language: numbers, dates and money are formatted for it. */
    language: varchar({ length: 2 }).notNull(),
    body: text().notNull(),
    ...auditColumns(),
  },
  (t) => [uniqueIndex().on(t.ownerId, t.type)],
);

/**
 * A generated file (a rendered offer, contract or letter; later a signed PDF), kept with its bytes. Access follows
 * the linked record: whoever may see the record may download its files.
 */
export const generatedDocuments = pgTable(
  'generated_documents',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    /** The record the file belongs to, e.g. `client`, `offer`, `contract`; its module registers the access check. */
    recordType: varchar({ length: 40 }).notNull(),
    recordId: uuid().notNull(),
    documentType: varchar({ length: 40 }),
    fileName: varchar({ length: 200 }).notNull(),
    mediaType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    content: bytea().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
  },
  (t) => [index().on(t.recordType, t.recordId, t.createdAt)],
);
