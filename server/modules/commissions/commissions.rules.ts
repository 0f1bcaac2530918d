import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { checkPayoutModel } from '../../../domain/commissions/payout.js';
import { overlappingRules, type CommissionRule } from '../../../domain/commissions/rules.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, invalidFields, notFound, type FieldProblem } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { products } from '../price-lists/price-lists.schema.js';
import { productsByIds } from '../price-lists/price-lists.service.js';
import type { RuleCreateBody, RuleResponse, RuleUpdateBody } from './commissions.api.js';
import { commissionRules, commissions } from './commissions.schema.js';

type RuleRow = typeof commissionRules.$inferSelect;

const ownerOf = (ctx: ServiceContext): string => {
  if (ctx.actor.kind !== 'user') throw new Error('commission rules are read and written for a user of an owner company');
  return ctx.actor.ownerId;
};

const ruleTarget = (row: { id: string; ownerId: string }) => ({ entityType: 'commissionRule', entityId: row.id, rootType: 'commissionRule', rootId: row.id, ownerId: row.ownerId });


/** A stored rule as `domain/commissions` resolves it. */
export const toDomainRule = (row: Pick<RuleRow, 'id' | 'productId' | 'supplier' | 'clientKind' | 'consumption' | 'validFrom' | 'validTo' | 'basis'>): CommissionRule => ({
  id: row.id,
  productId: row.productId,
  supplier: row.supplier,
  clientKind: row.clientKind,
  consumption: row.consumption,
  validFrom: row.validFrom,
  validTo: row.validTo,
  basis: row.basis,
});

type RuleFields = Omit<RuleCreateBody, 'productId' | 'supplier' | 'clientKind' | 'consumption' | 'validTo'> & {
  productId: string | null;
  supplier: string | null;
  clientKind: 'company' | 'person' | null;
  consumption: RuleRow['consumption'];
  validTo: string | null;
};

/**
 * A rule as it would be saved (COMM-1): a valid period, an MWh range that is not empty, a payout model whose stages
 * add up to 100 %, a product of the owner company, and no other rule of the same kind for the same scope and time;
 * every problem is named with its field and the rule it breaks.
 */
const assertRuleValid = async (ctx: ServiceContext, ownerId: string, id: string | null, rule: RuleFields) => {
  const problems: FieldProblem[] = [];
  if (rule.validTo && rule.validTo < rule.validFrom) problems.push({ path: 'validTo', code: 'before_start', message: 'the rule ends before it starts' });
  if (rule.consumption?.kind === 'mwh' && rule.consumption.toMWh !== null && !new Decimal(rule.consumption.toMWh).gt(rule.consumption.fromMWh)) {
    problems.push({ path: 'consumption.toMWh', code: 'empty_range', message: 'the MWh range ends where it starts or before' });
  }
  for (const p of checkPayoutModel(rule.payoutModel)) problems.push({ ...p, path: `payoutModel.${p.path}` });
  if (rule.basis.kind === 'marginPercent' && new Decimal(rule.basis.percent).gt(100)) {
    problems.push({ path: 'basis.percent', code: 'out_of_range', message: 'a percentage of the margin is at most 100 %' });
  }
  if (rule.productId) {
    const [product] = await ctx.db.select({ id: products.id }).from(products).where(and(eq(products.id, rule.productId), eq(products.ownerId, ownerId)));
    if (!product) problems.push({ path: 'productId', code: 'not_found', message: 'no such product of your owner company' });
  }
  if (problems.length > 0) throw invalidFields(problems);
  // One rule at a time per owner and kind, so two overlapping rules cannot both pass this check concurrently.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`commission-rules:${ownerId}:${rule.kind}`}))`);
  const others = await ctx.db
    .select()
    .from(commissionRules)
    .where(and(eq(commissionRules.ownerId, ownerId), eq(commissionRules.kind, rule.kind), isNull(commissionRules.archivedAt), id ? ne(commissionRules.id, id) : undefined));
  const overlaps = overlappingRules(toDomainRule({ ...rule, id: id ?? 'new' }), others.map(toDomainRule));
  if (overlaps.length > 0) {
    const names = new Map(others.map((o) => [o.id, o]));
    throw invalidFields(
      overlaps.map((o) => {
        const other = names.get(o.id)!;
        return {
          path: 'validFrom',
          code: 'overlaps_rule',
          message: `overlaps the rule "${other.name}" for the same scope (valid ${other.validFrom} – ${other.validTo ?? '…'}); close that rule first or narrow this one`,
        };
      }),
    );
  }
};

const rulesInUse = async (ctx: ServiceContext, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.selectDistinct({ ruleId: commissions.ruleId }).from(commissions).where(inArray(commissions.ruleId, ids));
  return new Set(rows.map((r) => r.ruleId));
};

const toResponses = async (ctx: ServiceContext, rows: RuleRow[]): Promise<RuleResponse[]> => {
  const inUse = await rulesInUse(ctx, rows.map((r) => r.id));
  const productNames = await productsByIds(ctx, rows.flatMap((r) => (r.productId ? [r.productId] : [])));
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.ownerId,
    kind: r.kind,
    name: r.name,
    productId: r.productId,
    productName: r.productId ? (productNames.get(r.productId)?.name ?? null) : null,
    supplier: r.supplier,
    clientKind: r.clientKind,
    consumption: r.consumption,
    validFrom: r.validFrom,
    validTo: r.validTo,
    basis: r.basis,
    payoutModel: r.payoutModel as RuleResponse['payoutModel'],
    clawback: r.clawback,
    inUse: inUse.has(r.id),
    archivedAt: r.archivedAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
};

/** Rules are open to everyone who earns commissions, so each amount can be checked against its rule. */
const assertCanReadRules = (ctx: ServiceContext) => {
  if (!can(ctx.actor, 'admin.commissions')) assertCan(ctx.actor, 'commissions.read');
};

export const listRules = async (ctx: ServiceContext, query: { kind?: 'sales' | 'company' | undefined; archived: 'false' | 'true' | 'all' }): Promise<RuleResponse[]> => {
  assertCanReadRules(ctx);
  const rows = await ctx.db
    .select()
    .from(commissionRules)
    .where(
      and(
        eq(commissionRules.ownerId, ownerOf(ctx)),
        query.kind ? eq(commissionRules.kind, query.kind) : undefined,
        query.archived === 'false' ? isNull(commissionRules.archivedAt) : query.archived === 'true' ? isNotNull(commissionRules.archivedAt) : undefined,
      ),
    )
    .orderBy(asc(commissionRules.kind), asc(commissionRules.name), asc(commissionRules.validFrom));
  return toResponses(ctx, rows);
};

const loadRule = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<RuleRow> => {
  const query = ctx.db.select().from(commissionRules).where(and(eq(commissionRules.id, id), eq(commissionRules.ownerId, ownerOf(ctx))));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Commission rule');
  return row;
};

export const getRule = async (ctx: ServiceContext, id: string): Promise<RuleResponse> => {
  assertCanReadRules(ctx);
  return (await toResponses(ctx, [await loadRule(ctx, id)]))[0]!;
};

const fieldsOf = (input: RuleCreateBody): RuleFields => ({
  ...input,
  productId: input.productId ?? null,
  supplier: input.supplier || null,
  clientKind: input.clientKind ?? null,
  consumption: input.consumption ?? null,
  validTo: input.validTo ?? null,
});

export const createRule = async (ctx: ServiceContext, input: RuleCreateBody): Promise<RuleResponse> => {
  assertCan(ctx.actor, 'admin.commissions');
  return withTx(ctx, async (ctx) => {
    const ownerId = ownerOf(ctx);
    const fields = fieldsOf(input);
    await assertRuleValid(ctx, ownerId, null, fields);
    const by = actorUserId(ctx.actor);
    const [row] = await ctx.db
      .insert(commissionRules)
      .values({ ...fields, ownerId, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await recordChange(ctx, ruleTarget(row!), 'create', null, row!);
    return (await toResponses(ctx, [row!]))[0]!;
  });
};

/** Once a rule has commissions, only these change: its name, and its end, to close it and start a new rule. */
const changeableInUse = new Set(['name', 'validTo', 'version']);

export const updateRule = async (ctx: ServiceContext, id: string, input: RuleUpdateBody): Promise<RuleResponse> => {
  assertCan(ctx.actor, 'admin.commissions');
  return withTx(ctx, async (ctx) => {
    const before = await loadRule(ctx, id, true);
    if (before.version !== input.version) throw new AppError('version_conflict', 'The rule was changed by someone else; reload it and try again');
    if (before.archivedAt) throw new AppError('commission_rule.archived', 'The rule is archived');
    if ((await rulesInUse(ctx, [id])).has(id)) {
      const locked = Object.keys(input).filter((key) => !changeableInUse.has(key));
      if (locked.length > 0) {
        throw new AppError('commission_rule.in_use', 'Commissions were computed from this rule; close it (valid to) and define a new one instead', {
          errors: locked.map((path) => ({ path, code: 'in_use', message: 'not changed once commissions were computed from the rule' })),
        });
      }
    }
    const { version, ...patch } = input;
    const merged = fieldsOf({
      kind: patch.kind ?? before.kind,
      name: patch.name ?? before.name,
      productId: patch.productId === undefined ? before.productId : patch.productId,
      supplier: patch.supplier === undefined ? before.supplier : patch.supplier,
      clientKind: patch.clientKind === undefined ? before.clientKind : patch.clientKind,
      consumption: patch.consumption === undefined ? before.consumption : patch.consumption,
      validFrom: patch.validFrom ?? before.validFrom,
      validTo: patch.validTo === undefined ? before.validTo : patch.validTo,
      basis: patch.basis ?? before.basis,
      payoutModel: patch.payoutModel ?? (before.payoutModel as RuleCreateBody['payoutModel']),
      clawback: patch.clawback ?? before.clawback,
    });
    await assertRuleValid(ctx, before.ownerId, id, merged);
    const [row] = await ctx.db
      .update(commissionRules)
      .set({ ...merged, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(commissionRules.id, id), eq(commissionRules.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The rule was changed by someone else; reload it and try again');
    await recordChange(ctx, ruleTarget(row), 'update', before, row);
    return (await toResponses(ctx, [row]))[0]!;
  });
};

/** An archived rule computes no new commissions; those computed from it keep naming it. */
export const archiveRule = async (ctx: ServiceContext, id: string, version: number): Promise<RuleResponse> => {
  assertCan(ctx.actor, 'admin.commissions');
  return withTx(ctx, async (ctx) => {
    const before = await loadRule(ctx, id, true);
    if (before.version !== version) throw new AppError('version_conflict', 'The rule was changed by someone else; reload it and try again');
    if (before.archivedAt) throw new AppError('commission_rule.archived', 'The rule is archived already');
    const [row] = await ctx.db
      .update(commissionRules)
      .set({ archivedAt: ctx.now(), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(eq(commissionRules.id, id))
      .returning();
    await recordChange(ctx, ruleTarget(row!), 'archive', before, row!);
    return (await toResponses(ctx, [row!]))[0]!;
  });
};

export const ruleHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCanReadRules(ctx);
  await loadRule(ctx, id);
  return listHistory(ctx, { type: 'commissionRule', id });
};
