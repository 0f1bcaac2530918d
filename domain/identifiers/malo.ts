import { compact, digitAt, isBlank, isDigits } from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// BDEW rule over digits 1-10: odd positions count once, even positions twice;
// check = (10 - sum mod 10) mod 10.
const maloCheckDigit = (first10: string): number => {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (i % 2 === 0 ? 1 : 2) * digitAt(first10, i);
  return (10 - (sum % 10)) % 10;
};

/** German Marktlokations-ID: 11 digits, first digit 1-9, BDEW check digit. */
export const checkMaloId = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== 11) return invalid('length');
  // The first digit identifies the issuing body (1-3 DVGW, 4-9 BDEW); 0 is never issued.
  if (value.startsWith('0')) return invalid('component');
  if (maloCheckDigit(value) !== digitAt(value, 10)) return invalid('checksum');
  return valid(value);
};

/**
 * German Messlokations-ID (Zaehlpunktbezeichnung): `DE` + 31 alphanumerics, no check digit.
 * Dots are removed because the code is commonly printed grouped (`DE.012345.08010.XXXX`).
 */
export const checkMeloId = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw, ['.']);
  if (!/^[0-9A-Z]*$/.test(value)) return invalid('charset');
  if (!value.startsWith('DE')) return invalid('component');
  if (value.length !== 33) return invalid('length');
  return valid(value);
};
