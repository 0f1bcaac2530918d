import { describe, expect, it } from 'vitest';
import { formatCell, rowOf } from './cells.js';
import { DataSentenceLayout, type ColumnFormat } from './layout.js';

describe('formatCell', () => {
  it.each<[string, string | null, ColumnFormat, unknown]>([
    ['text as it is', 'Teplárne Senec a.s.', { kind: 'text' }, { value: 'Teplárne Senec a.s.' }],
    ['empty stays empty in any format', null, { kind: 'decimal', places: 3, asText: false, decimalSeparator: ',' }, { value: null }],
    ['an empty string is empty', '', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, { value: null }],
    ['a Slovak date as text', '2027-01-05', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, { value: '05.01.2027' }],
    ['a short Czech date as text', '2027-01-05', { kind: 'date', pattern: 'D.M.YYYY', excelDate: false }, { value: '5.1.2027' }],
    ['a compact date', '2027-12-31', { kind: 'date', pattern: 'YYYYMMDD', excelDate: false }, { value: '20271231' }],
    ['an ISO date', '2027-03-09', { kind: 'date', pattern: 'YYYY-MM-DD', excelDate: false }, { value: '2027-03-09' }],
    ['a date with slashes', '2027-03-09', { kind: 'date', pattern: 'DD/MM/YYYY', excelDate: false }, { value: '09/03/2027' }],
    ['a leap day', '2028-02-29', { kind: 'date', pattern: 'D.M.YYYY', excelDate: false }, { value: '29.2.2028' }],
    ['an Excel date cell keeps the day', '2027-01-05', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: true }, { value: new Date(Date.UTC(2027, 0, 5)), numFmt: 'dd.mm.yyyy' }],
    ['a number cell rounded half up', '123.4565', { kind: 'decimal', places: 3, asText: false, decimalSeparator: ',' }, { value: 123.457, numFmt: '0.000' }],
    ['a whole number cell', '99.5', { kind: 'decimal', places: 0, asText: false, decimalSeparator: ',' }, { value: 100, numFmt: '0' }],
    ['a decimal as text with a comma', '1520.5', { kind: 'decimal', places: 2, asText: true, decimalSeparator: ',' }, { value: '1520,50' }],
    ['a decimal as text with a point', '-0.125', { kind: 'decimal', places: 2, asText: true, decimalSeparator: '.' }, { value: '-0.13' }],
    ['a mapped code', 'electricity', { kind: 'mapping', pairs: [{ from: 'electricity', to: 'EE' }, { from: 'gas', to: 'ZP' }], otherwise: 'error' }, { value: 'EE' }],
    ['an unmapped code kept when asked', 'DD9', { kind: 'mapping', pairs: [{ from: 'DD1', to: '1' }], otherwise: 'keep' }, { value: 'DD9' }],
    ['an unmapped code emptied when asked', 'DD9', { kind: 'mapping', pairs: [{ from: 'DD1', to: '1' }], otherwise: 'empty' }, { value: null }],
  ])('%s', (_case, value, format, cell) => {
    expect(formatCell(value, format)).toEqual({ ok: true, cell });
  });

  it.each<[string, string, ColumnFormat, string]>([
    ['a date that is not one', '2027-02-30', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, 'not_a_date'],
    ['a date in another notation', '05.01.2027', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, 'not_a_date'],
    ['a 29 February outside a leap year', '2027-02-29', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: true }, 'not_a_date'],
    ['a thirteenth month', '2027-13-01', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, 'not_a_date'],
    ['a date with a time', '2027-01-05T10:00:00Z', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }, 'not_a_date'],
    ['a decimal with a comma', '12,5', { kind: 'decimal', places: 2, asText: false, decimalSeparator: ',' }, 'not_a_decimal'],
    ['an unmapped code by default', 'DD9', { kind: 'mapping', pairs: [{ from: 'DD1', to: '1' }], otherwise: 'error' }, 'unmapped_value'],
  ])('refuses %s', (_case, value, format, rule) => {
    expect(formatCell(value, format)).toEqual({ ok: false, rule });
  });
});

describe('rowOf', () => {
  const layout = DataSentenceLayout.parse({
    columns: [
      { header: 'EIC', source: { kind: 'field', field: 'supplyPoint.identifier' } },
      { header: 'Komodita', source: { kind: 'field', field: 'supplyPoint.commodity' }, format: { kind: 'mapping', pairs: [{ from: 'electricity', to: 'EE' }] } },
      { header: 'Začiatok', source: { kind: 'field', field: 'contract.startDate' }, format: { kind: 'date', pattern: 'DD.MM.YYYY' } },
      { header: 'Spotreba MWh', source: { kind: 'field', field: 'supplyPoint.annualConsumptionMWh' }, format: { kind: 'decimal', places: 3 } },
      { header: 'Zdroj', source: { kind: 'fixed', text: 'KILOWATT' } },
    ],
  });

  it('writes the columns in the layout order, fixed texts included', () => {
    const row = rowOf(layout, { 'supplyPoint.identifier': '24ZZS1234567890X', 'supplyPoint.commodity': 'electricity', 'contract.startDate': '2027-01-01', 'supplyPoint.annualConsumptionMWh': '12.3456' });
    expect(row).toEqual({ ok: true, cells: [{ value: '24ZZS1234567890X' }, { value: 'EE' }, { value: '01.01.2027' }, { value: 12.346, numFmt: '0.000' }, { value: 'KILOWATT' }] });
  });

  it('names every problem of a row with its column and field, and writes no cells', () => {
    const row = rowOf(layout, { 'supplyPoint.commodity': 'gas', 'contract.startDate': '1.1.2027', 'supplyPoint.annualConsumptionMWh': '12.3' });
    expect(row).toEqual({
      ok: false,
      problems: [
        { column: 'Komodita', field: 'supplyPoint.commodity', rule: 'unmapped_value', value: 'gas' },
        { column: 'Začiatok', field: 'contract.startDate', rule: 'not_a_date', value: '1.1.2027' },
      ],
    });
  });
});

describe('DataSentenceLayout', () => {
  it('refuses two columns with the same header, an empty layout and a mapping of one value twice', () => {
    const same = DataSentenceLayout.safeParse({ columns: [{ header: 'EIC', source: { kind: 'fixed', text: '' } }, { header: 'eic', source: { kind: 'fixed', text: '' } }] });
    expect(same.success).toBe(false);
    expect(same.error?.issues[0]?.path).toEqual(['columns']);
    expect(DataSentenceLayout.safeParse({ columns: [] }).success).toBe(false);
    const twice = DataSentenceLayout.safeParse({
      columns: [{ header: 'K', source: { kind: 'field', field: 'supplyPoint.commodity' }, format: { kind: 'mapping', pairs: [{ from: 'gas', to: '1' }, { from: 'gas', to: '2' }] } }],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['columns', 0, 'format', 'pairs']);
  });

  it('refuses a field that does not exist', () => {
    expect(DataSentenceLayout.safeParse({ columns: [{ header: 'X', source: { kind: 'field', field: 'client.shoeSize' } }] }).success).toBe(false);
  });
});
