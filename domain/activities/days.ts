/**
 * Calendar days in a time zone, for "my day" and the calendar feed. Pure: the caller passes the instant and the
 * IANA zone; daylight-saving changes are read from the runtime's time-zone data through `Intl`.
 */

/** Where users work when their profile names no zone (the demo company's home). */
export const defaultTimeZone = 'Europe/Bratislava';

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const partsFormat = new Map<string, Intl.DateTimeFormat>();

const formatterOf = (zone: string): Intl.DateTimeFormat => {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, format);
  }
  return format;
};

type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const localParts = (instant: Date, zone: string): LocalParts => {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
};

/** Milliseconds the zone is ahead of UTC at this instant (+3,600,000 for Bratislava in winter). */
export const zoneOffsetMs = (instant: Date, zone: string): number => {
  const p = localParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
};

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export const localDate = (instant: Date, zone: string): string => {
  const p = localParts(instant, zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/**
 * The instant a local wall-clock time happens in a zone. A time skipped by a daylight-saving jump resolves to
 * the same wall-clock time with the offset before the jump (i.e. an hour later in local terms), as browsers do.
 */
export const zonedInstant = (date: string, zone: string, time = '00:00:00'): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number | undefined];
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss ?? 0);
  // Two passes: the offset at the first guess may differ from the offset at the answer across a DST change.
  let guess = wall - zoneOffsetMs(new Date(wall), zone);
  guess = wall - zoneOffsetMs(new Date(guess), zone);
  return new Date(guess);
};

/** Adds whole calendar days to a YYYY-MM-DD date. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** Start of the local day of `instant` and start of the next one: 23, 24 or 25 hours apart. */
export const dayBounds = (instant: Date, zone: string): { date: string; start: Date; end: Date } => {
  const date = localDate(instant, zone);
  return { date, start: zonedInstant(date, zone), end: zonedInstant(addDays(date, 1), zone) };
};
