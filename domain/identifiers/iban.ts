import { compact, isBlank } from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// Lengths from the SWIFT IBAN registry for the countries the CRM serves.
const IBAN_LENGTHS: Readonly<Record<string, number>> = { SK: 24, CZ: 24, DE: 22, PL: 28 };
// Other countries are still accepted (customers bank abroad) within the ISO 13616 bounds:
// the shortest national IBAN (Norway) has 15 characters, the standard allows at most 34.
const MIN_LENGTH = 15;
const MAX_LENGTH = 34;

/** Removes spaces (IBANs are printed in groups of four) and upper-cases. */
export const normaliseIban = (raw: string): string => compact(raw);

// Rearranged IBAN (first four characters moved to the end, letters as 10-35) mod 97, digit by digit
// so no intermediate value grows beyond 97 x 100: no floats, no BigInt.
const ibanMod97 = (iban: string): number => {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = Number.parseInt(ch, 36);
    remainder = (remainder * (n < 10 ? 10 : 100) + n) % 97;
  }
  return remainder;
};

/** IBAN (ISO 13616): country, two check digits, BBAN; country length; mod 97 = 1. */
export const checkIban = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = normaliseIban(raw);
  if (!/^[0-9A-Z]*$/.test(value)) return invalid('charset');
  if (!/^[A-Z]{2}[0-9]{2}/.test(value)) return invalid('component');
  const expectedLength = IBAN_LENGTHS[value.slice(0, 2)];
  if (
    expectedLength !== undefined
      ? value.length !== expectedLength
      : value.length < MIN_LENGTH || value.length > MAX_LENGTH
  ) {
    return invalid('length');
  }
  // Check digits are always 02-98; 00, 01 and 99 are congruent to valid ones mod 97 and would pass.
  const checkDigits = value.slice(2, 4);
  if (checkDigits === '00' || checkDigits === '01' || checkDigits === '99') return invalid('checksum');
  if (ibanMod97(value) !== 1) return invalid('checksum');
  return valid(value);
};
