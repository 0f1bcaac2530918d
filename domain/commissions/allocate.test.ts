import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';

const parts = (amount: string, weights: string[]) => allocate(amount, weights, 'EUR').map((p) => p.toFixed(2));

describe('allocate: parts add up to the whole, to the cent', () => {
  it.each<[string, string, string[], string[]]>([
    ['an even split', '100.00', ['50', '50'], ['50.00', '50.00']],
    ['thirds: the first part gets the odd cent', '100.00', ['33.33', '33.33', '33.34'], ['33.33', '33.33', '33.34']],
    ['equal thirds of one euro: the leftover cent goes to the first', '1.00', ['1', '1', '1'], ['0.34', '0.33', '0.33']],
    ['two cents over three equal parts go to the first two', '0.02', ['1', '1', '1'], ['0.01', '0.01', '0.00']],
    ['the largest loss gets the cent, not the first', '10.00', ['12.5', '12.5', '75'], ['1.25', '1.25', '7.50']],
    ['a cent to the part that lost most (0.9 before 0.1)', '1.00', ['10', '90'], ['0.10', '0.90']],
    ['70/30 of an odd amount', '123.45', ['70', '30'], ['86.42', '37.03']],
    ['a single participant takes it all', '987.65', ['100'], ['987.65']],
    ['a clawback is divided like the commission, with its sign', '-100.00', ['33.33', '33.33', '33.34'], ['-33.33', '-33.33', '-33.34']],
    ['a negative cent goes to the first like a positive one', '-1.00', ['1', '1', '1'], ['-0.34', '-0.33', '-0.33']],
    ['nothing to divide', '0.00', ['60', '40'], ['0.00', '0.00']],
    ['an amount with more decimals is rounded once first (half up)', '10.005', ['50', '50'], ['5.01', '5.00']],
    ['stages 30/30/40 of a commission', '1000.01', ['30', '30', '40'], ['300.00', '300.00', '400.01']],
  ])('%s', (_case, amount, weights, expected) => {
    const result = parts(amount, weights);
    expect(result).toEqual(expected);
    const sum = result.reduce((s, p) => s.plus(p), new Decimal(0));
    expect(sum.toFixed(2)).toBe(new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
  });

  it('always adds up, for many amounts and splits', () => {
    const weights = [['33.33', '33.33', '33.34'], ['12.5', '37.5', '50'], ['1', '1', '1', '1', '1', '1', '1'], ['99.99', '0.01']];
    for (let cents = -2500; cents <= 2500; cents += 7) {
      const amount = new Decimal(cents).dividedBy(100);
      for (const w of weights) {
        const sum = allocate(amount, w, 'EUR').reduce((s, p) => s.plus(p), new Decimal(0));
        expect(sum.eq(amount)).toBe(true);
      }
    }
  });

  it('refuses weights that cannot divide', () => {
    expect(() => allocate('10', [], 'EUR')).toThrow(/no weights/);
    expect(() => allocate('10', ['0', '0'], 'EUR')).toThrow(/zero/);
    expect(() => allocate('10', ['-1', '2'], 'EUR')).toThrow(/negative/);
  });
});
