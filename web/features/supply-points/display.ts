import type { Formatters } from '../../i18n/format.js';
import type { ConsumptionUnit } from './api.js';

/** Units as printed: the API's `m3` is m³. */
export const unitLabel = (unit: ConsumptionUnit | string | null | undefined): string =>
  unit === 'm3' ? 'm³' : (unit ?? '');

/** "12 500,5 kWh" in the UI language; empty when there is no value. */
export const formatQuantity = (
  format: Formatters,
  value: string | null | undefined,
  unit: ConsumptionUnit | string | null | undefined,
): string => {
  if (value === null || value === undefined || value === '') return '';
  const number = format.number(value, { maximumFractionDigits: 3 });
  return unit ? `${number} ${unitLabel(unit)}` : number;
};

type AddressLike = { street: string | null; city: string | null; postalCode: string | null };

/** "Hlavná 68, 040 01 Košice": one line for tables, search and headers. */
export const addressLine = (address: AddressLike): string =>
  [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
