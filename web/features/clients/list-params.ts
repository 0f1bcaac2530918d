import { useAddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ClientListParams } from './api.js';

export const filterKeys = [
  'status',
  'kind',
  'country',
  'relationshipType',
  'businessArea',
  'industry',
  'archived',
] as const;
export type FilterKey = (typeof filterKeys)[number];

const allKeys = ['q', 'sort', ...filterKeys] as const;

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useClientListParams = () => {
  const [search] = useSearchParams();

  const params = useMemo<ClientListParams>(() => {
    const result: Record<string, string> = {};
    for (const key of allKeys) {
      const value = search.get(key);
      if (value) result[key] = value;
    }
    return result as ClientListParams;
  }, [search]);

  const update = useAddressChanges<(typeof allKeys)[number]>();

  const clearFilters = useCallback(() => {
    update(Object.fromEntries([...filterKeys, 'q'].map((key) => [key, null])));
  }, [update]);

  const activeFilterCount = filterKeys.filter((key) => params[key]).length + (params.q ? 1 : 0);

  return { params, update, clearFilters, activeFilterCount };
};
