/**
 * The calendar's views as plain date arithmetic in the browser's time zone (pure, tested): which days a view
 * shows, which events fall on a day, and where timed events sit in a day column.
 */

export const calendarViews = ['day', 'week', 'month'] as const;
export type CalendarView = (typeof calendarViews)[number];

export type Timed = { id: string; startAt: string; endAt: string; allDay: boolean };

const dayMs = 86_400_000;

/** Local midnight of a date (DST-safe: built from the calendar date, not by subtracting hours). */
export const startOfDay = (date: Date): Date => new Date(date.getFullYear(), date.getMonth(), date.getDate());

export const addDays = (date: Date, days: number): Date => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** Monday of the week (the week starts on Monday in Slovakia and across Europe, ISO 8601). */
export const startOfWeek = (date: Date): Date => addDays(startOfDay(date), -((date.getDay() + 6) % 7));

/** YYYY-MM-DD of a local date: the address keeps the shown day in this form. */
export const dayKey = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export const parseDayKey = (key: string | null | undefined): Date | null => {
  const match = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The days a view shows and the range to ask the server for: [from, to). A month shows whole weeks (≤ 42 days). */
export const viewRange = (view: CalendarView, anchor: Date): { from: Date; to: Date; days: Date[] } => {
  let from: Date;
  let count: number;
  if (view === 'day') {
    from = startOfDay(anchor);
    count = 1;
  } else if (view === 'week') {
    from = startOfWeek(anchor);
    count = 7;
  } else {
    const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
    const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
    from = startOfWeek(first);
    const end = addDays(startOfWeek(last), 7);
    count = Math.round((end.getTime() - from.getTime()) / dayMs);
  }
  const days = Array.from({ length: count }, (_, i) => addDays(from, i));
  return { from, to: addDays(from, count), days };
};

/** The anchor one view-length earlier (-1) or later (+1). */
export const shiftAnchor = (view: CalendarView, anchor: Date, direction: -1 | 1): Date =>
  view === 'day'
    ? addDays(anchor, direction)
    : view === 'week'
      ? addDays(anchor, 7 * direction)
      : new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);

/** Events that overlap the local day; a zero-length event counts on the day it happens. */
export const eventsOnDay = <T extends Timed>(events: T[], day: Date): T[] => {
  const start = startOfDay(day).getTime();
  const end = addDays(day, 1).getTime();
  return events.filter((e) => {
    const s = new Date(e.startAt).getTime();
    const f = new Date(e.endAt).getTime();
    return s < end && (f > start || (f === s && s >= start));
  });
};

export type Placed<T> = { event: T; top: number; height: number; column: number; columns: number };

/**
 * Timed events of one day column: minutes from midnight (top) and length (height, at least `minMinutes` so a
 * short call stays clickable), and side-by-side columns for events that overlap, as calendar apps show them.
 */
export const layoutDay = <T extends Timed>(events: T[], day: Date, minMinutes = 20): Placed<T>[] => {
  const start = startOfDay(day).getTime();
  const end = addDays(day, 1).getTime();
  const minutes = (ms: number) => Math.round((Math.min(Math.max(ms, start), end) - start) / 60_000);
  const timed = eventsOnDay(events, day)
    .filter((e) => !e.allDay)
    .map((event) => {
      const top = minutes(new Date(event.startAt).getTime());
      const bottom = Math.max(minutes(new Date(event.endAt).getTime()), top + minMinutes);
      return { event, top, bottom: Math.min(bottom, 24 * 60) };
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  const placed: Placed<T>[] = [];
  // Clusters of overlapping events share the width; each event takes the first column free at its start.
  let cluster: { item: (typeof timed)[number]; column: number }[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const columns = Math.max(1, ...cluster.map((c) => c.column + 1));
    for (const { item, column } of cluster) placed.push({ event: item.event, top: item.top, height: Math.max(item.bottom - item.top, 1), column, columns });
    cluster = [];
  };
  for (const item of timed) {
    if (item.top >= clusterEnd) {
      flush();
      clusterEnd = -1;
    }
    const busy = new Set(cluster.filter((c) => c.item.bottom > item.top).map((c) => c.column));
    let column = 0;
    while (busy.has(column)) column += 1;
    cluster.push({ item, column });
    clusterEnd = Math.max(clusterEnd, item.bottom);
  }
  flush();
  return placed;
};
