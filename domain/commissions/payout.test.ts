import { describe, expect, it } from 'vitest';
import { checkPayoutModel, clawbackSchedule, payoutSchedule, type PayoutEvents, type PayoutModel } from './payout.js';

const signedAndStarted: PayoutEvents = { signedOn: '2027-01-15', supplyStartOn: '2027-04-01' };
const signedOnly: PayoutEvents = { signedOn: '2027-01-15', supplyStartOn: null };
const rows = (model: PayoutModel, amount: string, events = signedAndStarted) =>
  payoutSchedule(model, amount, 'EUR', events).map((r) => [r.position, r.amount.toFixed(2), r.dueOn]);

describe('payoutSchedule', () => {
  it.each<[string, PayoutModel, string, PayoutEvents, (string | number | null)[][]]>([
    ['one-off on signature', { kind: 'oneOff', trigger: { event: 'signature' } }, '1200.00', signedAndStarted, [[1, '1200.00', '2027-01-15']]],
    ['one-off on supply start, not started yet', { kind: 'oneOff', trigger: { event: 'supplyStart' } }, '1200.00', signedOnly, [[1, '1200.00', null]]],
    [
      'three monthly instalments from the start of supply; the odd cent first',
      { kind: 'instalments', count: 3, everyMonths: 1, trigger: { event: 'supplyStart' } },
      '100.00',
      signedAndStarted,
      [[1, '33.34', '2027-04-01'], [2, '33.33', '2027-05-01'], [3, '33.33', '2027-06-01']],
    ],
    [
      'quarterly instalments from signature keep the day, or the month end',
      { kind: 'instalments', count: 2, everyMonths: 3, trigger: { event: 'signature' } },
      '50.01',
      { signedOn: '2027-11-30', supplyStartOn: null },
      [[1, '25.01', '2027-11-30'], [2, '25.00', '2028-02-29']],
    ],
    [
      'part on signature, part on supply start, part after 12 months',
      { kind: 'multiStage', stages: [{ percent: '30', trigger: { event: 'signature' } }, { percent: '30', trigger: { event: 'supplyStart' } }, { percent: '40', trigger: { event: 'monthsAfterSupplyStart', months: 12 } }] },
      '1000.01',
      signedAndStarted,
      [[1, '300.00', '2027-01-15'], [2, '300.00', '2027-04-01'], [3, '400.01', '2028-04-01']],
    ],
    [
      'stages waiting for supply to start have no day yet',
      { kind: 'multiStage', stages: [{ percent: '50', trigger: { event: 'signature' } }, { percent: '50', trigger: { event: 'monthsAfterSupplyStart', months: 12 } }] },
      '-80.01',
      signedOnly,
      [[1, '-40.01', '2027-01-15'], [2, '-40.00', null]],
    ],
  ])('%s', (_case, model, amount, events, expected) => {
    expect(rows(model, amount, events)).toEqual(expected);
  });
});

describe('checkPayoutModel', () => {
  it('accepts stages adding up to exactly 100 % in decimals', () => {
    expect(checkPayoutModel({ kind: 'multiStage', stages: [{ percent: '33.33', trigger: { event: 'signature' } }, { percent: '33.33', trigger: { event: 'supplyStart' } }, { percent: '33.34', trigger: { event: 'monthsAfterSupplyStart', months: 12 } }] })).toEqual([]);
  });

  it.each<[string, PayoutModel, { path: string; code: string }[]]>([
    ['stages adding up to 90 %', { kind: 'multiStage', stages: [{ percent: '50', trigger: { event: 'signature' } }, { percent: '40', trigger: { event: 'supplyStart' } }] }, [{ path: 'stages', code: 'stages_not_100' }]],
    ['stages adding up to 100.01 %', { kind: 'multiStage', stages: [{ percent: '50.01', trigger: { event: 'signature' } }, { percent: '50', trigger: { event: 'supplyStart' } }] }, [{ path: 'stages', code: 'stages_not_100' }]],
    ['a stage of 0 %', { kind: 'multiStage', stages: [{ percent: '0', trigger: { event: 'signature' } }, { percent: '100', trigger: { event: 'supplyStart' } }] }, [{ path: 'stages.0.percent', code: 'invalid_percent' }]],
    ['one stage only', { kind: 'multiStage', stages: [{ percent: '100', trigger: { event: 'signature' } }] }, [{ path: 'stages', code: 'too_few' }]],
    ['a stage 0 months after the start', { kind: 'multiStage', stages: [{ percent: '50', trigger: { event: 'signature' } }, { percent: '50', trigger: { event: 'monthsAfterSupplyStart', months: 0 } }] }, [{ path: 'stages.1.trigger.months', code: 'out_of_range' }]],
    ['one instalment', { kind: 'instalments', count: 1, everyMonths: 1, trigger: { event: 'signature' } }, [{ path: 'count', code: 'out_of_range' }]],
  ])('refuses %s, naming the field and rule', (_case, model, problems) => {
    expect(checkPayoutModel(model).map(({ path, code }) => ({ path, code }))).toEqual(problems);
  });
});

describe('clawbackSchedule', () => {
  // A 160.67 commission paid 30/30/40: 48.20 on signature (11-23), 48.20 on the start of supply (2027-01-01), 64.27 a year later.
  const stages = [
    { position: 2, amount: '48.20', dueOn: '2027-01-01' },
    { position: 3, amount: '64.27', dueOn: '2028-01-01' },
  ];
  const rows = (clawback: string, unpaid: typeof stages, endedOn: string) =>
    clawbackSchedule(clawback, unpaid, endedOn).map((p) => [p.amount.toFixed(2), p.dueOn, p.cancelsPosition]);

  it.each<[string, string, typeof stages, string, (string | number | null)[][]]>([
    ['cancelled before supply: the later stages are cancelled, the paid one taken back', '-160.67', stages, '2026-11-25', [['-48.20', '2026-11-25', null], ['-48.20', '2027-01-01', 2], ['-64.27', '2028-01-01', 3]]],
    ['terminated after 3 of 12 months (9/12 = 120.51): the last stage cancelled, the rest taken back', '-120.51', stages.slice(1), '2027-04-01', [['-56.24', '2027-04-01', null], ['-64.27', '2028-01-01', 3]]],
    ['a clawback smaller than the unpaid stage cancels part of it and takes nothing back now', '-50.00', stages.slice(1), '2027-04-01', [['-50.00', '2028-01-01', 3]]],
    ['stages due on or before the end stay to be paid, and are taken back on the end day', '-96.40', [{ position: 2, amount: '48.20', dueOn: '2027-04-01' }], '2027-04-01', [['-96.40', '2027-04-01', null]]],
    ['everything paid already: all of it is due on the end day', '-241.00', [], '2027-06-30', [['-241.00', '2027-06-30', null]]],
    ['nothing to take back', '0.00', stages, '2027-04-01', []],
  ])('%s', (_case, clawback, unpaid, endedOn, expected) => {
    const result = rows(clawback, unpaid, endedOn);
    expect(result).toEqual(expected);
    expect(result.reduce((sum, [amount]) => sum + Math.round(Number(amount) * 100), 0)).toBe(Math.round(Number(clawback) * 100));
  });
});
