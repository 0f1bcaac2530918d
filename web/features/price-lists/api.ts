import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page, type QueryParams } from '../../api/client.js';
import { chargeBases, componentKinds, type ChargeBasis, type ComponentKind, type PriceRow } from '../../../domain/pricing/pricing.js';

// The price lists' vocabulary is the pricing domain's (decimals travel as strings, "129.9").
export { chargeBases, componentKinds, type ChargeBasis, type ComponentKind, type PriceRow };

export { currencies } from '../../../domain/money.js';

export type Commodity = 'electricity' | 'gas';
export type PriceModel = 'fixed' | 'spot_indexed' | 'floating';
export const commodities = ['electricity', 'gas'] as const satisfies readonly Commodity[];
export const priceModels = ['fixed', 'spot_indexed', 'floating'] as const satisfies readonly PriceModel[];

/** A supplier's energy product (OFFER-1); its prices live in versioned price lists. */
export type Product = {
  id: string;
  ownerId: string;
  supplier: string;
  name: string;
  code: string;
  commodity: Commodity;
  country: string;
  currency: string;
  priceModel: PriceModel;
  active: boolean;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ProductBody = Omit<Product, 'id' | 'ownerId' | 'version' | 'createdAt' | 'updatedAt'>;


export type PriceList = {
  id: string;
  productId: string;
  seriesId: string;
  revision: number;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  usedAt: string | null;
  /** It may no longer change in place: a change makes a new version. */
  inUse: boolean;
  /** `current` prices offers; `replaced` and `archived` are read-only. */
  status: 'current' | 'replaced' | 'archived';
  replacedById: string | null;
  rows: PriceRow[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PriceListBody = { validFrom: string; validTo: string | null; note: string | null; rows: PriceRow[] };

export type ImportProblem = { row: number; column: string; code: string; message: string };
export type ImportAnswer = { rows: PriceRow[]; errors: ImportProblem[]; priceList: PriceList | null };
export type ImportBody = { file: string; commit: boolean; validFrom: string; validTo: string | null; note: string | null };

export type RegulatedComponent = {
  id: string;
  country: string;
  commodity: Commodity;
  territoryCode: string | null;
  tariffCode: string | null;
  component: ComponentKind;
  basis: ChargeBasis;
  amount: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  version: number;
};
export type RegulatedComponentBody = Omit<RegulatedComponent, 'id' | 'version'>;
export type RegulatedFilter = {
  country?: string | undefined;
  commodity?: Commodity | undefined;
  territoryCode?: string | undefined;
  year?: string | undefined;
};

export type VatRate = {
  id: string;
  country: string;
  ratePercent: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  version: number;
};
export type VatRateBody = Omit<VatRate, 'id' | 'version'>;

export type QuoteLine = {
  kind: string;
  basis: ChargeBasis;
  tariffCode: string | null;
  quantity: string;
  unit: 'MWh' | 'month';
  unitPrice: string;
  amount: string;
  validFrom: string | null;
};
export type Quote = {
  supplyPointId: string;
  productId: string | null;
  priceListId: string | null;
  territoryCode: string | null;
  consumptionBand: string | null;
  currency: string;
  deliveryFrom: string;
  deliveryTo: string;
  months: number;
  annualMWh: string;
  quantityMWh: string;
  priceTariffCode: string | null;
  lines: QuoteLine[];
  net: string;
  vatPercent: string;
  vat: string;
  gross: string;
  supplierRevenue: string;
  purchaseCost: string | null;
  margin: string | null;
  marginPercent: string | null;
};
export type QuoteBody = { productId: string; deliveryFrom: string; deliveryTo: string };

export const productSortFields = ['name', 'supplier', 'code', 'commodity', 'country', 'updatedAt'] as const;
export type ProductSortField = (typeof productSortFields)[number];

/** The product list's query parameters, exactly as the API (and its export) take them. */
export type ProductListParams = {
  q?: string;
  supplier?: string;
  commodity?: Commodity;
  country?: string;
  active?: 'true' | 'false' | 'all';
  sort?: string;
};

export const priceListKeys = {
  all: ['priceLists'] as const,
  products: () => [...priceListKeys.all, 'products'] as const,
  productList: (params: ProductListParams) => [...priceListKeys.products(), 'list', params] as const,
  product: (id: string) => [...priceListKeys.products(), 'detail', id] as const,
  productOptions: (filter: ProductOptionsFilter) => [...priceListKeys.products(), 'options', filter] as const,
  versions: (productId: string) => [...priceListKeys.all, 'versions', productId] as const,
  regulated: (filter: RegulatedFilter) => [...priceListKeys.all, 'regulated', filter] as const,
  vat: () => [...priceListKeys.all, 'vat'] as const,
};

const pageSize = 50;

export const useProductList = (params: ProductListParams) =>
  useInfiniteQuery({
    queryKey: priceListKeys.productList(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Product>>('/products', { ...params, limit: pageSize, cursor: pageParam } as QueryParams, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** The export of exactly what the list shows: the same filters and sort, every page. */
export const productExportUrl = (params: ProductListParams, format: 'xlsx' | 'csv'): string =>
  apiUrl('/products/export', { ...params, format } as QueryParams);

export const priceListTemplateUrl = (): string => apiUrl('/price-lists/template');
export const priceListExportUrl = (id: string): string => apiUrl(`/price-lists/${id}/export`);

export const useProduct = (id: string) =>
  useQuery({
    queryKey: priceListKeys.product(id),
    queryFn: ({ signal }) => api.get<Product>(`/products/${id}`, undefined, signal),
  });

/**
 * Products to choose by name (a company rarely has more than 500): an offer's are the active ones of its commodity;
 * a commission rule's scope may name any product, also one no longer sold.
 */
export type ProductOption = Pick<Product, 'id' | 'name' | 'code' | 'supplier' | 'currency'>;
export type ProductOptionsFilter = { commodity?: Commodity; withInactive?: boolean };
export const useProductOptions = (filter: ProductOptionsFilter) =>
  useQuery({
    queryKey: priceListKeys.productOptions(filter),
    queryFn: ({ signal }) =>
      api.get<{ items: ProductOption[] }>(
        '/products',
        { ...(filter.commodity ? { commodity: filter.commodity } : {}), active: filter.withInactive ? 'all' : true, limit: 500, sort: 'name' },
        signal,
      ),
    select: (answer) => answer.items,
  });

export const usePriceLists = (productId: string) =>
  useQuery({
    queryKey: priceListKeys.versions(productId),
    queryFn: ({ signal }) => api.get<ItemList<PriceList>>(`/products/${productId}/price-lists`, undefined, signal),
    select: (answer) => answer.items,
  });

type Options<T> = { onSuccess?: (saved: T) => void };

// Each mutation invalidates first and calls the caller's onSuccess after, so a caller cannot drop the invalidation.
const useSave = <Body, T>(save: (body: Body) => Promise<T>, keys: (saved: T) => readonly (readonly unknown[])[], options: Options<T>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      await Promise.all(keys(saved).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSuccess?.(saved);
    },
  });
};

export const useCreateProduct = (options: Options<Product> = {}) =>
  useSave((body: ProductBody) => api.post<Product>('/products', body), () => [priceListKeys.products()], options);

export const useUpdateProduct = (id: string, options: Options<Product> = {}) =>
  useSave(
    (body: Partial<ProductBody> & { version: number }) => api.patch<Product>(`/products/${id}`, body),
    () => [priceListKeys.products()],
    options,
  );

export const useCreatePriceList = (productId: string, options: Options<PriceList> = {}) =>
  useSave(
    (body: PriceListBody) => api.post<PriceList>(`/products/${productId}/price-lists`, body),
    () => [priceListKeys.versions(productId)],
    options,
  );

/** In place while not in use; otherwise the answer is the new version that replaced it. */
export const useChangePriceList = (productId: string, options: Options<PriceList> = {}) =>
  useSave(
    ({ id, ...body }: Partial<PriceListBody> & { id: string; version: number }) =>
      api.patch<PriceList>(`/price-lists/${id}`, body),
    () => [priceListKeys.versions(productId)],
    options,
  );

/** A preview (commit false) only reads the file; a commit creates the price list. */
export const useImportPriceList = (productId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportBody) => api.post<ImportAnswer>(`/products/${productId}/price-lists/import`, body),
    onSuccess: async (answer) => {
      if (answer.priceList) await queryClient.invalidateQueries({ queryKey: priceListKeys.versions(productId) });
    },
  });
};

export const useRegulatedComponents = (filter: RegulatedFilter) =>
  useQuery({
    queryKey: priceListKeys.regulated(filter),
    queryFn: ({ signal }) =>
      api.get<ItemList<RegulatedComponent>>('/regulated-components', { ...filter }, signal),
    select: (answer) => answer.items,
    placeholderData: keepPreviousData,
  });

const regulatedAll = [...priceListKeys.all, 'regulated'] as const;

export const useCreateRegulatedComponent = (options: Options<RegulatedComponent> = {}) =>
  useSave(
    (body: RegulatedComponentBody) => api.post<RegulatedComponent>('/regulated-components', body),
    () => [regulatedAll],
    options,
  );

export const useUpdateRegulatedComponent = (options: Options<RegulatedComponent> = {}) =>
  useSave(
    ({ id, ...body }: Partial<RegulatedComponentBody> & { id: string; version: number }) =>
      api.patch<RegulatedComponent>(`/regulated-components/${id}`, body),
    () => [regulatedAll],
    options,
  );

export const useVatRates = () =>
  useQuery({
    queryKey: priceListKeys.vat(),
    queryFn: ({ signal }) => api.get<ItemList<VatRate>>('/vat-rates', undefined, signal),
    select: (answer) => answer.items,
  });

export const useCreateVatRate = (options: Options<VatRate> = {}) =>
  useSave((body: VatRateBody) => api.post<VatRate>('/vat-rates', body), () => [priceListKeys.vat()], options);

export const useUpdateVatRate = (options: Options<VatRate> = {}) =>
  useSave(
    ({ id, ...body }: Partial<VatRateBody> & { id: string; version: number }) =>
      api.patch<VatRate>(`/vat-rates/${id}`, body),
    () => [priceListKeys.vat()],
    options,
  );

export const useQuote = () =>
  useMutation({
    mutationFn: ({ supplyPointId, ...body }: QuoteBody & { supplyPointId: string }) =>
      api.post<Quote>(`/supply-points/${supplyPointId}/quote`, body),
  });
