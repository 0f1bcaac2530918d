import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { allocate } from '../../../domain/commissions/allocate.js';
import { deliveredMonthsOf, proRataClawback } from '../../../domain/commissions/amount.js';
import { clawbackSchedule } from '../../../domain/commissions/payout.js';
import { isCurrency, moneyString } from '../../../domain/money.js';
import type { ServiceContext } from '../../context.js';
import { insertInBatches } from '../../db/bulk.js';
import { commissionPayouts, commissionRules, commissions } from './commissions.schema.js';

type CommissionInsert = typeof commissions.$inferInsert;
type PayoutInsert = typeof commissionPayouts.$inferInsert;

/**
 * Takes back the commissions of a contract that was cancelled or terminated on `endedOn`, as its rules define
 * (COMM-1): pro rata for the months not delivered, everything, or nothing. The clawback of a supply point is computed
 * on its whole commission and split like it (same shares, same remainder rule), each part reversing its commission.
 * Each part is settled by `clawbackSchedule`: the commission's unpaid stages due after the end are cancelled on their
 * days, the rest is due on the day it ended. In the caller's transaction; a contract taken back before is skipped.
 */
export const clawBackCommissions = async (
  ctx: ServiceContext,
  contract: { id: string; startDate: string },
  endedOn: string,
): Promise<number> => {
  const rows = await ctx.db
    .select({ commission: commissions, clawback: commissionRules.clawback })
    .from(commissions)
    .innerJoin(commissionRules, eq(commissionRules.id, commissions.ruleId))
    .where(and(eq(commissions.contractId, contract.id), eq(commissions.entry, 'commission')))
    .orderBy(asc(commissions.supplyPointId), asc(commissions.kind), asc(commissions.userId));
  const reversed = new Set(
    (
      await ctx.db
        .select({ id: commissions.reversesId })
        .from(commissions)
        .where(and(eq(commissions.contractId, contract.id), eq(commissions.entry, 'clawback')))
    ).map((r) => r.id),
  );
  // The stages not in a statement yet: those falling due after the end are cancelled rather than paid.
  const unpaidOf = new Map<string, (typeof commissionPayouts.$inferSelect)[]>();
  const commissionIds = rows.map((r) => r.commission.id);
  if (commissionIds.length > 0) {
    const unpaid = await ctx.db
      .select()
      .from(commissionPayouts)
      .where(and(inArray(commissionPayouts.commissionId, commissionIds), isNull(commissionPayouts.statementId)));
    for (const payout of unpaid) {
      const list = unpaidOf.get(payout.commissionId) ?? [];
      list.push(payout);
      unpaidOf.set(payout.commissionId, list);
    }
  }
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    if (reversed.has(row.commission.id) || row.clawback === 'none') continue;
    const key = `${row.commission.supplyPointId}|${row.commission.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const commissionRows: CommissionInsert[] = [];
  const payoutRows: PayoutInsert[] = [];
  const deliveredMonths = deliveredMonthsOf(contract.startDate, endedOn);
  for (const group of groups.values()) {
    const first = group[0]!.commission;
    const currency = isCurrency(first.currency) ? first.currency : 'EUR';
    const total =
      group[0]!.clawback === 'full'
        ? new Decimal(first.baseAmount).negated()
        : proRataClawback(first.baseAmount, first.basis.deliveryMonths, deliveredMonths, currency);
    if (total.isZero()) continue;
    const parts =
      first.kind === 'company'
        ? [total]
        : allocate(
            total,
            group.map((g) => g.commission.share ?? '0'),
            currency,
          );
    group.forEach(({ commission }, i) => {
      const id = randomUUID();
      commissionRows.push({
        ...commission,
        id,
        entry: 'clawback',
        baseAmount: moneyString(total, currency),
        amount: moneyString(parts[i]!, currency),
        basis: {
          ...commission.basis,
          deliveredMonths,
          explanation: `${group[0]!.clawback === 'full' ? 'full' : `${commission.basis.deliveryMonths - Math.min(deliveredMonths, commission.basis.deliveryMonths)}/${commission.basis.deliveryMonths}`} × −${commission.baseAmount}`,
        },
        reversesId: commission.id,
        createdAt: ctx.now(),
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      const unpaid = (unpaidOf.get(commission.id) ?? []).map((p) => ({ position: p.position, amount: p.amount, dueOn: p.dueOn }));
      clawbackSchedule(parts[i]!, unpaid, endedOn).forEach((part, position) => {
        payoutRows.push({
          commissionId: id,
          ownerId: commission.ownerId,
          userId: commission.userId,
          position: position + 1,
          trigger: part.cancelsPosition === null ? { event: 'contractEnd' } : { event: 'contractEnd', cancelsPosition: part.cancelsPosition },
          amount: moneyString(part.amount, currency),
          dueOn: part.dueOn,
        });
      });
    });
  }
  await insertInBatches(commissionRows, (batch) => ctx.db.insert(commissions).values(batch));
  await insertInBatches(payoutRows, (batch) => ctx.db.insert(commissionPayouts).values(batch));
  return commissionRows.length;
};
