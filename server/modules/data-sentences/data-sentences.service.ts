import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { rowOf, type Cell, type CellProblem } from '../../../domain/data-sentences/cells.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, notFound, type FieldProblem } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { dataSentenceRecords, visibleContractIds } from '../contracts/contracts.data-sentence.js';
import { getDocumentFile, registerDocumentAccess, storeDocument } from '../documents/documents.service.js';
import { userNames } from '../users/users.service.js';
import type {
  ExportCreateBody,
  ExportDetail,
  ExportListQuery,
  ExportResponse,
  LayoutCreateBody,
  LayoutListQuery,
  LayoutResponse,
  LayoutUpdateBody,
} from './data-sentences.api.js';
import { dataSentenceExportRows, dataSentenceExports, dataSentenceLayouts } from './data-sentences.schema.js';
import { dataSentenceWorkbook } from './data-sentences.xlsx.js';

/**
 * Data sentences (CONTRACT-4): partners' Excel layouts, defined per owner company by administrators, and the kept
 * exports of a period's signed contracts in them.
 *
 * Access: layouts are owner-company settings (read by whoever exports contracts, written with
 * `admin.dataSentences`). A kept export is visible to a user only when they may see every contract it contained
 * (the contracts module's own access filter), so its file never shows a contract outside their rights; an empty
 * export is visible within its owner company.
 */

type LayoutRow = typeof dataSentenceLayouts.$inferSelect;
type ExportRow = typeof dataSentenceExports.$inferSelect;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const versionConflict = () => new AppError('version_conflict', 'The layout was changed by someone else; reload it and try again');

const assertMayRead = (ctx: ServiceContext) => {
  if (!can(ctx.actor, 'admin.dataSentences')) assertCan(ctx.actor, 'contracts.export');
};

/** Layouts and exports are the owner company's; a user of scope `all` (the administrator) sees every company's. */
const ofOwner = (ctx: ServiceContext, column: typeof dataSentenceLayouts.ownerId | typeof dataSentenceExports.ownerId): SQL | undefined =>
  ctx.actor.kind === 'user' && ctx.actor.scope !== 'all' ? eq(column, ctx.actor.ownerId) : undefined;

const ownerOf = (ctx: ServiceContext): string => {
  if (ctx.actor.kind === 'user') return ctx.actor.ownerId;
  throw new Error('a data sentence layout is made by a user of an owner company');
};

const layoutTarget = (row: { id: string; ownerId: string }) => ({
  entityType: 'dataSentenceLayout',
  entityId: row.id,
  rootType: 'dataSentenceLayout',
  rootId: row.id,
  ownerId: row.ownerId,
});

const toLayout = (row: LayoutRow): LayoutResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  partnerName: row.partnerName,
  partnerKind: row.partnerKind,
  commodity: row.commodity,
  name: row.name,
  layout: row.layout,
  active: row.active,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const loadLayout = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<LayoutRow> => {
  const query = ctx.db.select().from(dataSentenceLayouts).where(and(eq(dataSentenceLayouts.id, id), ofOwner(ctx, dataSentenceLayouts.ownerId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Data sentence layout');
  return row;
};

export const listLayouts = async (ctx: ServiceContext, query: LayoutListQuery): Promise<LayoutResponse[]> => {
  assertMayRead(ctx);
  const rows = await ctx.db
    .select()
    .from(dataSentenceLayouts)
    .where(and(ofOwner(ctx, dataSentenceLayouts.ownerId), query.active === 'all' ? undefined : eq(dataSentenceLayouts.active, query.active === 'true')))
    .orderBy(asc(dataSentenceLayouts.partnerName), asc(dataSentenceLayouts.name), asc(dataSentenceLayouts.id));
  return rows.map(toLayout);
};

export const getLayout = async (ctx: ServiceContext, id: string): Promise<LayoutResponse> => {
  assertMayRead(ctx);
  return toLayout(await loadLayout(ctx, id));
};

export const createLayout = async (ctx: ServiceContext, input: LayoutCreateBody): Promise<LayoutResponse> => {
  assertCan(ctx.actor, 'admin.dataSentences');
  return withTx(ctx, async (ctx) => {
    const by = actorUserId(ctx.actor);
    const [row] = await ctx.db
      .insert(dataSentenceLayouts)
      .values({
        ownerId: ownerOf(ctx),
        partnerName: input.partnerName,
        partnerKind: input.partnerKind,
        commodity: input.commodity ?? null,
        name: input.name,
        layout: input.layout,
        active: input.active,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
        createdBy: by,
        updatedBy: by,
      })
      .returning();
    await recordChange(ctx, layoutTarget(row!), 'create', null, historyOf(row!));
    return toLayout(row!);
  });
};

/** What history keeps of a layout: the whole layout as one value, so a change shows before and after. */
const historyOf = (row: LayoutRow) => ({
  partnerName: row.partnerName,
  partnerKind: row.partnerKind,
  commodity: row.commodity,
  name: row.name,
  layout: row.layout,
  active: row.active,
});

export const updateLayout = async (ctx: ServiceContext, id: string, input: LayoutUpdateBody): Promise<LayoutResponse> => {
  assertCan(ctx.actor, 'admin.dataSentences');
  return withTx(ctx, async (ctx) => {
    const before = await loadLayout(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    const { version, ...patch } = input;
    const [row] = await ctx.db
      .update(dataSentenceLayouts)
      .set({
        ...(patch.partnerName !== undefined ? { partnerName: patch.partnerName } : {}),
        ...(patch.partnerKind !== undefined ? { partnerKind: patch.partnerKind } : {}),
        ...(patch.commodity !== undefined ? { commodity: patch.commodity ?? null } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.layout !== undefined ? { layout: patch.layout } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        version: version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(dataSentenceLayouts.id, id), eq(dataSentenceLayouts.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, layoutTarget(row), 'update', historyOf(before), historyOf(row));
    return toLayout(row);
  });
};

export const layoutHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertMayRead(ctx);
  await loadLayout(ctx, id);
  return listHistory(ctx, { type: 'dataSentenceLayout', id });
};

// ---------------------------------------------------------------- exports

/**
 * SECURITY-CRITICAL. A kept export is visible when it is of the caller's owner company (or they see all) and none
 * of its rows is a contract outside the caller's rights (the contracts module's filter, not a copy).
 */
const visibleExports = (ctx: ServiceContext): SQL =>
  and(
    ofOwner(ctx, dataSentenceExports.ownerId),
    sql`not exists (select 1 from ${dataSentenceExportRows} where ${dataSentenceExportRows.exportId} = ${dataSentenceExports.id} and ${notInArray(
      dataSentenceExportRows.contractId,
      visibleContractIds(ctx),
    )})`,
  ) as SQL;

const loadVisibleExport = async (ctx: ServiceContext, id: string): Promise<ExportRow> => {
  const [row] = await ctx.db.select().from(dataSentenceExports).where(and(eq(dataSentenceExports.id, id), visibleExports(ctx)));
  if (!row) throw notFound('Data sentence export');
  return row;
};

registerDocumentAccess('dataSentenceExport', async (ctx, id) => {
  assertMayRead(ctx);
  return loadVisibleExport(ctx, id);
});

const toExports = async (ctx: ServiceContext, rows: ExportRow[]): Promise<ExportResponse[]> => {
  const authors = new Map((await userNames(ctx, [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))])).map((u) => [u.id, u]));
  const layoutIds = [...new Set(rows.map((r) => r.layoutId))];
  const names = new Map(
    layoutIds.length === 0
      ? []
      : (await ctx.db.select({ id: dataSentenceLayouts.id, name: dataSentenceLayouts.name }).from(dataSentenceLayouts).where(inArray(dataSentenceLayouts.id, layoutIds))).map(
          (l) => [l.id, l.name],
        ),
  );
  return rows.map((row) => {
    const author = row.createdBy ? authors.get(row.createdBy) : undefined;
    return {
      id: row.id,
      layoutId: row.layoutId,
      layoutName: names.get(row.layoutId) ?? null,
      layoutVersion: row.layoutVersion,
      partnerName: row.partnerName,
      supplier: row.supplier,
      signedFrom: row.signedFrom,
      signedTo: row.signedTo,
      states: row.states,
      rowCount: row.rowCount,
      contractCount: row.contractCount,
      fileName: row.fileName,
      createdAt: row.createdAt,
      createdBy: author ? { id: author.id, name: author.name } : null,
    };
  });
};

/** Problems listed in one refusal; the rest are counted in the detail. */
const problemLimit = 100;

const ruleText: Record<CellProblem['rule'], string> = {
  not_a_date: 'not a date',
  not_a_decimal: 'not a decimal number',
  unmapped_value: 'a value without a mapping',
};

const safeName = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'data-sentence';

/** Rows per insert of an export's contents. */
const rowBatch = 10_000;

/**
 * Exports the contracts signed in a period in a partner's layout and keeps the export (CONTRACT-4). Every row is
 * written first; one that cannot be written (an unmapped code, a bad date) refuses the whole export with 400 naming
 * the contract, the column and the rule, and nothing is kept. Otherwise the file, the layout as it was, the period
 * and every contract and supply point in it are kept in one transaction.
 */
export const createExport = async (ctx: ServiceContext, input: ExportCreateBody): Promise<ExportResponse> => {
  assertCan(ctx.actor, 'contracts.export');
  const layout = await loadLayout(ctx, input.layoutId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('validation', 'layoutId: no such layout', { errors: [{ path: 'layoutId', code: 'not_found', message: 'no such layout among those you may see' }] });
    }
    throw error;
  });
  if (!layout.active) throw new AppError('data_sentence.layout_inactive', 'The layout is not active; activate it before exporting');
  const supplier = input.onlyPartnerContracts ? layout.partnerName : null;
  const records = await dataSentenceRecords(ctx, {
    supplier,
    commodity: layout.commodity,
    signedFrom: input.signedFrom,
    signedTo: input.signedTo,
    states: input.states,
  });

  const cells: Cell[][] = [];
  const problems: FieldProblem[] = [];
  let problemCount = 0;
  records.forEach((row, position) => {
    const result = rowOf(layout.layout, row.record);
    if (result.ok) {
      cells.push(result.cells);
      return;
    }
    problemCount += result.problems.length;
    for (const problem of result.problems) {
      if (problems.length >= problemLimit) break;
      const column = layout.layout.columns.findIndex((c) => c.header === problem.column);
      problems.push({
        path: `rows.${position}.columns.${column}`,
        code: problem.rule,
        message: `contract ${row.contractNumber}${row.record['supplyPoint.identifier'] ? `, supply point ${row.record['supplyPoint.identifier']}` : ''}: column "${problem.column}"${problem.field ? ` (${problem.field})` : ''}: ${ruleText[problem.rule]} "${problem.value}"`,
      });
    }
  });
  if (problems.length > 0) {
    throw new AppError(
      'data_sentence.unwritable_rows',
      `${problemCount} value(s) cannot be written in the layout; nothing was exported. ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}`,
      { errors: problems },
    );
  }

  const content = await dataSentenceWorkbook(layout.layout, cells);
  const id = randomUUID();
  const fileName = `${safeName(layout.partnerName)}-${input.signedFrom}-${input.signedTo}.xlsx`;
  const contractCount = new Set(records.map((r) => r.contractId)).size;
  const row = await withTx(ctx, async (ctx) => {
    const document = await storeDocument(ctx, {
      ownerId: layout.ownerId,
      recordType: 'dataSentenceExport',
      recordId: id,
      fileName,
      mediaType: xlsxType,
      content,
    });
    const [row] = await ctx.db
      .insert(dataSentenceExports)
      .values({
        id,
        ownerId: layout.ownerId,
        layoutId: layout.id,
        layoutVersion: layout.version,
        layoutSnapshot: layout.layout,
        partnerName: layout.partnerName,
        supplier,
        signedFrom: input.signedFrom,
        signedTo: input.signedTo,
        states: [...input.states],
        rowCount: records.length,
        contractCount,
        documentId: document.id,
        fileName,
        createdAt: ctx.now(),
        createdBy: actorUserId(ctx.actor),
      })
      .returning();
    // One parameter per batch (the rows as JSON), as the audit module writes many rows: 4 parameters a row are slow to bind.
    for (let i = 0; i < records.length; i += rowBatch) {
      const batch = JSON.stringify(records.slice(i, i + rowBatch).map((r, j) => [i + j + 1, r.contractId, r.supplyPointId]));
      await ctx.db.execute(sql`
        insert into ${dataSentenceExportRows} (export_id, position, contract_id, supply_point_id)
        select ${id}::uuid, (r->>0)::int, (r->>1)::uuid, (r->>2)::uuid from jsonb_array_elements(${batch}::jsonb) as r`);
    }
    return row!;
  });
  return (await toExports(ctx, [row]))[0]!;
};

export const listExports = async (ctx: ServiceContext, query: ExportListQuery): Promise<{ items: ExportResponse[]; nextCursor: string | null }> => {
  assertMayRead(ctx);
  const keyset: Keyset = { expression: dataSentenceExports.createdAt, id: dataSentenceExports.id, direction: 'desc', isTime: true };
  const rows = await ctx.db
    .select()
    .from(dataSentenceExports)
    .where(and(visibleExports(ctx), query.layoutId ? eq(dataSentenceExports.layoutId, query.layoutId) : undefined, keysetAfter(keyset, query.cursor)))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(row.createdAt, row.id));
  return { items: await toExports(ctx, page.items), nextCursor: page.nextCursor };
};

export const getExport = async (ctx: ServiceContext, id: string): Promise<ExportDetail> => {
  assertMayRead(ctx);
  const row = await loadVisibleExport(ctx, id);
  const rows = await ctx.db
    .select({ position: dataSentenceExportRows.position, contractId: dataSentenceExportRows.contractId, supplyPointId: dataSentenceExportRows.supplyPointId })
    .from(dataSentenceExportRows)
    .where(eq(dataSentenceExportRows.exportId, id))
    .orderBy(asc(dataSentenceExportRows.position));
  return { ...(await toExports(ctx, [row]))[0]!, layout: row.layoutSnapshot, rows };
};

/** The kept file, byte for byte as it was exported; 404 unless the caller may see the export. */
export const getExportFile = async (ctx: ServiceContext, id: string) => {
  assertMayRead(ctx);
  const row = await loadVisibleExport(ctx, id);
  return getDocumentFile(ctx, row.documentId);
};
