import { z } from 'zod';
import { currencies } from '../../../domain/money.js';
import { offerStates } from '../../../domain/offers/lifecycle.js';
import { Id, Limit, OptionalText, Version } from '../../../domain/schemas/common.js';
import { Price } from '../price-lists/price-lists.api.js';
import { approvalDecisions, approvalRoutes, offerKinds } from './offers.schema.js';

const Day = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const Money = z.string().describe('Decimal string, rounded to the minor unit');
const Percent = z.string().nullable().describe('Per cent with two decimals; null when the base is zero or unknown');

/** One line as entered: a supply point of the case, the product and delivery period, and the client's current prices. */
export const OfferLineBody = z.strictObject({
  supplyPointId: Id,
  productId: Id,
  deliveryFrom: Day.describe('First day of the first delivery month'),
  deliveryTo: Day.describe('Last day of the last delivery month'),
  currentPricePerMWh: Price.describe("The client's current commodity price per MWh (net)"),
  currentMonthlyFee: Price.describe("The client's current fixed monthly fee (net)"),
});
export type OfferLineBody = z.infer<typeof OfferLineBody>;

const offerFields = {
  kind: z.enum(offerKinds).describe('binding, or indicative (a non-binding price indication)'),
  isAlternative: z.boolean().describe('An alternative to another offer of the case'),
  contactId: Id.nullish().describe("The client's contact person for this offer"),
  validUntil: Day.describe('The offer lapses after this day'),
  bindingFrom: Day.nullish(),
  bindingTo: Day.nullish(),
  note: OptionalText(5000),
  lines: z.array(OfferLineBody).min(1).max(5000),
};

export const OfferCreateBody = z.strictObject({
  ...offerFields,
  kind: offerFields.kind.default('binding'),
  isAlternative: offerFields.isAlternative.default(false),
  relatedOfferId: Id.optional().describe('Link the new offer with this offer of the same client (counted once in the pipeline)'),
});
export type OfferCreateBody = z.infer<typeof OfferCreateBody>;

export const OfferUpdateBody = z.strictObject({ ...offerFields }).partial().extend({ version: Version });
export type OfferUpdateBody = z.infer<typeof OfferUpdateBody>;

export const OfferActionBody = z.strictObject({ version: Version });
export type OfferActionBody = z.infer<typeof OfferActionBody>;
export const OfferDecisionBody = z.strictObject({ version: Version, reason: OptionalText(2000) });
export type OfferDecisionBody = z.infer<typeof OfferDecisionBody>;
export const OfferRejectBody = z.strictObject({ version: Version, reason: z.string().trim().min(1).max(2000).describe('Why the offer is rejected; shown to its owner') });
export type OfferRejectBody = z.infer<typeof OfferRejectBody>;
export const OfferRelationBody = z.strictObject({ offerId: Id.describe('Another offer of the same client') });

const PricedLine = z.object({
  kind: z.string(),
  basis: z.string(),
  tariffCode: z.string().nullable(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: z.string(),
  amount: z.string(),
  validFrom: z.string().nullable(),
});
const Comparison = z.object({ kind: z.string(), basis: z.string(), current: Money, offered: Money, saving: Money, savingPercent: Percent });

export const OfferLine = z.object({
  position: z.number().int(),
  supplyPointId: Id,
  supplyPointIdentifier: z.string().nullable(),
  productId: Id,
  productName: z.string().nullable(),
  priceListId: Id,
  deliveryFrom: z.string(),
  deliveryTo: z.string(),
  quantityMWh: z.string(),
  currentPricePerMWh: z.string(),
  currentMonthlyFee: z.string(),
  currentCost: Money,
  offeredCost: Money,
  saving: Money,
  savingPercent: Percent,
  offeredGross: Money,
  margin: Money.nullable().describe('Only for those who may approve offers'),
  marginPercent: Percent,
  /** The saving explained: each charge now and offered. */
  comparison: z.array(Comparison),
  offeredLines: z.array(PricedLine),
  currentLines: z.array(PricedLine),
});
export type OfferLine = z.infer<typeof OfferLine>;

export const OfferTotals = z.object({
  currency: z.enum(currencies),
  quantityMWh: z.string(),
  currentCost: Money,
  offeredCost: Money,
  saving: Money,
  savingPercent: Percent,
  offeredGross: Money,
  margin: Money.nullable().describe('Only for those who may approve offers'),
  marginPercent: Percent,
});
export type OfferTotals = z.infer<typeof OfferTotals>;

/** What a new offer would cost, before it is saved (the form shows it). */
export const OfferPreview = z.object({ lines: z.array(OfferLine), totals: OfferTotals });
export type OfferPreview = z.infer<typeof OfferPreview>;

const Named = z.object({ id: Id, name: z.string() });

export const OfferListItem = z.object({
  id: Id,
  rootId: Id,
  versionNumber: z.number().int(),
  number: z.string(),
  caseId: Id,
  caseName: z.string().nullable().describe("The business case's name; null when it is outside your rights"),
  clientId: Id,
  state: z.enum(offerStates),
  kind: z.enum(offerKinds),
  isAlternative: z.boolean(),
  relationGroupId: Id.nullable(),
  commodity: z.enum(['electricity', 'gas']),
  validUntil: z.string(),
  approvalRoute: z.enum(approvalRoutes).nullable(),
  totals: OfferTotals,
  lineCount: z.number().int(),
  contractId: Id.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type OfferListItem = z.infer<typeof OfferListItem>;

export const OfferDetail = OfferListItem.extend({
  ownerId: Id,
  teamId: Id.nullable(),
  responsibleUserId: Id.nullable(),
  clientName: z.string().nullable(),
  contactId: Id.nullable(),
  bindingFrom: z.string().nullable(),
  bindingTo: z.string().nullable(),
  note: z.string().nullable(),
  sentAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  closingReason: z.string().nullable(),
  changeMode: z.enum(['inPlace', 'newVersion', 'readOnly']).describe('How a change is written: in place (draft), as a new version, or not at all'),
  canApprove: z.boolean().describe('Whether you may approve or reject it now'),
  lines: z.array(OfferLine),
  approvals: z.array(z.object({ id: Id, route: z.enum(approvalRoutes), decision: z.enum(approvalDecisions), reason: z.string().nullable(), by: Named.nullable(), at: z.date() })),
  related: z.array(z.object({ id: Id, number: z.string(), versionNumber: z.number().int(), state: z.enum(offerStates), offeredCost: Money })),
  documents: z.array(z.object({ id: Id, fileName: z.string(), createdAt: z.date() })),
});
export type OfferDetail = z.infer<typeof OfferDetail>;

export const OfferListQuery = z.object({
  caseId: Id.optional(),
  clientId: Id.optional(),
  state: z.enum(offerStates).optional(),
  allVersions: z.enum(['true', 'false']).default('false').describe('true: superseded versions too'),
  limit: Limit,
  cursor: z.string().optional(),
});
export type OfferListQuery = z.infer<typeof OfferListQuery>;

export const OfferPage = z.object({ items: z.array(OfferListItem), nextCursor: z.string().nullable() });

export const OfferVersions = z.object({ items: z.array(OfferListItem) });

export const CompareQuery = z.object({ with: Id.describe('Another version of the same offer') });
export const OfferComparison = z.object({
  left: OfferListItem,
  right: OfferListItem,
  lines: z.array(z.object({ supplyPointId: Id, supplyPointIdentifier: z.string().nullable(), left: OfferLine.nullable(), right: OfferLine.nullable() })),
  difference: z.object({ currentCost: Money, offeredCost: Money, saving: Money }).describe('right minus left'),
});
export type OfferComparison = z.infer<typeof OfferComparison>;

export const PipelineQuery = z.object({ caseId: Id.optional(), clientId: Id.optional() });
export const Pipeline = z.object({ value: Money, offerCount: z.number().int() });

export const ApprovalPolicy = z.object({
  minimumMarginPercent: z.string().trim().regex(/^-?\d{1,5}(\.\d{1,2})?$/, 'Per cent with at most 2 decimals, e.g. "8.5"'),
  aboveMinimum: z.enum(['manager', 'none']).describe('Offers at or above the minimum: the manager approves them, or they go straight out'),
});
export const ApprovalPolicyResponse = ApprovalPolicy.extend({ isDefault: z.boolean(), version: z.number().int() });
export const ApprovalPolicyBody = ApprovalPolicy.extend({ version: z.number().int().min(0).describe('The version read; 0 for the built-in default') }).strict();
export type ApprovalPolicyBody = z.infer<typeof ApprovalPolicyBody>;

export const AcceptResponse = z.object({ contractId: Id, offer: OfferDetail });
