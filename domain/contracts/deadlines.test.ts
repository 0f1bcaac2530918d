import { describe, expect, it } from 'vitest';
import { contractRemindersOf, noticeDeadlineOf, remindersDueOn } from './deadlines.js';

describe('noticeDeadlineOf', () => {
  it.each([
    ['three months before the end of a year', '2027-12-31', 3, '2027-09-30'],
    ['one month before 31 March in a common year', '2027-03-31', 1, '2027-02-28'],
    ['one month before 31 March in a leap year', '2028-03-31', 1, '2028-02-29'],
    ['six months across a year', '2027-02-15', 6, '2026-08-15'],
    ['no notice period', '2027-06-30', 0, '2027-06-30'],
  ])('%s', (_case, end, months, deadline) => {
    expect(noticeDeadlineOf(end, months)).toBe(deadline);
  });
});

describe('contractRemindersOf', () => {
  const lead = { end: 60, noticeDeadline: 30 };

  it('reminds before the notice deadline and before the end', () => {
    expect(contractRemindersOf({ endDate: '2027-12-31', noticePeriodMonths: 3 }, lead)).toEqual([
      { kind: 'noticeDeadline', dueOn: '2027-09-30', remindOn: '2027-08-31' },
      { kind: 'end', dueOn: '2027-12-31', remindOn: '2027-11-01' },
    ]);
  });

  it('reminds only before the end without a notice period', () => {
    expect(contractRemindersOf({ endDate: '2027-12-31', noticePeriodMonths: null }, lead)).toEqual([{ kind: 'end', dueOn: '2027-12-31', remindOn: '2027-11-01' }]);
  });

  it('needs nothing for a contract for an indefinite period', () => {
    expect(contractRemindersOf({ endDate: null, noticePeriodMonths: 3 }, lead)).toEqual([]);
  });
});

describe('remindersDueOn', () => {
  const reminders = contractRemindersOf({ endDate: '2027-12-31', noticePeriodMonths: 3 }, { end: 60, noticeDeadline: 30 });
  it.each([
    ['before any reminder', '2027-08-30', []],
    ['on the notice reminder day', '2027-08-31', ['noticeDeadline']],
    ['on the notice deadline itself', '2027-09-30', ['noticeDeadline']],
    ['after the notice deadline, before the end reminder', '2027-10-01', []],
    ['in the end reminder window', '2027-12-01', ['end']],
    ['after the end', '2028-01-01', []],
  ])('%s', (_case, today, kinds) => {
    expect(remindersDueOn(reminders, today).map((r) => r.kind)).toEqual(kinds);
  });
});
