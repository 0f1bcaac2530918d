import { Decimal } from 'decimal.js';
import { roundMoney, type Currency } from '../money.js';

/**
 * THE remainder rule (COMM-3): an amount divided by weights (participants' shares, payout stages' per cents) into
 * parts that add up to the amount exactly, to the cent. Each part is first cut down to the cent (towards zero);
 * the cents left over go one each to the parts that lost the most in that cut, and among equal losses to the
 * earlier part (the order the weights were given in). Negative amounts (clawbacks) are divided like positive ones
 * and keep their sign, so a clawback mirrors the commission it takes back.
 */
export const allocate = (amount: Decimal.Value, weights: readonly Decimal.Value[], currency: Currency): Decimal[] => {
  const total = roundMoney(amount, currency);
  const ws = weights.map((w) => new Decimal(w));
  if (ws.length === 0) throw new Error('allocate: no weights');
  if (ws.some((w) => w.isNegative())) throw new Error('allocate: a weight is negative');
  const weightSum = ws.reduce((sum, w) => sum.plus(w), new Decimal(0));
  if (weightSum.isZero()) throw new Error('allocate: the weights add up to zero');

  const sign = total.isNegative() ? -1 : 1;
  const cents = total.abs().times(100);
  const exact = ws.map((w) => cents.times(w).dividedBy(weightSum));
  const floors = exact.map((e) => e.floor());
  let left = cents.minus(floors.reduce((sum, f) => sum.plus(f), new Decimal(0))).toNumber();
  const order = exact
    .map((e, index) => ({ index, loss: e.minus(floors[index]!) }))
    .sort((a, b) => b.loss.comparedTo(a.loss) || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = floors[index]!.plus(1);
    left -= 1;
  }
  return floors.map((f) => f.dividedBy(100).times(sign));
};
