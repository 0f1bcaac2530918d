import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { LeadListParams, LeadSortField } from './api.js';

export const filterKeys = [
  'status',
  'source',
  'industry',
  'responsibleUserId',
  'priority',
  'territoryCode',
  'commodity',
  'importId',
  'archived',
] as const;
export type FilterKey = (typeof filterKeys)[number];

const allKeys = ['q', 'sort', ...filterKeys] as const;
export type ParamKey = (typeof allKeys)[number];

const readLeadListParams = (search: URLSearchParams) => readListAddress(search, allKeys) as LeadListParams;

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useLeadListParams = () => {
  const { address: params, ...list } = useListAddress(readLeadListParams, filterKeys);
  return { params, ...list };
};

/** By name unless the address says otherwise; the last activity and the creation date start newest first. */
export const leadOrder = listOrder<LeadSortField>(
  { field: 'name', direction: 'asc' },
  { startsDescending: (field) => field === 'createdAt' || field === 'lastActivityAt' },
);
