import { describe, expect, it } from 'vitest';
import { checkPayoutModel, payoutSchedule, type PayoutEvents, type PayoutModel } from './payout.js';

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
