import { compact, digitAt, isBlank, isDigits } from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// GS1 mod 10: weights 3, 1, 3, ... starting at the RIGHTMOST data digit, so the same function
// serves every GS1 length (GLN-13, GSRN-18).
export const gs1CheckDigit = (data: string): number => {
  let sum = 0;
  for (let k = 0; k < data.length; k++) {
    const digit = digitAt(data, data.length - 1 - k);
    sum += k % 2 === 0 ? 3 * digit : digit;
  }
  return (10 - (sum % 10)) % 10;
};

const checkGs1 = (raw: string, length: number): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== length) return invalid('length');
  if (gs1CheckDigit(value.slice(0, -1)) !== digitAt(value, length - 1)) return invalid('checksum');
  return valid(value);
};

/** 18-digit GSRN: Czech electricity supply point "EAN" (859...), Polish PPE since CSIRE (590...). */
export const checkGsrn18 = (raw: string): IdentifierCheck => checkGs1(raw, 18);

/** 13-digit GLN (a company/location, e.g. a distribution system operator - not a supply point). */
export const checkGln13 = (raw: string): IdentifierCheck => checkGs1(raw, 13);
