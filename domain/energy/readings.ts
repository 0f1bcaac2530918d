import { Decimal } from 'decimal.js';
import { toDecimalString } from './quantity.js';

/**
 * Meter readings (ENERGY-5). A register's readings on one meter only grow; a replaced meter is a new meter whose
 * readings start again, so every rule here works on the readings of one meter.
 */
export type MeterReading = { register: string; readOn: string; value: string };

export type ReadingIssue = { path: 'readOn' | 'register' | 'value'; code: string; message: string };

/** Consumption since the previous reading of the same register: null for a register's first reading. */
export type WithConsumption<T> = T & { previousReadOn: string | null; consumption: string | null };

const byDate = (a: { readOn: string }, b: { readOn: string }) =>
  a.readOn < b.readOn ? -1 : a.readOn > b.readOn ? 1 : 0;

/**
 * Adds to each reading the consumption since the previous reading of its register (ISO dates compare as text).
 * The readings keep their order; the value difference is exact (decimal.js), never a float.
 */
export const withConsumption = <T extends MeterReading>(readings: readonly T[]): WithConsumption<T>[] => {
  const previous = new Map<T, T | null>();
  const byRegister = new Map<string, T[]>();
  for (const r of readings) byRegister.set(r.register, [...(byRegister.get(r.register) ?? []), r]);
  for (const list of byRegister.values()) {
    const sorted = [...list].sort(byDate);
    sorted.forEach((r, i) => previous.set(r, i > 0 ? (sorted[i - 1] ?? null) : null));
  }
  return readings.map((r) => {
    const before = previous.get(r) ?? null;
    return {
      ...r,
      previousReadOn: before?.readOn ?? null,
      consumption: before ? toDecimalString(new Decimal(r.value).minus(before.value)) : null,
    };
  });
};

/**
 * Checks a new reading against the meter's registers, its installation period, today and the readings already
 * stored on the meter: the value may not be lower than the latest earlier reading of its register, nor higher
 * than a later one, and a register is read once a day. Every issue is returned, none thrown.
 */
export const checkReading = (
  candidate: MeterReading,
  meter: { registers: readonly string[]; installedOn: string; removedOn: string | null },
  stored: readonly MeterReading[],
  today: string,
): ReadingIssue[] => {
  const issues: ReadingIssue[] = [];
  if (!meter.registers.includes(candidate.register)) {
    issues.push({
      path: 'register',
      code: 'unknown_register',
      message: `register: the meter has no register "${candidate.register}" (it has ${meter.registers.join(', ')})`,
    });
  }
  if (candidate.readOn > today) {
    issues.push({
      path: 'readOn',
      code: 'in_future',
      message: `readOn: ${candidate.readOn} is after today (${today})`,
    });
  }
  if (candidate.readOn < meter.installedOn) {
    issues.push({
      path: 'readOn',
      code: 'before_installed',
      message: `readOn: ${candidate.readOn} is before the meter was installed (${meter.installedOn})`,
    });
  }
  if (meter.removedOn !== null && candidate.readOn > meter.removedOn) {
    issues.push({
      path: 'readOn',
      code: 'after_removed',
      message: `readOn: ${candidate.readOn} is after the meter was removed (${meter.removedOn})`,
    });
  }
  const same = stored.filter((r) => r.register === candidate.register);
  if (same.some((r) => r.readOn === candidate.readOn)) {
    issues.push({
      path: 'readOn',
      code: 'duplicate',
      message: `readOn: register ${candidate.register} already has a reading on ${candidate.readOn}`,
    });
    return issues;
  }
  const value = new Decimal(candidate.value);
  const earlier = same
    .filter((r) => r.readOn < candidate.readOn)
    .sort(byDate)
    .at(-1);
  const later = same
    .filter((r) => r.readOn > candidate.readOn)
    .sort(byDate)
    .at(0);
  if (earlier && value.lessThan(earlier.value)) {
    issues.push({
      path: 'value',
      code: 'below_previous',
      message: `value: ${candidate.value} is lower than the reading of ${earlier.readOn} (${toDecimalString(new Decimal(earlier.value))})`,
    });
  }
  if (later && value.greaterThan(later.value)) {
    issues.push({
      path: 'value',
      code: 'above_next',
      message: `value: ${candidate.value} is higher than the later reading of ${later.readOn} (${toDecimalString(new Decimal(later.value))})`,
    });
  }
  return issues;
};
