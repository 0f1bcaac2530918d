import { useAddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ActivityListParams } from './api.js';

export const filterKeys = ['kind', 'status', 'responsibleUserId', 'overdue', 'dueFrom', 'dueTo', 'archived'] as const;
export type FilterKey = (typeof filterKeys)[number];

const allKeys = ['q', 'sort', ...filterKeys] as const;
export type AddressKey = (typeof allKeys)[number];

/** The list as the address keeps it: due dates as calendar days (YYYY-MM-DD) the user picked. */
export type AddressParams = Partial<Record<AddressKey, string>>;

const isDay = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** Start of a local calendar day as an instant; `after` gives the start of the following day (an inclusive end). */
export const dayStart = (day: string, after = false): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (after ? 1 : 0)).toISOString();
};

/** The API's parameters: days become instants in the browser's zone, "due until" includes the whole day. */
export const toApiParams = (address: AddressParams): ActivityListParams => {
  const { dueFrom, dueTo, ...rest } = address;
  return {
    sort: 'dueAt',
    ...(rest as ActivityListParams),
    ...(isDay(dueFrom) ? { dueFrom: dayStart(dueFrom) } : {}),
    ...(isDay(dueTo) ? { dueTo: dayStart(dueTo, true) } : {}),
  };
};

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useActivityListParams = () => {
  const [search] = useSearchParams();

  const address = useMemo<AddressParams>(() => {
    const result: AddressParams = {};
    for (const key of allKeys) {
      const value = search.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [search]);

  const params = useMemo(() => toApiParams(address), [address]);

  const update = useAddressChanges<AddressKey>();

  const clearFilters = useCallback(() => {
    update(Object.fromEntries([...filterKeys, 'q'].map((key) => [key, null])));
  }, [update]);

  const activeFilterCount = filterKeys.filter((key) => address[key]).length + (address.q ? 1 : 0);

  return { address, params, update, clearFilters, activeFilterCount };
};
