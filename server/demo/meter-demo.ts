import { Decimal } from 'decimal.js';
import type { ServiceContext } from '../context.js';
import { businessDate } from '../modules/code-lists/energy-reference.service.js';
import { createMeter, createReading } from '../modules/meters/meters.service.js';
import type { SupplyPointResponse } from '../modules/supply-points/supply-points.api.js';
import type { Random } from './generator.js';

const dualRates = new Set(['DD3', 'DD4', 'DD5', 'DD6', 'D25d', 'D26d', 'D27d', 'D57d', 'C25d']);
// Heating makes winter months weigh more, gas much more than electricity; January first.
const electricityMonths = [1.2, 1.1, 1.05, 0.95, 0.85, 0.8, 0.8, 0.85, 0.9, 1.0, 1.15, 1.35];
const gasMonths = [2.0, 1.7, 1.4, 0.9, 0.45, 0.2, 0.15, 0.15, 0.35, 0.8, 1.5, 2.4];

const isoDay = (date: Date) => businessDate(date);
const addMonths = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));

/**
 * One meter per demo supply point with a year of monthly readings that add up to its annual consumption, and
 * a verification due date that for some meters falls within the reminder window, so the bell has something to show.
 */
export const addDemoMeterWithReadings = async (ctx: ServiceContext, point: SupplyPointResponse, random: Random): Promise<void> => {
  const gas = point.commodity === 'gas';
  const registers = gas ? ['T1'] : dualRates.has(point.distributionRate ?? '') ? ['VT', 'NT'] : ['T1'];
  const today = ctx.now();
  const start = addMonths(today, -12);
  const dueInDays = random() < 0.25 ? 10 + Math.floor(random() * 40) : 200 + Math.floor(random() * 1500);
  const meter = await createMeter(ctx, point.id, {
    number: `${gas ? 'PL' : 'EM'}-${Math.floor(10_000_000 + random() * 89_999_999)}`,
    type: gas ? 'gas-diaphragm' : registers.length === 2 ? 'electricity-dual' : 'electricity-single',
    registers,
    installedOn: isoDay(addMonths(start, -24 - Math.floor(random() * 60))),
    verificationDueOn: isoDay(new Date(today.getTime() + dueInDays * 86_400_000)),
  });
  // Gas meters count m³ (about 10.7 kWh each); electricity registers count kWh, the low tariff taking a third.
  const annual = new Decimal(point.annualConsumptionKWh ?? '3000').dividedBy(gas ? '10.7' : '1');
  const shares = registers.length === 2 ? [new Decimal('0.67'), new Decimal('0.33')] : [new Decimal(1)];
  const weights = gas ? gasMonths : electricityMonths;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const values = registers.map(() => new Decimal(Math.floor(random() * 20_000)));
  for (let m = 0; m <= 12; m++) {
    const readOn = addMonths(start, m);
    if (readOn > today) break;
    for (const [r, register] of registers.entries()) {
      if (m > 0) {
        const monthWeight = weights[(readOn.getUTCMonth() + 11) % 12]! / weightSum;
        values[r] = values[r]!.plus(annual.times(shares[r]!).times(monthWeight).toDecimalPlaces(1));
      }
      await createReading(ctx, meter.id, {
        readOn: isoDay(readOn),
        register,
        value: values[r]!.toFixed(1),
        source: m % 6 === 0 ? 'distributor' : 'customer',
      });
    }
  }
};
