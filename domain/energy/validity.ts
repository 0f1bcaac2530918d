/**
 * Tariff and reference data change yearly: every row carries the dates it is valid for, and is chosen by the
 * date of the consumption or billing period, never by "today" implicitly. Dates are ISO `YYYY-MM-DD` strings,
 * which compare correctly as text.
 */
export type Validity = { validFrom: string | null; validTo: string | null };

/** True when `on` (YYYY-MM-DD) lies within the row's validity; open ends are unbounded, both ends inclusive. */
export const isValidOn = (row: Validity, on: string): boolean =>
  (row.validFrom === null || row.validFrom <= on) && (row.validTo === null || on <= row.validTo);
