import { z } from 'zod';
import { DataSentenceLayout } from '../../../domain/data-sentences/layout.js';
import { Id, Limit, Page, Version } from '../../../domain/schemas/common.js';
import { partnerKinds } from './data-sentences.schema.js';

const Day = z.iso.date().describe('A calendar day, YYYY-MM-DD');

const layoutFields = {
  partnerName: z.string().trim().min(1).max(200).describe("The supplier as contracts name it in `supplier`, or the distributor's name"),
  partnerKind: z.enum(partnerKinds),
  commodity: z.enum(['electricity', 'gas']).nullish().describe('Empty: the layout serves both commodities'),
  name: z.string().trim().min(1).max(200),
  layout: DataSentenceLayout,
  active: z.boolean().default(true),
};

export const LayoutCreateBody = z.object(layoutFields);
export type LayoutCreateBody = z.infer<typeof LayoutCreateBody>;

export const LayoutUpdateBody = z.object(layoutFields).partial().extend({ version: Version });
export type LayoutUpdateBody = z.infer<typeof LayoutUpdateBody>;

export const LayoutListQuery = z.object({
  active: z.enum(['true', 'false', 'all']).default('all'),
});
export type LayoutListQuery = z.infer<typeof LayoutListQuery>;

export const LayoutResponse = z.object({
  id: Id,
  ownerId: Id,
  partnerName: z.string(),
  partnerKind: z.enum(partnerKinds),
  commodity: z.enum(['electricity', 'gas']).nullable(),
  name: z.string(),
  layout: DataSentenceLayout,
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type LayoutResponse = z.infer<typeof LayoutResponse>;

export const LayoutList = z.object({ items: z.array(LayoutResponse) });

export const exportableStates = ['signed', 'terminated'] as const;

export const ExportCreateBody = z
  .object({
    layoutId: Id,
    signedFrom: Day,
    signedTo: Day,
    onlyPartnerContracts: z.boolean().default(false).describe("Only contracts whose supplier is the layout's partner name"),
    states: z.array(z.enum(exportableStates)).min(1).default(['signed']).describe('Contracts in these states (signed in the period)'),
  })
  .refine((b) => b.signedTo >= b.signedFrom, { path: ['signedTo'], message: 'The period ends before it starts', params: { rule: 'end_before_start' } });
export type ExportCreateBody = z.infer<typeof ExportCreateBody>;

export const ExportListQuery = z.object({
  layoutId: Id.optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type ExportListQuery = z.infer<typeof ExportListQuery>;

export const ExportResponse = z.object({
  id: Id,
  layoutId: Id,
  layoutName: z.string().nullable(),
  layoutVersion: z.number().int(),
  partnerName: z.string(),
  supplier: z.string().nullable(),
  signedFrom: z.string(),
  signedTo: z.string(),
  states: z.array(z.string()),
  rowCount: z.number().int(),
  contractCount: z.number().int(),
  fileName: z.string(),
  createdAt: z.date(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type ExportResponse = z.infer<typeof ExportResponse>;

export const ExportDetail = ExportResponse.extend({
  layout: DataSentenceLayout.describe('The layout exactly as it was exported'),
  rows: z.array(z.object({ position: z.number().int(), contractId: Id, supplyPointId: Id.nullable() })),
});
export type ExportDetail = z.infer<typeof ExportDetail>;

export const ExportPage = Page(ExportResponse);
