import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useAddressChanges, type AddressChanges } from '../address.js';

/**
 * A list's parameters in the page address's query: the keys the list knows, trimmed, empty ones left out. `accepted`
 * leaves out values the API would refuse, so a hand-edited or outdated address does not turn the list into an error.
 */
export const readListAddress = <K extends string>(
  search: URLSearchParams,
  keys: readonly K[],
  accepted: Partial<Record<K, (value: string) => boolean>> = {},
): Partial<Record<K, string>> => {
  const result: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = search.get(key)?.trim();
    if (value && (accepted[key]?.(value) ?? true)) result[key] = value;
  }
  return result;
};

/** The changes that clear every filter and the search text; the order stays. */
export const clearedFilters = <K extends string>(filterKeys: readonly K[]): AddressChanges<K | 'q'> =>
  Object.fromEntries([...filterKeys, 'q'].map((key) => [key, null])) as AddressChanges<K | 'q'>;

/** How many filters are set, the search text counting as one; the order does not count. */
export const countActiveFilters = (address: object, filterKeys: readonly string[]): number => {
  const values = address as Partial<Record<string, string>>;
  return filterKeys.filter((key) => values[key]).length + (values.q ? 1 : 0);
};

/**
 * A list's search, filters and sort live in the address, so a filtered list can be shared and restored. `read` turns
 * the query into the list's parameters and `rule` adjusts a change (both module constants, as the hooks keep them).
 */
export const useListAddress = <A extends object, K extends string>(
  read: (search: URLSearchParams) => A,
  filterKeys: readonly K[],
  rule?: (next: URLSearchParams, changes: AddressChanges<K | 'q' | 'sort'>) => URLSearchParams,
) => {
  const [search] = useSearchParams();
  const address = useMemo(() => read(search), [read, search]);
  const update = useAddressChanges<K | 'q' | 'sort'>(rule);
  const clearFilters = useCallback(
    () => update(clearedFilters(filterKeys) as AddressChanges<K | 'q' | 'sort'>),
    [update, filterKeys],
  );
  return { address, update, clearFilters, activeFilterCount: countActiveFilters(address, filterKeys) };
};
