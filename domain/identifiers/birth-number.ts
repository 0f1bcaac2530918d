import { compact, digitAt, isBlank, isDigits, modOfDigits } from './normalise.js';
import { invalid, valid, type IdentifierCheck } from './result.js';

// Personal data (GDPR): validate only where a process needs it, never use it as a customer key.

/** Removes spaces and the slash of `YYMMDD/XXXX`. */
export const normaliseBirthNumber = (raw: string): string => compact(raw, ['/']);

const isRealDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone/DST shifts.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
};

// Month field: +50 for women; since 2004 also +20 (men) / +70 (women) once a day's serials run out.
// Returns null for a month field that no rule produces (including +20/+70 before 2004).
const decodeMonth = (field: number, year: number): number | null => {
  const offsets = year >= 2004 ? [0, 20, 50, 70] : [0, 50];
  for (const offset of offsets) {
    const month = field - offset;
    if (month >= 1 && month <= 12) return month;
  }
  return null;
};

/**
 * Czech/Slovak rodné číslo. 9 digits: births before 1954, no check digit. 10 digits: divisible by 11,
 * except that before 1985 a remainder of 10 was written as check digit 0. The date must exist.
 * Dates in the future are not rejected: that would make the check depend on the clock.
 */
export const checkBirthNumber = (raw: string): IdentifierCheck => {
  if (isBlank(raw)) return invalid('required');
  const value = normaliseBirthNumber(raw);
  if (!isDigits(value)) return invalid('charset');
  if (value.length !== 9 && value.length !== 10) return invalid('length');

  const yy = Number(value.slice(0, 2));
  // 9-digit numbers exist only for 1900-1953 births; a 9-digit number with a later year is a
  // 10-digit number missing its check digit. 10-digit numbers started in 1954, so 00-53 means 20xx.
  if (value.length === 9 && yy >= 54) return invalid('length');
  const year = value.length === 9 || yy >= 54 ? 1900 + yy : 2000 + yy;
  const month = decodeMonth(Number(value.slice(2, 4)), year);
  if (month === null || !isRealDate(year, month, Number(value.slice(4, 6)))) return invalid('component');

  if (value.length === 10) {
    const remainder = modOfDigits(value.slice(0, 9), 11);
    const check = remainder === 10 && year < 1985 ? 0 : remainder;
    // After 1984 a remainder of 10 has no valid check digit, so `check` (10) never matches.
    if (check !== digitAt(value, 9)) return invalid('checksum');
  }
  return valid(value);
};
