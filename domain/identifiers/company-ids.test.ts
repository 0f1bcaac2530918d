import { describe, it, expect } from 'vitest';
import {
  checkCzDic,
  checkCzIco,
  checkDeVatId,
  checkPlNip,
  checkPlRegon,
  checkPlVatId,
  checkRuInn,
  checkRuOgrn,
  checkSkDic,
  checkSkIco,
  checkSkVatId,
} from './company-ids.js';
import type { IdentifierCheck } from './result.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 5 "Company
// identifiers"); the spec is not read at run time. Each row notes public/synthetic and the source.
// Algorithm sources per the spec: inisoft.cz (IČO), python-stdnum / stdnum-js (cz.ico, cz.dic, sk.dph,
// pl.nip, pl.regon, ru.inn, de.vat). Rows marked "not in spec" are extra cases for this code's rules.

const ok = (value: string): IdentifierCheck => ({ ok: true, value });
const fail = (reason: 'length' | 'charset' | 'checksum' | 'component' | 'required'): IdentifierCheck => ({
  ok: false,
  reason,
});

describe('checkCzIco', () => {
  it.each([
    // public: TEREA Cheb s.r.o. in ERÚ decision 00099-24/2014-ERU
    ['63507871', ok('63507871')],
    // synthetic
    ['12345679', ok('12345679')],
    // synthetic
    ['25959671', ok('25959671')],
    // synthetic
    ['00000019', ok('00000019')],
    // not in spec: shorter numbers are left-padded (inisoft.cz zero padding)
    ['19', ok('00000019')],
    // not in spec: grouped with spaces
    ['635 07 871', ok('63507871')],
    // spec: wrong check digit
    ['12345678', fail('checksum')],
    // spec: wrong check digit
    ['63507870', fail('checksum')],
    // spec: letter
    ['1234567a', fail('charset')],
    // not in spec: hostile / edge inputs
    ['123456789', fail('length')],
    ['', fail('required')],
    ['６３５０７８７１', fail('charset')],
  ])('%s', (input, expected) => {
    expect(checkCzIco(input)).toEqual(expected);
  });
});

describe('checkSkIco (Czech rule as a warning only)', () => {
  it.each([
    // public: GasTrading s.r.o. (operating rules, vdocuments.site)
    ['36285871', ok('36285871')],
    // not in spec: GasTrading IČO with the last digit changed - kept, flagged
    ['36285872', { ok: true, value: '36285872', warning: 'checksum' }],
    // not in spec: 6-digit older IČO satisfying the rule when zero-padded (synthetic)
    ['151742', ok('151742')],
    // not in spec: 6-digit number failing the rule is still only a warning (synthetic)
    ['151743', { ok: true, value: '151743', warning: 'checksum' }],
    // not in spec: format errors still reject
    ['1234567', fail('length')],
    ['3628587X', fail('charset')],
    ['', fail('required')],
  ] as const)('%s', (input, expected) => {
    expect(checkSkIco(input)).toEqual(expected);
  });
});

describe('checkCzDic', () => {
  it.each([
    // spec: legal person, DIČ = CZ + IČO of TEREA Cheb (public, ERÚ decision)
    ['CZ63507871', ok('CZ63507871')],
    // spec: wrong IČO check digit
    ['CZ63507870', fail('checksum')],
    // not in spec: prefix omitted or lower case - stored with the CZ prefix
    ['63507871', ok('CZ63507871')],
    ['cz 635 07 871', ok('CZ63507871')],
    // not in spec: natural person, birth number (synthetic, section 7 vector)
    ['CZ7851011234', ok('CZ7851011234')],
    ['CZ7851011235', fail('checksum')],
    // not in spec: 9-digit birth number before 1954 (section 7 vector)
    ['CZ530101123', ok('CZ530101123')],
    // not in spec: 9 digits starting 6 is a special series, accepted (synthetic)
    ['CZ612345678', ok('CZ612345678')],
    // not in spec: birth number with an impossible date (30 Feb, section 7 vector)
    ['CZ7802301236', fail('component')],
    // not in spec: hostile / edge inputs
    ['CZ1234567', fail('length')],
    ['SK2022146610', fail('component')],
    ['CZ6350787I', fail('charset')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkCzDic(input)).toEqual(expected);
  });
});

describe('checkSkDic', () => {
  it.each([
    // public: GasTrading s.r.o. DIČ (the spec's IČ DPH without the SK prefix)
    ['2022146610', ok('2022146610')],
    // not in spec: format only
    ['202 214 6610', ok('2022146610')],
    ['202214661', fail('length')],
    ['SK2022146610', fail('charset')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkSkDic(input)).toEqual(expected);
  });
});

describe('checkSkVatId', () => {
  it.each([
    // public: GasTrading s.r.o.
    ['SK2022146610', ok('SK2022146610')],
    // synthetic
    ['SK2020000004', ok('SK2020000004')],
    // synthetic
    ['SK2120000003', ok('SK2120000003')],
    // spec: not divisible by 11
    ['SK2022146611', fail('checksum')],
    // spec: leading 0
    ['SK0022146610', fail('component')],
    // spec: 9 digits
    ['SK202214661', fail('length')],
    // not in spec: lower case / no prefix - stored with the SK prefix
    ['sk 2022 146 610', ok('SK2022146610')],
    ['2022146610', ok('SK2022146610')],
    // not in spec: another country's prefix
    ['CZ2022146610', fail('component')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkSkVatId(input)).toEqual(expected);
  });
});

describe('checkPlNip / checkPlVatId', () => {
  it.each([
    // spec (python-stdnum / stdnum-js pl.nip)
    ['5260250995', ok('5260250995')],
    ['7251801126', ok('7251801126')],
    ['1234563218', ok('1234563218')],
    // spec: wrong check digit
    ['5260250994', fail('checksum')],
    // spec: remainder does not match (check digit)
    ['1234567890', fail('checksum')],
    // spec: 9 digits
    ['526025099', fail('length')],
    // not in spec: hyphens and PL prefix are stripped
    ['526-025-09-95', ok('5260250995')],
    ['PL 526-025-09-95', ok('5260250995')],
    // not in spec: hostile / edge inputs
    ['-', fail('length')],
    ['DE5260250995', fail('component')],
    ['', fail('required')],
  ])('checkPlNip %s', (input, expected) => {
    expect(checkPlNip(input)).toEqual(expected);
  });

  it.each([
    // spec NIP vectors as VAT IDs ('PL' + NIP)
    ['PL5260250995', ok('PL5260250995')],
    ['5260250995', ok('PL5260250995')],
    ['pl7251801126', ok('PL7251801126')],
    ['PL5260250994', fail('checksum')],
    ['PL526025099', fail('length')],
  ])('checkPlVatId %s', (input, expected) => {
    expect(checkPlVatId(input)).toEqual(expected);
  });
});

describe('checkPlRegon', () => {
  it.each([
    // spec (python-stdnum / stdnum-js pl.regon)
    ['123456785', ok('123456785')],
    ['012100784', ok('012100784')],
    ['12345678512347', ok('12345678512347')],
    // spec: wrong check digit (9)
    ['123456786', fail('checksum')],
    // spec: wrong check digit (14)
    ['12345678512348', fail('checksum')],
    // spec: bad 9-digit base inside a 14-digit REGON
    ['12345678612347', fail('checksum')],
    // not in spec: hostile / edge inputs
    ['1234567851', fail('length')],
    ['12345678A', fail('charset')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkPlRegon(input)).toEqual(expected);
  });
});

describe('checkRuInn', () => {
  it.each([
    // spec (python-stdnum / stdnum-js ru.inn): organisations, 10 digits
    ['7736050003', ok('7736050003')],
    ['7707083893', ok('7707083893')],
    // spec: individual, 12 digits
    ['500100732259', ok('500100732259')],
    // spec: wrong check digits
    ['7736050004', fail('checksum')],
    ['7707083894', fail('checksum')],
    ['500100732258', fail('checksum')],
    // not in spec: hostile / edge inputs
    ['77360500031', fail('length')],
    ['77360500O3', fail('charset')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkRuInn(input)).toEqual(expected);
  });
});

describe('checkRuOgrn', () => {
  it.each([
    // spec: OGRN, rule computed only (no source consulted)
    ['1027700070518', ok('1027700070518')],
    ['1027700070519', fail('checksum')],
    // not in spec: synthetic OGRNIP (15 digits), check digit computed independently with Python ints
    ['304500000000010', ok('304500000000010')],
    ['304500000000011', fail('checksum')],
    // not in spec: hostile / edge inputs
    ['10277000705', fail('length')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkRuOgrn(input)).toEqual(expected);
  });
});

describe('checkDeVatId', () => {
  it.each([
    // public: python-stdnum de.vat docs
    ['DE136695976', ok('DE136695976')],
    // spec
    ['DE811569869', ok('DE811569869')],
    ['DE812526315', ok('DE812526315')],
    // spec: wrong check digit
    ['DE136695970', fail('checksum')],
    ['DE123456789', fail('checksum')],
    // spec: 8 digits
    ['DE13669597', fail('length')],
    // not in spec: lower case, spaces, prefix omitted - stored with the DE prefix
    ['de 136 695 976', ok('DE136695976')],
    ['136695976', ok('DE136695976')],
    // not in spec: hostile / edge inputs
    ['ATU13669597', fail('component')],
    ['DE１３６６９５９７６', fail('charset')],
    ['', fail('required')],
  ])('%s', (input, expected) => {
    expect(checkDeVatId(input)).toEqual(expected);
  });
});
