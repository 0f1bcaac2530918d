import { z } from 'zod';
import { CountryCode, Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';

/** Decimals travel as strings (DESIGN.md): a plain non-negative number with at most 3 decimals. */
export const DecimalString = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'A non-negative decimal number as text, e.g. "12500.5"');

const Code = z.string().trim().min(1).max(40);
const IsoDate = z.iso.date();

const supplyPointFields = {
  commodity: z.enum(['electricity', 'gas']),
  identifier: z.string().trim().min(1).max(60).describe('EIC, EAN, POD or MaLo-ID; checked by country and commodity'),
  territoryCode: Code.nullish().describe('Code list distributionTerritory; derived from the identifier when left out'),
  status: z.enum(['active', 'inactive']),
  name: OptionalText(200).describe('A label for the site, e.g. "Warehouse Senec"'),
  address: z
    .strictObject({
      street: OptionalText(200),
      city: OptionalText(100),
      postalCode: OptionalText(12),
      country: CountryCode.nullish(),
    })
    .nullish()
    .describe('Where energy is delivered; verified and located by the geocoder when it is available'),
  annualConsumption: DecimalString.nullish(),
  consumptionUnit: z.enum(['kWh', 'MWh', 'm3']).nullish(),
  gasVolumeCoefficient: z.string().trim().regex(/^\d\.\d{1,4}$/).nullish().describe('Gas: k stated by the distributor for this site'),
  gasCalorificValue: z.string().trim().regex(/^\d{1,2}(\.\d{1,4})?$/).nullish().describe('Gas: Hs in kWh/m³ stated by the distributor'),
  currentSupplier: OptionalText(200),
  currentProduct: OptionalText(200),
  distributionRate: Code.nullish().describe('Code list distributionRate'),
  breakerRating: OptionalText(20),
  iban: OptionalText(42),
  paymentMethod: Code.nullish().describe('Code list paymentMethod'),
  note: OptionalText(4000),
};

export const SupplyPointCreateBody = z.strictObject({
  ...supplyPointFields,
  clientId: Id,
  status: supplyPointFields.status.default('active'),
});
export type SupplyPointCreateBody = z.infer<typeof SupplyPointCreateBody>;

export const SupplyPointUpdateBody = z.strictObject(supplyPointFields).partial().extend({ version: Version });
export type SupplyPointUpdateBody = z.infer<typeof SupplyPointUpdateBody>;

/** The holder's data edited from the supply point: the client's own fields, changed on the client (ENERGY-4). */
export const HolderUpdateBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullish(),
  phone: z.string().trim().max(30).nullish(),
  address: z
    .strictObject({ street: OptionalText(200), city: OptionalText(100), postalCode: OptionalText(12), country: CountryCode.nullish() })
    .nullish(),
  version: Version.describe("The client's version as read on the supply point (holder.version)"),
});
export type HolderUpdateBody = z.infer<typeof HolderUpdateBody>;

export const supplyPointSortFields = ['identifier', 'clientName', 'city', 'annualConsumptionKWh', 'currentSupplier', 'updatedAt'] as const;

export const SupplyPointListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Identifier, name, address, supplier or client name'),
  clientId: Id.optional(),
  commodity: z.enum(['electricity', 'gas']).optional(),
  territoryCode: Code.optional(),
  status: z.enum(['active', 'inactive']).optional(),
  supplier: z.string().trim().max(200).optional().describe('Current supplier contains this text'),
  minConsumptionKWh: DecimalString.optional(),
  maxConsumptionKWh: DecimalString.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  importId: Id.optional().describe('Only the supply points this import created (among those you may see)'),
  sort: sortParam(supplyPointSortFields, 'identifier'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type SupplyPointListQuery = z.infer<typeof SupplyPointListQuery>;

export const SupplyPointExportQuery = SupplyPointListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});

const Address = z.object({
  street: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

const FieldWarning = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const SupplyPointResponse = z.object({
  id: Id,
  ownerId: Id,
  clientId: Id,
  commodity: z.enum(['electricity', 'gas']),
  country: z.string(),
  identifier: z.string(),
  identifierScheme: z.string(),
  territoryCode: z.string().nullable(),
  territorySource: z.enum(['identifier', 'manual']).nullable(),
  status: z.enum(['active', 'inactive']),
  name: z.string().nullable(),
  address: Address.extend({ latitude: z.number().nullable(), longitude: z.number().nullable() }),
  addressStatus: z.enum(['verified', 'unverified']),
  annualConsumption: z.string().nullable(),
  consumptionUnit: z.enum(['kWh', 'MWh', 'm3']).nullable(),
  annualConsumptionKWh: z.string().nullable(),
  gasVolumeCoefficient: z.string().nullable(),
  gasCalorificValue: z.string().nullable(),
  currentSupplier: z.string().nullable(),
  currentProduct: z.string().nullable(),
  distributionRate: z.string().nullable(),
  breakerRating: z.string().nullable(),
  iban: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  note: z.string().nullable(),
  holder: z
    .object({ clientId: Id, kind: z.enum(['company', 'person']), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), address: Address, version: z.number().int() })
    .describe("The client's own fields (one source of truth)"),
  archivedAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  warnings: z.array(FieldWarning),
});
export type SupplyPointResponse = z.infer<typeof SupplyPointResponse>;

export const SupplyPointPage = Page(SupplyPointResponse);

export const DerivedParameters = z.object({
  on: IsoDate.describe('The date the reference data was chosen for'),
  suggestedTerritoryCode: z.string().nullable(),
  consumption: z.object({ kWh: z.string().nullable(), MWh: z.string().nullable(), m3: z.string().nullable() }),
  consumptionBand: z
    .object({ code: z.string(), customerCategory: z.string(), lowerKWh: z.string(), upperKWh: z.string().nullable(), validFrom: z.string(), source: z.string() })
    .nullable(),
  gasConversion: z
    .object({ k: z.string(), kSource: z.enum(['supply_point', 'municipality']), hs: z.string(), hsSource: z.enum(['supply_point', 'reference']) })
    .nullable(),
});
export type DerivedParameters = z.infer<typeof DerivedParameters>;
export { IsoDate };
