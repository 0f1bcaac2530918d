import type { Decimal } from 'decimal.js';
import type { Commodity } from './supply-point-identifier.js';
import { isValidOn, type Validity } from './validity.js';

/** Household or business use: Slovak gas groups D1-D8 vs M1-M8, Czech gas household vs small/medium/large. */
export const customerCategories = ['household', 'business'] as const;
export type CustomerCategory = (typeof customerCategories)[number];

/**
 * A row of the consumption-band code list (ÚRSO / ERÚ decisions, data with validity and source). Limits are
 * in kWh per year; a null upper limit means "and above".
 */
export type ConsumptionBand = Validity & {
  code: string;
  country: string;
  commodity: Commodity;
  customerCategory: CustomerCategory;
  /** Code of the distribution territory the band applies to; null for a country-wide band. */
  territoryCode: string | null;
  lowerKWh: Decimal;
  upperKWh: Decimal | null;
  lowerInclusive: boolean;
  upperInclusive: boolean;
};

const contains = (band: ConsumptionBand, kWh: Decimal): boolean => {
  const aboveLower = band.lowerInclusive ? kWh.gte(band.lowerKWh) : kWh.gt(band.lowerKWh);
  if (!aboveLower) return false;
  if (band.upperKWh === null) return true;
  return band.upperInclusive ? kWh.lte(band.upperKWh) : kWh.lt(band.upperKWh);
};

/**
 * The band an annual consumption falls into on a date, for a country, commodity and customer category. A band
 * of the supply point's own territory wins over a country-wide one. Null when no band is defined, which is
 * normal for commodities whose tariffs are not chosen by consumption (e.g. Slovak electricity rates).
 */
export const selectConsumptionBand = <Band extends ConsumptionBand>(
  bands: readonly Band[],
  point: { country: string; commodity: Commodity; customerCategory: CustomerCategory; territoryCode?: string | null; annualKWh: Decimal },
  on: string,
): Band | null => {
  const candidates = bands.filter(
    (b) =>
      b.country === point.country &&
      b.commodity === point.commodity &&
      b.customerCategory === point.customerCategory &&
      (b.territoryCode === null || b.territoryCode === point.territoryCode) &&
      isValidOn(b, on) &&
      contains(b, point.annualKWh),
  );
  return candidates.find((b) => b.territoryCode !== null) ?? candidates[0] ?? null;
};
