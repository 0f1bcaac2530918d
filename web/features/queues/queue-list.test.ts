import { describe, expect, it } from 'vitest';
import type { QueueItem } from './api.js';
import {
  dateFromAddress,
  filterItems,
  formatDay,
  groupByTerritory,
  isFiltered,
  isOverdue,
  nextQueueSort,
  noFilter,
  recordPath,
  rulesOf,
  sortItems,
  telHref,
  todayIn,
} from './queue-list.js';

const item = (id: string, changes: Partial<QueueItem> = {}): QueueItem => ({
  recordType: 'case',
  id,
  name: `Case ${id}`,
  clientId: 'c1',
  clientName: 'Teplárne Senec a.s.',
  phone: null,
  city: 'Senec',
  priority: 3,
  nextActivityAt: null,
  territoryCode: 'sk-zsd',
  ruleId: 'r1',
  ruleName: 'Západ — telefonicky',
  ...changes,
});

// Queue order as the server returns it.
const queue = [
  item('a', {
    name: 'Žilinská teplárenská',
    priority: 1,
    nextActivityAt: '2026-11-17T09:00:00.000Z',
    city: 'Žilina',
  }),
  item('b', {
    recordType: 'lead',
    name: 'Obec Veľký Biel',
    priority: 2,
    phone: '+421 905 555 001',
    clientId: null,
    clientName: null,
    city: null,
    ruleId: 'r2',
    ruleName: 'Leady',
  }),
  item('c', {
    name: 'Anker Plyn',
    priority: 4,
    nextActivityAt: '2026-11-18T08:00:00.000Z',
    city: 'Bratislava',
  }),
];
const ids = (items: QueueItem[]) => items.map((i) => i.id);

describe('days', () => {
  it('reads today in the zone asked for, not the runner’s', () => {
    const instant = new Date('2026-11-18T23:30:00Z');
    expect(todayIn('Europe/Bratislava', instant)).toBe('2026-11-19');
    expect(todayIn('America/New_York', instant)).toBe('2026-11-18');
  });

  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-02-30', null],
    ['20.11.2026', null],
    ['', null],
    [null, null],
  ])('takes %s from the address as %s', (value, expected) => {
    expect(dateFromAddress(value)).toBe(expected);
  });

  it.each([
    ['en-GB', 'Friday', '20 November 2026'],
    ['sk-SK', 'piatok', '20. novembra 2026'],
  ])('names the day with its weekday in %s', (locale, weekday, date) => {
    // The punctuation between weekday and date differs between ICU versions; the day must not.
    expect(formatDay(locale, '2026-11-20')).toMatch(new RegExp(`^${weekday},? ${date}$`));
  });

  it('calls a past next activity overdue, a future or missing one not', () => {
    const now = new Date('2026-11-18T10:00:00Z');
    expect(isOverdue('2026-11-18T09:59:00Z', now)).toBe(true);
    expect(isOverdue('2026-11-18T10:01:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});

describe('filters', () => {
  it.each([
    ['nothing', noFilter, ['a', 'b', 'c']],
    ['leads', { ...noFilter, recordType: 'lead' as const }, ['b']],
    ['cases', { ...noFilter, recordType: 'case' as const }, ['a', 'c']],
    ['a rule', { ...noFilter, ruleId: 'r2' }, ['b']],
    ['a name without accents', { ...noFilter, q: 'zilinska' }, ['a']],
    ['a client', { ...noFilter, q: 'TEPLÁRNE' }, ['a', 'c']],
    ['a city', { ...noFilter, q: 'bratisl' }, ['c']],
    ['a phone typed without spaces', { ...noFilter, q: '905555' }, ['b']],
    ['type and search together', { ...noFilter, recordType: 'case' as const, q: 'biel' }, []],
  ])('by %s', (_, filter, expected) => {
    expect(ids(filterItems(queue, filter))).toEqual(expected);
  });

  it('knows when it filters', () => {
    expect(isFiltered(noFilter)).toBe(false);
    expect(isFiltered({ ...noFilter, q: '  ' })).toBe(false);
    expect(isFiltered({ ...noFilter, ruleId: 'r1' })).toBe(true);
  });

  it('lists the rules of the items once each', () => {
    expect(rulesOf(queue)).toEqual([
      { id: 'r1', name: 'Západ — telefonicky' },
      { id: 'r2', name: 'Leady' },
    ]);
  });
});

describe('sorting', () => {
  it('cycles a column ascending, descending, then back to queue order', () => {
    const asc = nextQueueSort(null, 'name');
    expect(asc).toEqual({ field: 'name', direction: 'asc' });
    const desc = nextQueueSort(asc, 'name');
    expect(desc).toEqual({ field: 'name', direction: 'desc' });
    expect(nextQueueSort(desc, 'name')).toBeNull();
    expect(nextQueueSort(desc, 'city')).toEqual({ field: 'city', direction: 'asc' });
  });

  it.each([
    ['queue order', null, ['a', 'b', 'c']],
    ['name, Slovak alphabet', { field: 'name' as const, direction: 'asc' as const }, ['c', 'b', 'a']],
    ['priority descending', { field: 'priority' as const, direction: 'desc' as const }, ['c', 'b', 'a']],
    [
      'next activity, nothing planned last',
      { field: 'nextActivityAt' as const, direction: 'asc' as const },
      ['a', 'c', 'b'],
    ],
    [
      'next activity descending, nothing planned still last',
      { field: 'nextActivityAt' as const, direction: 'desc' as const },
      ['c', 'a', 'b'],
    ],
    ['city, empty last', { field: 'city' as const, direction: 'asc' as const }, ['c', 'a', 'b']],
  ])('by %s', (_, sort, expected) => {
    expect(ids(sortItems(queue, sort, 'sk'))).toEqual(expected);
  });
});

describe('visits of a day', () => {
  it('groups runs of one territory in the planned order', () => {
    const day = [
      item('1', { territoryCode: 'sk-zsd' }),
      item('2', { territoryCode: 'sk-zsd' }),
      item('3', { territoryCode: 'sk-ssd' }),
      item('4', { territoryCode: null }),
    ];
    expect(groupByTerritory(day).map((g) => [g.territoryCode, ids(g.items)])).toEqual([
      ['sk-zsd', ['1', '2']],
      ['sk-ssd', ['3']],
      [null, ['4']],
    ]);
    expect(groupByTerritory([])).toEqual([]);
  });
});

describe('links', () => {
  it('opens the case or lead card, and dials the phone', () => {
    expect(recordPath({ recordType: 'case', id: 'x' })).toBe('/cases/x');
    expect(recordPath({ recordType: 'lead', id: 'y' })).toBe('/leads/y');
    expect(telHref('+421 905 555-001')).toBe('tel:+421905555001');
  });
});
