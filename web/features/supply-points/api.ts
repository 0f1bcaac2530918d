import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Page, type QueryParams } from '../../api/client.js';
import { useRefreshingMutation } from '../../api/mutations.js';
import { archiveRequest, useHistoryQuery } from '../../components/detail/api.js';
import { currentLanguage } from '../../i18n/index.js';
import {
  clientKeys,
  type Address,
  type Client,
  type ClientKind,
  type FieldWarning,
} from '../clients/api.js';

export type Commodity = 'electricity' | 'gas';
export type SupplyPointStatus = 'active' | 'inactive';
export type ConsumptionUnit = 'kWh' | 'MWh' | 'm3';

export const commodities = ['electricity', 'gas'] as const satisfies readonly Commodity[];
export const supplyPointStatuses = ['active', 'inactive'] as const satisfies readonly SupplyPointStatus[];

/** The holder is the client: its own fields, read through the supply point (ENERGY-4). */
export type Holder = {
  clientId: string;
  kind: ClientKind;
  name: string;
  email: string | null;
  phone: string | null;
  address: Address;
  /** The client's version: the holder edit sends it back. */
  version: number;
};

export type SupplyPoint = {
  id: string;
  ownerId: string;
  clientId: string;
  commodity: Commodity;
  /** The client's country: its identifier and tariff rules apply. */
  country: string;
  identifier: string;
  identifierScheme: string;
  territoryCode: string | null;
  /** `identifier` when derived from the identifier's prefix, `manual` when chosen by a user. */
  territorySource: 'identifier' | 'manual' | null;
  status: SupplyPointStatus;
  name: string | null;
  address: Address & { latitude: number | null; longitude: number | null };
  addressStatus: 'verified' | 'unverified';
  /** Decimals travel as strings ("12500.5"). */
  annualConsumption: string | null;
  consumptionUnit: ConsumptionUnit | null;
  annualConsumptionKWh: string | null;
  gasVolumeCoefficient: string | null;
  gasCalorificValue: string | null;
  currentSupplier: string | null;
  currentProduct: string | null;
  distributionRate: string | null;
  breakerRating: string | null;
  iban: string | null;
  paymentMethod: string | null;
  note: string | null;
  holder: Holder;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Rules that did not block saving (unusual prefix, kWh not derivable …); only on save answers. */
  warnings: FieldWarning[];
};

/** Editable fields as the API takes them (`null` clears a field). */
export type SupplyPointInput = {
  commodity: Commodity;
  identifier: string;
  territoryCode: string | null;
  status: SupplyPointStatus;
  name: string | null;
  address: { street: string | null; city: string | null; postalCode: string | null; country: string | null };
  annualConsumption: string | null;
  consumptionUnit: ConsumptionUnit | null;
  gasVolumeCoefficient: string | null;
  gasCalorificValue: string | null;
  currentSupplier: string | null;
  currentProduct: string | null;
  distributionRate: string | null;
  breakerRating: string | null;
  iban: string | null;
  paymentMethod: string | null;
  note: string | null;
};

export type HolderInput = {
  name: string;
  email: string | null;
  phone: string | null;
  address: { street: string | null; city: string | null; postalCode: string | null; country: string | null };
};

export type DerivedParameters = {
  on: string;
  suggestedTerritoryCode: string | null;
  consumption: { kWh: string | null; MWh: string | null; m3: string | null };
  consumptionBand: {
    code: string;
    customerCategory: 'household' | 'business' | string;
    lowerKWh: string;
    upperKWh: string | null;
    validFrom: string;
    source: string;
  } | null;
  gasConversion: {
    k: string;
    kSource: 'supply_point' | 'municipality';
    hs: string;
    hsSource: 'supply_point' | 'reference';
  } | null;
};

export const supplyPointSortFields = [
  'identifier',
  'clientName',
  'city',
  'annualConsumptionKWh',
  'currentSupplier',
  'updatedAt',
] as const;
export type SupplyPointSortField = (typeof supplyPointSortFields)[number];

/** The list's query parameters, exactly as the API (and the export) take them. */
export type SupplyPointListParams = {
  q?: string;
  clientId?: string;
  commodity?: Commodity;
  territoryCode?: string;
  status?: SupplyPointStatus;
  supplier?: string;
  minConsumptionKWh?: string;
  maxConsumptionKWh?: string;
  archived?: 'false' | 'true' | 'all';
  /** Only the supply points this import created (among those the user may see). */
  importId?: string;
  sort?: string;
};

export const supplyPointKeys = {
  all: ['supplyPoints'] as const,
  lists: () => [...supplyPointKeys.all, 'list'] as const,
  list: (params: SupplyPointListParams) => [...supplyPointKeys.lists(), params] as const,
  details: () => [...supplyPointKeys.all, 'detail'] as const,
  detail: (id: string) => [...supplyPointKeys.details(), id] as const,
  derived: (id: string) => [...supplyPointKeys.all, 'derived', id] as const,
  history: (id: string) => [...supplyPointKeys.all, 'history', id] as const,
};

const pageSize = 50;

export const useSupplyPointList = (params: SupplyPointListParams, enabled = true) =>
  useInfiniteQuery({
    queryKey: supplyPointKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SupplyPoint>>(
        '/supply-points',
        { ...params, limit: pageSize, cursor: pageParam } as QueryParams,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new filter loads, the previous rows stay instead of a blank loader.
    placeholderData: keepPreviousData,
    enabled,
  });

/** The export of exactly what the list shows, with the labels of the UI's current language. */
export const supplyPointExportUrl = (params: SupplyPointListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/supply-points/export', { ...params, format, language: currentLanguage() } as QueryParams);

export const fetchSupplyPoint = (id: string, signal?: AbortSignal) =>
  api.get<SupplyPoint>(`/supply-points/${id}`, undefined, signal);

export const useSupplyPoint = (id: string) =>
  useQuery({
    queryKey: supplyPointKeys.detail(id),
    queryFn: ({ signal }) => fetchSupplyPoint(id, signal),
  });

export const useDerivedParameters = (id: string) =>
  useQuery({
    queryKey: supplyPointKeys.derived(id),
    queryFn: ({ signal }) => api.get<DerivedParameters>(`/supply-points/${id}/derived`, undefined, signal),
  });

export const useSupplyPointHistory = (id: string) =>
  useHistoryQuery(supplyPointKeys.history(id), `/supply-points/${id}`);

/**
 * After any change: the answer is the fresh record (with the save's warnings, which a later read no longer
 * carries), so it replaces the card as is; lists, derived values and history reload.
 */
export const afterSupplyPointChange = async (queryClient: QueryClient, point: SupplyPoint) => {
  queryClient.setQueryData(supplyPointKeys.detail(point.id), point);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: supplyPointKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: supplyPointKeys.derived(point.id) }),
    queryClient.invalidateQueries({ queryKey: supplyPointKeys.history(point.id) }),
  ]);
};

type MutationOptions = { onSuccess?: (point: SupplyPoint) => void };

export const useCreateSupplyPoint = (options: MutationOptions = {}) =>
  useRefreshingMutation(
    (body: SupplyPointInput & { clientId: string }) => api.post<SupplyPoint>('/supply-points', body),
    afterSupplyPointChange,
    options,
  );

export const useUpdateSupplyPoint = (id: string, options: MutationOptions = {}) =>
  useRefreshingMutation(
    (body: Partial<SupplyPointInput> & { version: number }) =>
      api.patch<SupplyPoint>(`/supply-points/${id}`, body),
    afterSupplyPointChange,
    options,
  );

/** The holder's fields are the client's: the client's card, lists and history are stale too. */
const afterHolderChange = async (queryClient: QueryClient, point: SupplyPoint) => {
  queryClient.setQueryData(supplyPointKeys.detail(point.id), point);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: supplyPointKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: clientKeys.detail(point.clientId) }),
    queryClient.invalidateQueries({ queryKey: clientKeys.history(point.clientId) }),
  ]);
};

export const useUpdateHolder = (id: string, options: MutationOptions = {}) =>
  useRefreshingMutation(
    (body: Partial<HolderInput> & { version: number }) =>
      api.patch<SupplyPoint>(`/supply-points/${id}/holder`, body),
    afterHolderChange,
    options,
  );

export const useArchiveSupplyPoint = (id: string, options: MutationOptions = {}) =>
  useRefreshingMutation(archiveRequest<SupplyPoint>(`/supply-points/${id}`), afterSupplyPointChange, options);

// ------------------------------------------------------------------------------------ form helpers

export type AddressSuggestion = {
  label: string;
  street: string | null;
  houseNumber: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  lat: number;
  lon: number;
  type: string;
};

export type AddressSuggestAnswer = { items: AddressSuggestion[]; available: boolean };

/** Languages the geocoder names places in; others get its default. */
const geocoderLanguages = new Set(['cs', 'de', 'en', 'pl', 'ru', 'sk']);

/** Address suggestions for what was typed (already debounced by the caller). */
export const useAddressSuggestions = (q: string, language: string) =>
  useQuery({
    queryKey: ['addresses', 'suggest', q, language],
    queryFn: ({ signal }) =>
      api.get<AddressSuggestAnswer>(
        '/addresses/suggest',
        { q, limit: 6, lang: geocoderLanguages.has(language) ? language : undefined },
        signal,
      ),
    enabled: q.length >= 3,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** Clients matching a search, for the client picker of a new supply point. */
export const useClientSearch = (q: string) =>
  useQuery({
    queryKey: [...clientKeys.lists(), 'picker', q],
    queryFn: ({ signal }) =>
      api.get<Page<Client>>('/clients', { q: q || undefined, limit: 20, sort: 'name' }, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
