import { z } from 'zod';
import { CountryCode, Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { chargeBases, componentKinds } from '../../../domain/pricing/pricing.js';
import { currencies } from '../../../domain/money.js';

const IsoDate = z.iso.date();
const Commodity = z.enum(['electricity', 'gas']);
const Currency = z.enum(currencies);
/** A non-negative price with up to 4 decimals, as text. */
export const Price = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'A non-negative price as text with at most 4 decimals, e.g. "129.9"');
const TariffCode = z.string().trim().min(1).max(40).nullish().describe('Consumption band (D2, M3 …) or distribution rate (DD2, C02d …); empty for every tariff');

// ——— products ———

const productFields = {
  supplier: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(40).describe('Short code, unique in the owner company'),
  commodity: Commodity,
  country: CountryCode,
  currency: Currency,
  priceModel: z.enum(['fixed', 'spot_indexed', 'floating']),
  active: z.boolean(),
  description: OptionalText(4000),
};

export const ProductCreateBody = z.strictObject({ ...productFields, active: productFields.active.default(true) });
export type ProductCreateBody = z.infer<typeof ProductCreateBody>;
export const ProductUpdateBody = z.strictObject(productFields).partial().extend({ version: Version });
export type ProductUpdateBody = z.infer<typeof ProductUpdateBody>;

export const productSortFields = ['name', 'supplier', 'code', 'commodity', 'country', 'updatedAt'] as const;
export const ProductListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Name, code or supplier contains this text'),
  supplier: z.string().trim().max(200).optional(),
  commodity: Commodity.optional(),
  country: CountryCode.optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  sort: sortParam(productSortFields, 'name'),
  limit: Limit,
  cursor: z.string().max(100).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;
export const ProductExportQuery = ProductListQuery.omit({ limit: true, cursor: true }).extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const ProductResponse = z.object({
  id: Id,
  ownerId: Id,
  supplier: z.string(),
  name: z.string(),
  code: z.string(),
  commodity: Commodity,
  country: z.string(),
  currency: Currency,
  priceModel: z.enum(['fixed', 'spot_indexed', 'floating']),
  active: z.boolean(),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProductResponse = z.infer<typeof ProductResponse>;
export const ProductPage = Page(ProductResponse);

// ——— price lists ———

export const PriceRowInput = z.strictObject({
  tariffCode: TariffCode,
  pricePerMWh: Price,
  monthlyFee: Price,
  purchasePerMWh: Price.nullish().describe('Purchase cost per MWh, for the margin'),
});

const priceListFields = {
  validFrom: IsoDate,
  validTo: IsoDate.nullish().describe('Last day of validity; empty for open-ended'),
  note: OptionalText(2000),
  rows: z.array(PriceRowInput).min(1).max(500),
};
export const PriceListCreateBody = z.strictObject(priceListFields);
export type PriceListCreateBody = z.infer<typeof PriceListCreateBody>;
export const PriceListUpdateBody = z.strictObject(priceListFields).partial().extend({ version: Version });
export type PriceListUpdateBody = z.infer<typeof PriceListUpdateBody>;

export const PriceRowResponse = z.object({
  tariffCode: z.string().nullable(),
  pricePerMWh: z.string(),
  monthlyFee: z.string(),
  purchasePerMWh: z.string().nullable(),
});
export const PriceListResponse = z.object({
  id: Id,
  productId: Id,
  seriesId: Id,
  revision: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  usedAt: z.date().nullable(),
  /** True when it may no longer change in place: a change makes a new version. */
  inUse: z.boolean(),
  /** Current: it prices offers; otherwise replaced by a newer version (read-only). */
  status: z.enum(['current', 'replaced', 'archived']),
  replacedById: Id.nullable(),
  rows: z.array(PriceRowResponse),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PriceListResponse = z.infer<typeof PriceListResponse>;

export const PriceListImportBody = z.strictObject({
  file: z.string().min(1).max(14_000_000).describe('The XLSX file, base64-encoded (at most 10 MB)'),
  commit: z.boolean().default(false).describe('false: check and preview only; true: create the price list when the file has no errors'),
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  note: OptionalText(2000),
});
export type PriceListImportBody = z.infer<typeof PriceListImportBody>;

export const ImportProblem = z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.string() });
export const PriceListImportResponse = z.object({
  rows: z.array(PriceRowResponse),
  errors: z.array(ImportProblem),
  priceList: PriceListResponse.nullable(),
});

// ——— regulated components and VAT ———

export const RegulatedComponentInput = z.strictObject({
  country: CountryCode,
  commodity: Commodity,
  territoryCode: z.string().trim().min(1).max(40).nullish().describe('Code list distributionTerritory; empty for country-wide'),
  tariffCode: TariffCode,
  component: z.enum(componentKinds),
  basis: z.enum(chargeBases),
  amount: Price,
  currency: Currency,
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  source: z.string().trim().min(1).max(300),
});
export type RegulatedComponentInput = z.infer<typeof RegulatedComponentInput>;
export const RegulatedComponentUpdate = RegulatedComponentInput.partial().extend({ version: Version });
export const RegulatedComponentQuery = z.object({
  country: CountryCode.optional(),
  commodity: Commodity.optional(),
  territoryCode: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Only rows valid on some day of this year'),
});
export const RegulatedComponentResponse = RegulatedComponentInput.extend({
  id: Id,
  territoryCode: z.string().nullable(),
  tariffCode: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number().int(),
});
export type RegulatedComponentResponse = z.infer<typeof RegulatedComponentResponse>;

export const VatRateInput = z.strictObject({
  country: CountryCode,
  ratePercent: z.string().trim().regex(/^\d{1,2}(\.\d{1,2})?$/, 'A per cent rate as text, e.g. "23"'),
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  source: z.string().trim().min(1).max(300),
});
export type VatRateInput = z.infer<typeof VatRateInput>;
export const VatRateUpdate = VatRateInput.partial().extend({ version: Version });
export const VatRateResponse = VatRateInput.extend({ id: Id, validTo: z.string().nullable(), version: z.number().int() });
export type VatRateResponse = z.infer<typeof VatRateResponse>;

// ——— quote ———

export const QuoteBody = z.strictObject({
  productId: Id,
  deliveryFrom: IsoDate.describe('First day of the first delivery month'),
  deliveryTo: IsoDate.describe('Last day of the last delivery month'),
});
export type QuoteBody = z.infer<typeof QuoteBody>;

const Line = z.object({
  kind: z.string(),
  basis: z.enum(chargeBases),
  tariffCode: z.string().nullable(),
  quantity: z.string(),
  unit: z.enum(['MWh', 'month']),
  unitPrice: z.string(),
  amount: z.string(),
  validFrom: z.string().nullable(),
});
export const QuoteResponse = z.object({
  supplyPointId: Id,
  productId: Id.nullable(),
  priceListId: Id.nullable(),
  territoryCode: z.string().nullable(),
  consumptionBand: z.string().nullable(),
  currency: Currency,
  deliveryFrom: z.string(),
  deliveryTo: z.string(),
  months: z.number().int(),
  annualMWh: z.string(),
  quantityMWh: z.string(),
  priceTariffCode: z.string().nullable(),
  lines: z.array(Line),
  net: z.string(),
  vatPercent: z.string(),
  vat: z.string(),
  gross: z.string(),
  supplierRevenue: z.string(),
  purchaseCost: z.string().nullable(),
  margin: z.string().nullable(),
  marginPercent: z.string().nullable(),
});
export type QuoteResponse = z.infer<typeof QuoteResponse>;
