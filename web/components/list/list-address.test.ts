import { describe, expect, it } from 'vitest';
import { clearedFilters, countActiveFilters, readListAddress } from './list-address.js';

const keys = ['q', 'sort', 'status', 'year'] as const;
const accepted = { year: (value: string) => /^\d{4}$/.test(value) };

describe('readListAddress', () => {
  it.each([
    ['the keys the list knows', 'q=senec&status=active&sort=-name', { q: 'senec', status: 'active', sort: '-name' }],
    ['unknown keys are ignored', 'colour=red&status=active', { status: 'active' }],
    ['empty values are ignored', 'q=&status=', {}],
    ['values are trimmed', 'q=%20senec%20&status=%20', { q: 'senec' }],
    ['an accepted value', 'year=2026', { year: '2026' }],
    ['a value the list does not accept is ignored', 'year=26&status=active', { status: 'active' }],
  ])('reads %s', (_, query, expected) => {
    expect(readListAddress(new URLSearchParams(query), keys, accepted)).toEqual(expected);
  });
});

describe('clearedFilters', () => {
  it.each([
    [['status', 'year'], { status: null, year: null, q: null }],
    [[], { q: null }],
  ] as const)('clears %j and the search', (filterKeys, expected) => {
    expect(clearedFilters(filterKeys)).toEqual(expected);
  });
});

describe('countActiveFilters', () => {
  it.each([
    ['nothing set', {}, 0],
    ['the sort does not count', { sort: '-name' }, 0],
    ['the search counts as one', { q: 'senec' }, 1],
    ['each filter counts', { status: 'active', year: '2026', sort: 'name' }, 2],
    ['the search and the filters', { q: 'senec', status: 'active', year: '2026' }, 3],
    ['keys that are not filters do not count', { importId: 'x' }, 0],
  ])('%s', (_, address, expected) => {
    expect(countActiveFilters(address, ['status', 'year'])).toBe(expected);
  });
});
