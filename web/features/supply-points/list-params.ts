import { useAddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  commodities,
  supplyPointSortFields,
  supplyPointStatuses,
  type SupplyPointListParams,
  type SupplyPointSortField,
} from './api.js';

export const filterKeys = [
  'commodity',
  'territoryCode',
  'status',
  'supplier',
  'minConsumptionKWh',
  'maxConsumptionKWh',
  'archived',
  'importId',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type ParamKey = FilterKey | 'q' | 'sort';
export type ParamChanges = Partial<Record<ParamKey, string | null>>;

const allKeys = ['q', 'sort', ...filterKeys] as const;

/** The API's decimal text: a non-negative number with at most 3 decimals. */
export const decimalPattern = /^\d{1,15}(\.\d{1,3})?$/;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sortValues = new Set<string>(supplyPointSortFields.flatMap((f) => [f, `-${f}`]));

/** Only values the API accepts: a hand-edited or outdated address must not turn the list into an error. */
const accepted: Record<(typeof allKeys)[number], (value: string) => boolean> = {
  q: () => true,
  sort: (value) => sortValues.has(value),
  commodity: (value) => (commodities as readonly string[]).includes(value),
  territoryCode: () => true,
  status: (value) => (supplyPointStatuses as readonly string[]).includes(value),
  supplier: () => true,
  minConsumptionKWh: (value) => decimalPattern.test(value),
  maxConsumptionKWh: (value) => decimalPattern.test(value),
  archived: (value) => value === 'true' || value === 'all',
  importId: (value) => uuidPattern.test(value),
};

/** The list parameters in an address's query string; unknown keys and invalid values are left out. */
export const readListParams = (search: URLSearchParams): SupplyPointListParams => {
  const result: Record<string, string> = {};
  for (const key of allKeys) {
    const value = search.get(key)?.trim();
    if (value && accepted[key](value)) result[key] = value;
  }
  return result as SupplyPointListParams;
};

/** The search box and every filter count; the sort order does not. */
export const activeFilters = (params: SupplyPointListParams): number =>
  filterKeys.filter((key) => params[key]).length + (params.q ? 1 : 0);

export const clearedFilters: ParamChanges = Object.fromEntries(
  [...filterKeys, 'q'].map((key) => [key, null]),
);

export type SortState = { field: SupplyPointSortField; direction: 'asc' | 'desc' };

export const parseSort = (sort: string | undefined): SortState =>
  sort && sortValues.has(sort)
    ? {
        field: sort.replace(/^-/, '') as SupplyPointSortField,
        direction: sort.startsWith('-') ? 'desc' : 'asc',
      }
    : { field: 'identifier', direction: 'asc' };

/** Clicking the sorted column flips its direction; another column starts ascending. */
export const nextSort = (current: string | undefined, field: SupplyPointSortField): string => {
  const state = parseSort(current);
  return state.field === field && state.direction === 'asc' ? `-${field}` : field;
};

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useSupplyPointListParams = () => {
  const [search] = useSearchParams();
  const params = useMemo(() => readListParams(search), [search]);
  const update = useAddressChanges<ParamKey>();
  const clearFilters = useCallback(() => update(clearedFilters), [update]);

  return { params, update, clearFilters, activeFilterCount: activeFilters(params) };
};
