import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';
import { roundMoney, type Currency } from '../money.js';
import type { CommissionBasis } from './rules.js';

/** What the commission of one supply point is computed from, as recorded with the amount for traceability (COMM-5). */
export type CommissionBase = {
  /** Annual consumption in MWh; the contracted quantity is it times the months of delivery / 12. */
  annualMWh: string | null;
  deliveryMonths: number;
  /** The offered margin of the supply point over the delivery period (for a percentage-of-margin rule). */
  margin: string | null;
};

export type CommissionAmount = { ok: true; amount: Decimal; explanation: string } | { ok: false; missing: 'annualMWh' | 'margin' };

/**
 * The commission of one supply point under a rule's basis, rounded once with the money rule. A rule that needs a
 * quantity or a margin the contract does not have is reported with what is missing, never computed as zero.
 */
export const commissionAmount = (basis: CommissionBasis, base: CommissionBase, currency: Currency): CommissionAmount => {
  switch (basis.kind) {
    case 'perMWh': {
      if (base.annualMWh === null) return { ok: false, missing: 'annualMWh' };
      const mwh = new Decimal(base.annualMWh).times(base.deliveryMonths).dividedBy(12);
      return { ok: true, amount: roundMoney(mwh.times(basis.amount), currency), explanation: `${mwh.toDecimalPlaces(3).toFixed()} MWh × ${basis.amount}` };
    }
    case 'perSupplyPoint':
      return { ok: true, amount: roundMoney(basis.amount, currency), explanation: `1 × ${basis.amount}` };
    case 'marginPercent': {
      if (base.margin === null) return { ok: false, missing: 'margin' };
      return { ok: true, amount: roundMoney(new Decimal(base.margin).times(basis.percent).dividedBy(100), currency), explanation: `${basis.percent} % × ${base.margin}` };
    }
  }
};

/**
 * The clawback of a commission when its contract is cancelled or terminated: pro rata for the
 * months not delivered, as a negative amount; a contract cancelled before delivery takes everything back.
 */
export const proRataClawback = (paid: Decimal.Value, deliveryMonths: number, deliveredMonths: number, currency: Currency): Decimal => {
  if (deliveryMonths <= 0) throw new Error('proRataClawback: no months of delivery');
  const delivered = Math.min(Math.max(deliveredMonths, 0), deliveryMonths);
  return roundMoney(new Decimal(paid).times(deliveryMonths - delivered).dividedBy(deliveryMonths), currency).negated();
};

/**
 * The months a contract delivers, from its start day to its end day (inclusive): 2027-01-01 to 2027-12-31 is 12.
 * Part months round to the nearest whole month, at least one; a contract for an indefinite period counts a year,
 * the usual commission horizon of brokers.
 */
export const deliveryMonthsOf = (startDate: string, endDate: string | null): number => {
  if (endDate === null) return 12;
  const months = dayjs(endDate).add(1, 'day').diff(dayjs(startDate), 'month', true);
  return Math.max(1, Math.round(months));
};

/** Whole months delivered before a contract ended on `endedOn` (the day it ended is not delivered); 0 before its start. */
export const deliveredMonthsOf = (startDate: string, endedOn: string): number =>
  Math.max(0, dayjs(endedOn).diff(dayjs(startDate), 'month'));
