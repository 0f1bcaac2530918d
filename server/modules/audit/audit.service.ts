import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { actorUserId } from '../auth/permissions.js';
import { history } from './audit.schema.js';

type Row = Record<string, unknown>;

/** Fields that change on every write and say nothing to the reader of a history. */
const bookkeeping = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'searchText']);

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

export type ChangeTarget = {
  entityType: string;
  entityId: string;
  rootType: string;
  rootId: string;
  ownerId: string | null;
};

/**
 * Writes one history row per changed field. Call it inside the transaction that made the change
 * (CORE-10): the change and its record commit together or not at all.
 */
export const recordChange = async (
  ctx: ServiceContext,
  target: ChangeTarget,
  action: 'create' | 'update' | 'archive' | 'restore',
  before: Row | null,
  after: Row,
): Promise<void> => {
  const at = ctx.now();
  const by = actorUserId(ctx.actor);
  const fields = Object.keys(after).filter(
    (field) =>
      !bookkeeping.has(field) &&
      JSON.stringify(comparable(before?.[field])) !== JSON.stringify(comparable(after[field])),
  );
  const rows = fields
    .filter((field) => before !== null || comparable(after[field]) !== null)
    .map((field) => ({
      ...target,
      action,
      field,
      before: before ? comparable(before[field]) : null,
      after: comparable(after[field]),
      at,
      by,
    }));
  if (rows.length === 0) {
    rows.push({ ...target, action, field: null as unknown as string, before: null, after: null, at, by });
  }
  await ctx.db.insert(history).values(rows);
};

export type HistoryEntry = {
  id: string;
  at: Date;
  by: string | null;
  entityType: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
};

/** History of a record and of everything shown on its card. The caller has already checked access to the root. */
export const listHistory = async (
  ctx: ServiceContext,
  root: { type: string; id: string } | { entityType: string; entityIds: string[] },
  limit = 500,
): Promise<HistoryEntry[]> => {
  const where =
    'type' in root
      ? and(eq(history.rootType, root.type), eq(history.rootId, root.id))
      : or(and(eq(history.entityType, root.entityType), inArray(history.entityId, root.entityIds)));
  const rows = await ctx.db
    .select({
      id: history.id,
      at: history.at,
      by: history.by,
      entityType: history.entityType,
      entityId: history.entityId,
      action: history.action,
      field: history.field,
      before: history.before,
      after: history.after,
    })
    .from(history)
    .where(where)
    .orderBy(desc(history.at), desc(history.id))
    .limit(limit);
  return rows;
};
