import { describe, expect, it } from 'vitest';
import {
  checkOutcome,
  defaultFollowUpKind,
  followUpOffered,
  followUpRequired,
  fromLocalInput,
  initialOutcomeValues,
  outcomesFor,
  suggestedFollowUp,
  toLocalInput,
  toOutcomeBody,
  withChannel,
  withOutcome,
  type OutcomeValues,
} from './outcome-form.js';
import { queueOutcomes, type QueueOutcome } from './api.js';

// Local wall-clock times, so the tests hold in any time zone the runner has.
const at = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(y, m - 1, d, hh, mm);
// Wednesday 18 November 2026, 14:30 local time.
const now = at(2026, 11, 18, 14, 30);
const item = { recordType: 'case' as const, id: '7f0c6a52-3c4e-4d59-9a53-0d1e2f3a4b5c' };
const values = (changes: Partial<OutcomeValues> = {}): OutcomeValues => ({
  ...initialOutcomeValues('phone'),
  ...changes,
});

describe('outcomes and their follow-up (as queues.service.ts requires)', () => {
  it.each<[QueueOutcome, boolean, boolean]>([
    ['reached', false, true],
    ['notReached', false, true],
    ['callBack', true, true],
    ['meetingAgreed', true, true],
    ['notInterested', false, false],
    ['visited', false, true],
  ])('%s: follow-up required %s, offered %s', (outcome, required, offered) => {
    expect(followUpRequired(outcome)).toBe(required);
    expect(followUpOffered(outcome)).toBe(offered);
  });

  it('offers each outcome on at least one channel, and "visited" only in the field', () => {
    const offered = new Set([...outcomesFor('phone'), ...outcomesFor('field')]);
    expect([...offered].sort()).toEqual([...queueOutcomes].sort());
    expect(outcomesFor('phone')).not.toContain('visited');
    expect(outcomesFor('field')).not.toContain('reached');
    expect(outcomesFor('phone')[0]).toBe('reached');
    expect(outcomesFor('field')[0]).toBe('visited');
  });

  it.each<[QueueOutcome, 'phone' | 'field', string]>([
    ['callBack', 'phone', 'call'],
    ['callBack', 'field', 'visit'],
    ['meetingAgreed', 'phone', 'meeting'],
    ['meetingAgreed', 'field', 'meeting'],
  ])('%s by %s is followed by a %s', (outcome, channel, kind) => {
    expect(defaultFollowUpKind(outcome, channel)).toBe(kind);
  });
});

describe('the next working morning', () => {
  it.each([
    ['Wednesday afternoon → Thursday', at(2026, 11, 18, 14, 30), '2026-11-19T09:00'],
    ['Friday → Monday', at(2026, 11, 20, 10), '2026-11-23T09:00'],
    ['Saturday → Monday', at(2026, 11, 21, 10), '2026-11-23T09:00'],
    ['Sunday late → Monday', at(2026, 11, 22, 23, 59), '2026-11-23T09:00'],
    ['across the year end', at(2026, 12, 31, 8), '2027-01-01T09:00'],
  ])('%s', (_, from, expected) => {
    expect(suggestedFollowUp(from)).toBe(expected);
  });

  it('reads back what it writes, and refuses what is not a datetime-local value', () => {
    expect(fromLocalInput(toLocalInput(now))?.getTime()).toBe(now.getTime());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-11-19')).toBeNull();
    expect(fromLocalInput('2026-13-45T09:00')).toBeNull();
  });
});

describe('changing the outcome or channel', () => {
  it('suggests a follow-up date when the outcome needs one, and keeps one the user entered', () => {
    const callBack = withOutcome(values(), 'callBack', now);
    expect(callBack).toMatchObject({
      outcome: 'callBack',
      nextActivityAt: '2026-11-19T09:00',
      nextKind: 'call',
    });
    const entered = withOutcome(values({ nextActivityAt: '2026-11-25T13:15' }), 'meetingAgreed', now);
    expect(entered).toMatchObject({ nextActivityAt: '2026-11-25T13:15', nextKind: 'meeting' });
    expect(withOutcome(values(), 'notReached', now).nextActivityAt).toBe('');
  });

  it('falls back to the channel’s usual outcome when the channel does not offer the chosen one', () => {
    expect(withChannel(values({ outcome: 'reached' }), 'field', now)).toMatchObject({
      channel: 'field',
      outcome: 'visited',
      nextKind: 'visit',
    });
    expect(withChannel(values({ outcome: 'callBack' }), 'field', now)).toMatchObject({
      outcome: 'callBack',
      nextKind: 'visit',
    });
    expect(initialOutcomeValues('field')).toMatchObject({
      channel: 'field',
      outcome: 'visited',
      nextKind: 'visit',
    });
  });
});

describe('checks before sending', () => {
  it.each<[string, Partial<OutcomeValues>, Record<string, string>]>([
    ['reached without follow-up is fine', { outcome: 'reached' }, {}],
    ['call back without a date', { outcome: 'callBack' }, { nextActivityAt: 'required_by_outcome' }],
    [
      'meeting agreed without a date',
      { outcome: 'meetingAgreed' },
      { nextActivityAt: 'required_by_outcome' },
    ],
    [
      'a follow-up in the past',
      { outcome: 'callBack', nextActivityAt: '2026-11-18T14:00' },
      { nextActivityAt: 'not_in_future' },
    ],
    [
      'a follow-up right now',
      { outcome: 'reached', nextActivityAt: '2026-11-18T14:30' },
      { nextActivityAt: 'not_in_future' },
    ],
    ['a follow-up later today', { outcome: 'callBack', nextActivityAt: '2026-11-18T16:00' }, {}],
    [
      'a broken date',
      { outcome: 'callBack', nextActivityAt: '18.11.2026' },
      { nextActivityAt: 'invalid_format' },
    ],
    [
      'not interested ignores a leftover date',
      { outcome: 'notInterested', nextActivityAt: '2026-11-01T09:00' },
      {},
    ],
    ['a note over 4000 characters', { note: 'x'.repeat(4001) }, { note: 'too_big' }],
  ])('%s', (_, changes, expected) => {
    expect(checkOutcome(values(changes), now)).toEqual(expected);
  });
});

describe('the request body', () => {
  it('logs the outcome alone when nothing is planned, leaving out an empty note', () => {
    expect(toOutcomeBody(item, values({ note: '   ' }))).toEqual({
      ...item,
      channel: 'phone',
      outcome: 'reached',
    });
  });

  it('plans the follow-up as an instant with its kind', () => {
    const body = toOutcomeBody(
      item,
      values({
        outcome: 'callBack',
        note: ' Volať po 10:00 ',
        nextActivityAt: '2026-11-19T09:00',
        nextKind: 'call',
      }),
    );
    expect(body).toEqual({
      ...item,
      channel: 'phone',
      outcome: 'callBack',
      note: 'Volať po 10:00',
      nextActivityAt: at(2026, 11, 19, 9).toISOString(),
      nextKind: 'call',
    });
  });

  it('plans nothing for "not interested", whatever the date field held', () => {
    const body = toOutcomeBody(
      item,
      values({ outcome: 'notInterested', nextActivityAt: '2026-11-19T09:00' }),
    );
    expect(body).not.toHaveProperty('nextActivityAt');
    expect(body).not.toHaveProperty('nextKind');
  });
});
