import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { consumptionInAllUnits, consumptionInKWh } from './consumption.js';
import { parseDecimal, roundQuantity, toDecimalString } from './quantity.js';

const d = (v: string) => new Decimal(v);
const bratislava = { k: d('1.005'), hs: d('10.70') };

describe('consumptionInKWh', () => {
  it.each([
    ['electricity', '3500', 'kWh', null, '3500'],
    ['electricity', '12.5', 'MWh', null, '12500'],
    ['gas', '18.173', 'MWh', null, '18173'],
    ['gas', '1000', 'm3', bratislava, '10753.5'],
  ] as const)('%s %s %s -> %s kWh', (commodity, amount, unit, gas, kWh) => {
    const result = consumptionInKWh(d(amount), unit, commodity, gas);
    expect(result.ok && result.kWh.toFixed()).toBe(kWh);
  });

  it.each([
    ['electricity in m³ is the wrong unit', 'electricity', '100', 'm3', bratislava, 'unit_not_allowed'],
    ['gas in m³ without a conversion is not guessed', 'gas', '100', 'm3', null, 'conversion_missing'],
    ['negative consumption', 'gas', '-1', 'kWh', null, 'negative'],
  ] as const)('%s', (_case, commodity, amount, unit, gas, reason) => {
    expect(consumptionInKWh(d(amount), unit, commodity, gas)).toEqual({ ok: false, reason });
  });
});

describe('consumptionInAllUnits', () => {
  it('shows gas in kWh, MWh and m³', () => {
    const all = consumptionInAllUnits(d('10753.5'), 'gas', bratislava);
    expect(all.MWh?.toFixed()).toBe('10.7535');
    expect(all.m3?.toFixed()).toBe('1000');
  });
  it('never shows electricity in m³', () => {
    expect(consumptionInAllUnits(d('1000'), 'electricity', bratislava).m3).toBeUndefined();
  });
});

describe('quantity rounding and decimal strings', () => {
  it.each([
    ['1.0005', 3, '1.001'],
    ['1.0004', 3, '1'],
    ['-1.0005', 3, '-1.001'],
    ['2.5', 0, '3'],
  ] as const)('rounds %s to %i places half away from zero -> %s', (value, places, expected) => {
    expect(toDecimalString(roundQuantity(d(value), places))).toBe(expected);
  });
  it.each([
    ['12.50', '12.5'],
    [' 7 ', '7'],
    ['1e3', null],
    ['1 000', null],
    ['12,5', null],
    ['', null],
  ])('parses %j strictly -> %s', (raw, expected) => {
    expect(parseDecimal(raw)?.toFixed() ?? null).toBe(expected);
  });
});
