import { z } from 'zod';
import { CountryCode, Email, Id, Limit, OptionalText, Page, Phone, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';

const Code = z.string().trim().min(1).max(40);

export const Address = z
  .strictObject({
    street: OptionalText(200),
    city: OptionalText(100),
    postalCode: OptionalText(12),
    country: CountryCode.nullish(),
  })
  .describe('Registered address');

const clientFields = {
  kind: z.enum(['company', 'person']).describe('Legal entity or individual'),
  name: z.string().trim().min(1).max(200),
  country: CountryCode.describe('Country whose identifier rules apply (ISO 3166-1 alpha-2)'),
  companyId: OptionalText(30).describe('IČO / REGON / HRB, validated by country'),
  taxId: OptionalText(30).describe('DIČ / NIP / Steuernummer'),
  vatId: OptionalText(30).describe('IČ DPH / DIČ / USt-IdNr'),
  status: z.enum(['active', 'passive']),
  relationshipType: Code.describe('Code list relationshipType'),
  businessArea: Code.nullish().describe('Code list businessArea'),
  industry: Code.nullish().describe('Code list industry'),
  email: Email.nullish(),
  phone: Phone.nullish(),
  website: z.url().max(200).nullish(),
  address: Address.nullish(),
  creditRating: OptionalText(10),
  debtorNumber: OptionalText(30),
  creditorNumber: OptionalText(30),
  note: OptionalText(4000),
  teamId: Id.nullish(),
  responsibleUserId: Id.nullish(),
};

export const ClientCreateBody = z.strictObject({
  ...clientFields,
  status: clientFields.status.default('active'),
  relationshipType: clientFields.relationshipType.default('customer'),
  ownerId: Id.optional().describe('Owner company; only users who see all owners may choose it'),
});
export type ClientCreateBody = z.infer<typeof ClientCreateBody>;

export const ClientUpdateBody = z.strictObject(clientFields).partial().extend({ version: Version });
export type ClientUpdateBody = z.infer<typeof ClientUpdateBody>;

export const VersionBody = z.strictObject({ version: Version });

export const clientSortFields = ['name', 'companyId', 'city', 'status', 'createdAt', 'updatedAt'] as const;

export const ClientListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Matches name, identifiers, e-mail, phone and city'),
  status: z.enum(['active', 'passive']).optional(),
  kind: z.enum(['company', 'person']).optional(),
  country: CountryCode.optional(),
  relationshipType: Code.optional(),
  businessArea: Code.optional(),
  industry: Code.optional(),
  teamId: Id.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: sortParam(clientSortFields, 'name'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type ClientListQuery = z.infer<typeof ClientListQuery>;

export const ClientExportQuery = ClientListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});
export type ClientExportQuery = z.infer<typeof ClientExportQuery>;

const FieldWarning = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const ClientResponse = z.object({
  id: Id,
  ownerId: Id,
  kind: z.enum(['company', 'person']),
  name: z.string(),
  country: z.string(),
  companyId: z.string().nullable(),
  taxId: z.string().nullable(),
  vatId: z.string().nullable(),
  status: z.enum(['active', 'passive']),
  relationshipType: z.string(),
  businessArea: z.string().nullable(),
  industry: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
  }),
  creditRating: z.string().nullable(),
  debtorNumber: z.string().nullable(),
  creditorNumber: z.string().nullable(),
  note: z.string().nullable(),
  teamId: Id.nullable(),
  responsibleUserId: Id.nullable(),
  archivedAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
  warnings: z.array(FieldWarning).describe('Rules that do not block saving, e.g. an unusual Slovak IČO'),
});
export type ClientResponse = z.infer<typeof ClientResponse>;

export const ClientPage = Page(ClientResponse);
