import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { ClientListParams, ClientSortField } from './api.js';

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

const readClientListParams = (search: URLSearchParams) => readListAddress(search, allKeys) as ClientListParams;

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useClientListParams = () => {
  const { address: params, ...list } = useListAddress(readClientListParams, filterKeys);
  return { params, ...list };
};

/** By name unless the address says otherwise. */
export const clientOrder = listOrder<ClientSortField>({ field: 'name', direction: 'asc' });
