import { describe, expect, it } from 'vitest';
import { headerScore, simplify, suggestHeaders, type HeaderNames } from './header-mapping.js';

describe('simplify', () => {
  it.each([
    ['E-mail kontaktu', 'e mail kontaktu'],
    ['Ročná spotreba (MWh)', 'rocna spotreba mwh'],
    ['  IČO  ', 'ico'],
  ])('%s → %s', (header, expected) => {
    expect(simplify(header)).toBe(expected);
  });
});

describe('headerScore', () => {
  it.each<[HeaderNames, string, number]>([
    [{ exact: ['name', 'nazov firmy'] }, 'Názov firmy', 1],
    [{ exact: ['ico', 'ic'], contains: ['ico'] }, 'IČO', 1],
    [{ exact: ['telefon'], contains: ['telefon', 'phone'] }, 'Telefón kontaktnej osoby', 0.5 + 0.3 / 3],
    [{ exact: ['rocna spotreba'], contains: ['spotreba'] }, 'Ročná spotreba (MWh)', 0.6 + 0.3 * (2 / 3)],
    [{ exact: ['email', 'e mail'], contains: ['email'] }, 'Adresa', 0],
    [{ exact: ['email'] }, ' – ', 0],
  ])('%j ← %s', (known, header, expected) => {
    expect(headerScore(known, header)).toBeCloseTo(expected, 5);
  });
});

type Field = 'phone' | 'mobile' | 'note';
const fields: Field[] = ['phone', 'mobile', 'note'];
const names: Record<Field, HeaderNames> = {
  phone: { exact: ['telefon'], contains: ['mobil'] },
  mobile: { exact: ['mobil'], contains: ['mobil'] },
  note: { exact: ['poznamka'], contains: ['poznamka'] },
};

describe('suggestHeaders', () => {
  it.each<[string, string[], Partial<Record<Field, string>> | null, Record<Field, string | null>]>([
    [
      'each field gets the header that names it best',
      ['Poznámka', 'Mobil', 'Telefón'],
      null,
      { phone: 'Telefón', mobile: 'Mobil', note: 'Poznámka' },
    ],
    [
      'a header serves one field at most; on equal scores the earlier field wins',
      ['Mobil číslo'],
      null,
      { phone: 'Mobil číslo', mobile: null, note: null },
    ],
    [
      'on equal scores the earlier header wins',
      ['Telefón', 'TELEFON'],
      null,
      { phone: 'Telefón', mobile: null, note: null },
    ],
    [
      'the kept headers come first, over a better score',
      ['Telefón', 'Mobil', 'Interná poznámka'],
      { phone: 'Mobil', note: 'Telefón' },
      { phone: 'Mobil', mobile: null, note: 'Telefón' },
    ],
    [
      'a kept header the file no longer has, or an earlier field kept, is suggested anew',
      ['Telefón', 'Poznámka'],
      { phone: 'Telefón (old)', mobile: 'Poznámka', note: 'Poznámka' },
      { phone: 'Telefón', mobile: 'Poznámka', note: null },
    ],
  ])('%s', (_, headers, kept, mapping) => {
    expect(suggestHeaders(fields, names, headers, kept)).toEqual(mapping);
  });
});
