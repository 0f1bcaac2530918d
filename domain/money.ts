import { Decimal } from 'decimal.js';

/**
 * The one money rounding rule (DESIGN.md: "rounding rule written once in domain/"): an amount is rounded to its
 * currency's minor unit, half away from zero (ROUND_HALF_UP in decimal.js: 0.005 → 0.01, −0.005 → −0.01).
 * Calculations keep full precision inside a line and round once per line; sums add rounded lines; VAT is computed
 * on the rounded net total and rounded again. Every module that shows or stores money uses these functions.
 */
export const currencies = ['EUR', 'CZK', 'PLN'] as const;
export type Currency = (typeof currencies)[number];

/** Decimal places of the minor unit (ISO 4217): euro cent, haléř, grosz. */
const minorUnitPlaces: Record<Currency, number> = { EUR: 2, CZK: 2, PLN: 2 };

export const isCurrency = (code: string): code is Currency => (currencies as readonly string[]).includes(code);

/** Rounds an amount to the currency's minor unit, half up (away from zero). */
export const roundMoney = (amount: Decimal.Value, currency: Currency): Decimal =>
  new Decimal(amount).toDecimalPlaces(minorUnitPlaces[currency], Decimal.ROUND_HALF_UP);

/** An amount as the API carries it: fixed to the minor unit, e.g. "1234.50". */
export const moneyString = (amount: Decimal.Value, currency: Currency): string =>
  roundMoney(amount, currency).toFixed(minorUnitPlaces[currency]);

/** The sum of already rounded amounts (exact: no rounding is needed or done). */
export const sumMoney = (amounts: readonly Decimal[]): Decimal => amounts.reduce((sum, a) => sum.plus(a), new Decimal(0));

/** VAT of a rounded net amount at a rate in per cent, rounded to the minor unit. */
export const vatOf = (net: Decimal, ratePercent: Decimal.Value, currency: Currency): Decimal =>
  roundMoney(net.times(ratePercent).dividedBy(100), currency);

/** A share in per cent with two decimals, half up; null when the base is zero (no meaningful share). */
export const percentOf = (part: Decimal, base: Decimal): Decimal | null =>
  base.isZero() ? null : part.dividedBy(base).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
