import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import type { FieldProblem } from '../../http/errors.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';
import { users } from '../users/users.schema.js';

export const leadStatuses = ['new', 'qualified', 'disqualified', 'converted'] as const;
export const potentialCommodities = ['electricity', 'gas', 'service'] as const;
export const quantityUnits = ['kWh', 'MWh', 'm3'] as const;
export const priceModels = ['fixed', 'spot', 'indexed', 'other'] as const;

/**
 * A lead (SALES-1): an unqualified prospect, typed in or imported from a lead platform's export. Visibility is
 * the lead's own (owner, team, responsible user, creator), like a client's. Once converted it keeps links to
 * the client and the business case it became.
 */
export const leads = pgTable(
  'leads',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    kind: varchar({ length: 10, enum: ['company', 'person'] })
      .notNull()
      .default('company'),
    name: varchar({ length: 200 }).notNull(),
    country: varchar({ length: 2 }).notNull(),
    /** Normalised like a client's (domain/identifiers), so duplicates compare exactly. */
    companyId: varchar({ length: 30 }),
    email: varchar({ length: 254 }),
    /** E.164 without spaces, as clients store it. */
    phone: varchar({ length: 20 }),
    contactFirstName: varchar({ length: 100 }),
    contactLastName: varchar({ length: 100 }),
    contactFunction: varchar({ length: 100 }),
    street: varchar({ length: 200 }),
    city: varchar({ length: 100 }),
    postalCode: varchar({ length: 12 }),
    /** Code list `industry`. */
    industry: varchar({ length: 40 }),
    status: varchar({ length: 12, enum: leadStatuses }).notNull().default('new'),
    disqualifiedReason: text(),
    /** 1 (highest) … 5; work queues order by it. */
    priority: integer().notNull().default(3),
    /** Where the lead came from: `manual`, or the import source's name (e.g. "Reinet"). */
    source: varchar({ length: 60 }).notNull().default('manual'),
    importId: uuid(),
    /** Marketing attributes: campaign, channel, consent and whatever a source adds. */
    campaign: varchar({ length: 100 }),
    channel: varchar({ length: 40 }),
    marketingConsent: varchar({ length: 10, enum: ['granted', 'refused', 'unknown'] })
      .notNull()
      .default('unknown'),
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Total demand over every commodity, in `totalDemandUnit`; potentials split it by commodity and territory. */
    totalDemand: numeric({ precision: 18, scale: 3 }),
    totalDemandUnit: varchar({ length: 4, enum: quantityUnits }),
    /** An existing client the lead belongs to (chosen, or merged into on import); conversion links to it instead of creating one. */
    clientId: uuid(),
    convertedClientId: uuid(),
    convertedCaseId: uuid(),
    convertedAt: timestamp({ withTimezone: true }),
    /** Set when the lead was merged into another one (and archived): the lead that carries its data now. */
    mergedIntoLeadId: uuid(),
    /** Kept by the activities service in the same transaction as the activity, so lists sort by them. */
    lastActivityAt: timestamp({ withTimezone: true }),
    nextActivityAt: timestamp({ withTimezone: true }),
    note: text(),
    searchText: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    index('leads_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index().on(t.ownerId, t.name, t.id),
    index().on(t.teamId, t.name, t.id),
    index().on(t.name, t.id),
    index().on(t.responsibleUserId),
    index().on(t.companyId),
    index().on(t.email),
    index().on(t.phone),
    index().on(t.nextActivityAt),
    index().on(t.importId),
  ],
);

/** Energy or service potential of a lead (SALES-1): per commodity and delivery territory, a period, a price model, a quantity. */
export const leadPotentials = pgTable(
  'lead_potentials',
  {
    id: primaryId(),
    leadId: uuid()
      .notNull()
      .references(() => leads.id),
    commodity: varchar({ length: 12, enum: potentialCommodities }).notNull(),
    /** Code list distributionTerritory (the delivery location / balancing area). */
    territoryCode: varchar({ length: 40 }),
    /** A supply point the lead named, normalised; duplicate detection compares it with existing supply points. */
    supplyPointIdentifier: varchar({ length: 40 }),
    periodFrom: date(),
    periodTo: date(),
    priceModel: varchar({ length: 10, enum: priceModels }),
    quantity: numeric({ precision: 18, scale: 3 }),
    quantityUnit: varchar({ length: 4, enum: quantityUnits }),
    position: integer().notNull().default(0),
  },
  (t) => [index().on(t.leadId), index().on(t.supplyPointIdentifier)],
);

/** A lead platform's column mapping, saved per source and owner company and reused by the next import. */
export const leadImportMappings = pgTable(
  'lead_import_mappings',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    source: varchar({ length: 60 }).notNull(),
    /** Target field → column header of the file. */
    mapping: jsonb().$type<Record<string, string>>().notNull(),
    ...auditColumns(),
  },
  (t) => [uniqueIndex().on(t.ownerId, t.source)],
);

/** What the user chose for a duplicate row of an import: merge into the match, skip the row, or keep it as a new lead. */
export const leadImportDecisions = pgTable(
  'lead_import_decisions',
  {
    importId: uuid().notNull(),
    rowNumber: integer().notNull(),
    decision: varchar({ length: 6, enum: ['merge', 'skip', 'keep'] }).notNull(),
    /** With `merge`: the lead to merge into, or the client the row's lead is linked to. */
    targetLeadId: uuid(),
    targetClientId: uuid(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);

/** Which kind of record a row of a lead import matches, and on which keys (duplicate detection, SALES-1). */
export type LeadImportMatch = {
  type: 'lead' | 'client' | 'row';
  /** The lead or client; absent for `row`. */
  id?: string;
  /** `row`: the earlier row of the same file. */
  row?: number;
  fields: string[];
};

/** One problem of one row of a lead import: the target field, the rule, and the English message. */
export type LeadImportRowError = { path: string; code: string; message: string };

/**
 * An uploaded file of leads being imported (SALES-1), visible to its uploader and administrators only.
 * uploaded → validated (mapping checked, per-row errors and duplicates stored) → running (job) → done | failed.
 */
export const leadImports = pgTable(
  'lead_imports',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    /** The lead platform the file comes from (e.g. "Reinet"); keys the saved mapping and becomes each lead's source. */
    source: varchar({ length: 60 }),
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
    /** Outcome: new leads, rows merged into an existing lead, new leads linked to an existing client, rows skipped. */
    created: integer().notNull().default(0),
    merged: integer().notNull().default(0),
    linked: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    /** Rows with at least one error and the number of errors, and rows matching an existing record or an earlier row. */
    invalid: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    duplicates: integer().notNull().default(0),
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

/** The data rows of a lead import as uploaded (cells as text), with the errors and duplicates of the last check. */
export const leadImportRows = pgTable(
  'lead_import_rows',
  {
    importId: uuid()
      .notNull()
      .references(() => leadImports.id, { onDelete: 'cascade' }),
    /** The row's number in the file as a spreadsheet shows it (the header row is 1). */
    rowNumber: integer().notNull(),
    values: jsonb().$type<string[]>().notNull(),
    errors: jsonb().$type<LeadImportRowError[]>(),
    matches: jsonb().$type<LeadImportMatch[]>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
