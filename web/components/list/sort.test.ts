import { describe, expect, it } from 'vitest';
import { listOrder, nextSort, parseSort, type SortState } from './sort.js';

const byName: SortState = { field: 'name', direction: 'asc' };

describe('parseSort', () => {
  it.each([
    ['no sort gives the default', undefined, undefined, byName],
    ['an empty sort gives the default', '', undefined, byName],
    ['a field sorts ascending', 'city', undefined, { field: 'city', direction: 'asc' }],
    ['a leading minus sorts descending', '-city', undefined, { field: 'city', direction: 'desc' }],
    ['a field the list offers', '-city', ['name', 'city'], { field: 'city', direction: 'desc' }],
    ['a field the list does not offer gives the default', '-colour', ['name', 'city'], byName],
    ['two minuses are not a field', '--city', ['name', 'city'], byName],
  ] as const)('%s', (_, sort, fields, expected) => {
    expect(parseSort(sort, byName, fields)).toEqual(expected);
  });
});

describe('nextSort', () => {
  it.each([
    ['the sorted column ascending flips to descending', byName, 'name', false, '-name'],
    ['the sorted column descending flips to ascending', { field: 'name', direction: 'desc' }, 'name', false, 'name'],
    ['another column starts ascending', byName, 'city', false, 'city'],
    ['another column starts descending where the list says so', byName, 'createdAt', true, '-createdAt'],
    ['the sorted column flips even if it starts descending', { field: 'createdAt', direction: 'desc' }, 'createdAt', true, 'createdAt'],
  ] as const)('%s', (_, current, field, startsDescending, expected) => {
    expect(nextSort(current, field, startsDescending)).toBe(expected);
  });
});

describe('listOrder', () => {
  const order = listOrder<'name' | 'createdAt'>(
    { field: 'createdAt', direction: 'desc' },
    { fields: ['name', 'createdAt'], startsDescending: (field) => field === 'createdAt' },
  );

  it.each([
    [undefined, 'createdAt', 'createdAt'],
    ['createdAt', 'createdAt', '-createdAt'],
    [undefined, 'name', 'name'],
    ['name', 'name', '-name'],
    ['-name', 'createdAt', '-createdAt'],
    ['-bogus', 'createdAt', 'createdAt'],
  ] as const)('sort %s, clicking %s gives %s', (current, field, expected) => {
    expect(order.next(current, field)).toBe(expected);
  });

  it('reads the address with its default and its fields', () => {
    expect(order.parse('-bogus')).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(order.parse('-name')).toEqual({ field: 'name', direction: 'desc' });
  });
});
