import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, isTimeZone, localDate, zonedInstant, zoneOffsetMs } from './days.js';

const hour = 3_600_000;

describe('days in a time zone', () => {
  // Europe/Bratislava: CET (+1) in winter, CEST (+2) from the last Sunday of March to the last Sunday of October.
  it.each([
    ['winter noon UTC', '2026-01-15T12:00:00Z', 'Europe/Bratislava', '2026-01-15', '2026-01-14T23:00:00.000Z', '2026-01-15T23:00:00.000Z'],
    ['summer noon UTC', '2026-07-15T12:00:00Z', 'Europe/Bratislava', '2026-07-15', '2026-07-14T22:00:00.000Z', '2026-07-15T22:00:00.000Z'],
    ['23:30 UTC is already tomorrow in Bratislava', '2026-01-15T23:30:00Z', 'Europe/Bratislava', '2026-01-16', '2026-01-15T23:00:00.000Z', '2026-01-16T23:00:00.000Z'],
    ['spring forward: a 23-hour day (29 March 2026)', '2026-03-29T10:00:00Z', 'Europe/Bratislava', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['fall back: a 25-hour day (25 October 2026)', '2026-10-25T10:00:00Z', 'Europe/Bratislava', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ['UTC itself', '2026-01-15T00:00:00Z', 'UTC', '2026-01-15', '2026-01-15T00:00:00.000Z', '2026-01-16T00:00:00.000Z'],
    ['west of UTC (New York, -5)', '2026-01-15T03:00:00Z', 'America/New_York', '2026-01-14', '2026-01-14T05:00:00.000Z', '2026-01-15T05:00:00.000Z'],
  ])('%s', (_, instant, zone, date, start, end) => {
    const bounds = dayBounds(new Date(instant), zone);
    expect([bounds.date, bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([date, start, end]);
  });

  it.each([
    ['2026-01-15T12:00:00Z', 'Europe/Bratislava', 1 * hour],
    ['2026-07-15T12:00:00Z', 'Europe/Bratislava', 2 * hour],
    ['2026-07-15T12:00:00Z', 'Asia/Kolkata', 5.5 * hour],
  ])('offset at %s in %s', (instant, zone, offset) => {
    expect(zoneOffsetMs(new Date(instant), zone)).toBe(offset);
  });

  it('a wall-clock time skipped by the spring change resolves an hour later', () => {
    expect(zonedInstant('2026-03-29', 'Europe/Bratislava', '02:30:00').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i day(s) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['Europe/Bratislava', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s is a time zone: %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });

  it('reads the local date', () => {
    expect(localDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Bratislava')).toBe('2026-07-01');
  });
});
