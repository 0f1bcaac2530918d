import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { primaryId } from '../../db/columns.js';
import type { FieldProblem } from '../../http/errors.js';
import { owners } from '../owners/owners.schema.js';
import { users } from '../users/users.schema.js';

/** One problem of one row, as the preview and the error list report it. */
export type ImportRowError = {
  path: string;
  code: string;
  message: string;
  /** `identifier`/`duplicate`: the supply point that already has the identifier. */
  supplyPointId?: string;
  /** `identifier`/`duplicate_in_file`: the other rows of the file with the same identifier. */
  rows?: number[];
};

/**
 * An uploaded file being imported (supply points so far). Visible to its creator and administrators only.
 * uploaded → validated (mapping checked, per-row errors stored) → running (job) → done | failed.
 */
export const imports = pgTable(
  'imports',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    kind: varchar({ length: 20, enum: ['supplyPoints'] }).notNull(),
    fileName: varchar({ length: 255 }).notNull(),
    fileType: varchar({ length: 4, enum: ['csv', 'xlsx'] }).notNull(),
    status: varchar({ length: 10, enum: ['uploaded', 'validated', 'running', 'done', 'failed'] })
      .notNull()
      .default('uploaded'),
    /** While running: `preparing` (rows re-checked outside the transaction, `processed` counts them), then `writing`. */
    phase: varchar({ length: 10, enum: ['preparing', 'writing'] }),
    /** Column names of the file, made unique; every row's `values` follows this order. */
    headers: jsonb().$type<string[]>().notNull(),
    /** Target field → header, as last validated. */
    mapping: jsonb().$type<Record<string, string>>(),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    /** Rows with at least one error, and the number of errors, from the last check. */
    invalid: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    /** Why the import failed: the English detail, the stable AppError code and the fields and rules concerned. */
    error: text(),
    errorCode: varchar({ length: 60 }),
    errorDetails: jsonb().$type<FieldProblem[]>(),
    validatedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [index().on(t.createdBy, t.createdAt)],
);

/** The file's data rows as uploaded (cells as text), with the errors of the last check. */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** The row's number in the file as a spreadsheet shows it (the header row is 1). */
    rowNumber: integer().notNull(),
    values: jsonb().$type<string[]>().notNull(),
    errors: jsonb().$type<ImportRowError[]>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
