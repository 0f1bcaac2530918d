import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';
import { isCurrency, moneyString } from '../../../domain/money.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { clientNames } from '../clients/clients.service.js';
import { contracts } from '../contracts/contracts.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { userNames } from '../users/users.service.js';
import type { StatementDetail, StatementLine, StatementSummary } from './commissions.api.js';
import { commissionPayouts, commissionRules, commissions, commissionStatements } from './commissions.schema.js';
import { assertMayReadPerson, cancelsOf, monthsOf, visibleCommissionRows } from './commissions.service.js';

type StatementRow = typeof commissionStatements.$inferSelect;

const lastDayOf = (period: string) => dayjs(`${period}-01`).endOf('month').format('YYYY-MM-DD');

const ownerOf = (ctx: ServiceContext): string => {
  if (ctx.actor.kind !== 'user') throw new Error('statements are read for a user of an owner company');
  return ctx.actor.ownerId;
};

const lineColumns = {
  payoutId: commissionPayouts.id,
  commissionId: commissions.id,
  entry: commissions.entry,
  contractNumber: contracts.number,
  clientId: contracts.clientId,
  supplyPointIdentifier: supplyPoints.identifier,
  ruleName: commissionRules.name,
  share: commissions.share,
  basis: commissions.basis,
  position: commissionPayouts.position,
  trigger: commissionPayouts.trigger,
  dueOn: commissionPayouts.dueOn,
  amount: commissionPayouts.amount,
  currency: commissions.currency,
};

const linesWhere = async (ctx: ServiceContext, where: ReturnType<typeof and>): Promise<(StatementLine & { currency: string })[]> => {
  const rows = await ctx.db
    .select(lineColumns)
    .from(commissionPayouts)
    .innerJoin(commissions, eq(commissions.id, commissionPayouts.commissionId))
    .innerJoin(contracts, eq(contracts.id, commissions.contractId))
    .innerJoin(supplyPoints, eq(supplyPoints.id, commissions.supplyPointId))
    .innerJoin(commissionRules, eq(commissionRules.id, commissions.ruleId))
    .where(where)
    .orderBy(asc(commissionPayouts.dueOn), asc(contracts.number), asc(supplyPoints.identifier), asc(commissionPayouts.position), asc(commissionPayouts.id));
  const names = await clientNames(ctx, rows.map((r) => r.clientId));
  return rows.map(({ clientId, basis, trigger, dueOn, ...r }) => ({
    ...r,
    clientName: names.get(clientId) ?? null,
    explanation: basis.explanation,
    event: trigger.event,
    months: monthsOf(trigger),
    cancelsPosition: cancelsOf(trigger),
    dueOn: dueOn!,
  }));
};

/** The payouts a statement for `period` would take: the person's, due by the month's end, in no statement yet. */
const openLinesOf = (ctx: ServiceContext, ownerId: string, userId: string, period: string) =>
  linesWhere(
    ctx,
    and(
      eq(commissionPayouts.ownerId, ownerId),
      eq(commissionPayouts.userId, userId),
      isNull(commissionPayouts.statementId),
      lte(commissionPayouts.dueOn, lastDayOf(period)),
    ),
  );

/** A statement's totals in its currency: the sums of its (rounded) payout amounts, split by entry. */
const totalsOf = (lines: { entry: string; amount: string }[], currencyCode: string) => {
  const currency = isCurrency(currencyCode) ? currencyCode : 'EUR';
  let commission = new Decimal(0);
  let clawback = new Decimal(0);
  for (const line of lines) {
    if (line.entry === 'clawback') clawback = clawback.plus(line.amount);
    else commission = commission.plus(line.amount);
  }
  return {
    commissionTotal: moneyString(commission, currency),
    clawbackTotal: moneyString(clawback, currency),
    total: moneyString(commission.plus(clawback), currency),
  };
};

const currencyOf = async (ctx: ServiceContext, ownerId: string) =>
  (await ctx.db.select({ currency: owners.currency }).from(owners).where(eq(owners.id, ownerId)))[0]?.currency ?? 'EUR';

const namesOf = async (ctx: ServiceContext, ids: (string | null)[]) =>
  new Map((await userNames(ctx, [...new Set(ids.filter((id): id is string => id !== null))])).map((u) => [u.id, u.name]));

const toSummary = (row: StatementRow, names: Map<string, string>): StatementSummary => ({
  id: row.id,
  userId: row.userId,
  userName: names.get(row.userId) ?? null,
  period: row.period,
  currency: row.currency,
  commissionTotal: row.commissionTotal,
  clawbackTotal: row.clawbackTotal,
  total: row.total,
  lineCount: row.lineCount,
  approvedAt: row.approvedAt,
  approvedBy: row.approvedBy,
  approvedByName: names.get(row.approvedBy) ?? null,
});

const approvedStatement = async (ctx: ServiceContext, ownerId: string, userId: string, period: string) =>
  (
    await ctx.db
      .select()
      .from(commissionStatements)
      .where(and(eq(commissionStatements.ownerId, ownerId), eq(commissionStatements.userId, userId), eq(commissionStatements.period, period)))
  )[0];

const withoutCurrency = (lines: (StatementLine & { currency: string })[]): StatementLine[] => lines.map(({ currency: _currency, ...line }) => line);

/**
 * A person's statement for a month (COMM-5): the approved one, locked as it was approved; or, before approval, a
 * preview of what approving would lock now.
 */
export const getStatementFor = async (ctx: ServiceContext, userId: string, period: string): Promise<StatementDetail> => {
  assertMayReadPerson(ctx, userId);
  const ownerId = ownerOf(ctx);
  const approved = await approvedStatement(ctx, ownerId, userId, period);
  if (approved) return statementDetail(ctx, approved);
  const lines = await openLinesOf(ctx, ownerId, userId, period);
  const names = await namesOf(ctx, [userId]);
  const currency = lines[0]?.currency ?? (await currencyOf(ctx, ownerId));
  return {
    id: null,
    userId,
    userName: names.get(userId) ?? null,
    period,
    currency,
    ...totalsOf(lines, currency),
    lineCount: lines.length,
    approvedAt: null,
    approvedBy: null,
    approvedByName: null,
    lines: withoutCurrency(lines),
  };
};

const statementDetail = async (ctx: ServiceContext, row: StatementRow): Promise<StatementDetail> => {
  const lines = await linesWhere(ctx, and(eq(commissionPayouts.statementId, row.id)));
  return { ...toSummary(row, await namesOf(ctx, [row.userId, row.approvedBy])), lines: withoutCurrency(lines) };
};

/** SECURITY-CRITICAL: a statement is seen by its person and by those who read every commission of its company. */
const loadVisibleStatement = async (ctx: ServiceContext, id: string): Promise<StatementRow> => {
  assertCan(ctx.actor, 'commissions.read');
  const [row] = await ctx.db
    .select()
    .from(commissionStatements)
    .where(and(eq(commissionStatements.id, id), visibleCommissionRows(ctx, commissionStatements)));
  if (!row) throw notFound('Commission statement');
  return row;
};

export const getStatement = async (ctx: ServiceContext, id: string): Promise<StatementDetail> => statementDetail(ctx, await loadVisibleStatement(ctx, id));

/**
 * Finance approves a person's statement for a month (COMM-5): every payout due by the month's end that no statement
 * took yet is locked into it, with its totals, in one transaction. `expectedTotal` is what the approver saw; if a
 * payout came or went meanwhile the approval is refused. Months are approved in order: once a month is approved, an
 * earlier one is not (its payouts went into the later statement). A locked statement never changes; a clawback
 * after it goes into the next month's.
 */
export const approveStatement = async (ctx: ServiceContext, input: { userId: string; period: string; expectedTotal: string }): Promise<StatementDetail> => {
  assertCan(ctx.actor, 'commissions.approve');
  assertMayReadPerson(ctx, input.userId);
  const ownerId = ownerOf(ctx);
  return withTx(ctx, async (ctx) => {
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`commission-statement:${ownerId}:${input.userId}`}))`);
    if (await approvedStatement(ctx, ownerId, input.userId, input.period)) {
      throw new AppError('commission_statement.approved', `The statement for ${input.period} is approved already`);
    }
    const [later] = await ctx.db
      .select({ period: commissionStatements.period })
      .from(commissionStatements)
      .where(and(eq(commissionStatements.ownerId, ownerId), eq(commissionStatements.userId, input.userId), gt(commissionStatements.period, input.period)))
      .limit(1);
    if (later) throw new AppError('commission_statement.out_of_order', `The statement for ${later.period} is approved; ${input.period} is closed with it`);
    const lines = await openLinesOf(ctx, ownerId, input.userId, input.period);
    if (lines.length === 0) throw new AppError('commission_statement.empty', `Nothing is due to this person by the end of ${input.period}`);
    const totals = totalsOf(lines, lines[0]!.currency);
    if (!new Decimal(totals.total).eq(input.expectedTotal)) {
      throw new AppError('commission_statement.changed', `The statement changed while you looked at it (now ${totals.total}); review it again`);
    }
    const [row] = await ctx.db
      .insert(commissionStatements)
      .values({
        ownerId,
        userId: input.userId,
        period: input.period,
        currency: lines[0]!.currency,
        ...totals,
        lineCount: lines.length,
        approvedBy: actorUserId(ctx.actor)!,
        approvedAt: ctx.now(),
      })
      .returning();
    const payoutIds = lines.map((l) => l.payoutId);
    for (let i = 0; i < payoutIds.length; i += 1000) {
      await ctx.db
        .update(commissionPayouts)
        .set({ statementId: row!.id })
        .where(and(inArray(commissionPayouts.id, payoutIds.slice(i, i + 1000)), isNull(commissionPayouts.statementId)));
    }
    // The lines just locked are the statement's lines; no need to read them again.
    return { ...toSummary(row!, await namesOf(ctx, [row!.userId, row!.approvedBy])), lines: withoutCurrency(lines) };
  });
};

/**
 * The statements of a month: the approved ones, and a preview for each person with something due and not yet
 * approved. Without `commissions.readAll`, only the caller's own.
 */
export const listStatements = async (ctx: ServiceContext, query: { userId?: string | undefined; period?: string | undefined }): Promise<StatementSummary[]> => {
  assertMayReadPerson(ctx, query.userId);
  const ownerId = ownerOf(ctx);
  const own = can(ctx.actor, 'commissions.readAll') ? query.userId : actorUserId(ctx.actor)!;
  const approved = await ctx.db
    .select()
    .from(commissionStatements)
    .where(
      and(
        visibleCommissionRows(ctx, commissionStatements),
        eq(commissionStatements.ownerId, ownerId),
        own ? eq(commissionStatements.userId, own) : undefined,
        query.period ? eq(commissionStatements.period, query.period) : undefined,
      ),
    )
    .orderBy(desc(commissionStatements.period), asc(commissionStatements.userId))
    .limit(1000);
  const previews: StatementSummary[] = [];
  if (query.period) {
    const period = query.period;
    const done = new Set(approved.map((s) => s.userId));
    const open = await ctx.db
      .select({
        userId: commissionPayouts.userId,
        count: sql<number>`count(*)::int`,
        // Split by entry, as `totalsOf` splits an approved statement.
        commissionTotal: sql<string>`coalesce(sum(${commissionPayouts.amount}) filter (where ${commissions.entry} = 'commission'), 0)::numeric(16,2)::text`,
        clawbackTotal: sql<string>`coalesce(sum(${commissionPayouts.amount}) filter (where ${commissions.entry} = 'clawback'), 0)::numeric(16,2)::text`,
        total: sql<string>`sum(${commissionPayouts.amount})::numeric(16,2)::text`,
      })
      .from(commissionPayouts)
      .innerJoin(commissions, eq(commissions.id, commissionPayouts.commissionId))
      .where(
        and(
          eq(commissionPayouts.ownerId, ownerId),
          visibleCommissionRows(ctx, commissionPayouts),
          own ? eq(commissionPayouts.userId, own) : sql`${commissionPayouts.userId} is not null`,
          isNull(commissionPayouts.statementId),
          lte(commissionPayouts.dueOn, lastDayOf(period)),
        ),
      )
      .groupBy(commissionPayouts.userId);
    const currency = await currencyOf(ctx, ownerId);
    for (const row of open) {
      if (!row.userId || done.has(row.userId)) continue;
      previews.push({ id: null, userId: row.userId, userName: null, period, currency, commissionTotal: row.commissionTotal, clawbackTotal: row.clawbackTotal, total: row.total, lineCount: row.count, approvedAt: null, approvedBy: null, approvedByName: null });
    }
  }
  const names = await namesOf(ctx, [...approved.flatMap((s) => [s.userId, s.approvedBy]), ...previews.map((p) => p.userId)]);
  return [...approved.map((s) => toSummary(s, names)), ...previews.map((p) => ({ ...p, userName: names.get(p.userId) ?? null }))].sort(
    (a, b) => b.period.localeCompare(a.period) || (a.userName ?? '').localeCompare(b.userName ?? ''),
  );
};
