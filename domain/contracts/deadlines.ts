import dayjs from 'dayjs';

/** Contract dates are calendar days (`YYYY-MM-DD`), never instants: a contract ends on a day in every time zone. */
export type Day = string;

/**
 * The last day on which notice can be given (CONTRACT-3): the notice period counted back from the end date, so that
 * notice given on this day takes effect by the end. Month arithmetic follows the calendar (31 March minus one month
 * is 28 or 29 February).
 */
export const noticeDeadlineOf = (endDate: Day, noticePeriodMonths: number): Day =>
  dayjs(endDate).subtract(noticePeriodMonths, 'month').format('YYYY-MM-DD');

export type ContractReminderKind = 'end' | 'noticeDeadline';

export type ContractReminder = { kind: ContractReminderKind; dueOn: Day; remindOn: Day };

/**
 * The reminders a contract needs: before its end and before its notice deadline, each `leadDays` ahead. An
 * indefinite contract (no end date) needs none; a contract without a notice period needs only the end's.
 */
export const contractRemindersOf = (
  contract: { endDate: Day | null; noticePeriodMonths: number | null },
  leadDays: { end: number; noticeDeadline: number },
): ContractReminder[] => {
  if (!contract.endDate) return [];
  const reminders: ContractReminder[] = [];
  if (contract.noticePeriodMonths !== null && contract.noticePeriodMonths > 0) {
    const deadline = noticeDeadlineOf(contract.endDate, contract.noticePeriodMonths);
    reminders.push({ kind: 'noticeDeadline', dueOn: deadline, remindOn: dayjs(deadline).subtract(leadDays.noticeDeadline, 'day').format('YYYY-MM-DD') });
  }
  reminders.push({ kind: 'end', dueOn: contract.endDate, remindOn: dayjs(contract.endDate).subtract(leadDays.end, 'day').format('YYYY-MM-DD') });
  return reminders;
};

/** Reminders whose day has come by `today` but whose due day has not passed: the ones a daily job creates. */
export const remindersDueOn = (reminders: readonly ContractReminder[], today: Day): ContractReminder[] =>
  reminders.filter((r) => r.remindOn <= today && today <= r.dueOn);
