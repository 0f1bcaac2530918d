import { useAddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CommissionListParams } from './api.js';

export const commissionFilterKeys = ['userId', 'kind', 'entry', 'createdFrom', 'createdTo'] as const;
export type CommissionFilterKey = (typeof commissionFilterKeys)[number];
const addressKeys = [...commissionFilterKeys, 'sort'] as const;
export type CommissionAddressKey = (typeof addressKeys)[number];

export const commissionSortFields = ['createdAt', 'amount'] as const;
export type CommissionSortField = (typeof commissionSortFields)[number];
export type SortState = { field: string; direction: 'asc' | 'desc' };

const allowed: Partial<Record<CommissionAddressKey, RegExp>> = {
  kind: /^(sales|company)$/,
  entry: /^(commission|clawback)$/,
  createdFrom: /^\d{4}-\d{2}-\d{2}$/,
  createdTo: /^\d{4}-\d{2}-\d{2}$/,
  sort: /^-?(createdAt|amount)$/,
};

/** The list's parameters from an address query; unknown keys and malformed values are ignored. */
export const readCommissionParams = (search: URLSearchParams): CommissionListParams => {
  const result: Record<string, string> = {};
  for (const key of addressKeys) {
    const value = search.get(key);
    if (value && (allowed[key]?.test(value) ?? true)) result[key] = value;
  }
  return result as CommissionListParams;
};

/** The server's default order is newest first. */
export const parseSort = (sort: string | undefined): SortState =>
  sort ? { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' } : { field: 'createdAt', direction: 'desc' };

/** Clicking the sorted column flips its direction; another column starts descending (newest, largest first). */
export const nextSort = (current: string | undefined, field: CommissionSortField): string => {
  const state = parseSort(current);
  return state.field === field && state.direction === 'desc' ? field : `-${field}`;
};

/** A month as YYYY-MM, as the user's calendar shows it. */
export const currentPeriod = (now = new Date()): string => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

export const isPeriod = (value: string | null | undefined): value is string => Boolean(value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value));

/** The list's filters and sort live in the address, so a filtered list can be shared and restored. */
export const useCommissionParams = () => {
  const [search] = useSearchParams();
  const params = useMemo(() => readCommissionParams(search), [search]);
  const update = useAddressChanges<CommissionAddressKey>();
  const clearFilters = useCallback(() => update(Object.fromEntries(commissionFilterKeys.map((key) => [key, null]))), [update]);
  const activeFilterCount = commissionFilterKeys.filter((key) => params[key]).length;
  return { params, update, clearFilters, activeFilterCount };
};
