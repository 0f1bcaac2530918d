import { useAddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { commodities, productSortFields, type ProductListParams, type ProductSortField } from './api.js';

export const filterKeys = ['supplier', 'commodity', 'country', 'active'] as const;
export type ParamKey = (typeof filterKeys)[number] | 'q' | 'sort';
export type ParamChanges = Partial<Record<ParamKey, string | null>>;

const allKeys = ['q', 'sort', ...filterKeys] as const;
const sortValues = new Set<string>(productSortFields.flatMap((f) => [f, `-${f}`]));

/** Only values the API accepts: a hand-edited or outdated address must not turn the list into an error. */
const accepted: Record<ParamKey, (value: string) => boolean> = {
  q: (value) => value.length <= 200,
  sort: (value) => sortValues.has(value),
  supplier: (value) => value.length <= 200,
  commodity: (value) => (commodities as readonly string[]).includes(value),
  country: (value) => /^[A-Z]{2}$/.test(value),
  active: (value) => value === 'true' || value === 'false',
};

/** The list parameters in an address's query string; unknown keys and invalid values are left out. */
export const readProductListParams = (search: URLSearchParams): ProductListParams => {
  const result: Record<string, string> = {};
  for (const key of allKeys) {
    const value = search.get(key)?.trim();
    if (value && accepted[key](value)) result[key] = value;
  }
  return result as ProductListParams;
};

/** The search box and every filter count; the sort order does not. */
export const activeFilters = (params: ProductListParams): number =>
  filterKeys.filter((key) => params[key]).length + (params.q ? 1 : 0);

export const clearedFilters: ParamChanges = Object.fromEntries([...filterKeys, 'q'].map((key) => [key, null]));

export type SortState = { field: ProductSortField; direction: 'asc' | 'desc' };

export const parseSort = (sort: string | undefined): SortState =>
  sort && sortValues.has(sort)
    ? { field: sort.replace(/^-/, '') as ProductSortField, direction: sort.startsWith('-') ? 'desc' : 'asc' }
    : { field: 'name', direction: 'asc' };

/** Clicking the sorted column flips its direction; another column starts ascending. */
export const nextSort = (current: string | undefined, field: ProductSortField): string => {
  const state = parseSort(current);
  return state.field === field && state.direction === 'asc' ? `-${field}` : field;
};

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useProductListParams = () => {
  const [search] = useSearchParams();
  const params = useMemo(() => readProductListParams(search), [search]);
  const update = useAddressChanges<ParamKey>();
  const clearFilters = useCallback(() => update(clearedFilters), [update]);
  return { params, update, clearFilters, activeFilterCount: activeFilters(params) };
};
