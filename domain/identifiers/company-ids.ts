import { checkBirthNumber } from './birth-number.js';
import {
  compact,
  digitAt,
  hasForeignPrefix,
  isBlank,
  isDigits,
  modOfDigits,
  weightedSum,
  withoutPrefix,
} from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// ---------------------------------------------------------------- Czech Republic / Slovakia

// Weights 8..2 on digits 1-7; r = S mod 11; check = (11 - r) mod 10 (r = 0 -> 1, r = 1 -> 0).
const czIcoChecksumOk = (ico8: string): boolean =>
  (11 - (weightedSum(ico8, [8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === digitAt(ico8, 7);

/** Czech IČO: up to 8 digits, left-padded with zeros to 8 (registers drop leading zeros), mod-11 check. */
export const checkCzIco = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const digits = compact(raw);
  if (!isDigits(digits)) return invalid('charset');
  if (digits.length === 0 || digits.length > 8) return invalid('length');
  const value = digits.padStart(8, '0');
  return czIcoChecksumOk(value) ? valid(value) : invalid('checksum');
};

/**
 * Slovak IČO: 8 digits, 6 for some older entities. No public source states the Slovak check
 * algorithm; every known number satisfies the Czech mod-11 rule, so a failure is only a warning.
 */
export const checkSkIco = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== 6 && value.length !== 8) return invalid('length');
  // A 6-digit number is checked as its zero-padded 8-digit form (leading zeros weigh nothing).
  return czIcoChecksumOk(value.padStart(8, '0')) ? valid(value) : valid(value, 'checksum');
};

/**
 * Czech DIČ, accepted with or without the `CZ` prefix and returned with it. 8 digits: a legal
 * person's IČO (same check). 9 digits starting 6: a special series, accepted without a check.
 * Otherwise 9/10 digits: a natural person's birth number.
 */
export const checkCzDic = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const body = withoutPrefix(compact(raw), 'CZ');
  if (hasForeignPrefix(body)) return invalid('component');
  if (!isDigits(body)) return invalid('charset');
  const value = `CZ${body}`;
  if (body.length === 8) return czIcoChecksumOk(body) ? valid(value) : invalid('checksum');
  if (body.length === 9 && body.startsWith('6')) return valid(value);
  if (body.length === 9 || body.length === 10) {
    const person = checkBirthNumber(body);
    return person.ok ? valid(value) : person;
  }
  return invalid('length');
};

/** Slovak DIČ: 10 digits. No check digit is documented, so only the format is checked. */
export const checkSkDic = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  return value.length === 10 ? valid(value) : invalid('length');
};

/**
 * Slovak IČ DPH: `SK` + 10 digits, first digit not 0, the number divisible by 11. The prefix may be
 * omitted on input (users type the bare DIČ) and is always added to the result. Extra first/third
 * digit rules found in some libraries are deliberately not applied (not confirmed by the spec).
 */
export const checkSkVatId = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const body = withoutPrefix(compact(raw), 'SK');
  if (hasForeignPrefix(body)) return invalid('component');
  if (!isDigits(body)) return invalid('charset');
  if (body.length !== 10) return invalid('length');
  if (body.startsWith('0')) return invalid('component');
  return modOfDigits(body, 11) === 0 ? valid(`SK${body}`) : invalid('checksum');
};

// ---------------------------------------------------------------- Poland

// NIP is printed with hyphens (526-025-09-95) and, as a VAT ID, with the PL prefix.
const plNipBody = (raw: string): string => withoutPrefix(compact(raw, ['-']), 'PL');

const checkPlNipBody = (body: string): IdentifierCheck => {
  if (hasForeignPrefix(body)) return invalid('component');
  if (!isDigits(body)) return invalid('charset');
  if (body.length !== 10) return invalid('length');
  const r = weightedSum(body, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  // r = 10 has no check digit: such numbers are never issued.
  return r !== 10 && r === digitAt(body, 9) ? valid(body) : invalid('checksum');
};

/** Polish NIP: 10 digits (hyphens and a `PL` prefix are stripped), mod-11 check. */
export const checkPlNip = (raw: string): IdentifierCheck =>
  isBlank(raw) ? invalid('required') : checkPlNipBody(plNipBody(raw));

/** Polish VAT ID: `PL` + NIP; the prefix may be omitted on input and is always added to the result. */
export const checkPlVatId = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const nip = checkPlNipBody(plNipBody(raw));
  return nip.ok ? valid(`PL${nip.value}`) : nip;
};

// REGON: r = S mod 11, r = 10 counts as 0; r must equal the last digit.
const regonChecksumOk = (digits: string, weights: readonly number[]): boolean =>
  (weightedSum(digits, weights) % 11) % 10 === digitAt(digits, weights.length);

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

/** Polish REGON: 9 digits, or 14 digits (a local unit) whose first 9 are themselves a valid REGON. */
export const checkPlRegon = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== 9 && value.length !== 14) return invalid('length');
  if (!regonChecksumOk(value, REGON9_WEIGHTS)) return invalid('checksum');
  if (value.length === 14 && !regonChecksumOk(value, REGON14_WEIGHTS)) return invalid('checksum');
  return valid(value);
};

// ---------------------------------------------------------------- Russia

// INN check digit: (weighted sum mod 11) mod 10, weights applied from the first digit.
const innCheckOk = (digits: string, weights: readonly number[]): boolean =>
  (weightedSum(digits, weights) % 11) % 10 === digitAt(digits, weights.length);

/** Russian INN: 10 digits (organisations, one check digit) or 12 (individuals, two check digits). */
export const checkRuInn = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length === 10) {
    return innCheckOk(value, [2, 4, 10, 3, 5, 9, 4, 6, 8]) ? valid(value) : invalid('checksum');
  }
  if (value.length === 12) {
    const ok =
      innCheckOk(value, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) &&
      innCheckOk(value, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    return ok ? valid(value) : invalid('checksum');
  }
  return invalid('length');
};

/**
 * Russian OGRN (13 digits: first 12 mod 11, then mod 10) or OGRNIP (15 digits: first 14 mod 13,
 * then mod 10). The rule was only computed, not confirmed against a published source.
 */
export const checkRuOgrn = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = compact(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== 13 && value.length !== 15) return invalid('length');
  const modulus = value.length === 13 ? 11 : 13;
  const check = modOfDigits(value.slice(0, -1), modulus) % 10;
  return check === digitAt(value, value.length - 1) ? valid(value) : invalid('checksum');
};

// ---------------------------------------------------------------- Germany

// ISO 7064 MOD 11,10 over digits 1-8.
const deVatCheckDigit = (body: string): number => {
  let p = 10;
  for (let i = 0; i < 8; i++) {
    const s = (digitAt(body, i) + p) % 10 || 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10;
};

/**
 * German USt-IdNr: `DE` + 9 digits, ISO 7064 MOD 11,10 check. The prefix may be omitted on input
 * and is always added to the result.
 */
export const checkDeVatId = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const body = withoutPrefix(compact(raw), 'DE');
  if (hasForeignPrefix(body)) return invalid('component');
  if (!isDigits(body)) return invalid('charset');
  if (body.length !== 9) return invalid('length');
  return deVatCheckDigit(body) === digitAt(body, 8) ? valid(`DE${body}`) : invalid('checksum');
};
