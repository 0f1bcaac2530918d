import { boolean, date, index, integer, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { DataSentenceLayout } from '../../../domain/data-sentences/layout.js';
import { auditColumns, primaryId } from '../../db/columns.js';
import { contracts } from '../contracts/contracts.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';

export const partnerKinds = ['supplier', 'distributor'] as const;

/**
 * A partner's data sentence layout (CONTRACT-4): the Excel file one supplier or distributor wants, defined by an
 * administrator in the UI. `layout` is domain/data-sentences `DataSentenceLayout`, validated on every write.
 */
export const dataSentenceLayouts = pgTable(
  'data_sentence_layouts',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    /** The partner as named in contracts' `supplier` for a supplier; the distributor's name for a distributor. */
    partnerName: varchar({ length: 200 }).notNull(),
    partnerKind: varchar({ length: 12, enum: partnerKinds }).notNull(),
    /** Null: the layout serves both commodities. */
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }),
    name: varchar({ length: 200 }).notNull(),
    layout: jsonb().$type<DataSentenceLayout>().notNull(),
    active: boolean().notNull().default(true),
    ...auditColumns(),
  },
  (t) => [index().on(t.ownerId, t.partnerName)],
);

/**
 * One kept export: who made it and when, the layout exactly as it was, the period and filter, and (in
 * `data_sentence_export_rows`) every contract and supply point it contained. The file is in the documents store
 * (`generated_documents`, record type `dataSentenceExport`).
 */
export const dataSentenceExports = pgTable(
  'data_sentence_exports',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    layoutId: uuid()
      .notNull()
      .references(() => dataSentenceLayouts.id),
    layoutVersion: integer().notNull(),
    layoutSnapshot: jsonb().$type<DataSentenceLayout>().notNull(),
    partnerName: varchar({ length: 200 }).notNull(),
    /** Only contracts with this `supplier`; null: every contract signed in the period. */
    supplier: varchar({ length: 200 }),
    signedFrom: date().notNull(),
    signedTo: date().notNull(),
    states: jsonb().$type<string[]>().notNull(),
    rowCount: integer().notNull(),
    contractCount: integer().notNull(),
    documentId: uuid().notNull(),
    fileName: varchar({ length: 200 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
  },
  (t) => [index().on(t.ownerId, t.createdAt), index().on(t.layoutId, t.createdAt)],
);

/** What an export contained, row by row in the file's order: the contract and supply point of each row. */
export const dataSentenceExportRows = pgTable(
  'data_sentence_export_rows',
  {
    exportId: uuid()
      .notNull()
      .references(() => dataSentenceExports.id),
    position: integer().notNull(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    supplyPointId: uuid().references(() => supplyPoints.id),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.position] }), index().on(t.contractId)],
);
