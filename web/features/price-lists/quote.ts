import type { TFunction } from 'i18next';
import { translateCode } from '../../components/errors.js';

/** The usual first question: next calendar year, from the first day of January to the last of December. */
export const defaultDeliveryPeriod = (today: Date): { from: string; to: string } => {
  const year = today.getFullYear() + 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
};

/** A quote line's kind (commodity, supplier fee, or a regulated component) in the user's language. */
export const quoteLineLabel = (t: TFunction, kind: string): string =>
  translateCode(t, 'priceLists.lineKinds', kind) ?? kind;
