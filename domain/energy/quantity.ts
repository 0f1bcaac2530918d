import { Decimal } from 'decimal.js';

/**
 * The one rounding rule for energy quantities: half away from zero (ROUND_HALF_UP in decimal.js), to the
 * given places. Calculations keep full precision and round only where a value is shown or stored as a result.
 */
export const roundQuantity = (value: Decimal, places = 3): Decimal => value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);

/** A decimal string as the API carries it: plain notation, no exponent, no trailing zeros. */
export const toDecimalString = (value: Decimal): string => value.toFixed();

/** Parses a decimal string strictly (no exponent, no thousands separators); null when it is not one. */
export const parseDecimal = (raw: string): Decimal | null => {
  const text = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return new Decimal(text);
};

/** kWh (as supply points store consumption) in MWh (as prices, bands and commissions count it), exactly. */
export const kWhToMWh = (kWh: string): string => new Decimal(kWh).dividedBy(1000).toFixed();
