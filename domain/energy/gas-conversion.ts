import { Decimal } from 'decimal.js';

/**
 * Gas billed in energy from metered volume: kWh = m³ × k × Hs (shared/domain gas-conversion: SPP, ERÚ decree
 * 108/2011 Sb.). `k` converts the volume to reference conditions (15 °C, 101.325 kPa) and depends on the site's
 * altitude; `Hs` is the gross calorific value in kWh/m³ for the period. Both are data with validity, passed in.
 */
export type GasConversion = { k: Decimal; hs: Decimal };

export type GasConversionProblem = 'negative_volume' | 'coefficient_out_of_range' | 'calorific_value_out_of_range';

// Published Slovak coefficients span 0.898-1.011; anything outside 0.85-1.05 is a data error, not a site.
const K_MIN = new Decimal('0.85');
const K_MAX = new Decimal('1.05');
// Natural gas in the CZ/SK grid has Hs around 10.5-10.8 kWh/m³; a value far outside is a unit mistake (MJ/m³).
const HS_MIN = new Decimal('8');
const HS_MAX = new Decimal('13');

export const checkGasConversion = (c: GasConversion): GasConversionProblem | null => {
  if (c.k.lt(K_MIN) || c.k.gt(K_MAX)) return 'coefficient_out_of_range';
  if (c.hs.lt(HS_MIN) || c.hs.gt(HS_MAX)) return 'calorific_value_out_of_range';
  return null;
};

const assertUsable = (c: GasConversion): void => {
  const problem = checkGasConversion(c);
  if (problem) throw new RangeError(problem);
};

/** Energy in kWh of a metered gas volume, full precision. A negative volume is a meter matter, not handled here. */
export const gasEnergyKWh = (volumeM3: Decimal, c: GasConversion): Decimal => {
  if (volumeM3.isNegative()) throw new RangeError('negative_volume');
  assertUsable(c);
  return volumeM3.times(c.k).times(c.hs);
};

/** The metered volume that carries `energyKWh` (the inverse, e.g. to show a kWh consumption in m³). */
export const gasVolumeM3 = (energyKWh: Decimal, c: GasConversion): Decimal => {
  if (energyKWh.isNegative()) throw new RangeError('negative_volume');
  assertUsable(c);
  return energyKWh.dividedBy(c.k.times(c.hs));
};

/**
 * Ideal-gas volume coefficient at an altitude, for plausibility checks only, never for billing:
 * k = ((p_b(h) + p_e) / 101.325) × 288.15 / (273.15 + t), p_b(h) = 101.325 × (1 − 2.25577e-5 × h)^5.25588.
 * Assumes a low-pressure household connection (gauge 2.0 kPa) and gas at 15 °C unless told otherwise.
 */
export const modelVolumeCoefficient = (altitudeM: number, gaugePressureKPa = 2.0, gasTemperatureC = 15): Decimal => {
  const h = new Decimal(altitudeM);
  const barometric = new Decimal('101.325').times(Decimal.pow(new Decimal(1).minus(new Decimal('2.25577e-5').times(h)), '5.25588'));
  return barometric
    .plus(gaugePressureKPa)
    .dividedBy('101.325')
    .times('288.15')
    .dividedBy(new Decimal('273.15').plus(gasTemperatureC));
};

/** A stored coefficient more than `tolerance` (default 2 %) away from the altitude model deserves a second look. */
export const isCoefficientPlausible = (k: Decimal, altitudeM: number, tolerance = new Decimal('0.02')): boolean => {
  const model = modelVolumeCoefficient(altitudeM);
  return k.minus(model).abs().dividedBy(model).lte(tolerance);
};
