import { z } from 'zod';
import { Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';
import { contractCommodities, contractStates, contractTypes } from './contracts.schema.js';

const Day = z.iso.date().describe('A calendar day, YYYY-MM-DD');

const contractFields = {
  type: z.enum(contractTypes),
  commodity: z.enum(contractCommodities),
  supplier: OptionalText(200),
  productName: OptionalText(200),
  startDate: Day,
  endDate: Day.nullish().describe('Empty for a contract for an indefinite period'),
  noticePeriodMonths: z.number().int().min(0).max(60).nullish(),
  supplyPointIds: z.array(Id).max(5000).describe("The client's supply points the contract supplies"),
  signatoryContactIds: z.array(Id).max(20).describe("The client's signing persons, in signing order"),
  note: OptionalText(5000),
};

export const ContractCreateBody = z.object({
  clientId: Id,
  caseId: Id.nullish().describe('The business case the contract closes; it must be of the same client'),
  number: z.string().trim().min(1).max(40).optional().describe('Generated as KW-<year>-<sequence> when left out'),
  responsibleUserId: Id.optional().describe("Defaults to the case's responsible user, else to you"),
  ...contractFields,
});
export type ContractCreateBody = z.infer<typeof ContractCreateBody>;

/** What other modules (offers) give to make a contract; the offer's id is recorded, never sent by a client. */
export type ContractInput = ContractCreateBody & { offerId?: string | null; productId?: string | null };

export const ContractUpdateBody = z
  .object({
    ...contractFields,
    number: z.string().trim().min(1).max(40),
    version: Version,
  })
  .partial()
  .required({ version: true });
export type ContractUpdateBody = z.infer<typeof ContractUpdateBody>;

export const ContractEndBody = z.object({
  kind: z.enum(['cancel', 'terminate']).describe('cancel: before delivery starts; terminate: during delivery'),
  endedOn: Day,
  reason: z.string().trim().min(1).max(2000),
  version: Version,
});
export type ContractEndBody = z.infer<typeof ContractEndBody>;

export const VersionBody = z.object({ version: Version });

export const Signatory = z.object({ contactId: Id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), position: z.number().int() });

export const ContractDetail = z.object({
  id: Id,
  ownerId: Id,
  number: z.string(),
  clientId: Id,
  clientName: z.string().nullable().describe('Null when the client is outside your rights'),
  caseId: Id.nullable(),
  offerId: Id.nullable(),
  type: z.enum(contractTypes),
  commodity: z.enum(contractCommodities),
  supplier: z.string().nullable(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  state: z.enum(contractStates),
  startDate: z.string(),
  endDate: z.string().nullable(),
  noticePeriodMonths: z.number().int().nullable(),
  noticeDeadline: z.string().nullable().describe('The last day notice can be given: the notice period before the end'),
  signedAt: z.date().nullable(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  responsibleUserId: Id.nullable(),
  supplyPointIds: z.array(Id),
  signatories: z.array(Signatory),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type ContractDetail = z.infer<typeof ContractDetail>;

export const ContractListItem = ContractDetail.omit({ signatories: true, supplyPointIds: true }).extend({
  supplyPointCount: z.number().int(),
});
export type ContractListItem = z.infer<typeof ContractListItem>;

export const contractSortFields = ['number', 'endDate', 'noticeDeadline', 'startDate', 'createdAt'] as const;

export const ContractListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Matches the number, client, supplier, product and note'),
  type: z.enum(contractTypes).optional(),
  state: z.enum(contractStates).optional(),
  commodity: z.enum(contractCommodities).optional(),
  supplier: z.string().trim().max(200).optional().describe('Exact supplier name'),
  clientId: Id.optional(),
  caseId: Id.optional(),
  endFrom: Day.optional().describe('Ending on or after this day'),
  endTo: Day.optional().describe('Ending on or before this day'),
  noticeBy: Day.optional().describe('Notice deadline on or before this day (and not passed before today)'),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: sortParam(contractSortFields, 'endDate'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ContractExportQuery = ContractListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});

export const ContractPage = Page(ContractListItem);
