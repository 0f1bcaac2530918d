import { z } from 'zod';
import { Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';
import { caseCommodities, securityKinds } from './cases.schema.js';

const Code = z.string().trim().min(1).max(40);
const IsoDate = z.iso.date();
/** Decimals travel as strings (DESIGN.md): a non-negative quantity with at most 3 decimals. */
const Quantity = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'A non-negative decimal number as text, e.g. "12500.5"');
const Money = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'An amount as text with at most two decimals, e.g. "1500.50"');
const QuantityUnit = z.enum(['kWh', 'MWh', 'm3']);

export const ParticipantBody = z.strictObject({
  userId: Id,
  share: z.string().trim().max(10).describe('Per cent as a decimal string, e.g. "33.33"; all shares add up to exactly 100'),
});

export const PotentialBody = z.strictObject({
  commodity: z.enum(['electricity', 'gas', 'service']),
  territoryCode: Code.nullish().describe('Code list distributionTerritory (delivery location / balancing area)'),
  periodFrom: IsoDate.nullish(),
  periodTo: IsoDate.nullish(),
  priceModel: z.enum(['fixed', 'spot', 'indexed', 'other']).nullish(),
  quantity: Quantity.nullish(),
  quantityUnit: QuantityUnit.nullish(),
});
export type PotentialBody = z.infer<typeof PotentialBody>;

const caseFields = {
  name: z.string().trim().min(1).max(200),
  type: Code.describe('Code list caseType: acquisition, retention, extension, serviceSupport …'),
  commodity: z.enum(caseCommodities),
  supplyPointIds: z.array(Id).max(500).describe("Supply points of the case's client that the case is about"),
  participants: z.array(ParticipantBody).max(20).describe('Commission split; default: the responsible user with 100 %'),
  potentials: z.array(PotentialBody).max(100),
  totalDemand: Quantity.nullish().describe('The most business possible with the client for this sale'),
  totalDemandUnit: QuantityUnit.nullish(),
  responsibleUserId: Id.describe('Default: the caller'),
  priority: z.number().int().min(1).max(5).describe('1 (highest) … 5'),
  territoryCode: Code.nullish().describe('Code list distributionTerritory'),
  expectedCloseDate: IsoDate.nullish(),
  securityKind: z.enum(securityKinds).nullish().describe('Security the client must provide before supply starts'),
  securityAmount: Money.nullish(),
  note: OptionalText(4000),
};

export const CaseCreateBody = z.strictObject({
  ...caseFields,
  clientId: Id,
  supplyPointIds: caseFields.supplyPointIds.optional(),
  participants: caseFields.participants.optional(),
  potentials: caseFields.potentials.optional(),
  responsibleUserId: caseFields.responsibleUserId.optional(),
  priority: caseFields.priority.optional(),
  leadId: Id.nullish().describe('The lead this case was converted from'),
  processTemplateId: Id.nullish().describe('The case enters the first stage of this process'),
});
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;
/** What `createCase` takes (the leads service passes it on conversion). */
export type CaseInput = CaseCreateBody;

export const CaseUpdateBody = z.strictObject(caseFields).partial().extend({ version: Version });
export type CaseUpdateBody = z.infer<typeof CaseUpdateBody>;

export const VersionBody = z.strictObject({ version: Version });

export const CaseCloseBody = z.strictObject({
  outcome: z.enum(['won', 'lost']),
  closingNote: z.string().trim().min(1).max(4000),
  continueAsServiceSupport: z.boolean().default(false).describe('Won cases only: open a service-support case for the client'),
  version: Version,
});
export type CaseCloseBody = z.infer<typeof CaseCloseBody>;

export const CaseStageBody = z.strictObject({
  stageId: Id,
  version: Version,
  closingNote: z.string().trim().min(1).max(4000).optional().describe('Required when the stage closes the case'),
});
export type CaseStageBody = z.infer<typeof CaseStageBody>;

export const CaseActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('task'),
    subject: z.string().trim().min(1).max(200).optional().describe('Default: "Task — <case name>" in your language'),
    dueAt: z.coerce.date().optional().describe('Default: in three days'),
    description: OptionalText(4000),
    responsibleUserId: Id.optional(),
  }),
  z.strictObject({
    action: z.literal('call'),
    outcome: z.string().trim().min(1).max(40).optional().describe('What came of the call, e.g. reached, noAnswer, callBack'),
    note: OptionalText(4000),
    at: z.coerce.date().optional().describe('When the call took place; default now'),
  }),
  z.strictObject({
    action: z.literal('meeting'),
    startAt: z.coerce.date(),
    endAt: z.coerce.date(),
    location: OptionalText(200),
    subject: z.string().trim().min(1).max(200).optional(),
    description: OptionalText(4000),
  }),
  z.strictObject({
    action: z.literal('close'),
    outcome: z.enum(['won', 'lost']),
    closingNote: z.string().trim().min(1).max(4000),
    continueAsServiceSupport: z.boolean().default(false),
    version: Version,
  }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBody>;

export const caseSortFields = ['name', 'createdAt', 'expectedCloseDate', 'lastActivityAt', 'nextActivityAt'] as const;

export const CaseListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Matches the case name, client name and note'),
  state: z.enum(['new', 'closed']).optional(),
  outcome: z.enum(['won', 'lost']).optional(),
  stageId: Id.optional(),
  processTemplateId: Id.optional(),
  commodity: z.enum(caseCommodities).optional(),
  clientId: Id.optional(),
  responsibleUserId: Id.optional(),
  territoryCode: Code.optional(),
  type: Code.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: sortParam(caseSortFields, 'name'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseExportQuery = CaseListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});

const Named = z.object({ id: Id, name: z.string() });
const PotentialTotal = z.object({ commodity: z.string(), mwh: z.string(), m3: z.string() });

export const CaseListItem = z.object({
  id: Id,
  ownerId: Id,
  name: z.string(),
  clientId: Id,
  clientName: z.string().nullable().describe('Null when the client is outside your rights'),
  type: z.string(),
  commodity: z.enum(caseCommodities),
  state: z.enum(['new', 'closed']),
  outcome: z.enum(['won', 'lost']).nullable(),
  processTemplateId: Id.nullable(),
  stage: z.object({ id: Id, name: z.string(), position: z.number().int() }).nullable(),
  responsibleUser: Named.nullable(),
  priority: z.number().int(),
  territoryCode: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  lastActivityAt: z.date().nullable().describe('Kept by the database from the activities'),
  nextActivityAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseDetail = CaseListItem.extend({
  teamId: Id.nullable(),
  leadId: Id.nullable(),
  processTemplateName: z.string().nullable(),
  stageEnteredAt: z.date().nullable(),
  closingNote: z.string().nullable(),
  continuationCaseId: Id.nullable(),
  totalDemand: z.string().nullable(),
  totalDemandUnit: QuantityUnit.nullable(),
  securityKind: z.enum(securityKinds).nullable(),
  securityAmount: z.string().nullable(),
  note: z.string().nullable(),
  supplyPointIds: z.array(Id),
  supplyPoints: z.array(z.object({ id: Id, identifier: z.string(), commodity: z.string(), name: z.string().nullable() })),
  participants: z.array(z.object({ userId: Id, name: z.string(), share: z.string() })),
  potentials: z.array(
    PotentialBody.extend({
      id: Id,
      territoryCode: z.string().nullable(),
      periodFrom: z.string().nullable(),
      periodTo: z.string().nullable(),
      priceModel: z.enum(['fixed', 'spot', 'indexed', 'other']).nullable(),
      quantity: z.string().nullable(),
      quantityUnit: QuantityUnit.nullable(),
    }),
  ),
  potentialTotals: z.array(PotentialTotal).describe('Per commodity: energy in MWh, gas volume in m³ beside it'),
  /** Gate fields that are filled, so the stage bar can show which next stage is open. */
  filledGateFields: z.array(z.string()),
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CasePage = Page(CaseListItem);

export const StageChangeList = z.object({
  items: z.array(
    z.object({
      id: Id,
      at: z.date(),
      by: Named.nullable(),
      fromStage: Named.nullable(),
      toStage: Named.nullable(),
    }),
  ),
});

export const BoardQuery = z.object({
  processTemplateId: Id,
  perStage: z.coerce.number().int().min(1).max(200).default(100).describe('Cards per column; the rest is counted'),
  responsibleUserId: Id.optional(),
});

export const BoardCard = z.object({
  id: Id,
  name: z.string(),
  clientId: Id,
  clientName: z.string().nullable(),
  responsibleUser: Named.nullable(),
  nextActivityAt: z.date().nullable(),
  potentialMWh: z.string().describe('Energy potential over every commodity, MWh'),
  state: z.enum(['new', 'closed']),
  outcome: z.enum(['won', 'lost']).nullable(),
  version: z.number().int(),
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardResponse = z.object({
  processTemplate: Named,
  stages: z.array(
    z.object({
      id: Id,
      name: z.string(),
      position: z.number().int(),
      requiredFields: z.array(z.string()),
      closesAs: z.enum(['won', 'lost']).nullable(),
      total: z.number().int().describe('All cases in the column, including those beyond the cards shown'),
      cards: z.array(BoardCard),
    }),
  ),
});
export type BoardResponse = z.infer<typeof BoardResponse>;

export const CasesSummary = z.object({
  clientId: Id,
  cases: z.array(CaseListItem.extend({ potentialTotals: z.array(PotentialTotal) })),
  potentials: z.array(
    z.object({
      commodity: z.string(),
      totalDemandMWh: z.string(),
      wonMWh: z.string(),
      remainingMWh: z.string(),
      totalDemandM3: z.string().describe('Gas given as volume, not converted (no calorific value at hand)'),
      wonM3: z.string(),
      remainingM3: z.string(),
    }),
  ),
  counts: z.object({ open: z.number().int(), won: z.number().int(), lost: z.number().int() }),
});
export type CasesSummary = z.infer<typeof CasesSummary>;

export const CaseActionResponse = z.object({
  case: CaseDetail,
  activityId: Id.nullable(),
  eventId: Id.nullable(),
  continuationCaseId: Id.nullable(),
});
export type CaseActionResponse = z.infer<typeof CaseActionResponse>;
