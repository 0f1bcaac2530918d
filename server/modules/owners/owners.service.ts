import { and, asc, eq } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { owners } from './owners.schema.js';

export type Owner = { id: string; name: string; country: string; companyId: string | null; currency: string; version: number };

const columns = {
  id: owners.id,
  name: owners.name,
  country: owners.country,
  companyId: owners.companyId,
  currency: owners.currency,
  version: owners.version,
};

/** A user sees their own owner company; one who sees all records sees all of them. */
export const listOwners = async (ctx: ServiceContext): Promise<Owner[]> => {
  const actor = ctx.actor;
  return ctx.db
    .select(columns)
    .from(owners)
    .where(actor.kind === 'user' && actor.scope !== 'all' ? eq(owners.id, actor.ownerId) : undefined)
    .orderBy(asc(owners.name));
};

export const getOwner = async (ctx: ServiceContext, id: string): Promise<Owner> => {
  const owner = (await listOwners(ctx)).find((o) => o.id === id);
  if (!owner) throw notFound('Owner');
  return owner;
};

type OwnerInput = { name: string; country: string; companyId?: string | null | undefined; currency?: string | undefined };

export const createOwner = async (ctx: ServiceContext, input: OwnerInput): Promise<Owner> => {
  assertCan(ctx.actor, 'admin.owners');
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db.insert(owners).values({ ...input, createdBy: by, updatedBy: by }).returning(columns);
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, { entityType: 'owner', entityId: row.id, rootType: 'owner', rootId: row.id, ownerId: row.id }, 'create', null, row);
    return row;
  });
};

export const updateOwner = async (ctx: ServiceContext, id: string, input: Partial<OwnerInput> & { version: number }): Promise<Owner> => {
  assertCan(ctx.actor, 'admin.owners');
  return withTx(ctx, async (ctx) => {
    const before = await getOwner(ctx, id);
    const { version, ...changes } = input;
    const [row] = await ctx.db
      .update(owners)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(owners.id, id), eq(owners.version, version)))
      .returning(columns);
    if (!row) throw new AppError('version_conflict', 'The owner company was changed by someone else; reload it');
    await recordChange(ctx, { entityType: 'owner', entityId: id, rootType: 'owner', rootId: id, ownerId: id }, 'update', before, row);
    return row;
  });
};
