import { describe, it, expect } from 'vitest';
import {
  checkCompanyIdentifiers,
  type CompanyIdentifierInput,
  type CompanyIdentifierResult,
} from './by-country.js';

// Identifier values come from the identifiers spec (shared/domain/identifiers.md, section 5); the spec
// is not read at run time. Sources: 36285871 / 2022146610 / SK2022146610 public (GasTrading s.r.o.
// operating rules); 63507871 public (TEREA Cheb, ERÚ decision 00099-24/2014-ERU); PL NIP/REGON and
// DE USt-IdNr vectors from python-stdnum / stdnum-js docs or synthetic as marked in the spec.
// Rows marked "not in spec" test this module's country rules and hostile input.

type Row = [label: string, country: string, ids: CompanyIdentifierInput, expected: CompanyIdentifierResult];

const clean = (values: CompanyIdentifierResult['values']): CompanyIdentifierResult => ({
  values,
  problems: [],
});

describe('checkCompanyIdentifiers - SK', () => {
  it.each<Row>([
    [
      'GasTrading: IČO, DIČ, IČ DPH (public)',
      'SK',
      { companyId: '36285871', taxId: '2022146610', vatId: 'SK2022146610' },
      clean({ companyId: '36285871', taxId: '2022146610', vatId: 'SK2022146610' }),
    ],
    [
      'IČO failing the Czech mod-11 rule stays valid with a warning (not in spec)',
      'SK',
      { companyId: '36285872' },
      {
        values: { companyId: '36285872' },
        problems: [{ field: 'companyId', reason: 'checksum', severity: 'warning' }],
      },
    ],
    [
      '6-digit older IČO (synthetic, not in spec)',
      'sk',
      { companyId: '151 742' },
      clean({ companyId: '151742' }),
    ],
    [
      'IČO of 7 digits, DIČ of 9 digits (not in spec), IČ DPH failing mod 11 (spec SK2022146611)',
      'SK',
      { companyId: '1234567', taxId: '202214661', vatId: 'SK2022146611' },
      {
        values: {},
        problems: [
          { field: 'companyId', reason: 'length', severity: 'error' },
          { field: 'taxId', reason: 'length', severity: 'error' },
          { field: 'vatId', reason: 'checksum', severity: 'error' },
        ],
      },
    ],
    [
      'IČ DPH with leading 0 (spec SK0022146610)',
      'SK',
      { vatId: 'SK0022146610' },
      { values: {}, problems: [{ field: 'vatId', reason: 'component', severity: 'error' }] },
    ],
  ])('%s', (_label, country, ids, expected) => {
    expect(checkCompanyIdentifiers(country, ids)).toEqual(expected);
  });
});

describe('checkCompanyIdentifiers - CZ', () => {
  it.each<Row>([
    [
      'TEREA Cheb: IČO, DIČ without prefix, VAT ID = DIČ (public)',
      'CZ',
      { companyId: '63507871', taxId: '63507871', vatId: 'CZ63507871' },
      clean({ companyId: '63507871', taxId: 'CZ63507871', vatId: 'CZ63507871' }),
    ],
    [
      'short IČO is left-padded to 8 digits (synthetic 00000019)',
      'CZ',
      { companyId: '19' },
      clean({ companyId: '00000019' }),
    ],
    [
      'checksum errors (spec 63507870, CZ63507870)',
      'CZ',
      { companyId: '63507870', taxId: 'CZ63507870', vatId: '63507870' },
      {
        values: {},
        problems: [
          { field: 'companyId', reason: 'checksum', severity: 'error' },
          { field: 'taxId', reason: 'checksum', severity: 'error' },
          { field: 'vatId', reason: 'checksum', severity: 'error' },
        ],
      },
    ],
    [
      'DIČ typed with the birth-number slash is rejected: a DIČ has no separators (section 7 vector)',
      'CZ',
      { taxId: 'CZ 785101/1234' },
      { values: {}, problems: [{ field: 'taxId', reason: 'charset', severity: 'error' }] },
    ],
    [
      'natural person DIČ (synthetic, section 7)',
      'CZ',
      { taxId: 'cz7851011234', vatId: '7851011234' },
      clean({ taxId: 'CZ7851011234', vatId: 'CZ7851011234' }),
    ],
  ])('%s', (_label, country, ids, expected) => {
    expect(checkCompanyIdentifiers(country, ids)).toEqual(expected);
  });
});

describe('checkCompanyIdentifiers - PL', () => {
  it.each<Row>([
    [
      'REGON-9, NIP with hyphens, VAT ID without prefix (spec vectors)',
      'PL',
      { companyId: '123456785', taxId: '526-025-09-95', vatId: '5260250995' },
      clean({ companyId: '123456785', taxId: '5260250995', vatId: 'PL5260250995' }),
    ],
    [
      'REGON-14, NIP with PL prefix, VAT ID with prefix (spec vectors)',
      'PL',
      { companyId: '12345678512347', taxId: 'PL7251801126', vatId: 'pl 725-180-11-26' },
      clean({ companyId: '12345678512347', taxId: '7251801126', vatId: 'PL7251801126' }),
    ],
    [
      'invalid REGON base / NIP / VAT (spec vectors)',
      'PL',
      { companyId: '12345678612347', taxId: '1234567890', vatId: 'PL526025099' },
      {
        values: {},
        problems: [
          { field: 'companyId', reason: 'checksum', severity: 'error' },
          { field: 'taxId', reason: 'checksum', severity: 'error' },
          { field: 'vatId', reason: 'length', severity: 'error' },
        ],
      },
    ],
  ])('%s', (_label, country, ids, expected) => {
    expect(checkCompanyIdentifiers(country, ids)).toEqual(expected);
  });
});

describe('checkCompanyIdentifiers - DE', () => {
  it.each<Row>([
    [
      'Handelsregister free text, Steuernummer with slashes, USt-IdNr (public DE136695976)',
      'DE',
      { companyId: '  HRB   12345\tB ', taxId: '181/815/08155', vatId: 'DE136695976' },
      clean({ companyId: 'HRB 12345 B', taxId: '181/815/08155', vatId: 'DE136695976' }),
    ],
    [
      '13-digit federal Steuernummer, USt-IdNr without prefix (spec DE811569869)',
      'DE',
      { taxId: '9181 0815 08155', vatId: '811569869' },
      clean({ taxId: '9181081508155', vatId: 'DE811569869' }),
    ],
    [
      'too long register number, short Steuernummer, bad USt-IdNr (spec DE123456789)',
      'DE',
      { companyId: 'HRB 1234567890 Amtsgericht Charlottenburg', taxId: '12/345/678', vatId: 'DE123456789' },
      {
        values: {},
        problems: [
          { field: 'companyId', reason: 'length', severity: 'error' },
          { field: 'taxId', reason: 'length', severity: 'error' },
          { field: 'vatId', reason: 'checksum', severity: 'error' },
        ],
      },
    ],
    [
      'Steuernummer with hyphens; USt-IdNr 8 digits (spec DE13669597)',
      'DE',
      { taxId: '181-815-08155', vatId: 'DE13669597' },
      {
        values: {},
        problems: [
          { field: 'taxId', reason: 'charset', severity: 'error' },
          { field: 'vatId', reason: 'length', severity: 'error' },
        ],
      },
    ],
    [
      'Steuernummer of 14 digits',
      'DE',
      { taxId: '12345678901234' },
      { values: {}, problems: [{ field: 'taxId', reason: 'length', severity: 'error' }] },
    ],
    [
      'invisible format character (zero-width space) in the register number',
      'DE',
      { companyId: 'HRB\u200b12345' },
      { values: {}, problems: [{ field: 'companyId', reason: 'charset', severity: 'error' }] },
    ],
  ])('%s', (_label, country, ids, expected) => {
    expect(checkCompanyIdentifiers(country, ids)).toEqual(expected);
  });
});

describe('checkCompanyIdentifiers - other countries and hostile input', () => {
  it.each<Row>([
    [
      'other country: normalise only, never reject (RU INN vector, spec)',
      'RU',
      { companyId: ' 1027700070518 ', taxId: '7736 0500 03', vatId: 'atu 1234 5678' },
      clean({ companyId: '1027700070518', taxId: '7736050003', vatId: 'ATU12345678' }),
    ],
    [
      'other country: nonsense is stored tidied',
      'AT',
      { companyId: 'abc def' },
      clean({ companyId: 'ABCDEF' }),
    ],
    ['unknown/empty country falls back to normalise only', '', { vatId: 'x 1' }, clean({ vatId: 'X1' })],
    ['empty strings are absent', 'SK', { companyId: '', taxId: '', vatId: '' }, clean({})],
    ['null and undefined are absent', 'CZ', { companyId: null, taxId: undefined }, clean({})],
    [
      'whitespace-only (incl. no-break space, tab) is absent',
      'PL',
      { companyId: '   ', taxId: '\u00a0\t', vatId: '\n' },
      clean({}),
    ],
    [
      'lower case and spaces are normalised',
      'sk',
      { companyId: ' 362 858 71 ', taxId: ' 2022 1466 10', vatId: 'sk 2022 146 610' },
      clean({ companyId: '36285871', taxId: '2022146610', vatId: 'SK2022146610' }),
    ],
    [
      'country code with spaces and lower case',
      ' cz ',
      { companyId: '635 07 871' },
      clean({ companyId: '63507871' }),
    ],
    [
      'full-width unicode digits are rejected, not converted',
      'CZ',
      { companyId: '１２３', taxId: 'CZ１２３', vatId: '６３５０７８７１' },
      {
        values: {},
        problems: [
          { field: 'companyId', reason: 'charset', severity: 'error' },
          { field: 'taxId', reason: 'charset', severity: 'error' },
          { field: 'vatId', reason: 'charset', severity: 'error' },
        ],
      },
    ],
    [
      'full-width unicode digits in SK',
      'SK',
      { companyId: '１２３' },
      { values: {}, problems: [{ field: 'companyId', reason: 'charset', severity: 'error' }] },
    ],
    [
      'separator-only NIP is a length error, not absent',
      'PL',
      { taxId: '---' },
      { values: {}, problems: [{ field: 'taxId', reason: 'length', severity: 'error' }] },
    ],
    [
      'look-alike letters are not upper-cased into ASCII (dotless i / long s)',
      'SK',
      { vatId: 'ſk2022146610' },
      { values: {}, problems: [{ field: 'vatId', reason: 'charset', severity: 'error' }] },
    ],
    [
      'another country prefix in a VAT ID',
      'DE',
      { vatId: 'SK2022146610' },
      { values: {}, problems: [{ field: 'vatId', reason: 'component', severity: 'error' }] },
    ],
  ])('%s', (_label, country, ids, expected) => {
    expect(checkCompanyIdentifiers(country, ids)).toEqual(expected);
  });
});
