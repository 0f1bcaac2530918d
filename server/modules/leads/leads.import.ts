import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToOtherRequests } from 'node:timers/promises';
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  duplicateKeysOf,
  duplicatesWithinFile,
  type DuplicateKeys,
} from '../../../domain/leads/duplicate-keys.js';
import {
  codeOf,
  normaliseCommodity,
  normaliseCompanyIdCell,
  normaliseConsent,
  normaliseDate,
  normaliseDecimal,
  normalisePriceModel,
  normalisePriority,
  normaliseUnit,
  splitFullName,
  unitFromHeader,
} from '../../../domain/leads/import-cells.js';
import {
  leadTargetFields,
  requiredLeadTargetFields,
  suggestLeadMapping,
  type LeadTargetField,
} from '../../../domain/leads/import-mapping.js';
import {
  checkLead,
  potentialCommodities,
  type Potential,
  type PotentialInput,
} from '../../../domain/leads/lead-rules.js';
import type { MergeableLead } from '../../../domain/leads/merge.js';
import { checkSupplyPointIdentifier } from '../../../domain/energy/supply-point-identifier.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound, type FieldProblem } from '../../http/errors.js';
import { enqueue } from '../../jobs/runner.js';
import { recordChanges } from '../audit/audit.service.js';
import { assertCan, can } from '../auth/permissions.js';
import { getClient } from '../clients/clients.service.js';
import { listCodeList } from '../code-lists/code-lists.service.js';
import {
  checkMapping as checkMappingOf,
  chunkSize,
  errorsInAnswer,
  failedImport,
  firstErrors,
  importIdOf,
  invalidRowsRefusal,
  readableBy,
  rowChunks,
  rowIssueOf,
  storedFailure,
  storeSheetRows,
  uploadedFileName,
  userOf,
  wrongStatus,
} from '../imports/import-runs.js';
import { openSheet } from '../imports/imports.files.js';
import { getOwner } from '../owners/owners.service.js';
import { loadActor } from '../users/users.service.js';
import { LeadCreateBody } from './leads.api.js';
import { fillLead, findDuplicates } from './leads.duplicates.js';
import type {
  DecisionsBody,
  ImportRowItem,
  LeadImportMapping,
  LeadImportResponse,
  LeadUploadResponse,
  LeadValidateResponse,
} from './leads.import.api.js';
import { leadTarget, loadVisibleLead, visibleLeads } from './leads.records.js';
import {
  leadImportDecisions,
  leadImportMappings,
  leadImportRows,
  leadImports,
  leadPotentials,
  leads,
  type LeadImportMatch,
  type LeadImportRowError,
} from './leads.schema.js';
import { leadColumnsOf, type LeadFields } from './leads.service.js';

export const leadImportJob = 'leads.import';

type ImportRow = typeof leadImports.$inferSelect;
/** Unmapped columns kept per lead as marketing attributes (the API's limit). */
const maxAttributes = 50;

// ------------------------------------------------------------------------------------------ access

const loadImport = async (ctx: ServiceContext, id: string): Promise<ImportRow> => {
  assertCan(ctx.actor, 'sales.read');
  const [row] = await ctx.db
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.id, id), readableBy(ctx.actor, leadImports.createdBy)));
  if (!row) throw notFound('Import');
  return row;
};

/** Validating, deciding and committing act with the uploader's rights, so only the uploader does them. */
const loadOwnImport = async (ctx: ServiceContext, id: string): Promise<ImportRow> => {
  assertCan(ctx.actor, 'sales.write');
  const row = await loadImport(ctx, id);
  if (ctx.actor.kind === 'user' && row.createdBy !== ctx.actor.userId) {
    throw new AppError(
      'auth.forbidden',
      'Only the user who uploaded the file may check, decide or commit it',
    );
  }
  return row;
};

/** A row's decision, if it has one: the join of every query reading rows with their decisions. */
const decisionOfRow = and(
  eq(leadImportDecisions.importId, leadImportRows.importId),
  eq(leadImportDecisions.rowNumber, leadImportRows.rowNumber),
);

const undecidedCount = async (ctx: ServiceContext, id: string): Promise<number> => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(leadImportRows)
    .leftJoin(leadImportDecisions, decisionOfRow)
    .where(
      and(
        eq(leadImportRows.importId, id),
        isNotNull(leadImportRows.matches),
        isNull(leadImportDecisions.rowNumber),
      ),
    );
  return row?.n ?? 0;
};

const toResponse = async (ctx: ServiceContext, row: ImportRow): Promise<LeadImportResponse> => ({
  id: row.id,
  source: row.source,
  fileName: row.fileName,
  fileType: row.fileType,
  status: row.status,
  phase: row.phase,
  headers: row.headers,
  mapping: row.mapping,
  total: row.total,
  processed: row.processed,
  created: row.created,
  merged: row.merged,
  linked: row.linked,
  skipped: row.skipped,
  valid: row.validatedAt ? row.total - row.invalid : 0,
  invalid: row.invalid,
  errorCount: row.errorCount,
  duplicates: row.duplicates,
  undecided: row.status === 'validated' ? await undecidedCount(ctx, row.id) : 0,
  error: row.error ? storedFailure(row) : null,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  validatedAt: row.validatedAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  version: row.version,
});

export const getLeadImport = async (ctx: ServiceContext, id: string): Promise<LeadImportResponse> =>
  toResponse(ctx, await loadImport(ctx, id));

// ------------------------------------------------------------------------------------------ mappings

/** The column mappings saved for the caller's owner company, one per source, newest first. */
export const listSavedMappings = async (ctx: ServiceContext) => {
  assertCan(ctx.actor, 'sales.read');
  const actor = userOf(ctx);
  return ctx.db
    .select({
      source: leadImportMappings.source,
      mapping: leadImportMappings.mapping,
      updatedAt: leadImportMappings.updatedAt,
    })
    .from(leadImportMappings)
    .where(eq(leadImportMappings.ownerId, actor.ownerId))
    .orderBy(desc(leadImportMappings.updatedAt));
};

/** Saves the mapping for the source and owner company, so the next file of the source starts from it. */
const saveMapping = async (
  ctx: ServiceContext,
  ownerId: string,
  source: string,
  mapping: Record<string, string>,
) => {
  const by = userOf(ctx).userId;
  await ctx.db
    .insert(leadImportMappings)
    .values({
      ownerId,
      source,
      mapping,
      createdBy: by,
      updatedBy: by,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .onConflictDoUpdate({
      target: [leadImportMappings.ownerId, leadImportMappings.source],
      set: { mapping, updatedBy: by, updatedAt: ctx.now(), version: sql`${leadImportMappings.version} + 1` },
    });
};

// ------------------------------------------------------------------------------------------ upload

const defaultName = { csv: 'leads.csv', xlsx: 'leads.xlsx' } as const;

/**
 * Reads the file row by row (streaming for XLSX) and stores its rows in chunks, outside one transaction to keep
 * the database free for others; the import is unknown to everyone until this answers, and a failure half-way
 * removes what was written.
 */
export const uploadLeadImport = async (
  ctx: ServiceContext,
  file: Buffer,
  options: { fileName?: string | undefined; source?: string | undefined },
): Promise<LeadUploadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  const actor = userOf(ctx);
  const sheet = await openSheet(file);
  const name = uploadedFileName(options.fileName, sheet.fileType, defaultName);
  const [row] = await ctx.db
    .insert(leadImports)
    .values({
      ownerId: actor.ownerId,
      createdBy: actor.userId,
      source: options.source ?? null,
      fileName: name,
      fileType: sheet.fileType,
      headers: sheet.headers,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning({ id: leadImports.id });
  if (!row) throw new Error('insert returned no row');
  const id = row.id;
  let stored: Awaited<ReturnType<typeof storeSheetRows>>;
  try {
    stored = await storeSheetRows(sheet, (rows) =>
      ctx.db.insert(leadImportRows).values(rows.map((r) => ({ importId: id, ...r }))),
    );
    await ctx.db.update(leadImports).set({ total: stored.total }).where(eq(leadImports.id, id));
  } catch (error) {
    await ctx.db.delete(leadImports).where(eq(leadImports.id, id));
    throw error;
  }
  const { sampleRows, total } = stored;
  const savedMappings = await listSavedMappings(ctx);
  const saved = options.source ? savedMappings.find((m) => m.source === options.source) : undefined;
  return {
    id,
    fileName: name,
    fileType: sheet.fileType,
    headers: sheet.headers,
    sampleRows,
    total,
    suggestedMapping: suggestLeadMapping(sheet.headers, saved?.mapping ?? null),
    fields: leadTargetFields.map((field) => ({ field, required: requiredLeadTargetFields.includes(field) })),
    savedMappings,
  };
};

// ------------------------------------------------------------------------------------------ checking

type Columns = Partial<Record<LeadTargetField, number>>;

/** The mapping against the file's headers: every required field mapped, every header one of the file's. */
const checkMapping = (mapping: LeadImportMapping, headers: string[]) =>
  checkMappingOf(mapping, headers, leadTargetFields, requiredLeadTargetFields);

type CodeItems = { code: string; labels: Record<string, string>; isActive: boolean }[];
type Shared = {
  columns: Columns;
  headers: string[];
  /** Headers of the columns no field maps: their cells become the lead's attributes. */
  unmapped: { index: number; header: string }[];
  country: string;
  source: string;
  industries: CodeItems;
  territories: CodeItems;
};

/** Where a problem of the lead API lands in the import's terms: `address.city` → `city`, `potentials.0.quantity` → `quantity`. */
const importPath = (path: string): string =>
  path.replace(/^address\./, '').replace(/^potentials\.\d+\./, '') || 'row';

const FieldsBody = LeadCreateBody.omit({ ownerId: true });

const issueOf = (issue: z.core.$ZodIssue): LeadImportRowError => rowIssueOf(issue, importPath);

export type PreparedRow = {
  rowNumber: number;
  columns: ReturnType<typeof leadColumnsOf>;
  potentials: Potential[];
  mergeable: MergeableLead;
};

type Checked = {
  rowNumber: number;
  errors: LeadImportRowError[];
  keys: DuplicateKeys;
  prepared: PreparedRow | null;
};

/** A commodity left out is read from the supply-point identifier when that is valid for exactly one commodity. */
const commodityOfIdentifier = (
  country: string,
  identifier: string | undefined,
): 'electricity' | 'gas' | undefined => {
  if (!identifier) return undefined;
  const fits = (['electricity', 'gas'] as const).filter(
    (c) => checkSupplyPointIdentifier(country, c, identifier).ok,
  );
  return fits.length === 1 ? fits[0] : undefined;
};

/** One row through exactly the rules of creating a lead (without the database): errors, duplicate keys, columns. */
const checkRow = (row: { rowNumber: number; values: string[] }, shared: Shared): Checked => {
  const { columns } = shared;
  const cell = (field: LeadTargetField): string | undefined => {
    const index = columns[field];
    const value = index === undefined ? '' : (row.values[index] ?? '').trim();
    return value === '' ? undefined : value;
  };
  const errors: LeadImportRowError[] = [];
  for (const field of requiredLeadTargetFields)
    if (!cell(field)) errors.push({ path: field, code: 'required', message: `${field} is required` });
  const country = cell('country')?.toUpperCase() ?? shared.country;
  const split = splitFullName(cell('contactName') ?? '');
  const territory = cell('territoryCode');
  const identifier = cell('supplyPointIdentifier');
  const unitHeader = (field: 'quantity' | 'totalDemand') => {
    const index = columns[field];
    return index === undefined ? null : unitFromHeader(shared.headers[index] ?? '');
  };
  const hasPotential = (
    [
      'commodity',
      'territoryCode',
      'supplyPointIdentifier',
      'periodFrom',
      'periodTo',
      'priceModel',
      'quantity',
      'quantityUnit',
    ] as const
  ).some((f) => cell(f));
  const commodity = cell('commodity')
    ? normaliseCommodity(cell('commodity')!)
    : commodityOfIdentifier(country, identifier);
  if (hasPotential && !commodity)
    errors.push({ path: 'commodity', code: 'required', message: 'commodity is required with a potential' });
  const priority = cell('priority') ? normalisePriority(cell('priority')!) : undefined;
  const street = cell('street');
  const city = cell('city');
  const postalCode = cell('postalCode');
  const industry = cell('industry');
  const attributes: Record<string, string> = {};
  for (const { index, header } of shared.unmapped) {
    const value = (row.values[index] ?? '').trim();
    if (value && Object.keys(attributes).length < maxAttributes)
      attributes[header.slice(0, 100)] = value.slice(0, 1000);
  }
  const quantity = cell('quantity') ? normaliseDecimal(cell('quantity')!) : undefined;
  const totalDemand = cell('totalDemand') ? normaliseDecimal(cell('totalDemand')!) : undefined;
  const input: Record<string, unknown> = {
    kind: 'company',
    name: cell('name') ?? '-',
    country,
    companyId: cell('companyId') ? normaliseCompanyIdCell(cell('companyId')!, country) : undefined,
    email: cell('email')?.toLowerCase(),
    phone: cell('phone'),
    contactFirstName: cell('contactFirstName') ?? split.firstName ?? undefined,
    contactLastName: cell('contactLastName') ?? split.lastName ?? undefined,
    contactFunction: cell('contactFunction'),
    address: street || city || postalCode ? { street, city, postalCode } : undefined,
    industry: industry ? codeOf(shared.industries, industry) : undefined,
    priority: priority && /^\d+$/.test(priority) ? Number(priority) : priority,
    source: shared.source,
    campaign: cell('campaign'),
    channel: cell('channel'),
    marketingConsent: cell('marketingConsent') ? normaliseConsent(cell('marketingConsent')!) : undefined,
    attributes,
    totalDemand,
    totalDemandUnit: cell('totalDemandUnit')
      ? normaliseUnit(cell('totalDemandUnit')!)
      : totalDemand
        ? (unitHeader('totalDemand') ?? undefined)
        : undefined,
    note: cell('note'),
    potentials:
      hasPotential && commodity
        ? [
            {
              commodity,
              territoryCode: territory ? codeOf(shared.territories, territory) : undefined,
              supplyPointIdentifier: identifier,
              periodFrom: cell('periodFrom') ? normaliseDate(cell('periodFrom')!, 'start') : undefined,
              periodTo: cell('periodTo') ? normaliseDate(cell('periodTo')!, 'end') : undefined,
              priceModel: cell('priceModel') ? normalisePriceModel(cell('priceModel')!) : undefined,
              quantity,
              quantityUnit: cell('quantityUnit')
                ? normaliseUnit(cell('quantityUnit')!)
                : quantity
                  ? (unitHeader('quantity') ?? undefined)
                  : undefined,
            },
          ]
        : [],
  };
  const parsed = FieldsBody.safeParse(input);
  const reported = new Set(errors.map((e) => e.path));
  const keys = duplicateKeysOf({
    country,
    companyId: typeof input.companyId === 'string' ? input.companyId : null,
    email: typeof input.email === 'string' ? input.email : null,
    phone: typeof input.phone === 'string' ? input.phone : null,
    supplyPointIdentifiers: [identifier],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues.map(issueOf)) if (!reported.has(issue.path)) errors.push(issue);
    // The preview names every problem of the row at once: the lead's own rules also run on what the schema refused.
    const potentials = (input.potentials as PotentialInput[]).filter((p) =>
      (potentialCommodities as readonly string[]).includes(p.commodity),
    );
    const rules = checkLead({ ...(input as Parameters<typeof checkLead>[0]), potentials });
    const named = new Set(errors.map((e) => e.path));
    for (const issue of rules.errors)
      if (!named.has(importPath(issue.path))) errors.push({ ...issue, path: importPath(issue.path) });
    return { rowNumber: row.rowNumber, errors, keys, prepared: null };
  }
  const fields: LeadFields = parsed.data;
  const checked = checkLead({ ...fields, potentials: fields.potentials });
  errors.push(...checked.errors.map((e) => ({ ...e, path: importPath(e.path) })));
  const known = (items: CodeItems, code: string | null | undefined) =>
    !code || items.some((i) => i.isActive && i.code === code);
  if (!known(shared.industries, fields.industry))
    errors.push({
      path: 'industry',
      code: 'unknown_code',
      message: `industry: "${fields.industry}" is not in the industry code list`,
    });
  for (const p of checked.values.potentials) {
    if (!known(shared.territories, p.territoryCode)) {
      errors.push({
        path: 'territoryCode',
        code: 'unknown_code',
        message: `territoryCode: "${p.territoryCode}" is not in the distributionTerritory code list`,
      });
    }
  }
  if (errors.length > 0) return { rowNumber: row.rowNumber, errors, keys, prepared: null };
  const columnsOfLead = leadColumnsOf(fields, checked.values);
  return {
    rowNumber: row.rowNumber,
    errors,
    keys,
    prepared: {
      rowNumber: row.rowNumber,
      columns: columnsOfLead,
      potentials: checked.values.potentials,
      mergeable: columnsOfLead,
    },
  };
};

type Outcome = {
  total: number;
  invalid: number;
  errorCount: number;
  errorsByRow: Map<number, LeadImportRowError[]>;
  matchesByRow: Map<number, LeadImportMatch[]>;
};

/** What checking a row needs besides the row: the mapping, the owner's country, the code lists (read once). */
const sharedOf = async (ctx: ServiceContext, row: ImportRow, columns: Columns, source: string): Promise<Shared> => {
  const actor = userOf(ctx);
  const mapped = new Set(Object.values(columns));
  return {
    columns,
    headers: row.headers,
    unmapped: row.headers.flatMap((header, index) => (mapped.has(index) ? [] : [{ index, header }])),
    country: (await getOwner(ctx, actor.ownerId).catch(() => null))?.country ?? 'SK',
    source,
    industries: await listCodeList(ctx, 'industry'),
    territories: await listCodeList(ctx, 'distributionTerritory'),
  };
};

/** The import's stored rows in file order, a chunk at a time, so no step holds the whole file. */
const leadRowChunks = (ctx: ServiceContext, importId: string) =>
  rowChunks((after, limit) =>
    ctx.db
      .select({ rowNumber: leadImportRows.rowNumber, values: leadImportRows.values })
      .from(leadImportRows)
      .where(and(eq(leadImportRows.importId, importId), gt(leadImportRows.rowNumber, after)))
      .orderBy(asc(leadImportRows.rowNumber))
      .limit(limit),
  );

/**
 * Checks every row of the import in chunks: the lead rules, then duplicates against the leads and clients the
 * uploader may see (a chunk at a time) and against earlier rows of the file. `onProgress` gets the rows checked.
 * Only errors, matches and the rows' duplicate keys are kept, not the checked rows themselves: the job checks each
 * chunk again (the same rules on the same data) while it writes.
 */
const checkAllRows = async (
  ctx: ServiceContext,
  row: ImportRow,
  shared: Shared,
  options: { onProgress?: (processed: number) => Promise<unknown> } = {},
): Promise<Outcome> => {
  const errorsByRow = new Map<number, LeadImportRowError[]>();
  const matchesByRow = new Map<number, LeadImportMatch[]>();
  const allKeys: { row: number; keys: DuplicateKeys }[] = [];
  let processed = 0;
  for await (const chunk of leadRowChunks(ctx, row.id)) {
    const checked = chunk.map((r) => checkRow(r, shared));
    const found = await findDuplicates(
      ctx,
      checked.map((c) => ({ ...c.keys, supplyPointIdentifiers: c.keys.supplyPointIdentifiers })),
    );
    checked.forEach((c, i) => {
      if (c.errors.length > 0) errorsByRow.set(c.rowNumber, c.errors);
      const matches = found[i] ?? [];
      if (matches.length > 0) {
        matchesByRow.set(
          c.rowNumber,
          matches.map((m) => ({
            type: m.type,
            id: m.id,
            fields: [...new Set(m.matchedOn.map((o) => o.field))],
          })),
        );
      }
      allKeys.push({ row: c.rowNumber, keys: c.keys });
    });
    processed += chunk.length;
    await options.onProgress?.(processed);
    // Between chunks no transaction is open: let other requests (the progress bar's) in, also on PGlite.
    await yieldToOtherRequests();
  }
  for (const [rowNumber, earlier] of duplicatesWithinFile(allKeys)) {
    matchesByRow.set(rowNumber, [
      ...(matchesByRow.get(rowNumber) ?? []),
      { type: 'row', row: earlier.row, fields: earlier.fields },
    ]);
  }
  let errorCount = 0;
  for (const errors of errorsByRow.values()) errorCount += errors.length;
  return { total: processed, invalid: errorsByRow.size, errorCount, errorsByRow, matchesByRow };
};

/** Replaces the stored per-row errors and matches with this check's, in a few statements. */
const storeOutcome = async (
  ctx: ServiceContext,
  id: string,
  outcome: Pick<Outcome, 'errorsByRow' | 'matchesByRow'>,
) => {
  await ctx.db
    .update(leadImportRows)
    .set({ errors: null, matches: null })
    .where(
      and(
        eq(leadImportRows.importId, id),
        sql`(${leadImportRows.errors} is not null or ${leadImportRows.matches} is not null)`,
      ),
    );
  const rows = new Set([...outcome.errorsByRow.keys(), ...outcome.matchesByRow.keys()]);
  const entries = [...rows].map((row_number) => ({
    row_number,
    errors: outcome.errorsByRow.get(row_number) ?? null,
    matches: outcome.matchesByRow.get(row_number) ?? null,
  }));
  for (let i = 0; i < entries.length; i += chunkSize) {
    const data = JSON.stringify(entries.slice(i, i + chunkSize));
    await ctx.db.execute(sql`
      update lead_import_rows as r set errors = d.errors, matches = d.matches
      from jsonb_to_recordset(${data}::jsonb) as d(row_number integer, errors jsonb, matches jsonb)
      where r.import_id = ${id} and r.row_number = d.row_number`);
  }
};

/**
 * Checks every row with the mapping, exactly as creating each lead would, finds the duplicates of every row, and
 * saves the mapping for the source. Decisions of an earlier check are dropped: the rows may mean other things now.
 */
export const validateLeadImport = async (
  ctx: ServiceContext,
  id: string,
  input: { source: string; mapping: LeadImportMapping },
): Promise<LeadValidateResponse> => {
  const row = await loadOwnImport(ctx, id);
  if (row.status === 'running' || row.status === 'done') throw wrongStatus(row, 'checked');
  const { columns, stored } = checkMapping(input.mapping, row.headers);
  await saveMapping(ctx, row.ownerId, input.source, stored);
  const outcome = await checkAllRows(ctx, row, await sharedOf(ctx, row, columns, input.source));
  await storeOutcome(ctx, id, outcome);
  await ctx.db.delete(leadImportDecisions).where(eq(leadImportDecisions.importId, id));
  const [updated] = await ctx.db
    .update(leadImports)
    .set({
      status: 'validated',
      source: input.source,
      mapping: stored,
      invalid: outcome.invalid,
      errorCount: outcome.errorCount,
      duplicates: outcome.matchesByRow.size,
      error: null,
      errorCode: null,
      errorDetails: null,
      processed: 0,
      validatedAt: ctx.now(),
      updatedAt: ctx.now(),
      version: sql`${leadImports.version} + 1`,
    })
    .where(and(eq(leadImports.id, id), sql`${leadImports.status} in ('uploaded', 'validated', 'failed')`))
    .returning({ id: leadImports.id });
  if (!updated) throw wrongStatus({ status: 'running' }, 'checked');
  return {
    status: 'validated',
    source: input.source,
    total: outcome.total,
    valid: outcome.total - outcome.invalid,
    invalid: outcome.invalid,
    errorCount: outcome.errorCount,
    duplicates: outcome.matchesByRow.size,
    errors: firstErrors(outcome.errorsByRow, errorsInAnswer),
  };
};

// ------------------------------------------------------------------------------------------ preview

const displayFields = [
  'name',
  'companyId',
  'email',
  'phone',
  'contactName',
  'contactFirstName',
  'contactLastName',
  'city',
  'supplyPointIdentifier',
  'commodity',
  'quantity',
  'quantityUnit',
] as const;

const valuesOf = (
  values: string[],
  mapping: Record<string, string>,
  headers: string[],
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const field of displayFields) {
    const header = mapping[field];
    const index = header ? headers.indexOf(header) : -1;
    const value = index >= 0 ? (values[index] ?? '').trim() : '';
    if (value) out[field] = value;
  }
  return out;
};

/**
 * The rows of the last check, with errors, duplicates and decisions, for the preview. Each match shows the
 * matched record as it stands now, read through its module's access filter: one the uploader may no longer
 * see is left out.
 */
export const listLeadImportRows = async (
  ctx: ServiceContext,
  id: string,
  query: { filter: 'all' | 'errors' | 'duplicates'; cursor?: number | undefined; limit: number },
): Promise<{ items: ImportRowItem[]; nextCursor: number | null }> => {
  const imported = await loadImport(ctx, id);
  const rows = await ctx.db
    .select({ row: leadImportRows, decision: leadImportDecisions })
    .from(leadImportRows)
    .leftJoin(leadImportDecisions, decisionOfRow)
    .where(
      and(
        eq(leadImportRows.importId, id),
        gt(leadImportRows.rowNumber, query.cursor ?? 0),
        query.filter === 'errors'
          ? isNotNull(leadImportRows.errors)
          : query.filter === 'duplicates'
            ? isNotNull(leadImportRows.matches)
            : undefined,
      ),
    )
    .orderBy(asc(leadImportRows.rowNumber))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const mapping = imported.mapping ?? {};
  const matches = page.flatMap((r) => r.row.matches ?? []);
  const leadIds = [...new Set(matches.flatMap((m) => (m.type === 'lead' && m.id ? [m.id] : [])))];
  const leadRecords = new Map(
    leadIds.length === 0
      ? []
      : (
          await ctx.db
            .select()
            .from(leads)
            .where(and(inArray(leads.id, leadIds), visibleLeads(ctx)))
        ).map((l) => [
          l.id,
          {
            name: l.name,
            country: l.country,
            companyId: l.companyId,
            email: l.email,
            phone: l.phone,
            city: l.city,
            status: l.status,
          },
        ]),
  );
  const clientRecords = new Map<string, ImportRowItem['matches'][number]['record'] | null>();
  for (const clientId of new Set(matches.flatMap((m) => (m.type === 'client' && m.id ? [m.id] : [])))) {
    const client = can(ctx.actor, 'clients.read') ? await getClient(ctx, clientId).catch(() => null) : null;
    clientRecords.set(
      clientId,
      client
        ? {
            name: client.name,
            country: client.country,
            companyId: client.companyId,
            email: client.email,
            phone: client.phone,
            city: client.address.city,
            status: client.status,
          }
        : null,
    );
  }
  const earlierRows = [...new Set(matches.flatMap((m) => (m.type === 'row' && m.row ? [m.row] : [])))];
  const earlier = new Map(
    earlierRows.length === 0
      ? []
      : (
          await ctx.db
            .select({ rowNumber: leadImportRows.rowNumber, values: leadImportRows.values })
            .from(leadImportRows)
            .where(and(eq(leadImportRows.importId, id), inArray(leadImportRows.rowNumber, earlierRows)))
        ).map((r) => {
          const v = valuesOf(r.values, mapping, imported.headers);
          return [
            r.rowNumber,
            {
              name: v.name ?? '',
              country: null,
              companyId: v.companyId ?? null,
              email: v.email ?? null,
              phone: v.phone ?? null,
              city: v.city ?? null,
              status: null,
            },
          ];
        }),
  );
  const items = page.map(({ row, decision }): ImportRowItem => ({
    row: row.rowNumber,
    values: valuesOf(row.values, mapping, imported.headers),
    errors: row.errors ?? [],
    matches: (row.matches ?? []).flatMap((m) => {
      const record =
        m.type === 'lead'
          ? leadRecords.get(m.id!)
          : m.type === 'client'
            ? clientRecords.get(m.id!)
            : earlier.get(m.row!);
      if (!record) return [];
      return [
        {
          type: m.type,
          ...(m.id ? { id: m.id } : {}),
          ...(m.row ? { row: m.row } : {}),
          fields: m.fields as ImportRowItem['matches'][number]['fields'],
          record,
        },
      ];
    }),
    decision: decision
      ? {
          decision: decision.decision,
          targetLeadId: decision.targetLeadId,
          targetClientId: decision.targetClientId,
        }
      : null,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? last.row.rowNumber : null };
};

// ------------------------------------------------------------------------------------------ decisions

type Decision = typeof leadImportDecisions.$inferInsert;

/**
 * Records what to do with duplicate rows: merge into the matching lead, create the lead linked to the matching
 * client (merge with a client), skip the row, or keep it as a new lead. A merge names a target among the row's
 * own matches (or has exactly one to choose); `rest` decides every duplicate row still open.
 */
export const decideLeadImportRows = async (ctx: ServiceContext, id: string, input: DecisionsBody) => {
  const imported = await loadOwnImport(ctx, id);
  if (imported.status !== 'validated') throw wrongStatus(imported, 'decided');
  const wanted = [...new Set(input.decisions.map((d) => d.row))];
  const stored = new Map<number, LeadImportMatch[] | null>();
  for (let i = 0; i < wanted.length; i += chunkSize) {
    const part = wanted.slice(i, i + chunkSize);
    const rows = await ctx.db
      .select({ rowNumber: leadImportRows.rowNumber, matches: leadImportRows.matches })
      .from(leadImportRows)
      .where(and(eq(leadImportRows.importId, id), inArray(leadImportRows.rowNumber, part)));
    for (const r of rows) stored.set(r.rowNumber, r.matches);
  }
  const errors: FieldProblem[] = [];
  const decisions: Decision[] = [];
  input.decisions.forEach((d, i) => {
    const at = (field: string) => `decisions.${i}.${field}`;
    const matches = stored.get(d.row);
    if (!matches) {
      errors.push({
        path: at('row'),
        code: 'not_a_duplicate',
        message: `${at('row')}: row ${d.row} is not a duplicate row of this file`,
      });
      return;
    }
    if (d.decision !== 'merge') {
      decisions.push({
        importId: id,
        rowNumber: d.row,
        decision: d.decision,
        targetLeadId: null,
        targetClientId: null,
      });
      return;
    }
    const leadsMatched = matches.filter((m) => m.type === 'lead').map((m) => m.id!);
    const clientsMatched = matches.filter((m) => m.type === 'client').map((m) => m.id!);
    let targetLeadId = d.targetLeadId ?? null;
    let targetClientId = d.targetClientId ?? null;
    if (targetLeadId && targetClientId) {
      errors.push({
        path: at('targetClientId'),
        code: 'one_target',
        message: `${at('targetClientId')}: merge into a lead or link to a client, not both`,
      });
      return;
    }
    if (!targetLeadId && !targetClientId) {
      if (leadsMatched.length === 1) targetLeadId = leadsMatched[0]!;
      else if (leadsMatched.length === 0 && clientsMatched.length === 1) targetClientId = clientsMatched[0]!;
      else {
        const code =
          leadsMatched.length + clientsMatched.length === 0 ? 'merge_unavailable' : 'target_required';
        errors.push({
          path: at('targetLeadId'),
          code,
          message: `${at('targetLeadId')}: ${code === 'merge_unavailable' ? 'the row matches only other rows of the file' : 'choose the lead or client to merge with'}`,
        });
        return;
      }
    }
    if (targetLeadId && !leadsMatched.includes(targetLeadId)) {
      errors.push({
        path: at('targetLeadId'),
        code: 'not_a_match',
        message: `${at('targetLeadId')}: not a lead this row matches`,
      });
      return;
    }
    if (targetClientId && !clientsMatched.includes(targetClientId)) {
      errors.push({
        path: at('targetClientId'),
        code: 'not_a_match',
        message: `${at('targetClientId')}: not a client this row matches`,
      });
      return;
    }
    decisions.push({ importId: id, rowNumber: d.row, decision: 'merge', targetLeadId, targetClientId });
  });
  if (errors.length > 0)
    throw new AppError('validation', errors.map((e) => e.message).join('; '), { errors });
  await withTx(ctx, async (tx) => {
    for (let i = 0; i < decisions.length; i += chunkSize) {
      await tx.db
        .insert(leadImportDecisions)
        .values(decisions.slice(i, i + chunkSize))
        .onConflictDoUpdate({
          target: [leadImportDecisions.importId, leadImportDecisions.rowNumber],
          set: {
            decision: sql`excluded.decision`,
            targetLeadId: sql`excluded.target_lead_id`,
            targetClientId: sql`excluded.target_client_id`,
          },
        });
    }
    if (input.rest) {
      await tx.db.execute(sql`
        insert into lead_import_decisions (import_id, row_number, decision)
        select import_id, row_number, ${input.rest} from lead_import_rows
        where import_id = ${id} and matches is not null
        on conflict do nothing`);
    }
  });
  const undecided = await undecidedCount(ctx, id);
  return { duplicates: imported.duplicates, decided: imported.duplicates - undecided, undecided };
};

// ------------------------------------------------------------------------------------------ commit

/** Starts the import of a checked file without errors and with every duplicate decided: all rows or none. */
export const commitLeadImport = async (
  ctx: ServiceContext,
  id: string,
): Promise<{ id: string; status: 'running' }> => {
  const row = await loadOwnImport(ctx, id);
  if (row.status === 'validated' && row.invalid > 0) throw invalidRowsRefusal(row, 'check again');
  if (row.status !== 'validated') throw wrongStatus(row, 'committed');
  const undecided = await undecidedCount(ctx, id);
  if (undecided > 0) {
    throw new AppError(
      'import.undecided_duplicates',
      `${undecided} duplicate rows have no decision; choose merge, skip or keep for each`,
      {
        errors: [
          { path: 'decisions', code: 'undecided', message: `${undecided} duplicate rows are undecided` },
        ],
      },
    );
  }
  return withTx(ctx, async (tx) => {
    const [started] = await tx.db
      .update(leadImports)
      .set({
        status: 'running',
        phase: 'preparing',
        processed: 0,
        created: 0,
        merged: 0,
        linked: 0,
        skipped: 0,
        error: null,
        errorCode: null,
        errorDetails: null,
        startedAt: ctx.now(),
        finishedAt: null,
        updatedAt: ctx.now(),
        version: sql`${leadImports.version} + 1`,
      })
      .where(and(eq(leadImports.id, id), eq(leadImports.status, 'validated'), eq(leadImports.invalid, 0)))
      .returning({ id: leadImports.id });
    if (!started) throw wrongStatus({ status: 'running' }, 'committed');
    await enqueue(tx, leadImportJob, { importId: id }, { maxAttempts: 3 });
    return { id, status: 'running' as const };
  });
};

/** A reason the import stops that is meant for the user, with the code the UI translates. */
class ImportFailure extends AppError {}

const sameMatches = (a: LeadImportMatch[] | undefined, b: LeadImportMatch[] | null) =>
  JSON.stringify((a ?? []).map((m) => [m.type, m.id ?? m.row]).sort()) ===
  JSON.stringify((b ?? []).map((m) => [m.type, m.id ?? m.row]).sort());

/** Property → column name of a table, for statements that take their rows as one JSON parameter. */
const columnNamesOf = (table: typeof leads | typeof leadPotentials): Record<string, string> =>
  Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [
      key,
      column.keyAsName ? toSnakeCase(column.name) : column.name,
    ]),
  );
const leadColumnNames = columnNamesOf(leads);
const potentialColumnNames = columnNamesOf(leadPotentials);

/**
 * Inserts rows as one JSON parameter that the database expands (`jsonb_populate_recordset`): binding ~45
 * parameters per lead through the query builder cost more than the insert itself (parse and bind of 22,000
 * parameters per 500 leads, docs/performance.md). As with the query builder, a property left undefined keeps
 * the column's default: rows are sent in groups by the properties they define (in practice one group).
 */
const insertAsJson = async (
  ctx: ServiceContext,
  table: typeof leads | typeof leadPotentials,
  names: Record<string, string>,
  rows: readonly Record<string, unknown>[],
) => {
  const groups = new Map<string, { keys: string[]; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((key) => row[key] !== undefined && names[key]);
    const signature = keys.join(',');
    const group = groups.get(signature) ?? { keys, rows: [] };
    group.rows.push(row);
    groups.set(signature, group);
  }
  for (const { keys, rows: part } of groups.values()) {
    const columns = sql.join(keys.map((key) => sql.identifier(names[key]!)), sql`, `);
    const data = JSON.stringify(part.map((row) => Object.fromEntries(keys.map((key) => [names[key], row[key]]))));
    await ctx.db.execute(sql`
      insert into ${table} (${columns})
      select ${columns} from jsonb_populate_recordset(null::${table}, ${data}::jsonb)`);
  }
};

/** Inserts new leads with their potentials and one history row each, in the caller's transaction. */
const insertLeads = async (
  ctx: ServiceContext,
  rows: { prepared: PreparedRow; clientId: string | null }[],
  base: { ownerId: string; importId: string; teamId: string | null; by: string },
): Promise<void> => {
  const now = ctx.now();
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows
      .slice(i, i + 500)
      .map(({ prepared, clientId }) => ({ id: randomUUID(), prepared, clientId }));
    await insertAsJson(
      ctx,
      leads,
      leadColumnNames,
      part.map(({ id, prepared, clientId }) => ({
        ...prepared.columns,
        id,
        clientId: clientId ?? prepared.columns.clientId,
        ownerId: base.ownerId,
        importId: base.importId,
        teamId: base.teamId,
        responsibleUserId: base.by,
        createdBy: base.by,
        updatedBy: base.by,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const potentials = part.flatMap(({ id, prepared }) =>
      prepared.potentials.map((p, position) => ({ ...p, leadId: id, position })),
    );
    for (let j = 0; j < potentials.length; j += chunkSize)
      await insertAsJson(ctx, leadPotentials, potentialColumnNames, potentials.slice(j, j + chunkSize));
    // One history row per imported lead (created by this import) instead of one per filled field: the imported
    // values are the row itself, and the file stays attached to the import.
    await recordChanges(
      ctx,
      part.map(({ id }) => ({
        target: leadTarget({ id, ownerId: base.ownerId }),
        action: 'create' as const,
        before: null,
        after: { importId: base.importId },
      })),
    );
  }
};

/**
 * The job. Progress is only visible when written outside the writing transaction (on PGlite's single connection
 * nothing else can run while it is open), so the work has two phases:
 *  1. `preparing`: every row is checked again with the uploader's current rights and today's data, in chunks,
 *     outside any transaction; `processed` is committed after each chunk (the progress bar). A row that is now
 *     invalid, or whose duplicates changed since the user decided, stops the import before anything is written.
 *  2. `writing`: one transaction inserts the new leads with their potentials and history, merges the rows decided
 *     so into their leads, and marks the import done: all of it becomes visible together, or none of it.
 */
export const runLeadImport = async (
  jobCtx: ServiceContext,
  payload: Record<string, unknown>,
): Promise<{ created: number } | { failed: string } | null> => {
  const id = importIdOf(payload);
  if (!id) return null;
  const [row] = await jobCtx.db.select().from(leadImports).where(eq(leadImports.id, id));
  if (!row || row.status !== 'running') return null;
  const update = (values: PgUpdateSetSource<typeof leadImports>) =>
    jobCtx.db
      .update(leadImports)
      .set({ ...values, updatedAt: jobCtx.now() })
      .where(eq(leadImports.id, id));
  const fail = async (error: AppError, values: PgUpdateSetSource<typeof leadImports> = {}) => {
    jobCtx.log.warn({ importId: id, reason: error.message }, 'lead import failed');
    await update({ ...failedImport(error, jobCtx.now()), version: sql`${leadImports.version} + 1`, ...values });
    return { failed: error.message };
  };
  try {
    const actor = await loadActor(jobCtx, row.createdBy);
    if (!actor || !can(actor, 'sales.write'))
      return await fail(
        new AppError('auth.forbidden', 'The user who uploaded the file may no longer create leads'),
      );
    const ctx: ServiceContext = { ...jobCtx, actor };
    const { columns } = checkMapping((row.mapping ?? {}) as LeadImportMapping, row.headers);
    await update({ phase: 'preparing', processed: 0 });
    const shared = await sharedOf(ctx, row, columns, row.source ?? 'import');
    const outcome = await checkAllRows(ctx, row, shared, { onProgress: (processed) => update({ processed }) });
    if (outcome.invalid > 0) {
      await storeOutcome(ctx, id, outcome);
      const [first] = firstErrors(outcome.errorsByRow, 1);
      return await fail(
        new AppError(
          'import.invalid_rows',
          `${outcome.invalid} rows are no longer valid (row ${first?.row}: ${first?.message}); check again`,
          {
            errors: [
              {
                path: `rows.${first?.row}.${first?.path}`,
                code: first?.code ?? 'invalid',
                message: first?.message ?? '',
              },
            ],
          },
        ),
        { invalid: outcome.invalid, errorCount: outcome.errorCount },
      );
    }
    const stored = await ctx.db
      .select({
        row: leadImportRows.rowNumber,
        matches: leadImportRows.matches,
        decision: leadImportDecisions,
      })
      .from(leadImportRows)
      .leftJoin(leadImportDecisions, decisionOfRow)
      // Only the rows that had duplicates or a decision: every other row must still have none.
      .where(
        and(
          eq(leadImportRows.importId, id),
          or(isNotNull(leadImportRows.matches), isNotNull(leadImportDecisions.rowNumber)),
        ),
      );
    const storedRows = new Set(stored.map((s) => s.row));
    const changed = [
      ...stored.filter((s) => !sameMatches(outcome.matchesByRow.get(s.row), s.matches)).map((s) => s.row),
      ...[...outcome.matchesByRow.keys()].filter((n) => !storedRows.has(n)),
    ].sort((a, b) => a - b);
    if (changed.length > 0) {
      await storeOutcome(ctx, id, outcome);
      await ctx.db
        .delete(leadImportDecisions)
        .where(and(eq(leadImportDecisions.importId, id), inArray(leadImportDecisions.rowNumber, changed)));
      const rows = changed.slice(0, 20).join(', ');
      return await fail(
        new AppError(
          'import.undecided_duplicates',
          `The duplicates of row ${rows} changed since you decided (a lead or client was added or changed meanwhile); decide them again`,
          {
            errors: changed
              .slice(0, 20)
              .map((n) => ({
                path: `rows.${n}`,
                code: 'duplicates_changed',
                message: `row ${n}: its duplicates changed`,
              })),
          },
        ),
        { duplicates: outcome.matchesByRow.size, status: 'validated' },
      );
    }
    const decisions = new Map(stored.flatMap((s) => (s.decision ? [[s.row, s.decision] as const] : [])));
    await update({ phase: 'writing' });
    const counts = await withTx(ctx, async (tx) => {
      const merges: { prepared: PreparedRow; leadId: string }[] = [];
      let created = 0;
      let skipped = 0;
      let linked = 0;
      // The rows are checked again a chunk at a time (the same rules on the same data as above, so they are
      // valid) and inserted at once: memory stays at one chunk. Merges are few (one per decided duplicate).
      for await (const chunk of leadRowChunks(tx, id)) {
        const fresh: { prepared: PreparedRow; clientId: string | null }[] = [];
        for (const stored of chunk) {
          const { prepared } = checkRow(stored, shared);
          if (!prepared) throw new Error(`row ${stored.rowNumber} no longer passes the check it passed`);
          const decision = decisions.get(prepared.rowNumber);
          if (decision?.decision === 'skip') skipped += 1;
          else if (decision?.decision === 'merge' && decision.targetLeadId)
            merges.push({ prepared, leadId: decision.targetLeadId });
          else if (decision?.decision === 'merge' && decision.targetClientId) {
            fresh.push({ prepared, clientId: decision.targetClientId });
            linked += 1;
          } else fresh.push({ prepared, clientId: null });
        }
        await insertLeads(tx, fresh, {
          ownerId: actor.ownerId,
          importId: id,
          teamId: actor.teamIds[0] ?? null,
          by: actor.userId,
        });
        created += fresh.length;
      }
      for (const merge of merges) {
        const target = await loadVisibleLead(tx, merge.leadId, true);
        if (target.archivedAt || target.status === 'converted') {
          throw new ImportFailure(
            'import.undecided_duplicates',
            `Row ${merge.prepared.rowNumber} is to be merged into a lead that was archived or converted meanwhile; decide it again`,
            {
              errors: [
                {
                  path: `rows.${merge.prepared.rowNumber}`,
                  code: 'duplicates_changed',
                  message: `row ${merge.prepared.rowNumber}: the lead to merge into changed`,
                },
              ],
            },
          );
        }
        await fillLead(tx, target, {
          fields: merge.prepared.mergeable,
          potentials: merge.prepared.potentials,
          origin: { mergedFromImport: id, importRow: merge.prepared.rowNumber },
        });
      }
      const result = { created, merged: merges.length, linked, skipped };
      await tx.db
        .update(leadImports)
        .set({
          ...result,
          status: 'done',
          phase: null,
          processed: row.total,
          finishedAt: ctx.now(),
          updatedAt: ctx.now(),
          version: sql`${leadImports.version} + 1`,
        })
        .where(eq(leadImports.id, id));
      return result;
    });
    return { created: counts.created };
  } catch (error) {
    jobCtx.log.error({ err: error, importId: id }, 'lead import job failed');
    if (error instanceof AppError) return fail(error);
    const message =
      (error as { cause?: { message?: string }; message?: string }).cause?.message ??
      (error as Error).message ??
      String(error);
    return fail(
      new AppError('internal', `The import failed and nothing was imported: ${message.slice(0, 300)}`),
    );
  }
};
