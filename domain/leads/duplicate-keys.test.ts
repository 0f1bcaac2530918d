import { describe, expect, it } from 'vitest';
import {
  companyIdKey,
  duplicateKeysOf,
  duplicatesWithinFile,
  emailKey,
  hasKeys,
  matchingFields,
  phoneKey,
  supplyPointKey,
} from './duplicate-keys.js';

describe('keys are normalised as clients and supply points store them', () => {
  it.each([
    // public: TEREA Cheb s.r.o. (ERÚ decision 00099-24/2014-ERU), grouped as printed
    ['CZ IČO with spaces', () => companyIdKey('635 07 871', 'CZ'), '63507871'],
    // Czech rule (inisoft.cz): a shorter IČO is zero-padded to 8 digits
    ['CZ IČO without leading zeros', () => companyIdKey('19', 'CZ'), '00000019'],
    // public: GasTrading s.r.o.
    ['SK IČO', () => companyIdKey(' 36285871 ', 'SK'), '36285871'],
    ['an IČO the country rejects has no key', () => companyIdKey('1234567a', 'CZ'), null],
    ['unknown country: compacted, upper case', () => companyIdKey('ab 12-3', null), 'AB12-3'],
    ['empty company ID', () => companyIdKey('  ', 'SK'), null],
    ['e-mail in any case', () => emailKey(' Info@Teplarne.SK '), 'info@teplarne.sk'],
    ['not an e-mail', () => emailKey('info at teplarne'), null],
    ['SK national phone', () => phoneKey('0905 123 456', 'SK'), '+421905123456'],
    [
      'international phone read in another country',
      () => phoneKey('+421 905 123 456', 'CZ'),
      '+421905123456',
    ],
    ['national phone without a country', () => phoneKey('0905123456', null), null],
    ['not a phone', () => phoneKey('call me', 'SK'), null],
    ['supply-point identifier', () => supplyPointKey(' 24zvs 0000 0000 108 '), '24ZVS00000000108'],
    ['too short to be an identifier', () => supplyPointKey('12'), null],
  ])('%s', (_case, key, expected) => {
    expect(key()).toBe(expected);
  });

  it('a record without any key matches nothing', () => {
    const none = duplicateKeysOf({
      country: 'SK',
      companyId: '',
      email: null,
      phone: ' ',
      supplyPointIdentifiers: [null, ''],
    });
    expect(hasKeys(none)).toBe(false);
    expect(matchingFields(none, none)).toEqual([]);
  });
});

const keys = (record: Parameters<typeof duplicateKeysOf>[0]) => duplicateKeysOf(record);

describe('matchingFields', () => {
  it.each([
    [
      'same IČO, same country',
      { country: 'SK', companyId: '36285871' },
      { country: 'SK', companyId: '36 285 871' },
      ['companyId'],
    ],
    [
      'same digits in another country are another company',
      { country: 'SK', companyId: '63507871' },
      { country: 'CZ', companyId: '63507871' },
      [],
    ],
    [
      'e-mail differing in case',
      { country: 'SK', email: 'A@b.sk' },
      { country: 'CZ', email: 'a@B.sk' },
      ['email'],
    ],
    [
      'phone national vs international',
      { country: 'SK', phone: '0905123456' },
      { country: 'SK', phone: '+421905123456' },
      ['phone'],
    ],
    [
      'one shared supply point among several',
      { country: 'SK', supplyPointIdentifiers: ['24ZVS00000000108', 'SKSPPDIS000410123456'] },
      { country: 'SK', supplyPointIdentifiers: ['sksppdis000410123456'] },
      ['supplyPointIdentifier'],
    ],
    [
      'several keys at once, in field order',
      { country: 'SK', companyId: '36285871', email: 'a@b.sk', phone: '+421905123456' },
      { country: 'SK', companyId: '36285871', email: 'a@b.sk', phone: '+421905999999' },
      ['companyId', 'email'],
    ],
    ['nothing shared', { country: 'SK', email: 'a@b.sk' }, { country: 'SK', email: 'c@d.sk' }, []],
  ] as const)('%s', (_case, a, b, expected) => {
    expect(
      matchingFields(
        keys(a),
        keys({
          ...b,
          supplyPointIdentifiers: 'supplyPointIdentifiers' in b ? [...b.supplyPointIdentifiers] : [],
        }),
      ),
    ).toEqual(expected);
  });
});

describe('duplicatesWithinFile', () => {
  it('pairs every later row with the first earlier row sharing a key, and leaves the first occurrence alone', () => {
    const rows = [
      { row: 2, keys: keys({ country: 'SK', email: 'a@b.sk' }) },
      { row: 3, keys: keys({ country: 'SK', phone: '0905123456' }) },
      { row: 4, keys: keys({ country: 'SK', email: 'A@B.SK', phone: '+421905123456' }) },
      { row: 5, keys: keys({ country: 'SK', email: 'x@y.sk' }) },
      { row: 6, keys: keys({ country: 'SK', phone: '+421 905 123 456' }) },
      { row: 7, keys: keys({ country: 'SK' }) },
    ];
    const found = duplicatesWithinFile(rows);
    expect([...found.entries()]).toEqual([
      [4, { row: 2, fields: ['email'] }],
      [6, { row: 3, fields: ['phone'] }],
    ]);
  });

  it('is independent of the order rows are given in', () => {
    const a = { row: 9, keys: keys({ country: 'SK', companyId: '36285871' }) };
    const b = { row: 2, keys: keys({ country: 'SK', companyId: '36285871' }) };
    expect(duplicatesWithinFile([a, b]).get(9)).toEqual({ row: 2, fields: ['companyId'] });
    expect(duplicatesWithinFile([a, b]).has(2)).toBe(false);
  });
});
