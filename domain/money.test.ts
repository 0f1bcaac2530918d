import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { moneyString, percentOf, roundMoney, vatOf } from './money.js';

describe('roundMoney: minor unit, half away from zero', () => {
  it.each([
    ['0.005', 'EUR', '0.01'],
    ['0.004999', 'EUR', '0.00'],
    ['-0.005', 'EUR', '-0.01'],
    ['47.335', 'EUR', '47.34'],
    ['1.53075', 'EUR', '1.53'],
    ['12678.4476', 'CZK', '12678.45'],
    ['100', 'PLN', '100.00'],
  ] as const)('%s %s → %s', (value, currency, expected) => {
    expect(moneyString(roundMoney(value, currency), currency)).toBe(expected);
  });
});

describe('vatOf and percentOf', () => {
  it('VAT on the rounded net, rounded again', () => {
    expect(vatOf(new Decimal('565.19'), '23', 'EUR').toFixed(2)).toBe('129.99'); // 129.9937
    expect(vatOf(new Decimal('0.02'), '25', 'EUR').toFixed(2)).toBe('0.01'); // 0.005 → 0.01
  });
  it('per cent with two places, null for a zero base', () => {
    expect(percentOf(new Decimal(1), new Decimal(3))?.toFixed(2)).toBe('33.33');
    expect(percentOf(new Decimal(2), new Decimal(3))?.toFixed(2)).toBe('66.67');
    expect(percentOf(new Decimal(1), new Decimal(0))).toBeNull();
  });
});
