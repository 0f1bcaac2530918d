// The "log outcome" form of the work queue as pure functions: which outcomes a channel offers, when a follow-up is
// asked for, how the form's values become the one request that logs the outcome and plans the follow-up.
import type { FollowUpKind, OutcomeBody, QueueChannel, QueueItem, QueueOutcome } from './api.js';

export type OutcomeValues = {
  channel: QueueChannel;
  outcome: QueueOutcome;
  note: string;
  /** `datetime-local` value in the browser's time zone; '' when no follow-up is planned. */
  nextActivityAt: string;
  nextKind: FollowUpKind;
};

/** The fields of the form, named as the server names them in its field errors. */
export const outcomeFields = ['channel', 'outcome', 'note', 'nextActivityAt', 'nextKind'] as const;
export type OutcomeField = (typeof outcomeFields)[number];

/** The server's limit on the note (queues.api.ts). */
export const noteMaxLength = 4000;

const phoneOutcomes: QueueOutcome[] = ['reached', 'notReached', 'callBack', 'meetingAgreed', 'notInterested'];
const fieldOutcomes: QueueOutcome[] = ['visited', 'notReached', 'callBack', 'meetingAgreed', 'notInterested'];

/** What can come of a call or of a visit, the usual result first. */
export const outcomesFor = (channel: QueueChannel): QueueOutcome[] =>
  channel === 'phone' ? phoneOutcomes : fieldOutcomes;

export const defaultOutcome = (channel: QueueChannel): QueueOutcome =>
  channel === 'phone' ? 'reached' : 'visited';

/** A call back or an agreed meeting has a date, so the server requires it (queues.service.ts). */
export const followUpRequired = (outcome: QueueOutcome): boolean =>
  outcome === 'callBack' || outcome === 'meetingAgreed';

/** Someone not interested is not called again; every other outcome may plan a next step. */
export const followUpOffered = (outcome: QueueOutcome): boolean => outcome !== 'notInterested';

/** The server's default kind of the follow-up: a meeting when one was agreed, else the same channel again. */
export const defaultFollowUpKind = (outcome: QueueOutcome, channel: QueueChannel): FollowUpKind =>
  outcome === 'meetingAgreed' ? 'meeting' : channel === 'phone' ? 'call' : 'visit';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value of an instant in the browser's time zone. */
export const toLocalInput = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** The instant of a `datetime-local` value (read in the browser's time zone); null when it is not one. */
export const fromLocalInput = (value: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The next working day (Monday to Friday) after `now`, at 9:00 local time: the usual time to call back. */
export const suggestedFollowUp = (now: Date): string => {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  while (next.getDay() === 0 || next.getDay() === 6) next.setDate(next.getDate() + 1);
  return toLocalInput(next);
};

export const initialOutcomeValues = (channel: QueueChannel): OutcomeValues => ({
  channel,
  outcome: defaultOutcome(channel),
  note: '',
  nextActivityAt: '',
  nextKind: defaultFollowUpKind(defaultOutcome(channel), channel),
});

/**
 * Another outcome: the follow-up kind follows it, and an outcome that needs a follow-up date gets a suggested one
 * (the next working morning) when none is entered yet, so the common case stays one click.
 */
export const withOutcome = (values: OutcomeValues, outcome: QueueOutcome, now: Date): OutcomeValues => ({
  ...values,
  outcome,
  nextKind: defaultFollowUpKind(outcome, values.channel),
  nextActivityAt:
    followUpRequired(outcome) && values.nextActivityAt === ''
      ? suggestedFollowUp(now)
      : values.nextActivityAt,
});

/** Another channel: an outcome the channel does not offer falls back to the channel's usual one. */
export const withChannel = (values: OutcomeValues, channel: QueueChannel, now: Date): OutcomeValues => {
  const outcome = outcomesFor(channel).includes(values.outcome) ? values.outcome : defaultOutcome(channel);
  return withOutcome({ ...values, channel }, outcome, now);
};

/** The checks the server makes, as rule codes by field, so the form answers before sending. */
export const checkOutcome = (values: OutcomeValues, now: Date): Partial<Record<OutcomeField, string>> => {
  const problems: Partial<Record<OutcomeField, string>> = {};
  if (values.note.trim().length > noteMaxLength) problems.note = 'too_big';
  if (!followUpOffered(values.outcome)) return problems;
  if (values.nextActivityAt === '') {
    if (followUpRequired(values.outcome)) problems.nextActivityAt = 'required_by_outcome';
    return problems;
  }
  const at = fromLocalInput(values.nextActivityAt);
  if (!at) problems.nextActivityAt = 'invalid_format';
  else if (at.getTime() <= now.getTime()) problems.nextActivityAt = 'not_in_future';
  return problems;
};

/** The request body: the follow-up only where the outcome offers one and a date is entered. */
export const toOutcomeBody = (
  item: Pick<QueueItem, 'recordType' | 'id'>,
  values: OutcomeValues,
): OutcomeBody => {
  const note = values.note.trim();
  const at = followUpOffered(values.outcome) ? fromLocalInput(values.nextActivityAt) : null;
  return {
    recordType: item.recordType,
    id: item.id,
    channel: values.channel,
    outcome: values.outcome,
    ...(note ? { note } : {}),
    ...(at ? { nextActivityAt: at.toISOString(), nextKind: values.nextKind } : {}),
  };
};
