// Pure helpers of the work-queue lists: the user's day and zone, overdue items, filtering, sorting and the
// territory groups of a day's visits.
import { defaultTimeZone, isTimeZone, localDate } from '../../../domain/activities/days.js';
import type { QueueItem, QueueRecordType } from './api.js';

/** The browser's IANA zone, which the server plans the day in; the company's home zone when the browser has none. */
export const browserTimeZone = (): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : defaultTimeZone;
};

/** Today's date (YYYY-MM-DD) in a zone. */
export const todayIn = (timeZone: string, now: Date = new Date()): string => localDate(now, timeZone);

/** A `?date=` from the address when it is a real YYYY-MM-DD date; else null (today). */
export const dateFromAddress = (value: string | null): string | null => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
};

/** The planned contact is already past: the queue shows it first among its priority, highlighted. */
export const isOverdue = (nextActivityAt: string | null, now: Date): boolean =>
  nextActivityAt !== null && new Date(nextActivityAt).getTime() < now.getTime();

export type QueueFilter = { recordType: QueueRecordType | null; ruleId: string | null; q: string };
export const noFilter: QueueFilter = { recordType: null, ruleId: null, q: '' };

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Items of the record type and rule; `q` matches name, client, city or phone, ignoring case and accents. */
export const filterItems = (items: readonly QueueItem[], filter: QueueFilter): QueueItem[] => {
  const q = folded(filter.q.trim());
  const digits = q.replace(/[^\d+]/g, '');
  return items.filter(
    (item) =>
      (filter.recordType === null || item.recordType === filter.recordType) &&
      (filter.ruleId === null || item.ruleId === filter.ruleId) &&
      (q === '' ||
        [item.name, item.clientName, item.city].some((text) => text !== null && folded(text).includes(q)) ||
        (digits.length >= 3 && item.phone !== null && item.phone.replace(/[^\d+]/g, '').includes(digits))),
  );
};

export const isFiltered = (filter: QueueFilter): boolean =>
  filter.recordType !== null || filter.ruleId !== null || filter.q.trim() !== '';

/** The rules the items came from, once each, in queue order of their first item. */
export const rulesOf = (items: readonly QueueItem[]): { id: string; name: string }[] => {
  const seen = new Map<string, string>();
  for (const item of items) if (!seen.has(item.ruleId)) seen.set(item.ruleId, item.ruleName);
  return [...seen].map(([id, name]) => ({ id, name }));
};

export const queueSortFields = ['name', 'clientName', 'city', 'priority', 'nextActivityAt'] as const;
export type QueueSortField = (typeof queueSortFields)[number];
/** Null: the queue's own order (priority, then longest overdue, then never contacted), as the server plans it. */
export type QueueSort = { field: QueueSortField; direction: 'asc' | 'desc' } | null;

/** A column click: ascending, then descending, then back to the queue's order. */
export const nextQueueSort = (current: QueueSort, field: QueueSortField): QueueSort =>
  current?.field !== field
    ? { field, direction: 'asc' }
    : current.direction === 'asc'
      ? { field, direction: 'desc' }
      : null;

const valueOf = (item: QueueItem, field: QueueSortField): string | number | null => {
  if (field === 'priority') return item.priority;
  if (field === 'nextActivityAt')
    return item.nextActivityAt === null ? null : new Date(item.nextActivityAt).getTime();
  return item[field];
};

/** Sorted by a column; empty values last in either direction, ties kept in queue order. */
export const sortItems = (items: readonly QueueItem[], sort: QueueSort, locale: string): QueueItem[] => {
  if (!sort) return [...items];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, value: valueOf(item, sort.field) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ item }) => item);
};

export type TerritoryGroup = { territoryCode: string | null; items: QueueItem[] };

/** A day's visits in the order the server planned them, one group per run of the same territory. */
export const groupByTerritory = (visits: readonly QueueItem[]): TerritoryGroup[] => {
  const groups: TerritoryGroup[] = [];
  for (const item of visits) {
    const last = groups.at(-1);
    if (last && last.territoryCode === item.territoryCode) last.items.push(item);
    else groups.push({ territoryCode: item.territoryCode, items: [item] });
  }
  return groups;
};

/** The card a queue item opens. */
export const recordPath = (item: Pick<QueueItem, 'recordType' | 'id'>): string =>
  item.recordType === 'case' ? `/cases/${item.id}` : `/leads/${item.id}`;

/** A phone number as a `tel:` address: digits and a leading plus only. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * A calendar date (YYYY-MM-DD) as the user reads it, with its weekday: "Friday, 20 November 2026". Formatted at UTC
 * noon in UTC, so no time zone moves it to the neighbouring day.
 */
export const formatDay = (locale: string, date: string): string =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
