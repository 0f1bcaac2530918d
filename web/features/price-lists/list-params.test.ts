import { describe, expect, it } from 'vitest';
import { withChanges } from '../../components/address.js';
import { countActiveFilters } from '../../components/list/list-address.js';
import { filterKeys, productOrder, readProductListParams } from './list-params.js';
import { readRegulatedFilter } from './regulated-filter.js';

describe('product list parameters in the address', () => {
  it.each([
    ['search and sort', 'q=voltia&sort=-supplier', { q: 'voltia', sort: '-supplier' }],
    ['every filter', 'supplier=Nordgas&commodity=gas&country=CZ&active=true', { supplier: 'Nordgas', commodity: 'gas', country: 'CZ', active: 'true' }],
    ['unknown keys are ignored', 'colour=red&commodity=electricity', { commodity: 'electricity' }],
    ['values the API refuses are ignored', 'commodity=water&country=slovakia&active=maybe&sort=price', {}],
    ['empty values are ignored', 'q=&supplier=', {}],
  ])('reads %s', (_, query, expected) => {
    expect(readProductListParams(new URLSearchParams(query))).toEqual(expected);
  });

  it('sets and removes values, keeping the rest', () => {
    expect(withChanges(new URLSearchParams('q=fix&country=SK'), { country: null, commodity: 'gas' }).toString()).toBe('q=fix&commodity=gas');
  });

  it('counts the search and filters but not the sort', () => {
    expect(countActiveFilters({ q: 'a', country: 'SK', active: 'false', sort: 'name' }, filterKeys)).toBe(3);
    expect(countActiveFilters({ sort: '-name' }, filterKeys)).toBe(0);
  });

  it.each([
    [undefined, 'name', '-name'],
    ['name', 'name', '-name'],
    ['-name', 'name', 'name'],
    ['-name', 'supplier', 'supplier'],
  ] as const)('sort %s, clicking %s gives %s', (current, field, expected) => {
    expect(productOrder.next(current, field)).toBe(expected);
  });

  it('sorts by name ascending when the address has no valid sort', () => {
    expect(productOrder.parse('bogus')).toEqual({ field: 'name', direction: 'asc' });
    expect(productOrder.parse('-updatedAt')).toEqual({ field: 'updatedAt', direction: 'desc' });
  });
});

describe('regulated component filters in the address', () => {
  it.each([
    ['all filters', 'country=SK&commodity=gas&territoryCode=SPPD&year=2026', { country: 'SK', commodity: 'gas', territoryCode: 'SPPD', year: '2026' }],
    ['invalid values are left out', 'country=sk&commodity=oil&year=1999', {}],
    ['a year that is not four digits is left out', 'year=26', {}],
  ])('%s', (_, query, expected) => {
    expect(readRegulatedFilter(new URLSearchParams(query))).toEqual(expected);
  });
});
