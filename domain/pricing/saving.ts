import { Decimal } from 'decimal.js';
import { moneyString, percentOf, sumMoney } from '../money.js';
import type { ChargeBasis, PricingLineKind, PricingResult } from './pricing.js';

/**
 * The client's saving (OFFER-2): the current cost (from their current product, or prices they entered, priced by
 * `priceSupplyPoint` like any offer) against the offered cost, per line and in total, in money and per cent of the
 * current cost. Positive saves money; negative costs more. Both results are already rounded, so savings are exact.
 */
export type CostComparison = { current: string; offered: string; saving: string; savingPercent: string | null };
export type LineSaving = CostComparison & { kind: PricingLineKind; basis: ChargeBasis };
export type Saving = { currency: string; lines: LineSaving[]; net: CostComparison; gross: CostComparison };

const compare = (current: Decimal, offered: Decimal, currency: PricingResult['currency']): CostComparison => {
  const saving = current.minus(offered);
  const percent = percentOf(saving, current);
  return {
    current: moneyString(current, currency),
    offered: moneyString(offered, currency),
    saving: moneyString(saving, currency),
    savingPercent: percent === null ? null : percent.toFixed(2),
  };
};

/** Lines of one kind and basis summed (a charge priced per calendar year has a line per year). */
const byLine = (result: PricingResult) => {
  const sums = new Map<string, Decimal>();
  for (const line of result.lines) {
    const key = `${line.kind}|${line.basis}`;
    sums.set(key, (sums.get(key) ?? new Decimal(0)).plus(line.amount));
  }
  return sums;
};

export const compareCosts = (current: PricingResult, offered: PricingResult): Saving => {
  if (current.currency !== offered.currency) {
    throw new RangeError(`currency_mismatch: current cost in ${current.currency}, offer in ${offered.currency}`);
  }
  const { currency } = offered;
  const before = byLine(current);
  const after = byLine(offered);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const order = (key: string) => {
    const i = offered.lines.findIndex((l) => `${l.kind}|${l.basis}` === key);
    return i === -1 ? offered.lines.length + current.lines.findIndex((l) => `${l.kind}|${l.basis}` === key) : i;
  };
  keys.sort((a, b) => order(a) - order(b));
  const zero = new Decimal(0);
  const lines = keys.map((key) => {
    const [kind, basis] = key.split('|') as [PricingLineKind, ChargeBasis];
    return { kind, basis, ...compare(before.get(key) ?? zero, after.get(key) ?? zero, currency) };
  });
  const total = (r: PricingResult, field: 'net' | 'gross') => sumMoney([new Decimal(r[field])]);
  return {
    currency,
    lines,
    net: compare(total(current, 'net'), total(offered, 'net'), currency),
    gross: compare(total(current, 'gross'), total(offered, 'gross'), currency),
  };
};
