import { z } from 'zod';
import { duplicateKeyFields } from '../../../domain/leads/duplicate-keys.js';
import {
  potentialCommodities,
  priceModels,
  quantityPattern,
  quantityUnits,
} from '../../../domain/leads/lead-rules.js';
import {
  CountryCode,
  Email,
  Id,
  Limit,
  OptionalText,
  Page,
  Phone,
  sortParam,
  Version,
} from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';

const Code = z.string().trim().min(1).max(40);

/** Decimals travel as strings (DESIGN.md): non-negative, at most 3 decimals, as numeric(18, 3) stores them. */
export const QuantityString = z
  .string()
  .trim()
  .refine((value) => quantityPattern.test(value), {
    message: 'A non-negative decimal number as text, e.g. "12500.5"',
    params: { rule: 'invalid_decimal' },
  });

export const leadStatuses = ['new', 'qualified', 'disqualified', 'converted'] as const;
export const marketingConsents = ['granted', 'refused', 'unknown'] as const;

export const PotentialBody = z
  .strictObject({
    commodity: z.enum(potentialCommodities),
    territoryCode: Code.nullish().describe(
      'Code list distributionTerritory: the delivery location / balancing area',
    ),
    supplyPointIdentifier: z
      .string()
      .trim()
      .max(60)
      .nullish()
      .describe('EIC/EAN/POD of a named supply point, checked by country and commodity'),
    periodFrom: z.iso.date().nullish(),
    periodTo: z.iso.date().nullish(),
    priceModel: z.enum(priceModels).nullish(),
    quantity: QuantityString.nullish(),
    quantityUnit: z.enum(quantityUnits).nullish(),
  })
  .describe('Business that could be won now, per commodity and territory');
export type PotentialBody = z.infer<typeof PotentialBody>;

const Address = z.strictObject({
  street: OptionalText(200),
  city: OptionalText(100),
  postalCode: OptionalText(12),
});

const Attributes = z
  .record(z.string().trim().min(1).max(100), z.string().max(1000))
  .refine((value) => Object.keys(value).length <= 50, {
    message: 'At most 50 attributes',
    params: { rule: 'too_big' },
  })
  .describe("Marketing attributes a source adds (e.g. the platform's segment); name → value");

const leadFields = {
  kind: z.enum(['company', 'person']),
  name: z.string().trim().min(1).max(200),
  country: CountryCode.describe('Country whose identifier rules apply (ISO 3166-1 alpha-2)'),
  companyId: OptionalText(30).describe('IČO / REGON / HRB, validated by country'),
  email: Email.nullish(),
  phone: Phone.nullish().describe('Stored in E.164'),
  contactFirstName: OptionalText(100),
  contactLastName: OptionalText(100),
  contactFunction: OptionalText(100).describe("The contact person's function as the source names it"),
  address: Address.nullish(),
  industry: Code.nullish().describe('Code list industry'),
  priority: z.number().int().min(1).max(5).describe('1 (highest) … 5'),
  source: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .describe('Where the lead came from: "manual" or a lead platform\'s name'),
  campaign: OptionalText(100),
  channel: OptionalText(40),
  marketingConsent: z.enum(marketingConsents),
  attributes: Attributes,
  totalDemand: QuantityString.nullish().describe(
    'The most business possible with the client, in totalDemandUnit',
  ),
  totalDemandUnit: z.enum(quantityUnits).nullish(),
  clientId: Id.nullish().describe('An existing client the lead belongs to; conversion links to it'),
  note: OptionalText(4000),
  teamId: Id.nullish(),
  responsibleUserId: Id.nullish(),
  potentials: z.array(PotentialBody).max(100),
};

export const LeadCreateBody = z.strictObject({
  ...leadFields,
  kind: leadFields.kind.default('company'),
  priority: leadFields.priority.default(3),
  source: leadFields.source.default('manual'),
  marketingConsent: leadFields.marketingConsent.default('unknown'),
  attributes: leadFields.attributes.default({}),
  potentials: leadFields.potentials.default([]),
  ownerId: Id.optional().describe('Owner company; only users who see all owners may choose it'),
});
export type LeadCreateBody = z.infer<typeof LeadCreateBody>;

export const LeadUpdateBody = z
  .strictObject(leadFields)
  .partial()
  .extend({ version: Version })
  .describe('Fields left out stay as they are; `potentials`, when sent, replaces the whole set');
export type LeadUpdateBody = z.infer<typeof LeadUpdateBody>;

export const VersionBody = z.strictObject({ version: Version });

export const DisqualifyBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(2000).describe('Why the lead is not pursued'),
});

export const MergeBody = z.strictObject({
  intoLeadId: Id.describe(
    'The lead that is kept; this one fills its empty fields, gives it its potentials and is archived',
  ),
  version: Version.optional().describe("This lead's version as read (409 when stale)"),
  intoVersion: Version.optional().describe("The kept lead's version as read (409 when stale)"),
});
export type MergeBody = z.infer<typeof MergeBody>;

export const ConvertBody = z.strictObject({
  version: Version.optional(),
  clientId: Id.optional().describe('Link to this existing client instead of creating one'),
  createCase: z.boolean().default(true),
  caseName: z.string().trim().min(1).max(200).optional().describe("Default: the lead's name"),
  caseType: Code.optional().describe('Code list caseType; default acquisition'),
  commodity: z
    .enum(['electricity', 'gas', 'other'])
    .optional()
    .describe("Default: the potentials' commodity, other when mixed"),
  processTemplateId: Id.optional(),
});
export type ConvertBody = z.infer<typeof ConvertBody>;

export const leadSortFields = [
  'name',
  'createdAt',
  'updatedAt',
  'priority',
  'lastActivityAt',
  'nextActivityAt',
] as const;

export const LeadListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Matches name, company ID, e-mail, phone, contact person and city'),
  status: z.enum(leadStatuses).optional(),
  source: z.string().trim().min(1).max(60).optional(),
  industry: Code.optional(),
  responsibleUserId: Id.optional(),
  priority: z.coerce.number().int().min(1).max(5).optional(),
  territoryCode: Code.optional().describe('Leads with a potential in this distribution territory'),
  commodity: z.enum(potentialCommodities).optional().describe('Leads with a potential of this commodity'),
  importId: Id.optional().describe('Leads created by this import'),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: sortParam(leadSortFields, 'name').describe(
    'Last activity: never active counts as oldest; next activity: none planned comes last',
  ),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;
export type LeadFilter = Omit<LeadListQuery, 'limit' | 'cursor'>;

export const LeadExportQuery = LeadListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});

const FieldIssue = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const PotentialResponse = z.object({
  id: Id,
  commodity: z.enum(potentialCommodities),
  territoryCode: z.string().nullable(),
  supplyPointIdentifier: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  priceModel: z.enum(priceModels).nullable(),
  quantity: z.string().nullable(),
  quantityUnit: z.enum(quantityUnits).nullable(),
});
export type PotentialResponse = z.infer<typeof PotentialResponse>;

const Link = z
  .object({ id: Id, name: z.string().nullable().describe('Null when the record is outside your rights') })
  .nullable();

export const LeadResponse = z.object({
  id: Id,
  ownerId: Id,
  kind: z.enum(['company', 'person']),
  name: z.string(),
  country: z.string(),
  companyId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contactFirstName: z.string().nullable(),
  contactLastName: z.string().nullable(),
  contactFunction: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
  }),
  industry: z.string().nullable(),
  status: z.enum(leadStatuses),
  disqualifiedReason: z.string().nullable(),
  priority: z.number().int(),
  source: z.string(),
  importId: Id.nullable(),
  campaign: z.string().nullable(),
  channel: z.string().nullable(),
  marketingConsent: z.enum(marketingConsents),
  attributes: z.record(z.string(), z.string()),
  totalDemand: z.string().nullable(),
  totalDemandUnit: z.enum(quantityUnits).nullable(),
  clientId: Id.nullable(),
  convertedClientId: Id.nullable(),
  convertedCaseId: Id.nullable(),
  convertedAt: z.date().nullable(),
  mergedIntoLeadId: Id.nullable(),
  lastActivityAt: z.date().nullable(),
  nextActivityAt: z.date().nullable(),
  note: z.string().nullable(),
  teamId: Id.nullable(),
  responsibleUserId: Id.nullable(),
  potentials: z.array(PotentialResponse),
  archivedAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
  warnings: z.array(FieldIssue).describe('Rules that do not block saving'),
});
export type LeadResponse = z.infer<typeof LeadResponse>;

export const LeadDetailResponse = LeadResponse.extend({
  links: z
    .object({ client: Link, convertedClient: Link, convertedCase: Link, mergedInto: Link })
    .describe('What the lead belongs to or became'),
});
export type LeadDetailResponse = z.infer<typeof LeadDetailResponse>;

export const MatchedOn = z.object({
  field: z.enum(duplicateKeyFields),
  value: z.string(),
  supplyPointId: Id.optional().describe('supplyPointIdentifier: the supply point of the client that has it'),
});

/** A record that looks like the same business: shown side by side with the lead. */
export const DuplicateMatch = z.object({
  type: z.enum(['lead', 'client']),
  id: Id,
  name: z.string(),
  country: z.string(),
  companyId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  status: z.string().describe("The lead's or client's status"),
  matchedOn: z.array(MatchedOn).min(1),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const DuplicateList = z.object({ items: z.array(DuplicateMatch) });

export const LeadCreateResponse = LeadResponse.extend({
  duplicates: z
    .array(DuplicateMatch)
    .describe('Leads and clients you may see that share a key with the new lead; creating is allowed'),
});
export type LeadCreateResponse = z.infer<typeof LeadCreateResponse>;

export const LeadPage = Page(LeadResponse);

export const ConvertResponse = z.object({
  lead: LeadResponse,
  clientId: Id,
  clientCreated: z.boolean(),
  contactId: Id.nullable().describe(
    "The contact made from the lead's contact person; null without one or when the client already has it",
  ),
  caseId: Id.nullable(),
});
export type ConvertResponse = z.infer<typeof ConvertResponse>;
