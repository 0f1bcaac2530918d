import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { selectConsumptionBand, type ConsumptionBand } from './consumption-bands.js';

// Snapshot of consumption-bands.md "Slovakia - gas (SPP-distribúcia network)": upper limits inclusive, the
// lower limit of each next group exclusive; D8's upper limit is not verified, so open.
const limits: [number, string, string | null][] = [
  [1, '0', '2138'],
  [2, '2138', '18173'],
  [3, '18173', '42760'],
  [4, '42760', '69485'],
  [5, '69485', '85000'],
  [6, '85000', '100000'],
  [7, '100000', '300000'],
  [8, '300000', null],
];
const skGas = (letter: 'D' | 'M', category: 'household' | 'business'): ConsumptionBand[] =>
  limits.map(([group, lower, upper]) => ({
    code: `${letter}${group}`,
    country: 'SK',
    commodity: 'gas',
    customerCategory: category,
    territoryCode: null,
    lowerKWh: new Decimal(lower),
    upperKWh: upper === null ? null : new Decimal(upper),
    lowerInclusive: group === 1,
    upperInclusive: true,
    validFrom: '2024-01-01',
    validTo: null,
  }));
const bands = [...skGas('D', 'household'), ...skGas('M', 'business')];

const select = (kWh: string, customerCategory: 'household' | 'business' = 'household', on = '2026-06-30') =>
  selectConsumptionBand(bands, { country: 'SK', commodity: 'gas', customerCategory, annualKWh: new Decimal(kWh) }, on)?.code ?? null;

describe('selectConsumptionBand: the pack test vectors', () => {
  it.each([
    ['0', 'D1'],
    ['2138', 'D1'],
    ['2139', 'D2'],
    ['18173', 'D2'],
    ['42761', 'D4'],
    ['100000', 'D6'],
    ['100001', 'D7'],
    ['300001', 'D8'],
  ])('%s kWh -> %s', (kWh, code) => {
    expect(select(kWh)).toBe(code);
  });
});

describe('selectConsumptionBand: rules around the table', () => {
  it('picks the business group for a business customer', () => {
    expect(select('2139', 'business')).toBe('M2');
  });
  it('keeps decimals exact at a limit', () => {
    expect(select('2138.0001')).toBe('D2');
  });
  it('finds nothing before the table was valid or for a commodity without bands', () => {
    expect(select('5000', 'household', '2023-12-31')).toBeNull();
    expect(
      selectConsumptionBand(bands, { country: 'SK', commodity: 'electricity', customerCategory: 'household', annualKWh: new Decimal(5000) }, '2026-01-01'),
    ).toBeNull();
  });
  it("prefers a band of the supply point's own territory over a country-wide one", () => {
    const local: ConsumptionBand = { ...bands[1]!, code: 'LOCAL2', territoryCode: 'sk-gastrading' };
    const all = [...bands, local];
    const point = { country: 'SK', commodity: 'gas', customerCategory: 'household', annualKWh: new Decimal(5000) } as const;
    expect(selectConsumptionBand(all, { ...point, territoryCode: 'sk-gastrading' }, '2026-01-01')?.code).toBe('LOCAL2');
    expect(selectConsumptionBand(all, { ...point, territoryCode: 'sk-sppd' }, '2026-01-01')?.code).toBe('D2');
  });
});
