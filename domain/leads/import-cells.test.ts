import { describe, expect, it } from 'vitest';
import {
  codeOf,
  normaliseCommodity,
  normaliseCompanyIdCell,
  normaliseConsent,
  normaliseDate,
  normaliseDecimal,
  normalisePriceModel,
  normalisePriority,
  normaliseUnit,
  splitFullName,
  unitFromHeader,
} from './import-cells.js';

describe('cell values of lead-platform exports', () => {
  it.each([
    ['commodity Slovak', normaliseCommodity('Elektrina'), 'electricity'],
    ['commodity Czech', normaliseCommodity('zemní plyn'), 'gas'],
    ['commodity service', normaliseCommodity('Služby'), 'service'],
    ['unknown commodity passes unchanged', normaliseCommodity('voda'), 'voda'],
    ['unit m³', normaliseUnit('m³'), 'm3'],
    ['unit case', normaliseUnit('mwh'), 'MWh'],
    ['price model', normalisePriceModel('Fixná cena'), 'fixed'],
    ['price model spot', normalisePriceModel('SPOT'), 'spot'],
    ['consent yes', normaliseConsent('Áno'), 'granted'],
    ['consent no', normaliseConsent('nie'), 'refused'],
    ['priority word', normalisePriority('Vysoká'), '2'],
    ['priority digit', normalisePriority(' 1 '), '1'],
    ['priority unknown passes', normalisePriority('urgent'), 'urgent'],
  ])('%s', (_case, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('normaliseDecimal', () => {
  it.each([
    ['12,5', '12.5'],
    ['1 234,5', '1234.5'],
    ['1\u00a0234,50', '1234.5'],
    ['1.234,5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['1.2.3', '1.2.3'],
    ['abc', 'abc'],
    ['-5', '-5'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDecimal(raw)).toBe(expected);
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2027-01-01', 'start', '2027-01-01'],
    ['1. 1. 2027', 'start', '2027-01-01'],
    ['31.12.2027', 'start', '2027-12-31'],
    ['5/3/2027', 'start', '2027-03-05'],
    ['2027-03-05T00:00:00.000Z', 'start', '2027-03-05'],
    ['2027', 'start', '2027-01-01'],
    ['2027', 'end', '2027-12-31'],
    // not a real day: left for the rules to reject
    ['31.02.2027', 'start', '31.02.2027'],
    ['next year', 'start', 'next year'],
  ] as const)('%s (%s) → %s', (raw, edge, expected) => {
    expect(normaliseDate(raw, edge)).toBe(expected);
  });
});

describe('names and company IDs', () => {
  it.each([
    ['Ján Novák', { firstName: 'Ján', lastName: 'Novák' }],
    ['Ing. Ján Novák, PhD.', { firstName: 'Ján', lastName: 'Novák' }],
    ['Mária Nová Horváthová', { firstName: 'Mária Nová', lastName: 'Horváthová' }],
    ['Novák', { firstName: null, lastName: 'Novák' }],
    ['  ', { firstName: null, lastName: null }],
  ])('%s', (raw, expected) => {
    expect(splitFullName(raw)).toEqual(expected);
  });

  it.each([
    ['SK', '6285871', '06285871'],
    ['CZ', '635 0787', '06350787'],
    ['SK', '36285871', '36285871'],
    ['PL', '1234567', '1234567'],
  ])('%s %s → %s', (country, raw, expected) => {
    expect(normaliseCompanyIdCell(raw, country)).toBe(expected);
  });

  it('finds a code-list item by code or by any label', () => {
    const items = [{ code: 'manufacturing', labels: { en: 'Manufacturing', sk: 'Výroba' } }];
    expect(codeOf(items, 'MANUFACTURING')).toBe('manufacturing');
    expect(codeOf(items, 'vyroba')).toBe('manufacturing');
    expect(codeOf(items, 'Mining')).toBe('Mining');
  });
});

describe('unitFromHeader', () => {
  it.each([
    ['Ročná spotreba (MWh)', 'MWh'],
    ['Spotreba kWh', 'kWh'],
    ['Objem [m³]', 'm3'],
    ['Spotreba', null],
    ['mwhx', null],
  ])('%s → %s', (header, expected) => {
    expect(unitFromHeader(header)).toBe(expected);
  });
});
