import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checkGasConversion, gasEnergyKWh, gasVolumeM3, isCoefficientPlausible, modelVolumeCoefficient } from './gas-conversion.js';
import { roundQuantity } from './quantity.js';

const d = (v: string | number) => new Decimal(v);

// gas-conversion.md "Worked examples / test vectors" (computed).
describe('gasEnergyKWh', () => {
  it.each([
    ['SK Bratislava', '1000', '1.005', '10.70', '10753.5', '10.7535'],
    ['SK Poprad', '1000', '0.939', '10.70', '10047.3', '10.0473'],
    ['CZ supplier k', '1000', '0.975', '10.55', '10286.25', '10.28625'],
    ['SK converter fitted', '250', '1', '10.743', '2685.75', '2.68575'],
    ['volume 0', '0', '1.005', '10.70', '0', '0'],
  ])('%s: %s m³ × %s × %s = %s kWh', (_case, volume, k, hs, kWh, mWh) => {
    const energy = gasEnergyKWh(d(volume), { k: d(k), hs: d(hs) });
    expect(energy.toFixed()).toBe(kWh);
    expect(energy.dividedBy(1000).toFixed()).toBe(mWh);
  });

  it('is exact in decimals where floats are not (0.1 + 0.2 style)', () => {
    expect(gasEnergyKWh(d('0.1'), { k: d('1'), hs: d('10.3') }).toFixed()).toBe('1.03');
  });

  it.each([
    ['negative volume', '-1', '1.005', '10.7', 'negative_volume'],
    ['k below 0.85', '100', '0.84', '10.7', 'coefficient_out_of_range'],
    ['k above 1.05', '100', '1.06', '10.7', 'coefficient_out_of_range'],
    ['Hs given in MJ/m³', '100', '1', '38.67', 'calorific_value_out_of_range'],
  ])('rejects %s', (_case, volume, k, hs, problem) => {
    expect(() => gasEnergyKWh(d(volume), { k: d(k), hs: d(hs) })).toThrow(problem);
  });

  it('inverts to the volume that carries the energy', () => {
    const c = { k: d('1.005'), hs: d('10.70') };
    expect(gasVolumeM3(d('10753.5'), c).toFixed()).toBe('1000');
  });
});

describe('checkGasConversion', () => {
  it.each([
    ['0.85', '10.5', null],
    ['1.05', '10.5', null],
    ['0.849', '10.5', 'coefficient_out_of_range'],
    ['1', '7.99', 'calorific_value_out_of_range'],
  ])('k %s, Hs %s -> %s', (k, hs, expected) => {
    expect(checkGasConversion({ k: d(k), hs: d(hs) })).toBe(expected);
  });
});

// gas-conversion.md "Physical model": k_model at p_e = 2.0 kPa and 0 kPa, 4 decimals.
describe('modelVolumeCoefficient', () => {
  it.each([
    [100, '1.0079', '0.9882'],
    [200, '0.9963', '0.9765'],
    [300, '0.9847', '0.9649'],
    [400, '0.9732', '0.9535'],
    [500, '0.9619', '0.9421'],
    [600, '0.9506', '0.9309'],
    [700, '0.9395', '0.9197'],
    [800, '0.9285', '0.9087'],
    [1000, '0.9067', '0.8870'],
    [1100, '0.8960', '0.8763'],
  ])('%i m: %s (2.0 kPa), %s (0 kPa)', (altitude, withGauge, withoutGauge) => {
    expect(roundQuantity(modelVolumeCoefficient(altitude), 4).toFixed(4)).toBe(withGauge);
    expect(roundQuantity(modelVolumeCoefficient(altitude, 0), 4).toFixed(4)).toBe(withoutGauge);
  });

  it('finds the published Slovak coefficients plausible and a typo not', () => {
    // Bratislava about 140 m: published 1.005; Poprad about 672 m: published 0.939
    expect(isCoefficientPlausible(d('1.005'), 140)).toBe(true);
    expect(isCoefficientPlausible(d('0.939'), 672)).toBe(true);
    expect(isCoefficientPlausible(d('1.005'), 672)).toBe(false);
  });
});
