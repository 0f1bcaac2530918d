import type { Formatters } from '../../../i18n/formatters.js';

/** An amount as text ("160.67") in the UI language with its currency ("€160.67", "160,67 €"). */
export const money = (format: Formatters, amount: string | null | undefined, currency: string): string =>
  amount === null || amount === undefined ? '' : format.number(amount, { style: 'currency', currency, minimumFractionDigits: 2 });
