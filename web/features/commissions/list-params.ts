import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { CommissionListParams } from './api.js';

export const commissionFilterKeys = ['userId', 'kind', 'entry', 'createdFrom', 'createdTo'] as const;
export type CommissionFilterKey = (typeof commissionFilterKeys)[number];
const addressKeys = [...commissionFilterKeys, 'sort'] as const;
export type CommissionAddressKey = (typeof addressKeys)[number];

export const commissionSortFields = ['createdAt', 'amount'] as const;
export type CommissionSortField = (typeof commissionSortFields)[number];

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const accepted: Partial<Record<CommissionAddressKey, (value: string) => boolean>> = {
  kind: (value) => /^(sales|company)$/.test(value),
  entry: (value) => /^(commission|clawback)$/.test(value),
  createdFrom: isDay,
  createdTo: isDay,
  sort: (value) => /^-?(createdAt|amount)$/.test(value),
};

/** The list's parameters from an address query; unknown keys and malformed values are ignored. */
export const readCommissionParams = (search: URLSearchParams): CommissionListParams =>
  readListAddress(search, addressKeys, accepted) as CommissionListParams;

/** Newest first, as the server sorts without `sort`; another column starts descending too (largest first). */
export const commissionOrder = listOrder<CommissionSortField>(
  { field: 'createdAt', direction: 'desc' },
  { startsDescending: () => true },
);

/** A month as YYYY-MM, as the user's calendar shows it. */
export const currentPeriod = (now = new Date()): string => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

export const isPeriod = (value: string | null | undefined): value is string => Boolean(value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value));

/** The list's filters and sort live in the address, so a filtered list can be shared and restored. */
export const useCommissionParams = () => {
  const { address: params, ...list } = useListAddress(readCommissionParams, commissionFilterKeys);
  return { params, ...list };
};
