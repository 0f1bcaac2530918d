import { describe, expect, it } from 'vitest';
import { kWhToMWh } from './quantity.js';

describe('kWh in MWh', () => {
  it.each([
    ['120500', '120.5'],
    ['0', '0'],
    ['1', '0.001'],
    ['0.5', '0.0005'],
    ['3500.125', '3.500125'],
    ['98765432100', '98765432.1'],
  ])('%s kWh is %s MWh, with no digit lost', (kWh, mwh) => {
    expect(kWhToMWh(kWh)).toBe(mwh);
  });
});
