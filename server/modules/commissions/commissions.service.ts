import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import dayjs from 'dayjs';
import type { PayoutDueEvent } from '../../../domain/commissions/payout.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { assertCan, can } from '../auth/permissions.js';
import { clientNames } from '../clients/clients.service.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { contracts } from '../contracts/contracts.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { userNames } from '../users/users.service.js';
import type { CommissionItem, CommissionListQuery } from './commissions.api.js';
import { runCommissionGeneration, type GenerationResult } from './commissions.generation.js';
import { commissionPayouts, commissionProblems, commissionRules, commissions } from './commissions.schema.js';

type CommissionRow = typeof commissions.$inferSelect;

/** The months of a stage due after the start of supply, null for every other event. */
export const monthsOf = (trigger: PayoutDueEvent): number | null => (trigger.event === 'monthsAfterSupplyStart' ? trigger.months : null);

/** For a clawback's payout that cancels a stage not yet paid: that stage's position. */
export const cancelsOf = (trigger: PayoutDueEvent): number | null => (trigger.event === 'contractEnd' ? (trigger.cancelsPosition ?? null) : null);

/**
 * SECURITY-CRITICAL. Which commissions (and payouts and statements, through the same columns) the actor sees: with
 * `commissions.readAll` every one of the owner company (all companies for the `all` scope), the company's own
 * commissions included; otherwise only the actor's own. Every list, total, statement, file and export composes it.
 */
export const visibleCommissionRows = (ctx: ServiceContext, t: { ownerId: PgColumn; userId: PgColumn }): SQL => {
  const actor = ctx.actor;
  if (actor.kind === 'system') return sql`true`;
  if (can(actor, 'commissions.readAll')) return actor.scope === 'all' ? sql`true` : eq(t.ownerId, actor.ownerId);
  return and(eq(t.ownerId, actor.ownerId), eq(t.userId, actor.userId)) as SQL;
};

/** Without `commissions.readAll` a person asks only for their own; asking for someone else's is refused, not emptied. */
export const assertMayReadPerson = (ctx: ServiceContext, userId: string | undefined) => {
  assertCan(ctx.actor, 'commissions.read');
  if (userId && ctx.actor.kind === 'user' && userId !== ctx.actor.userId) assertCan(ctx.actor, 'commissions.readAll');
};

const keysetFor = (sort: CommissionListQuery['sort']): Keyset =>
  sort.field === 'amount'
    ? { expression: commissions.amount, id: commissions.id, direction: sort.direction }
    : { expression: commissions.createdAt, id: commissions.id, direction: sort.direction, isTime: true };

const conditionsOf = (ctx: ServiceContext, query: Omit<CommissionListQuery, 'limit' | 'cursor' | 'sort'>): (SQL | undefined)[] => [
  visibleCommissionRows(ctx, commissions),
  query.userId ? eq(commissions.userId, query.userId) : undefined,
  query.kind ? eq(commissions.kind, query.kind) : undefined,
  query.entry ? eq(commissions.entry, query.entry) : undefined,
  query.contractId ? eq(commissions.contractId, query.contractId) : undefined,
  query.createdFrom ? gte(commissions.createdAt, dayjs(query.createdFrom).toDate()) : undefined,
  query.createdTo ? lt(commissions.createdAt, dayjs(query.createdTo).add(1, 'day').toDate()) : undefined,
];

/** Every amount with what explains it (COMM-5): rule, contract, supply point, consumption, split and payouts. */
const toItems = async (ctx: ServiceContext, rows: CommissionRow[]): Promise<CommissionItem[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const contractIds = [...new Set(rows.map((r) => r.contractId))];
  const [contractRows, pointRows, ruleRows, payoutRows, people] = await Promise.all([
    ctx.db.select({ id: contracts.id, number: contracts.number, clientId: contracts.clientId, signedAt: contracts.signedAt }).from(contracts).where(inArray(contracts.id, contractIds)),
    ctx.db.select({ id: supplyPoints.id, identifier: supplyPoints.identifier }).from(supplyPoints).where(inArray(supplyPoints.id, [...new Set(rows.map((r) => r.supplyPointId))])),
    ctx.db.select({ id: commissionRules.id, name: commissionRules.name }).from(commissionRules).where(inArray(commissionRules.id, [...new Set(rows.map((r) => r.ruleId))])),
    ctx.db.select().from(commissionPayouts).where(inArray(commissionPayouts.commissionId, ids)).orderBy(asc(commissionPayouts.position)),
    userNames(ctx, [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))]),
  ]);
  const contractOf = new Map(contractRows.map((c) => [c.id, c]));
  const names = await clientNames(ctx, contractRows.map((c) => c.clientId));
  const identifiers = new Map(pointRows.map((p) => [p.id, p.identifier]));
  const ruleNames = new Map(ruleRows.map((r) => [r.id, r.name]));
  const userNameOf = new Map(people.map((u) => [u.id, u.name]));
  const payoutsOf = new Map<string, CommissionItem['payouts']>();
  for (const p of payoutRows) {
    payoutsOf.set(p.commissionId, [...(payoutsOf.get(p.commissionId) ?? []), { position: p.position, amount: p.amount, dueOn: p.dueOn, event: p.trigger.event, months: monthsOf(p.trigger), cancelsPosition: cancelsOf(p.trigger), statementId: p.statementId }]);
  }
  return rows.map((r) => {
    const contract = contractOf.get(r.contractId);
    return {
      id: r.id,
      kind: r.kind,
      entry: r.entry,
      userId: r.userId,
      userName: r.userId ? (userNameOf.get(r.userId) ?? null) : null,
      contractId: r.contractId,
      contractNumber: contract?.number ?? '',
      signedOn: contract?.signedAt ? businessDate(contract.signedAt) : null,
      clientName: contract ? (names.get(contract.clientId) ?? null) : null,
      supplyPointId: r.supplyPointId,
      supplyPointIdentifier: identifiers.get(r.supplyPointId) ?? '',
      ruleId: r.ruleId,
      ruleName: ruleNames.get(r.ruleId) ?? '',
      share: r.share,
      baseAmount: r.baseAmount,
      amount: r.amount,
      currency: r.currency,
      annualMWh: r.basis.annualMWh,
      band: r.basis.band,
      deliveryMonths: r.basis.deliveryMonths,
      deliveredMonths: r.basis.deliveredMonths ?? null,
      margin: r.basis.margin,
      explanation: r.basis.explanation,
      payouts: payoutsOf.get(r.id) ?? [],
      createdAt: r.createdAt,
    };
  });
};

export const listCommissions = async (ctx: ServiceContext, query: CommissionListQuery): Promise<{ items: CommissionItem[]; nextCursor: string | null; total: string }> => {
  assertMayReadPerson(ctx, query.userId);
  const keyset = keysetFor(query.sort);
  const conditions = conditionsOf(ctx, query);
  const [rows, [sum]] = await Promise.all([
    ctx.db
      .select()
      .from(commissions)
      .where(and(...conditions, keysetAfter(keyset, query.cursor)))
      .orderBy(...keysetOrder(keyset))
      .limit(query.limit + 1),
    ctx.db.select({ total: sql<string>`coalesce(sum(${commissions.amount}), 0)::numeric(16,2)::text` }).from(commissions).where(and(...conditions)),
  ]);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(query.sort.field === 'amount' ? row.amount : row.createdAt, row.id));
  return { items: await toItems(ctx, page.items), nextCursor: page.nextCursor, total: sum?.total ?? '0.00' };
};

export const listCommissionsForExport = async (ctx: ServiceContext, query: Omit<CommissionListQuery, 'limit' | 'cursor'>): Promise<CommissionItem[]> => {
  assertMayReadPerson(ctx, query.userId);
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(commissions)
    .where(and(...conditionsOf(ctx, query)))
    .orderBy(...keysetOrder(keyset))
    .limit(exportLimit + 1);
  return toItems(ctx, withinExportLimit(rows));
};

/** Supply points of signed contracts that earned no commission, and why: the administrator's to-do list. */
export const listCommissionProblems = async (ctx: ServiceContext) => {
  if (!can(ctx.actor, 'admin.commissions')) assertCan(ctx.actor, 'commissions.readAll');
  const ownerId = ctx.actor.kind === 'user' ? ctx.actor.ownerId : null;
  const rows = await ctx.db
    .select({
      id: commissionProblems.id,
      contractId: commissionProblems.contractId,
      contractNumber: contracts.number,
      supplyPointId: commissionProblems.supplyPointId,
      supplyPointIdentifier: supplyPoints.identifier,
      kind: commissionProblems.kind,
      reason: commissionProblems.reason,
      detail: commissionProblems.detail,
      createdAt: commissionProblems.createdAt,
    })
    .from(commissionProblems)
    .innerJoin(contracts, eq(contracts.id, commissionProblems.contractId))
    .innerJoin(supplyPoints, eq(supplyPoints.id, commissionProblems.supplyPointId))
    .where(ownerId ? eq(commissionProblems.ownerId, ownerId) : undefined)
    .orderBy(desc(commissionProblems.createdAt), asc(contracts.number), asc(supplyPoints.identifier), asc(commissionProblems.kind))
    .limit(1000);
  return rows;
};

/** After a rule was added or a supply point completed: computes what the reported contracts lack, in one transaction. */
export const retryCommissionProblems = async (ctx: ServiceContext): Promise<GenerationResult> => {
  assertCan(ctx.actor, 'admin.commissions');
  const ownerId = ctx.actor.kind === 'user' ? ctx.actor.ownerId : null;
  return withTx(ctx, async (ctx) => {
    const rows = await ctx.db
      .selectDistinct({ contractId: commissionProblems.contractId })
      .from(commissionProblems)
      .where(ownerId ? eq(commissionProblems.ownerId, ownerId) : undefined);
    // One transaction, worked through in chunks, so a long list of reported contracts never sits in memory at once.
    return runCommissionGeneration(ctx, rows.map((r) => r.contractId));
  });
};
