import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT } from '../supply-points/test-i18n.js';
import type { PriceList } from './api.js';
import {
  emptyRow,
  fileToBase64,
  importProblemText,
  isPriceListFormPath,
  priceListToValues,
  priceListValuesToBody,
  validatePriceList,
  versionState,
  type PriceListFormValues,
} from './price-list-form.js';
import { defaultDeliveryPeriod, quoteLineLabel } from './quote.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const row = (tariffCode: string, pricePerMWh: string, monthlyFee = '1.99', purchasePerMWh = '') => ({
  ...emptyRow(),
  tariffCode,
  pricePerMWh,
  monthlyFee,
  purchasePerMWh,
});

const values = (changes: Partial<PriceListFormValues> = {}): PriceListFormValues => ({
  validFrom: '2027-01-01',
  validTo: '2027-12-31',
  note: '',
  rows: [row('DD1', '149.9', '1.49', '98.5'), row('DD2', '129.9')],
  ...changes,
});

describe('price-list editor rules', () => {
  it('accepts a valid list', () => {
    expect(validatePriceList(t, '.')(values())).toEqual({});
  });

  it.each([
    ['a price with five decimals', [row('DD1', '1.12345')], 'rows.0.pricePerMWh', 'Enter a non-negative price with at most 4 decimals, e.g. 129.9.'],
    ['a negative fee', [row('DD1', '10', '-1')], 'rows.0.monthlyFee', 'Enter a non-negative price with at most 4 decimals, e.g. 129.9.'],
    ['a missing price', [row('DD1', '')], 'rows.0.pricePerMWh', 'Required.'],
    ['text as purchase cost', [row('DD1', '10', '1', 'abc')], 'rows.0.purchasePerMWh', 'Enter a non-negative price with at most 4 decimals, e.g. 129.9.'],
    ['a tariff twice', [row('DD1', '10'), row('DD1', '11')], 'rows.1.tariffCode', 'This tariff already has a row; an empty tariff is the row for every tariff.'],
    ['two rows for every tariff', [row('', '10'), row(' ', '11')], 'rows.1.tariffCode', 'This tariff already has a row; an empty tariff is the row for every tariff.'],
    ['no rows', [], 'rows', 'The price list needs at least one row.'],
  ])('refuses %s under the field it names', (_, rows, path, message) => {
    expect(validatePriceList(t, '.')(values({ rows }))).toEqual({ [path]: message });
  });

  it('refuses a validity that ends before it starts, and a missing start', () => {
    expect(validatePriceList(t, '.')(values({ validTo: '2026-12-31' }))).toEqual({ validTo: 'Must not be before the start of validity.' });
    expect(validatePriceList(t, '.')(values({ validFrom: '' }))).toEqual({ validFrom: 'Required.' });
  });

  it('reads Slovak decimal commas and sends the API decimal text', () => {
    const typed = values({ validTo: '', note: ' Q1 ', rows: [row('DD1', '149,9', '1,49', ''), row('', '1 200,5', '0')] });
    expect(validatePriceList(t, ',')(typed)).toEqual({});
    expect(priceListValuesToBody(typed, ',')).toEqual({
      validFrom: '2027-01-01',
      validTo: null,
      note: 'Q1',
      rows: [
        { tariffCode: 'DD1', pricePerMWh: '149.9', monthlyFee: '1.49', purchasePerMWh: null },
        { tariffCode: null, pricePerMWh: '1200.5', monthlyFee: '0', purchasePerMWh: null },
      ],
    });
  });

  it('loads a version into the form and back unchanged', () => {
    const list = {
      validFrom: '2026-01-01',
      validTo: null,
      note: null,
      rows: [{ tariffCode: null, pricePerMWh: '1190', monthlyFee: '99', purchasePerMWh: '1020' }],
    } as unknown as PriceList;
    expect(priceListValuesToBody(priceListToValues(list), '.')).toEqual({
      validFrom: '2026-01-01',
      validTo: null,
      note: null,
      rows: list.rows,
    });
  });

  it.each([
    [{ status: 'current', inUse: false }, 'draft'],
    [{ status: 'current', inUse: true }, 'inUse'],
    [{ status: 'replaced', inUse: true }, 'readOnly'],
    [{ status: 'archived', inUse: false }, 'readOnly'],
  ] as const)('version %j is %s', (list, state) => {
    expect(versionState(list)).toBe(state);
  });

  it('maps the server field paths onto the form', () => {
    expect(['validFrom', 'rows', 'rows.3.monthlyFee'].every(isPriceListFormPath)).toBe(true);
    expect(['version', 'rows.x.price', 'file.rows.2.pricePerMWh'].some(isPriceListFormPath)).toBe(false);
  });
});

describe('price-list import problems', () => {
  it('name the row and the column in the user language', () => {
    expect(importProblemText(t, { row: 3, column: 'pricePerMWh', code: 'invalid_price', message: 'server English' })).toBe(
      'Row 3, Price per MWh: Enter a non-negative price with at most 4 decimals, e.g. 129.9.',
    );
    expect(importProblemText(t, { row: 1, column: 'monthlyFee', code: 'missing_column', message: '' })).toBe(
      'Row 1, Monthly fee: The column is missing in the first row.',
    );
  });

  it('a problem of the whole file names no row', () => {
    expect(importProblemText(t, { row: 0, column: 'file', code: 'not_xlsx', message: '' })).toBe('The file is not an XLSX workbook.');
  });

  it('encodes a file as base64 for the JSON body', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    const encoded = await fileToBase64(new Blob([bytes]));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('quote helpers', () => {
  it('offers next calendar year as the delivery period', () => {
    expect(defaultDeliveryPeriod(new Date(2026, 10, 23))).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });

  it('words line kinds, and shows an unknown one as it came', () => {
    expect(quoteLineLabel(t, 'market_operator')).toBe('Market operator fee');
    expect(quoteLineLabel(t, 'carbon_levy')).toBe('carbon_levy');
  });
});
