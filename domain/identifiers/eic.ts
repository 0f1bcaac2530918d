import { compact, isBlank } from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// Value of a character is its index: 0-9 -> 0-9, A-Z -> 10-35, '-' -> 36 (ENTSO-E EIC scheme).
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-';

/** Trim, remove spaces, upper-case. Hyphens are part of the code and are kept. */
export const normaliseEic = (raw: string): string => compact(raw);

// Weights 16..2 on characters 1..15; check value = 36 - ((S - 1) mod 37). Returns null when the
// check value would be 36 ('-'), which the scheme forbids as a check character.
export const eicCheckCharacter = (first15: string): string | null => {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += ALPHABET.indexOf(first15.charAt(i)) * (16 - i);
  // Non-negative modulo: an all-zero prefix gives S = 0 and JS `%` would return -1.
  const value = 36 - ((((sum - 1) % 37) + 37) % 37);
  return value === 36 ? null : ALPHABET.charAt(value);
};

/** ENTSO-E Energy Identification Code: 16 characters `0-9 A-Z -`, two-digit issuing office, check character. */
export const checkEic = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = normaliseEic(raw);
  if (!/^[0-9A-Z-]*$/.test(value)) return invalid('charset');
  if (value.length !== 16) return invalid('length');
  // Characters 1-2 are the issuing office, always two digits ("10" ENTSO-E, "24" SK, "27" CZ).
  if (!/^[0-9]{2}/.test(value)) return invalid('component');
  const expected = eicCheckCharacter(value.slice(0, 15));
  if (expected === null || value.charAt(15) !== expected) return invalid('checksum');
  return valid(value);
};
