import { and, asc, eq, gt, gte, isNotNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { setImmediate as yieldToOtherRequests } from 'node:timers/promises';
import type { z } from 'zod';
// A quantity is read as in a lead platform's export; the create rules name a cell that is not a number.
import { normaliseDecimal } from '../../../domain/leads/import-cells.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { enqueue } from '../../jobs/runner.js';
import { can, assertCan } from '../auth/permissions.js';
import { listCodeList, type CodeListName } from '../code-lists/code-lists.service.js';
import type { EnergyReference } from '../code-lists/energy-reference.service.js';
import { checkSupplyPoint } from '../supply-points/supply-point-rules.js';
import { SupplyPointCreateBody } from '../supply-points/supply-points.api.js';
import {
  holdersByCompanyId,
  insertSupplyPoints,
  referenceForToday,
  supplyPointsWithIdentifiers,
  type NewSupplyPoint,
} from '../supply-points/supply-points.service.js';
import { loadActor } from '../users/users.service.js';
import type { ErrorsPage, ImportMapping, ImportResponse, RowError, UploadResponse, ValidateResponse } from './imports.api.js';
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
} from './import-runs.js';
import { openSheet } from './imports.files.js';
import {
  codeOf,
  companyIdCandidates,
  normaliseCommodity,
  normaliseStatus,
  normaliseUnit,
  requiredTargetFields,
  suggestMapping,
  supplyPointTargetFields,
  type TargetField,
} from './imports.mapping.js';
import { importRows, imports, type ImportRowError } from './imports.schema.js';

export const supplyPointImportJob = 'imports.supply-points';

type ImportRow = typeof imports.$inferSelect;

// ------------------------------------------------------------------------------------------ access

const loadImport = async (ctx: ServiceContext, id: string): Promise<ImportRow> => {
  const [row] = await ctx.db.select().from(imports).where(and(eq(imports.id, id), readableBy(ctx.actor, imports.createdBy)));
  if (!row) throw notFound('Import');
  return row;
};

/** Validating and committing act with the uploader's rights, so only the uploader does them. */
const loadOwnImport = async (ctx: ServiceContext, id: string): Promise<ImportRow> => {
  assertCan(ctx.actor, 'clients.write');
  const row = await loadImport(ctx, id);
  if (ctx.actor.kind === 'user' && row.createdBy !== ctx.actor.userId) {
    throw new AppError('auth.forbidden', 'Only the user who uploaded the file may validate or commit it');
  }
  return row;
};

const toResponse = (row: ImportRow): ImportResponse => ({
  id: row.id,
  kind: row.kind,
  fileName: row.fileName,
  fileType: row.fileType,
  status: row.status,
  phase: row.phase,
  headers: row.headers,
  mapping: row.mapping,
  total: row.total,
  processed: row.processed,
  created: row.created,
  valid: row.validatedAt ? row.total - row.invalid : 0,
  invalid: row.invalid,
  errorCount: row.errorCount,
  error: storedFailure(row),
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  validatedAt: row.validatedAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  version: row.version,
});

export const getImport = async (ctx: ServiceContext, id: string): Promise<ImportResponse> => toResponse(await loadImport(ctx, id));

// ------------------------------------------------------------------------------------------ upload

const defaultName = { csv: 'import.csv', xlsx: 'import.xlsx' } as const;

/**
 * Reads the file row by row (streaming for XLSX) and stores its rows in chunks, so a large file never sits in
 * memory as objects. The rows are written outside one transaction to keep the database free for others; the
 * import is unknown to everyone until this answers, and a failure half-way removes what was written.
 */
export const uploadImport = async (ctx: ServiceContext, file: Buffer, fileName: string | undefined): Promise<UploadResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const actor = userOf(ctx);
  const sheet = await openSheet(file);
  const name = uploadedFileName(fileName, sheet.fileType, defaultName);

  const [row] = await ctx.db
    .insert(imports)
    .values({ ownerId: actor.ownerId, createdBy: actor.userId, kind: 'supplyPoints', fileName: name, fileType: sheet.fileType, headers: sheet.headers, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning({ id: imports.id });
  if (!row) throw new Error('insert returned no row');
  const id = row.id;

  let stored: Awaited<ReturnType<typeof storeSheetRows>>;
  try {
    stored = await storeSheetRows(sheet, (rows) => ctx.db.insert(importRows).values(rows.map((r) => ({ importId: id, ...r }))));
    await ctx.db.update(imports).set({ total: stored.total }).where(eq(imports.id, id));
  } catch (error) {
    await ctx.db.delete(imports).where(eq(imports.id, id));
    throw error;
  }
  const { sampleRows, total } = stored;
  return {
    id,
    fileName: name,
    fileType: sheet.fileType,
    headers: sheet.headers,
    sampleRows,
    total,
    suggestedMapping: suggestMapping(sheet.headers),
    fields: supplyPointTargetFields.map((field) => ({ field, required: requiredTargetFields.includes(field) })),
  };
};

const noFailure = { error: null, errorCode: null, errorDetails: null } as const;

// ------------------------------------------------------------------------------------------ checking

type Columns = Partial<Record<TargetField, number>>;

/** The mapping against the file's headers: every required field mapped, every header one of the file's. */
const checkMapping = (mapping: ImportMapping, headers: string[]) => checkMappingOf(mapping, headers, supplyPointTargetFields, requiredTargetFields);

const codeLists = { territoryCode: 'distributionTerritory', distributionRate: 'distributionRate', paymentMethod: 'paymentMethod' } as const satisfies Partial<
  Record<TargetField, CodeListName>
>;
type CodeField = keyof typeof codeLists;
type ActiveItems = Record<CodeField, { code: string; labels: Record<string, string> }[]>;

/** The three code lists a supply point uses, read once per check: values may name an item by code or label. */
const loadActiveItems = async (ctx: ServiceContext): Promise<ActiveItems> => {
  const entries = await Promise.all(
    (Object.entries(codeLists) as [CodeField, CodeListName][]).map(async ([field, list]) => [field, (await listCodeList(ctx, list)).filter((i) => i.isActive)] as const),
  );
  return Object.fromEntries(entries) as unknown as ActiveItems;
};

const FieldsBody = SupplyPointCreateBody.omit({ clientId: true });

const fieldOfPath = (joined: string): string => (joined.startsWith('address.') ? joined.slice('address.'.length) : joined || 'row');

const issueOf = (issue: z.core.$ZodIssue): ImportRowError => rowIssueOf(issue, fieldOfPath);

type Shared = { columns: Columns; reference: EnergyReference; items: ActiveItems; by: string; now: Date; importId: string };
type Checked = { rowNumber: number; errors: ImportRowError[]; identifier: string | null; prepared: NewSupplyPoint | null };

/** One chunk of rows through exactly the create's rules, with the clients and existing identifiers read in bulk. */
const checkChunk = async (ctx: ServiceContext, rows: { rowNumber: number; values: string[] }[], shared: Shared): Promise<Checked[]> => {
  const { columns, items } = shared;
  const parsed = rows.map((row) => {
    const cell = (field: TargetField) => {
      const index = columns[field];
      const value = index === undefined ? '' : (row.values[index] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const errors: ImportRowError[] = [];
    for (const field of requiredTargetFields) {
      if (!cell(field)) errors.push({ path: field, code: 'required', message: `${field} is required` });
    }
    const raw = (field: TargetField, normalise: (v: string) => string = (v) => v) => {
      const v = cell(field);
      return v === undefined ? undefined : normalise(v);
    };
    const street = raw('street');
    const city = raw('city');
    const postalCode = raw('postalCode');
    // Missing required cells are reported once as `required`; the placeholders only let the other fields be checked.
    const input: Record<string, unknown> = {
      commodity: raw('commodity', normaliseCommodity) ?? 'electricity',
      identifier: raw('identifier') ?? '-',
      territoryCode: raw('territoryCode', (v) => codeOf(items.territoryCode, v)),
      status: raw('status', normaliseStatus),
      name: raw('name'),
      address: street || city || postalCode ? { street, city, postalCode } : undefined,
      annualConsumption: raw('annualConsumption', normaliseDecimal),
      consumptionUnit: raw('consumptionUnit', normaliseUnit),
      currentSupplier: raw('currentSupplier'),
      currentProduct: raw('currentProduct'),
      distributionRate: raw('distributionRate', (v) => codeOf(items.distributionRate, v)),
      iban: raw('iban'),
      paymentMethod: raw('paymentMethod', (v) => codeOf(items.paymentMethod, v)),
      note: raw('note'),
    };
    const result = FieldsBody.safeParse(input);
    const required = new Set(errors.map((e) => e.path));
    if (!result.success) errors.push(...result.error.issues.map(issueOf).filter((e) => !required.has(e.path)));
    const companyIds = companyIdCandidates(cell('clientCompanyId') ?? '');
    return { row, errors, fields: result.success && required.size === 0 ? result.data : null, companyIds, rawIdentifier: cell('identifier') };
  });

  const holdersById = new Map<string, Awaited<ReturnType<typeof holdersByCompanyId>>>();
  for (const holder of await holdersByCompanyId(ctx, [...new Set(parsed.flatMap((p) => p.companyIds))])) {
    holdersById.set(holder.companyId!, [...(holdersById.get(holder.companyId!) ?? []), holder]);
  }
  const checked = parsed.map((p): Checked & { ownerId: string | null } => {
    const { errors } = p;
    let identifier = p.rawIdentifier ? p.rawIdentifier.replace(/\s+/g, '').toUpperCase() : null;
    let ownerId: string | null = null;
    let prepared: NewSupplyPoint | null = null;
    const matches = [...new Set(p.companyIds.flatMap((id) => holdersById.get(id) ?? []))];
    const holder = matches.length === 1 ? matches[0]! : null;
    if (p.companyIds.length > 0 && matches.length === 0) {
      // A client outside the caller's rights is reported exactly like one that does not exist.
      errors.push({ path: 'clientCompanyId', code: 'unknown_client', message: `clientCompanyId: no client with company ID ${p.companyIds[0]} among your clients` });
    } else if (matches.length > 1) {
      errors.push({ path: 'clientCompanyId', code: 'ambiguous_client', message: `clientCompanyId: ${matches.length} of your clients have company ID ${p.companyIds[0]}` });
    } else if (holder?.archivedAt) {
      errors.push({ path: 'clientCompanyId', code: 'client_archived', message: 'clientCompanyId: the client is archived; restore it before adding supply points' });
    }
    if (holder) ownerId = holder.ownerId;
    if (holder && p.fields) {
      const result = checkSupplyPoint(p.fields, { country: holder.country, kind: holder.kind }, shared.reference);
      errors.push(...result.errors);
      identifier = result.columns.identifier;
      for (const [field, list] of Object.entries(codeLists) as [CodeField, CodeListName][]) {
        const code = result.columns[field];
        if (code && !items[field].some((i) => i.code === code)) {
          errors.push({ path: field, code: 'unknown_code', message: `${field}: "${code}" is not in the ${list} code list` });
        }
      }
      // Assigned rather than spread: V8 builds a spread followed by more properties on a slow path.
      prepared = Object.assign(result.columns, {
        clientId: holder.id,
        ownerId: holder.ownerId,
        // Imported addresses are stored unverified: the geocoder is not asked for thousands of rows.
        addressStatus: 'unverified',
        // Which import created it: the list filters by it ("show the imported supply points").
        importId: shared.importId,
        createdBy: shared.by,
        updatedBy: shared.by,
        createdAt: shared.now,
        updatedAt: shared.now,
      } satisfies Partial<NewSupplyPoint>);
    }
    return { rowNumber: p.row.rowNumber, errors, identifier, prepared, ownerId };
  });

  const existing = await supplyPointsWithIdentifiers(ctx, [...new Set(checked.flatMap((c) => (c.identifier && c.ownerId ? [c.identifier] : [])))]);
  const existingByKey = new Map(existing.map((e) => [`${e.ownerId} ${e.identifier}`, e]));
  for (const c of checked) {
    const taken = existingByKey.get(`${c.ownerId} ${c.identifier}`);
    if (taken) {
      c.errors.push({ path: 'identifier', code: 'duplicate', message: `identifier ${c.identifier} is already used by supply point ${taken.id}`, supplyPointId: taken.id });
    }
  }
  return checked;
};

type Outcome = { total: number; invalid: number; errorCount: number; errorsByRow: Map<number, ImportRowError[]>; prepared: NewSupplyPoint[] };

/**
 * Checks every row of the import in chunks; identifiers repeated within the file are reported on each of their
 * rows, naming the others. `onProgress` is told the rows checked after each chunk.
 */
const checkAllRows = async (
  ctx: ServiceContext,
  row: ImportRow,
  columns: Columns,
  options: { keepPrepared: boolean; onProgress?: (processed: number) => Promise<unknown> },
): Promise<Outcome> => {
  const actor = userOf(ctx);
  const shared: Shared = { columns, reference: await referenceForToday(ctx), items: await loadActiveItems(ctx), by: actor.userId, now: ctx.now(), importId: row.id };
  const errorsByRow = new Map<number, ImportRowError[]>();
  const rowsByIdentifier = new Map<string, number[]>();
  const prepared: NewSupplyPoint[] = [];
  let processed = 0;
  const read = (after: number, limit: number) =>
    ctx.db
      .select({ rowNumber: importRows.rowNumber, values: importRows.values })
      .from(importRows)
      .where(and(eq(importRows.importId, row.id), gt(importRows.rowNumber, after)))
      .orderBy(asc(importRows.rowNumber))
      .limit(limit);
  for await (const chunk of rowChunks(read)) {
    for (const c of await checkChunk(ctx, chunk, shared)) {
      if (c.errors.length > 0) errorsByRow.set(c.rowNumber, c.errors);
      else if (c.prepared && options.keepPrepared) prepared.push(c.prepared);
      if (c.identifier) {
        const rowNumbers = rowsByIdentifier.get(c.identifier);
        if (rowNumbers) rowNumbers.push(c.rowNumber);
        else rowsByIdentifier.set(c.identifier, [c.rowNumber]);
      }
    }
    processed += chunk.length;
    await options.onProgress?.(processed);
    // Between chunks no transaction is open: let other requests (the progress bar's) in, also on PGlite.
    await yieldToOtherRequests();
  }
  for (const [identifier, rowNumbers] of rowsByIdentifier) {
    if (rowNumbers.length < 2) continue;
    for (const rowNumber of rowNumbers) {
      // At most 20 other rows are named, so a file repeating one identifier thousands of times stays linear.
      const shown = rowNumbers.slice(0, 21).filter((n) => n !== rowNumber).slice(0, 20);
      const others = rowNumbers.length - 1;
      const errors = errorsByRow.get(rowNumber) ?? [];
      errors.push({
        path: 'identifier',
        code: 'duplicate_in_file',
        message: `identifier ${identifier} is also in row${others > 1 ? 's' : ''} ${shown.join(', ')}${others > shown.length ? ` and ${others - shown.length} more` : ''}`,
        rows: shown,
      });
      errorsByRow.set(rowNumber, errors);
    }
  }
  const valid = prepared.filter((p) => !rowsByIdentifier.get(p.identifier) || rowsByIdentifier.get(p.identifier)!.length < 2);
  let errorCount = 0;
  for (const errors of errorsByRow.values()) errorCount += errors.length;
  return { total: processed, invalid: errorsByRow.size, errorCount, errorsByRow, prepared: valid };
};

/** Replaces the stored per-row errors with this check's, in a few statements. */
const storeErrors = async (ctx: ServiceContext, id: string, errorsByRow: Map<number, ImportRowError[]>) => {
  await ctx.db.update(importRows).set({ errors: null }).where(and(eq(importRows.importId, id), isNotNull(importRows.errors)));
  const entries = [...errorsByRow.entries()].map(([row_number, errors]) => ({ row_number, errors }));
  for (let i = 0; i < entries.length; i += chunkSize) {
    const data = JSON.stringify(entries.slice(i, i + chunkSize));
    await ctx.db.execute(sql`
      update import_rows as r set errors = d.errors
      from jsonb_to_recordset(${data}::jsonb) as d(row_number integer, errors jsonb)
      where r.import_id = ${id} and r.row_number = d.row_number`);
  }
};

/**
 * Checks every row with the mapping, exactly as creating each supply point would, and reports duplicates
 * against the owner's supply points and within the file. Stores the mapping and each row's errors.
 */
export const validateImport = async (ctx: ServiceContext, id: string, mapping: ImportMapping): Promise<ValidateResponse> => {
  const row = await loadOwnImport(ctx, id);
  if (row.status === 'running' || row.status === 'done') throw wrongStatus(row, 'validated');
  const { columns, stored } = checkMapping(mapping, row.headers);
  const outcome = await checkAllRows(ctx, row, columns, { keepPrepared: false });
  await storeErrors(ctx, id, outcome.errorsByRow);
  const [updated] = await ctx.db
    .update(imports)
    .set({
      status: 'validated',
      mapping: stored,
      invalid: outcome.invalid,
      errorCount: outcome.errorCount,
      ...noFailure,
      processed: 0,
      validatedAt: ctx.now(),
      updatedAt: ctx.now(),
      version: sql`${imports.version} + 1`,
    })
    .where(and(eq(imports.id, id), sql`${imports.status} in ('uploaded', 'validated', 'failed')`))
    .returning({ id: imports.id });
  if (!updated) throw wrongStatus({ ...row, status: 'running' }, 'validated');
  return {
    status: 'validated',
    total: outcome.total,
    valid: outcome.total - outcome.invalid,
    invalid: outcome.invalid,
    errorCount: outcome.errorCount,
    errors: firstErrors(outcome.errorsByRow, errorsInAnswer),
  };
};

// ------------------------------------------------------------------------------------------ errors list

const parseCursor = (cursor: string | undefined): [number, number] => {
  if (!cursor) return [0, 0];
  const match = /^(\d{1,9}):(\d{1,6})$/.exec(cursor);
  if (!match) throw invalidField('cursor', 'invalid_cursor', 'Not a cursor this list returned');
  return [Number(match[1]), Number(match[2])];
};

/** Every stored error by row; the cursor is "row:index within the row" of the next error. */
export const listImportErrors = async (ctx: ServiceContext, id: string, query: { cursor?: string | undefined; limit: number }): Promise<ErrorsPage> => {
  await loadImport(ctx, id);
  const [fromRow, skip] = parseCursor(query.cursor);
  const rows = await ctx.db
    .select({ rowNumber: importRows.rowNumber, errors: importRows.errors })
    .from(importRows)
    .where(and(eq(importRows.importId, id), isNotNull(importRows.errors), gte(importRows.rowNumber, fromRow)))
    .orderBy(asc(importRows.rowNumber))
    .limit(query.limit + 1);
  const items: RowError[] = [];
  for (const row of rows) {
    const errors = row.errors ?? [];
    for (let i = row.rowNumber === fromRow ? skip : 0; i < errors.length; i++) {
      if (items.length === query.limit) return { items, nextCursor: `${row.rowNumber}:${i}` };
      items.push({ row: row.rowNumber, ...errors[i]! });
    }
  }
  const last = rows[rows.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? `${last.rowNumber + 1}:0` : null };
};

// ------------------------------------------------------------------------------------------ commit

/** Starts the import of a validated file without errors: the job writes every row or none. */
export const commitImport = async (ctx: ServiceContext, id: string): Promise<{ id: string; status: 'running' }> => {
  const row = await loadOwnImport(ctx, id);
  if (row.status === 'validated' && row.invalid > 0) throw invalidRowsRefusal(row, 'validate again');
  if (row.status !== 'validated') throw wrongStatus(row, 'committed');
  return withTx(ctx, async (tx) => {
    const [started] = await tx.db
      .update(imports)
      .set({ status: 'running', phase: 'preparing', processed: 0, created: 0, ...noFailure, startedAt: ctx.now(), finishedAt: null, updatedAt: ctx.now(), version: sql`${imports.version} + 1` })
      .where(and(eq(imports.id, id), eq(imports.status, 'validated'), eq(imports.invalid, 0)))
      .returning({ id: imports.id });
    if (!started) throw wrongStatus({ ...row, status: 'running' }, 'committed');
    await enqueue(tx, supplyPointImportJob, { importId: id }, { maxAttempts: 3 });
    return { id, status: 'running' as const };
  });
};

/** Row errors a failure names (the rest are paged through `GET …/errors`). */
const errorsInFailure = 20;

/**
 * Why the import stopped, as any refusal is reported: a stable code, the English detail and the fields and rules.
 * A failure the service foresaw is an AppError; a duplicate key means a supply point was created meanwhile;
 * anything else is `internal`, its detail only in the log (never the failed statement with its parameters).
 */
const failureFrom = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as { cause?: { code?: string; constraint?: string }; code?: string; constraint?: string };
  if ((e.cause?.code ?? e.code) === '23505') {
    if ((e.cause?.constraint ?? e.constraint) === 'supply_points_owner_identifier_unique') {
      return new AppError('supply_point.duplicate_identifier', 'A supply point was created meanwhile with an identifier of this file; nothing was imported', {
        errors: [{ path: 'identifier', code: 'duplicate', message: 'identifier: used by a supply point created meanwhile' }],
      });
    }
    return new AppError('duplicate', 'A record was created meanwhile with values of this file; nothing was imported');
  }
  return new AppError('internal', 'The import failed and nothing was imported; the error was logged');
};

/**
 * The job. Progress is only visible when written outside the writing transaction (on PGlite's single
 * connection nothing else can run while it is open), so the work has two phases:
 *  1. `preparing`: every row is checked again with the uploader's current rights and today's data, in chunks,
 *     outside any transaction; `processed` is committed after each chunk (the progress bar).
 *  2. `writing`: one transaction re-checks the identifiers, inserts every supply point with its history and
 *     marks the import done, so rows, history and `status: done` become visible together, or not at all.
 * Any failure leaves no supply point behind and sets `failed` with the reason. A job taken over after a crash
 * starts again from phase 1 (the import is still `running`); an import in any other state is left alone.
 */
export const runSupplyPointImport = async (jobCtx: ServiceContext, payload: Record<string, unknown>): Promise<{ created: number } | { failed: AppError['code'] } | null> => {
  const id = importIdOf(payload);
  if (!id) return null;
  const [row] = await jobCtx.db.select().from(imports).where(eq(imports.id, id));
  if (!row || row.status !== 'running') return null;
  const update = (values: PgUpdateSetSource<typeof imports>) =>
    jobCtx.db.update(imports).set({ ...values, updatedAt: jobCtx.now() }).where(eq(imports.id, id));
  const fail = async (failure: AppError, values: PgUpdateSetSource<typeof imports> = {}) => {
    jobCtx.log.warn({ importId: id, code: failure.code, reason: failure.message }, 'import failed');
    await update({ ...values, ...failedImport(failure, jobCtx.now()), version: sql`${imports.version} + 1` });
    return { failed: failure.code };
  };
  try {
    const actor = await loadActor(jobCtx, row.createdBy);
    if (!actor || !can(actor, 'clients.write')) {
      return await fail(new AppError('auth.forbidden', 'The user who uploaded the file may no longer create supply points'));
    }
    const ctx: ServiceContext = { ...jobCtx, actor };
    const { columns } = checkMapping((row.mapping ?? {}) as ImportMapping, row.headers);
    await update({ phase: 'preparing', processed: 0 });
    const outcome = await checkAllRows(ctx, row, columns, { keepPrepared: true, onProgress: (processed) => update({ processed }) });
    if (outcome.invalid > 0) {
      await storeErrors(ctx, id, outcome.errorsByRow);
      const named = firstErrors(outcome.errorsByRow, errorsInFailure);
      const first = named[0];
      const failure = new AppError('import.invalid_rows', `${outcome.invalid} rows are no longer valid (row ${first?.row}: ${first?.message}); validate again`, {
        errors: named.map((e) => ({ path: `rows.${e.row}.${e.path}`, code: e.code, message: `row ${e.row}: ${e.message}` })),
      });
      return await fail(failure, { invalid: outcome.invalid, errorCount: outcome.errorCount });
    }
    await update({ phase: 'writing' });
    const created = await withTx(ctx, async (tx) => {
      const identifiers = outcome.prepared.map((p) => p.identifier);
      const ours = new Set(outcome.prepared.map((p) => `${p.ownerId} ${p.identifier}`));
      for (let i = 0; i < identifiers.length; i += chunkSize) {
        const taken = await supplyPointsWithIdentifiers(tx, identifiers.slice(i, i + chunkSize));
        const clash = taken.find((t) => ours.has(`${t.ownerId} ${t.identifier}`));
        if (clash) {
          throw new AppError('supply_point.duplicate_identifier', `Supply point ${clash.identifier} was created meanwhile (${clash.id}); nothing was imported`, {
            errors: [{ path: 'identifier', code: 'duplicate', message: `identifier ${clash.identifier} is already used by supply point ${clash.id}` }],
          });
        }
      }
      const n = await insertSupplyPoints(tx, outcome.prepared);
      await tx.db
        .update(imports)
        .set({ status: 'done', phase: null, processed: row.total, created: n, finishedAt: ctx.now(), updatedAt: ctx.now(), version: sql`${imports.version} + 1` })
        .where(eq(imports.id, id));
      return n;
    });
    return { created };
  } catch (error) {
    jobCtx.log.error({ err: error, importId: id }, 'import job failed');
    return fail(failureFrom(error));
  }
};
