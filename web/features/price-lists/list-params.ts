import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import { commodities, productSortFields, type ProductListParams, type ProductSortField } from './api.js';

export const filterKeys = ['supplier', 'commodity', 'country', 'active'] as const;
export type ParamKey = (typeof filterKeys)[number] | 'q' | 'sort';
export type ParamChanges = Partial<Record<ParamKey, string | null>>;

const allKeys = ['q', 'sort', ...filterKeys] as const;
const sortValues = new Set<string>(productSortFields.flatMap((f) => [f, `-${f}`]));

/** Only values the API accepts: a hand-edited or outdated address must not turn the list into an error. */
const accepted: Record<ParamKey, (value: string) => boolean> = {
  q: (value) => value.length <= 200,
  sort: (value) => sortValues.has(value),
  supplier: (value) => value.length <= 200,
  commodity: (value) => (commodities as readonly string[]).includes(value),
  country: (value) => /^[A-Z]{2}$/.test(value),
  active: (value) => value === 'true' || value === 'false',
};

/** The list parameters in an address's query string; unknown keys and invalid values are left out. */
export const readProductListParams = (search: URLSearchParams): ProductListParams =>
  readListAddress(search, allKeys, accepted) as ProductListParams;

/** By name unless the address says otherwise. */
export const productOrder = listOrder<ProductSortField>({ field: 'name', direction: 'asc' }, { fields: productSortFields });

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useProductListParams = () => {
  const { address: params, ...list } = useListAddress(readProductListParams, filterKeys);
  return { params, ...list };
};
