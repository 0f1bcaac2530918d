// Shared helpers for the identifier validators. Internal to domain/identifiers (not re-exported).

// Any Unicode whitespace is removed, not just U+0020: identifiers pasted from PDFs, spreadsheets and
// bank statements carry no-break and narrow no-break spaces as digit-group separators.
const WHITESPACE = /\s+/gu;

/** True for '' and whitespace-only input: such a field counts as not filled in. */
export const isBlank = (raw: string): boolean => raw.replace(WHITESPACE, '') === '';

// Only ASCII letters are upper-cased: String#toUpperCase maps some non-ASCII letters onto ASCII ones
// ('ı' -> 'I', 'ſ' -> 'S'), which would let look-alike characters slip through the charset checks.
export const upperAscii = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

/** Trim, drop all whitespace and the given separator characters, upper-case ASCII letters. */
export const compact = (raw: string, separators: readonly string[] = []): string => {
  let s = raw.replace(WHITESPACE, '');
  for (const sep of separators) s = s.split(sep).join('');
  return upperAscii(s);
};

// ASCII digits only, on purpose: full-width or other-script digits ('１２３') are not valid in any of
// these identifiers and must be reported as a charset problem, not silently converted.
export const isDigits = (s: string): boolean => /^[0-9]*$/.test(s);

/** Numeric value of the ASCII digit at `index` (caller has checked the charset). */
export const digitAt = (s: string, index: number): number => s.charCodeAt(index) - 48;

/** Sum of digit x weight, pairing the first weight with the first digit. */
export const weightedSum = (digits: string, weights: readonly number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * digitAt(digits, i), 0);

// Long digit strings are reduced digit by digit so the intermediate value never exceeds
// 10 x modulus: no precision loss in doubles and no need for BigInt.
export const modOfDigits = (digits: string, modulus: number): number => {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + digitAt(digits, i)) % modulus;
  return remainder;
};

/** Splits an optional leading country prefix off a VAT-style ID ('SK2022146610' -> '2022146610'). */
export const withoutPrefix = (value: string, prefix: string): string =>
  value.startsWith(prefix) ? value.slice(prefix.length) : value;

// A body that still starts with two letters after removing our prefix carries another country's
// prefix: that is a different identifier, so report 'component' rather than a charset error.
export const hasForeignPrefix = (body: string): boolean => /^[A-Z]{2}/.test(body);
