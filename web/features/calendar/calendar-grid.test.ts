import { describe, expect, it } from 'vitest';
import { dayKey, eventsOnDay, layoutDay, parseDayKey, shiftAnchor, startOfWeek, viewRange, type Timed } from './calendar-grid.js';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const ev = (id: string, start: Date, end: Date, allDay = false): Timed => ({ id, startAt: start.toISOString(), endAt: end.toISOString(), allDay });

describe('views', () => {
  it.each([
    ['a Wednesday', local(2026, 11, 18), '2026-11-16'],
    ['a Monday', local(2026, 11, 16), '2026-11-16'],
    ['a Sunday belongs to the week before', local(2026, 11, 22), '2026-11-16'],
  ])('the week of %s starts on Monday', (_, date, monday) => {
    expect(dayKey(startOfWeek(date))).toBe(monday);
  });

  it.each([
    ['day', local(2026, 11, 18), '2026-11-18', '2026-11-19', 1],
    ['week', local(2026, 11, 18), '2026-11-16', '2026-11-23', 7],
    // November 2026 starts on a Sunday and ends on a Monday: six rows of weeks.
    ['month', local(2026, 11, 18), '2026-10-26', '2026-12-07', 42],
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    ['month', local(2027, 2, 10), '2027-02-01', '2027-03-01', 28],
  ] as const)('%s view of %s', (view, anchor, from, to, count) => {
    const range = viewRange(view, anchor);
    expect([dayKey(range.from), dayKey(range.to), range.days.length]).toEqual([from, to, count]);
  });

  it('a month view spans whole days across the daylight-saving change (25 October 2026)', () => {
    const range = viewRange('month', local(2026, 10, 10));
    expect(range.days.map(dayKey)).toContain('2026-10-25');
    expect(range.days.every((d) => d.getHours() === 0)).toBe(true);
  });

  it.each([
    ['day', '2026-11-18', 1, '2026-11-19'],
    ['week', '2026-11-18', -1, '2026-11-11'],
    ['month', '2026-01-31', 1, '2026-02-01'],
  ] as const)('moves a %s view from %s by %i', (view, from, direction, expected) => {
    expect(dayKey(shiftAnchor(view, parseDayKey(from)!, direction))).toBe(expected);
  });

  it('reads only real day keys', () => {
    expect(parseDayKey('2026-11-18') && dayKey(parseDayKey('2026-11-18')!)).toBe('2026-11-18');
    expect(parseDayKey('18.11.2026')).toBeNull();
    expect(parseDayKey(null)).toBeNull();
  });
});

describe('events of a day', () => {
  const day = local(2026, 11, 18);
  it.each([
    ['inside the day', ev('a', local(2026, 11, 18, 9), local(2026, 11, 18, 10)), true],
    ['ending at midnight before', ev('b', local(2026, 11, 17, 9), local(2026, 11, 18, 0)), false],
    ['starting at midnight after', ev('c', local(2026, 11, 19, 0), local(2026, 11, 19, 1)), false],
    ['spanning the day', ev('d', local(2026, 11, 17, 9), local(2026, 11, 19, 9)), true],
    ['of zero length at 8:00', ev('e', local(2026, 11, 18, 8), local(2026, 11, 18, 8)), true],
  ])('an event %s: %s', (_, event, expected) => {
    expect(eventsOnDay([event], day).length === 1).toBe(expected);
  });

  it('lays overlapping events side by side and others full width', () => {
    const placed = layoutDay(
      [
        ev('a', local(2026, 11, 18, 9), local(2026, 11, 18, 10)),
        ev('b', local(2026, 11, 18, 9, 30), local(2026, 11, 18, 11)),
        ev('c', local(2026, 11, 18, 13), local(2026, 11, 18, 13, 5)),
        ev('all', local(2026, 11, 18), local(2026, 11, 19), true),
      ],
      day,
    );
    const byId = Object.fromEntries(placed.map((p) => [p.event.id, p]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'b', 'c']);
    expect(byId.a).toMatchObject({ top: 540, height: 60, column: 0, columns: 2 });
    expect(byId.b).toMatchObject({ top: 570, height: 90, column: 1, columns: 2 });
    expect(byId.c).toMatchObject({ top: 780, height: 20, column: 0, columns: 1 });
  });

  it('clips an event from the day before to the column', () => {
    const [placed] = layoutDay([ev('x', local(2026, 11, 17, 22), local(2026, 11, 18, 2))], day);
    expect(placed).toMatchObject({ top: 0, height: 120 });
  });
});
