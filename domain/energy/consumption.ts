import { Decimal } from 'decimal.js';
import { gasEnergyKWh, gasVolumeM3, type GasConversion } from './gas-conversion.js';
import type { Commodity } from './supply-point-identifier.js';

export const consumptionUnits = ['kWh', 'MWh', 'm3'] as const;
export type ConsumptionUnit = (typeof consumptionUnits)[number];

/** Units a commodity's consumption may be given in: electricity only in energy, gas also in volume. */
export const unitsFor = (commodity: Commodity): readonly ConsumptionUnit[] =>
  commodity === 'gas' ? consumptionUnits : (['kWh', 'MWh'] as const);

export type ToKWhResult = { ok: true; kWh: Decimal } | { ok: false; reason: 'unit_not_allowed' | 'conversion_missing' | 'negative' };

/**
 * Annual consumption in kWh, the unit bands and prices are defined in. Gas in m³ needs the site's conversion
 * (k and Hs valid for the period); without it the kWh value is unknown, not guessed.
 */
export const consumptionInKWh = (
  amount: Decimal,
  unit: ConsumptionUnit,
  commodity: Commodity,
  gas?: GasConversion | null,
): ToKWhResult => {
  if (!unitsFor(commodity).includes(unit)) return { ok: false, reason: 'unit_not_allowed' };
  if (amount.isNegative()) return { ok: false, reason: 'negative' };
  if (unit === 'kWh') return { ok: true, kWh: amount };
  if (unit === 'MWh') return { ok: true, kWh: amount.times(1000) };
  if (!gas) return { ok: false, reason: 'conversion_missing' };
  return { ok: true, kWh: gasEnergyKWh(amount, gas) };
};

/** The same consumption in each unit it can be shown in (m³ only for gas with a known conversion). */
export const consumptionInAllUnits = (
  kWh: Decimal,
  commodity: Commodity,
  gas?: GasConversion | null,
): Partial<Record<ConsumptionUnit, Decimal>> => ({
  kWh,
  MWh: kWh.dividedBy(1000),
  ...(commodity === 'gas' && gas ? { m3: gasVolumeM3(kWh, gas) } : {}),
});
