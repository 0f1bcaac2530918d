import { Decimal } from 'decimal.js';
import type { ForecastMonth, ForecastYear } from './meters-api.js';
import { parseDecimalInput } from './decimal-input.js';

export { decimalSeparator } from './decimal-input.js';

/** The twelve cells of a year's grid as typed (January first); '' is a month without a forecast. */
export type ForecastGrid = string[];

export const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The API's monthly quantity: at most 15 digits before the point and 3 after. */
export const quantityPattern = /^\d{1,15}(\.\d{1,3})?$/;

export const emptyGrid = (): ForecastGrid => months.map(() => '');

/**
 * A stored year as the grid shows it, with the locale's decimal separator ("950,5" in Slovak; the text is
 * changed, never the number, so no precision is lost); months the year does not have stay empty.
 */
export const gridFromYear = (year: ForecastYear | undefined, separator = '.'): ForecastGrid => {
  const grid = emptyGrid();
  for (const entry of year?.months ?? []) {
    if (entry.month >= 1 && entry.month <= 12)
      grid[entry.month - 1] = entry.quantityKWh.replace('.', separator);
  }
  return grid;
};

/**
 * The grid as the PUT body's months, read with the locale's decimal separator ("12 500,5" in Slovak becomes
 * "12500.5"), empty cells are left out (the API then
 * removes that month). Cells that are not a quantity are returned as `invalid` (month numbers), nothing sent.
 */
export const gridToMonths = (
  grid: ForecastGrid,
  separator = '.',
): { months: ForecastMonth[]; invalid: number[] } => {
  const result: ForecastMonth[] = [];
  const invalid: number[] = [];
  grid.forEach((cell, index) => {
    const value = parseDecimalInput(cell, separator);
    if (value === '') return;
    if (quantityPattern.test(value)) result.push({ month: index + 1, quantityKWh: value });
    else invalid.push(index + 1);
  });
  return { months: result, invalid };
};

/** The sum of the cells that are quantities, exact (decimal.js), as a plain decimal string. */
export const gridTotal = (grid: ForecastGrid, separator = '.'): string => {
  let total = new Decimal(0);
  for (const cell of grid) {
    const value = parseDecimalInput(cell, separator);
    if (quantityPattern.test(value)) total = total.plus(value);
  }
  return total.toFixed();
};

/** Whether the grid says something else than the stored year (12500 and 12500.0 are the same). */
export const gridChanged = (grid: ForecastGrid, stored: ForecastGrid, separator = '.'): boolean =>
  grid.some((cell, i) => {
    const a = parseDecimalInput(cell, separator);
    const b = parseDecimalInput(stored[i] ?? '', separator);
    if (a === b) return false;
    if (quantityPattern.test(a) && quantityPattern.test(b)) return !new Decimal(a).equals(b);
    return true;
  });

/**
 * An annual quantity spread evenly over the twelve months, each rounded down to whole kWh; December takes the
 * remainder, so the months add up to the annual quantity exactly.
 */
export const evenSplit = (annualKWh: string, separator = '.'): ForecastGrid => {
  const total = new Decimal(annualKWh);
  const month = total.dividedBy(12).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  const december = total.minus(month.times(11));
  return months.map((m) => (m === 12 ? december.toFixed() : month.toFixed()).replace('.', separator));
};

/** Years offered: two back and three ahead of this year, and every year that has a stored forecast. */
export const yearOptions = (currentYear: number, stored: readonly number[]): number[] =>
  [...new Set([...Array.from({ length: 6 }, (_, i) => currentYear - 2 + i), ...stored])].sort(
    (a, b) => a - b,
  );

/** A server problem's month: `months.3.quantityKWh` is the fourth month that was sent. */
export const monthOfProblemPath = (path: string, sent: readonly ForecastMonth[]): number | null => {
  const match = /^months\.(\d+)(\.|$)/.exec(path);
  if (!match) return null;
  return sent[Number(match[1])]?.month ?? null;
};
