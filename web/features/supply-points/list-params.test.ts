import { withChanges } from '../../components/address.js';
import { describe, expect, it } from 'vitest';
import { clearedFilters, countActiveFilters } from '../../components/list/list-address.js';
import { filterKeys, readListParams, supplyPointOrder } from './list-params.js';

const activeFilters = (params: object) => countActiveFilters(params, filterKeys);

describe('readListParams', () => {
  it('reads the search, filters and sort the API takes', () => {
    const params = readListParams(
      new URLSearchParams(
        'q=senec&commodity=gas&territoryCode=sk-sppd&status=active&supplier=ZSE&minConsumptionKWh=1000&maxConsumptionKWh=20000.5&archived=all&sort=-annualConsumptionKWh',
      ),
    );
    expect(params).toEqual({
      q: 'senec',
      commodity: 'gas',
      territoryCode: 'sk-sppd',
      status: 'active',
      supplier: 'ZSE',
      minConsumptionKWh: '1000',
      maxConsumptionKWh: '20000.5',
      archived: 'all',
      sort: '-annualConsumptionKWh',
    });
  });

  it('leaves out unknown keys and values the API would refuse', () => {
    const params = readListParams(
      new URLSearchParams(
        'commodity=water&status=dead&minConsumptionKWh=12,5&maxConsumptionKWh=-1&archived=false&sort=-name&limit=5&clientId=x',
      ),
    );
    expect(params).toEqual({});
  });

  it('reads the import a list is filtered by, when it is an id', () => {
    const importId = '0b8f3a52-6a53-4c4e-9f0e-2d6f0b3c9a11';
    expect(readListParams(new URLSearchParams(`importId=${importId}&sort=identifier`))).toEqual({
      importId,
      sort: 'identifier',
    });
    expect(readListParams(new URLSearchParams('importId=latest'))).toEqual({});
  });

  it('ignores blank values', () => {
    expect(readListParams(new URLSearchParams('q=%20%20&supplier='))).toEqual({});
  });
});

describe('withChanges', () => {
  it('sets values, removes cleared ones and keeps the rest', () => {
    const next = withChanges(new URLSearchParams('q=a&status=active&sort=city'), {
      q: 'b',
      status: null,
      commodity: 'gas',
    });
    expect(Object.fromEntries(next)).toEqual({ q: 'b', sort: 'city', commodity: 'gas' });
  });

  it('clearing the filters keeps the sort order', () => {
    const next = withChanges(
      new URLSearchParams('q=a&status=active&minConsumptionKWh=5&sort=-city'),
      clearedFilters(filterKeys),
    );
    expect(Object.fromEntries(next)).toEqual({ sort: '-city' });
  });
});

describe('activeFilters', () => {
  it('counts the search box and each filter, not the sort', () => {
    expect(activeFilters({})).toBe(0);
    expect(activeFilters({ q: 'x', commodity: 'gas', minConsumptionKWh: '1', sort: 'city' })).toBe(3);
    expect(activeFilters({ importId: '0b8f3a52-6a53-4c4e-9f0e-2d6f0b3c9a11' })).toBe(1);
  });

  it('clearing the filters also leaves the import', () => {
    const next = withChanges(new URLSearchParams('importId=0b8f3a52-6a53-4c4e-9f0e-2d6f0b3c9a11'), clearedFilters(filterKeys));
    expect(Object.fromEntries(next)).toEqual({});
  });
});

describe('sorting', () => {
  it('defaults to the identifier, ascending', () => {
    expect(supplyPointOrder.parse(undefined)).toEqual({ field: 'identifier', direction: 'asc' });
    expect(supplyPointOrder.parse('-nonsense')).toEqual({ field: 'identifier', direction: 'asc' });
    expect(supplyPointOrder.parse('-updatedAt')).toEqual({ field: 'updatedAt', direction: 'desc' });
  });

  it('flips the sorted column and starts another ascending', () => {
    expect(supplyPointOrder.next(undefined, 'identifier')).toBe('-identifier');
    expect(supplyPointOrder.next('-identifier', 'identifier')).toBe('identifier');
    expect(supplyPointOrder.next('-identifier', 'clientName')).toBe('clientName');
  });
});
