import { describe, expect, it } from 'vitest';
import { checkReading, withConsumption, type MeterReading } from './readings.js';

const r = (register: string, readOn: string, value: string): MeterReading => ({ register, readOn, value });

describe('withConsumption', () => {
  it.each([
    ['a first reading has no consumption', [r('T1', '2024-01-01', '100')], [null]],
    [
      'the difference to the previous reading',
      [r('T1', '2024-01-01', '100'), r('T1', '2024-02-01', '350.5')],
      [null, '250.5'],
    ],
    [
      'decimals exactly, no float error',
      [r('T1', '2024-01-01', '0.1'), r('T1', '2024-02-01', '0.3')],
      [null, '0.2'],
    ],
    [
      'an unchanged value is zero',
      [r('T1', '2024-01-01', '42'), r('T1', '2024-02-01', '42.000')],
      [null, '0'],
    ],
    [
      'registers are counted apart',
      [
        r('VT', '2024-01-01', '10'),
        r('NT', '2024-01-01', '5'),
        r('VT', '2024-02-01', '15'),
        r('NT', '2024-02-01', '25'),
      ],
      [null, null, '5', '20'],
    ],
    [
      'newest first in, still against the earlier date',
      [r('T1', '2024-03-01', '30'), r('T1', '2024-02-01', '20'), r('T1', '2024-01-01', '5')],
      ['10', '15', null],
    ],
    ['nothing to compare', [], []],
  ])('%s', (_case, readings, consumption) => {
    expect(withConsumption(readings).map((x) => x.consumption)).toEqual(consumption);
  });

  it('names the previous reading date', () => {
    const [first, second] = withConsumption([r('T1', '2024-01-01', '1'), r('T1', '2024-02-01', '2')]);
    expect(first?.previousReadOn).toBeNull();
    expect(second?.previousReadOn).toBe('2024-01-01');
  });
});

describe('checkReading', () => {
  const meter = { registers: ['VT', 'NT'], installedOn: '2023-01-01', removedOn: null };
  const stored = [
    r('VT', '2024-01-01', '1000'),
    r('VT', '2024-06-01', '1500.5'),
    r('NT', '2024-01-01', '200'),
  ];
  const today = '2024-12-31';

  it.each([
    ['a growing value', r('VT', '2024-09-01', '1600'), meter, []],
    ['an equal value', r('VT', '2024-09-01', '1500.5'), meter, []],
    ['a value between an earlier and a later reading', r('VT', '2024-03-01', '1200'), meter, []],
    ['another register is compared with its own readings', r('NT', '2024-03-01', '300'), meter, []],
    ['today itself', r('VT', today, '2000'), meter, []],
    ['the removal day', r('VT', '2024-07-01', '1600'), { ...meter, removedOn: '2024-07-01' }, []],
  ])('accepts %s', (_case, candidate, m, issues) => {
    expect(checkReading(candidate, m, stored, today)).toEqual(issues);
  });

  it.each([
    [
      'a value lower than the latest earlier reading',
      r('VT', '2024-09-01', '1500.499'),
      meter,
      'value',
      'below_previous',
    ],
    ['a value higher than a later reading', r('VT', '2024-03-01', '1500.6'), meter, 'value', 'above_next'],
    ['an unknown register', r('T1', '2024-09-01', '1'), meter, 'register', 'unknown_register'],
    ['a date in the future', r('VT', '2025-01-01', '2000'), meter, 'readOn', 'in_future'],
    ['a date before installation', r('VT', '2022-12-31', '1'), meter, 'readOn', 'before_installed'],
    [
      'a date after removal',
      r('VT', '2024-08-01', '1600'),
      { ...meter, removedOn: '2024-07-01' },
      'readOn',
      'after_removed',
    ],
    [
      'a second reading of a register on one day',
      r('VT', '2024-06-01', '1500.5'),
      meter,
      'readOn',
      'duplicate',
    ],
  ])('rejects %s', (_case, candidate, m, path, code) => {
    expect(checkReading(candidate, m, stored, today)).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('lets a new meter start again from a low value (readings are per meter)', () => {
    expect(checkReading(r('VT', '2024-09-01', '3'), meter, [], today)).toEqual([]);
  });
});
