import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import {
  commodities,
  supplyPointSortFields,
  supplyPointStatuses,
  type SupplyPointListParams,
  type SupplyPointSortField,
} from './api.js';

export const filterKeys = [
  'commodity',
  'territoryCode',
  'status',
  'supplier',
  'minConsumptionKWh',
  'maxConsumptionKWh',
  'archived',
  'importId',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type ParamKey = FilterKey | 'q' | 'sort';
export type ParamChanges = Partial<Record<ParamKey, string | null>>;

const allKeys = ['q', 'sort', ...filterKeys] as const;

/** The API's decimal text: a non-negative number with at most 3 decimals. */
export const decimalPattern = /^\d{1,15}(\.\d{1,3})?$/;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sortValues = new Set<string>(supplyPointSortFields.flatMap((f) => [f, `-${f}`]));

/** Only values the API accepts: a hand-edited or outdated address must not turn the list into an error. */
const accepted: Record<(typeof allKeys)[number], (value: string) => boolean> = {
  q: () => true,
  sort: (value) => sortValues.has(value),
  commodity: (value) => (commodities as readonly string[]).includes(value),
  territoryCode: () => true,
  status: (value) => (supplyPointStatuses as readonly string[]).includes(value),
  supplier: () => true,
  minConsumptionKWh: (value) => decimalPattern.test(value),
  maxConsumptionKWh: (value) => decimalPattern.test(value),
  archived: (value) => value === 'true' || value === 'all',
  importId: (value) => uuidPattern.test(value),
};

/** The list parameters in an address's query string; unknown keys and invalid values are left out. */
export const readListParams = (search: URLSearchParams): SupplyPointListParams =>
  readListAddress(search, allKeys, accepted) as SupplyPointListParams;

/** By identifier unless the address says otherwise. */
export const supplyPointOrder = listOrder<SupplyPointSortField>(
  { field: 'identifier', direction: 'asc' },
  { fields: supplyPointSortFields },
);

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useSupplyPointListParams = () => {
  const { address: params, ...list } = useListAddress(readListParams, filterKeys);
  return { params, ...list };
};
