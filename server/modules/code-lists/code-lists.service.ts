import type { CodeListItem, CodeListName } from '../../../domain/code-lists/code-lists.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { defaultCodeListItems } from './defaults.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound, type FieldProblem } from '../../http/errors.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { recordChange } from '../audit/audit.service.js';
import { codeListItems } from './code-lists.schema.js';

export { codeListNames, type CodeListItem, type CodeListName } from '../../../domain/code-lists/code-lists.js';

const columns = {
  id: codeListItems.id,
  list: codeListItems.list,
  code: codeListItems.code,
  labels: codeListItems.labels,
  sortOrder: codeListItems.sortOrder,
  isActive: codeListItems.isActive,
  version: codeListItems.version,
};

export const listCodeList = async (ctx: ServiceContext, list: CodeListName): Promise<CodeListItem[]> =>
  ctx.db
    .select(columns)
    .from(codeListItems)
    .where(eq(codeListItems.list, list))
    .orderBy(asc(codeListItems.sortOrder), asc(codeListItems.code));

/** `code → label` of one language; null for no code, the code itself for one the list does not know. */
export type CodeLabel = (list: CodeListName, code: string | null | undefined) => string | null;

/**
 * The labels of some lists in one language, chosen as the UI chooses them (web/features/code-lists `labelOf`:
 * the language's label, else English, else the code), read once: exports write what the lists show.
 */
export const codeLabels = async (ctx: ServiceContext, lists: readonly CodeListName[], language: string): Promise<CodeLabel> => {
  const rows =
    lists.length === 0
      ? []
      : await ctx.db
          .select({ list: codeListItems.list, code: codeListItems.code, labels: codeListItems.labels })
          .from(codeListItems)
          .where(inArray(codeListItems.list, [...lists]));
  const labels = new Map(rows.map((r) => [`${r.list}:${r.code}`, r.labels[language] ?? r.labels.en ?? r.code]));
  return (list, code) => (code ? (labels.get(`${list}:${code}`) ?? code) : null);
};

/**
 * Rejects values that are not active items of their code list, naming each field. `null`/absent values
 * pass: whether a field is required is the caller's rule.
 */
export const assertCodes = async (
  ctx: ServiceContext,
  values: Partial<Record<string, { list: CodeListName; code: string | null | undefined }>>,
): Promise<void> => {
  const wanted = Object.entries(values).filter((e): e is [string, { list: CodeListName; code: string }] =>
    Boolean(e[1]?.code),
  );
  if (wanted.length === 0) return;
  const rows = await ctx.db
    .select({ list: codeListItems.list, code: codeListItems.code })
    .from(codeListItems)
    .where(
      and(
        inArray(codeListItems.list, [...new Set(wanted.map(([, v]) => v.list))]),
        inArray(codeListItems.code, wanted.map(([, v]) => v.code)),
        eq(codeListItems.isActive, true),
      ),
    );
  const known = new Set(rows.map((r) => `${r.list}:${r.code}`));
  const errors: FieldProblem[] = wanted
    .filter(([, v]) => !known.has(`${v.list}:${v.code}`))
    .map(([path, v]) => ({ path, code: 'unknown_code', message: `${path}: "${v.code}" is not in the ${v.list} code list` }));
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => e.message).join('; '), { errors });
};

export const createCodeListItem = async (
  ctx: ServiceContext,
  list: CodeListName,
  input: { code: string; labels: Record<string, string>; sortOrder?: number | undefined },
): Promise<CodeListItem> => {
  assertCan(ctx.actor, 'admin.codeLists');
  const by = actorUserId(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(codeListItems)
      .values({ list, code: input.code, labels: input.labels, sortOrder: input.sortOrder ?? 0, createdBy: by, updatedBy: by })
      .onConflictDoNothing()
      .returning(columns);
    if (!row) throw new AppError('duplicate', `${list} already has the code ${input.code}`, {
      errors: [{ path: 'code', code: 'duplicate', message: `code ${input.code} already exists in ${list}` }],
    });
    return row;
  });
};

export const updateCodeListItem = async (
  ctx: ServiceContext,
  list: CodeListName,
  id: string,
  input: { labels?: Record<string, string> | undefined; sortOrder?: number | undefined; isActive?: boolean | undefined; version: number },
): Promise<CodeListItem> => {
  assertCan(ctx.actor, 'admin.codeLists');
  return withTx(ctx, async (ctx) => {
  const [before] = await ctx.db
    .select(columns)
    .from(codeListItems)
    .where(and(eq(codeListItems.id, id), eq(codeListItems.list, list)));
  if (!before) throw notFound('Code list item');
  const { version, ...changes } = input;
  const [row] = await ctx.db
    .update(codeListItems)
    .set({ ...changes, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
    .where(and(eq(codeListItems.id, id), eq(codeListItems.version, version)))
    .returning(columns);
  if (!row) throw new AppError('version_conflict', 'The item was changed by someone else; reload it');
  await recordChange(ctx, { entityType: 'codeListItem', entityId: id, rootType: 'codeListItem', rootId: id, ownerId: null }, 'update', before, row);
  return row;
  });
};

/** Adds missing default items; existing ones (possibly relabelled by an administrator) stay as they are. */
export const ensureDefaultCodeLists = async (ctx: ServiceContext): Promise<void> => {
  await ctx.db
    .insert(codeListItems)
    .values(defaultCodeListItems.map((item, index) => ({ ...item, sortOrder: index })))
    .onConflictDoNothing();
};
