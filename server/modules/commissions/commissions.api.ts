import { z } from 'zod';
import { Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';
import { clawbackPolicies, commissionEntries, commissionKinds, commissionProblemReasons } from './commissions.schema.js';

const Day = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const Amount = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,4})?$/, 'a non-negative amount as text with at most 4 decimals, e.g. "1.5"');
const Percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'a per cent as text with at most 2 decimals, e.g. "12.5"');
const Mwh = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, 'MWh as text with at most 3 decimals');
export const Period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('A month, YYYY-MM');

const Trigger = z.discriminatedUnion('event', [
  z.object({ event: z.literal('signature') }),
  z.object({ event: z.literal('supplyStart') }),
  z.object({ event: z.literal('monthsAfterSupplyStart'), months: z.number().int() }),
]);

export const PayoutModelBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('oneOff'), trigger: Trigger }),
  z.object({ kind: z.literal('instalments'), count: z.number().int(), everyMonths: z.number().int(), trigger: Trigger }),
  z.object({ kind: z.literal('multiStage'), stages: z.array(z.object({ percent: Percent, trigger: Trigger })).max(12) }),
]);

export const BasisBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perMWh'), amount: Amount }),
  z.object({ kind: z.literal('perSupplyPoint'), amount: Amount }),
  z.object({ kind: z.literal('marginPercent'), percent: Percent }),
]);

export const ConsumptionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('band'), bands: z.array(z.string().trim().min(1).max(20)).min(1).max(30) }),
  z.object({ kind: z.literal('mwh'), fromMWh: Mwh, toMWh: Mwh.nullable() }),
]);

const ruleFields = {
  kind: z.enum(commissionKinds).describe('sales: paid to the case participants; company: the company commission'),
  name: z.string().trim().min(1).max(200),
  productId: Id.nullish().describe('The product the rule is for; empty: any product (of the supplier)'),
  supplier: OptionalText(200).describe('The supplier the rule is for; empty: any supplier'),
  clientKind: z.enum(['company', 'person']).nullish(),
  consumption: ConsumptionBody.nullish().describe('A consumption band or a half-open MWh range of annual consumption'),
  validFrom: Day,
  validTo: Day.nullish().describe('Inclusive; empty: open-ended'),
  basis: BasisBody,
  payoutModel: PayoutModelBody,
  clawback: z.enum(clawbackPolicies).describe('What a cancelled or terminated contract takes back'),
};

export const RuleCreateBody = z.strictObject(ruleFields);
export type RuleCreateBody = z.infer<typeof RuleCreateBody>;

export const RuleUpdateBody = z
  .strictObject({ ...ruleFields, version: Version })
  .partial()
  .required({ version: true });
export type RuleUpdateBody = z.infer<typeof RuleUpdateBody>;

export const RuleResponse = z.object({
  id: Id,
  ownerId: Id,
  kind: z.enum(commissionKinds),
  name: z.string(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  supplier: z.string().nullable(),
  clientKind: z.enum(['company', 'person']).nullable(),
  consumption: ConsumptionBody.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  basis: BasisBody,
  payoutModel: PayoutModelBody,
  clawback: z.enum(clawbackPolicies),
  /** Commissions were computed from it: only its name and end of validity change. */
  inUse: z.boolean(),
  archivedAt: z.date().nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type RuleResponse = z.infer<typeof RuleResponse>;

export const RuleListQuery = z.object({
  kind: z.enum(commissionKinds).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export const RuleList = z.object({ items: z.array(RuleResponse) });

const PayoutItem = z.object({
  position: z.number().int(),
  amount: z.string(),
  dueOn: z.string().nullable(),
  event: z.string(),
  months: z.number().int().nullable().describe('For a stage due months after the start of supply: how many'),
  cancelsPosition: z.number().int().nullable().describe("For a clawback's payout: the commission's unpaid stage it cancels"),
  statementId: Id.nullable(),
});

export const CommissionItem = z.object({
  id: Id,
  kind: z.enum(commissionKinds),
  entry: z.enum(commissionEntries),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  contractId: Id,
  contractNumber: z.string(),
  /** The day the contract was signed (Central European), which decided the rule. */
  signedOn: z.string().nullable(),
  clientName: z.string().nullable(),
  supplyPointId: Id,
  supplyPointIdentifier: z.string(),
  ruleId: Id,
  ruleName: z.string(),
  share: z.string().nullable(),
  baseAmount: z.string(),
  amount: z.string(),
  currency: z.string(),
  annualMWh: z.string().nullable(),
  band: z.string().nullable(),
  deliveryMonths: z.number().int(),
  deliveredMonths: z.number().int().nullable(),
  margin: z.string().nullable(),
  explanation: z.string(),
  payouts: z.array(PayoutItem),
  createdAt: z.date(),
});
export type CommissionItem = z.infer<typeof CommissionItem>;

export const CommissionListQuery = z.object({
  userId: Id.optional().describe("A participant's commissions (finance); your own without commissions.readAll"),
  kind: z.enum(commissionKinds).optional(),
  entry: z.enum(commissionEntries).optional(),
  contractId: Id.optional(),
  createdFrom: Day.optional(),
  createdTo: Day.optional(),
  sort: z.preprocess((value) => value ?? '-createdAt', sortParam(['createdAt', 'amount'] as const, 'createdAt')).describe('createdAt, amount; with - descending; newest first by default'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type CommissionListQuery = z.infer<typeof CommissionListQuery>;

export const CommissionExportQuery = CommissionListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
});

export const CommissionPage = Page(CommissionItem).extend({
  total: z.string().describe('The sum of every commission the filters select, not only this page'),
});

export const ProblemItem = z.object({
  id: Id,
  contractId: Id,
  contractNumber: z.string(),
  supplyPointId: Id,
  supplyPointIdentifier: z.string(),
  kind: z.enum(commissionKinds),
  reason: z.enum(commissionProblemReasons),
  detail: z.string().nullable(),
  createdAt: z.date(),
});
export const ProblemList = z.object({ items: z.array(ProblemItem) });

export const RetryResponse = z.object({ contracts: z.number().int(), commissions: z.number().int(), problems: z.number().int() });

export const StatementLine = z.object({
  payoutId: Id,
  commissionId: Id,
  entry: z.enum(commissionEntries),
  contractNumber: z.string(),
  clientName: z.string().nullable(),
  supplyPointIdentifier: z.string(),
  ruleName: z.string(),
  share: z.string().nullable(),
  explanation: z.string(),
  position: z.number().int(),
  event: z.string(),
  months: z.number().int().nullable(),
  cancelsPosition: z.number().int().nullable(),
  dueOn: z.string(),
  amount: z.string(),
});
export type StatementLine = z.infer<typeof StatementLine>;

export const StatementSummary = z.object({
  id: Id.nullable().describe('Null for a statement not approved yet (a preview)'),
  userId: Id,
  userName: z.string().nullable(),
  period: z.string(),
  currency: z.string(),
  commissionTotal: z.string(),
  clawbackTotal: z.string(),
  total: z.string(),
  lineCount: z.number().int(),
  approvedAt: z.date().nullable(),
  approvedBy: Id.nullable(),
  approvedByName: z.string().nullable(),
});
export type StatementSummary = z.infer<typeof StatementSummary>;

export const StatementDetail = StatementSummary.extend({ lines: z.array(StatementLine) });
export type StatementDetail = z.infer<typeof StatementDetail>;

export const StatementKey = z.object({ userId: Id, period: Period });
export const StatementApproveBody = z.strictObject({ userId: Id, period: Period, expectedTotal: z.string().describe('The total the approver saw; a different one answers 409 (something changed meanwhile)') });
export const StatementListQuery = z.object({ userId: Id.optional(), period: Period.optional() });
export const StatementList = z.object({ items: z.array(StatementSummary) });
export const StatementFileQuery = z.object({ language: ExportLanguage });
