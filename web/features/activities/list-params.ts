import { useMemo } from 'react';
import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { ActivityListParams, ActivitySortField } from './api.js';

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

const readAddress = (search: URLSearchParams): AddressParams => readListAddress(search, allKeys);

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useActivityListParams = () => {
  const { address, ...list } = useListAddress(readAddress, filterKeys);
  const params = useMemo(() => toApiParams(address), [address]);
  return { address, params, ...list };
};

/** By due date unless the address says otherwise. */
export const activityOrder = listOrder<ActivitySortField>({ field: 'dueAt', direction: 'asc' });
