import { useMemo } from 'react';
import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { ContractListParams, ContractSortField } from './api.js';

export const filterKeys = ['type', 'state', 'commodity', 'supplier', 'endFrom', 'endTo', 'noticeWithin', 'archived'] as const;
export type FilterKey = (typeof filterKeys)[number];

const allKeys = ['q', 'sort', ...filterKeys] as const;
export type AddressKey = (typeof allKeys)[number];

/** What the address holds: the API's parameters, except the notice shortcut kept as days from today ("within 30 days"). */
export type ContractAddressParams = Omit<ContractListParams, 'noticeBy'> & { noticeWithin?: string };

/** The shortcut's choices, in days. */
export const noticeWithinDays = ['30', '60', '90', '180'] as const;

/** Reads the register's parameters from an address query; unknown keys and a non-numeric shortcut are ignored. */
export const readContractListParams = (search: URLSearchParams): ContractAddressParams =>
  readListAddress(search, allKeys, { noticeWithin: (value) => /^\d{1,4}$/.test(value) }) as ContractAddressParams;

/** A calendar day `days` after `today` (YYYY-MM-DD, both as local days). */
export const addDays = (today: string, days: number): string => {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.toISOString().slice(0, 10);
};

/** Today as the user's calendar shows it. */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The API's (and the export's) parameters: "notice within N days" becomes the day the deadline must fall on or before. */
export const toApiParams = (params: ContractAddressParams, today: string): ContractListParams => {
  const { noticeWithin, ...rest } = params;
  return noticeWithin ? { ...rest, noticeBy: addDays(today, Number(noticeWithin)) } : rest;
};

/** The register's search, filters and sort live in the address, so a filtered register can be shared and restored. */
export const useContractListParams = () => {
  const { address, ...list } = useListAddress(readContractListParams, filterKeys);
  const params = useMemo(() => toApiParams(address, localToday()), [address]);
  return { address, params, ...list };
};

/** By end date unless the address says otherwise, as the server sorts without `sort`. */
export const contractOrder = listOrder<ContractSortField>({ field: 'endDate', direction: 'asc' });
