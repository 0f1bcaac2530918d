import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { accountPotential, potentialMWh, potentialTotals, quantityInMWh, type PotentialQuantity } from './potentials.js';

const el = (quantity: string, unit: 'kWh' | 'MWh' = 'MWh'): PotentialQuantity => ({ commodity: 'electricity', quantity, quantityUnit: unit });
const gas = (quantity: string, unit: 'kWh' | 'MWh' | 'm3'): PotentialQuantity => ({ commodity: 'gas', quantity, quantityUnit: unit });

describe('quantityInMWh', () => {
  it.each([
    ['1500', 'kWh', '1.5'],
    ['0.001', 'kWh', '0.000001'],
    ['12.5', 'MWh', '12.5'],
    ['100', 'm3', null],
    ['100', null, null],
  ] as const)('%s %s → %s MWh', (quantity, unit, expected) => {
    expect(quantityInMWh(new Decimal(quantity), unit)?.toFixed() ?? null).toBe(expected);
  });
});

describe('potentialTotals', () => {
  it.each([
    ['nothing', [], []],
    ['kWh and MWh of one commodity add exactly', [el('1500', 'kWh'), el('0.1'), el('0.2')], [{ commodity: 'electricity', mwh: '1.8', m3: '0' }]],
    ['gas volume is kept apart from gas energy', [gas('2000', 'kWh'), gas('500', 'm3')], [{ commodity: 'gas', mwh: '2', m3: '500' }]],
    ['a potential without quantity counts as zero', [{ commodity: 'service', quantity: null, quantityUnit: null }], [{ commodity: 'service', mwh: '0', m3: '0' }]],
    ['commodities in a fixed order', [gas('1', 'MWh'), el('2')], [{ commodity: 'electricity', mwh: '2', m3: '0' }, { commodity: 'gas', mwh: '1', m3: '0' }]],
    ['rounded half up to three places', [el('0.4', 'kWh'), el('0.1', 'kWh')], [{ commodity: 'electricity', mwh: '0.001', m3: '0' }]],
  ])('%s', (_case, potentials, expected) => {
    expect(potentialTotals(potentials)).toEqual(expected);
  });

  it('sums the energy of every commodity for a board card, leaving volumes out', () => {
    expect(potentialMWh([el('1000', 'kWh'), gas('2', 'MWh'), gas('300', 'm3')])).toBe('3');
  });
});

describe('accountPotential (total demand − won = remaining)', () => {
  it.each([
    [
      'one won and one open case',
      [
        { outcome: 'won' as const, potentials: [el('100')] },
        { outcome: null, potentials: [el('250000', 'kWh'), gas('40', 'MWh')] },
      ],
      [
        { commodity: 'electricity', totalDemandMWh: '350', wonMWh: '100', remainingMWh: '250', totalDemandM3: '0', wonM3: '0', remainingM3: '0' },
        { commodity: 'gas', totalDemandMWh: '40', wonMWh: '0', remainingMWh: '40', totalDemandM3: '0', wonM3: '0', remainingM3: '0' },
      ],
    ],
    [
      'a lost case stays in the remaining potential',
      [{ outcome: 'lost' as const, potentials: [el('10')] }],
      [{ commodity: 'electricity', totalDemandMWh: '10', wonMWh: '0', remainingMWh: '10', totalDemandM3: '0', wonM3: '0', remainingM3: '0' }],
    ],
    [
      'gas volumes without a calorific value are reported in m³',
      [
        { outcome: 'won' as const, potentials: [gas('1200', 'm3')] },
        { outcome: null, potentials: [gas('800.5', 'm3')] },
      ],
      [{ commodity: 'gas', totalDemandMWh: '0', wonMWh: '0', remainingMWh: '0', totalDemandM3: '2000.5', wonM3: '1200', remainingM3: '800.5' }],
    ],
    ['no cases', [], []],
  ])('%s', (_case, cases, expected) => {
    expect(accountPotential(cases)).toEqual(expected);
  });
});
