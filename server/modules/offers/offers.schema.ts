import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { offerStates } from '../../../domain/offers/lifecycle.js';
import { auditColumns, primaryId } from '../../db/columns.js';
import { cases } from '../cases/cases.schema.js';
import { clients } from '../clients/clients.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { teams } from '../teams/teams.schema.js';

export const offerKinds = ['binding', 'indicative'] as const;
export const approvalRoutes = ['board', 'manager', 'none'] as const;
export const approvalDecisions = ['approved', 'rejected'] as const;

const money = () => numeric({ precision: 16, scale: 2 });
const percent = () => numeric({ precision: 9, scale: 2 });

/**
 * One version of an offer (OFFER-2 … OFFER-5). Versions of one offer share `rootId` (the first version's id) and
 * `number`; a draft changes in place, a change after submitting or sending writes the next version and the old one
 * becomes `superseded` (read-only). Visibility is the offer's own, copied from its business case like a contract's.
 * Totals are stored net (VAT aside) as computed when the lines were priced, so lists and the pipeline need no
 * pricing.
 */
export const offers = pgTable(
  'offers',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    rootId: uuid().notNull(),
    versionNumber: integer().notNull(),
    /** Per owner company, generated as OF-<year>-<five digits>; shared by the versions. */
    number: varchar({ length: 40 }).notNull(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    state: varchar({ length: 20, enum: offerStates }).notNull().default('draft'),
    kind: varchar({ length: 12, enum: offerKinds }).notNull().default('binding'),
    /** An alternative to another offer of the case (the client takes one of them). */
    isAlternative: boolean().notNull().default(false),
    /** Related offers (alternatives, single-year and combined offers for the same years) share a group; counted once in the pipeline. */
    relationGroupId: uuid(),
    /** The client's contact person for this offer. */
    contactId: uuid().references(() => contacts.id),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    currency: varchar({ length: 3, enum: ['EUR', 'CZK', 'PLN'] }).notNull(),
    /** After this day an open offer lapses (daily job). */
    validUntil: date().notNull(),
    /** How long the offered prices hold once accepted. */
    bindingFrom: date(),
    bindingTo: date(),
    currentCost: money().notNull(),
    offeredCost: money().notNull(),
    saving: money().notNull(),
    savingPercent: percent(),
    offeredGross: money().notNull(),
    purchaseCost: money(),
    margin: money(),
    marginPercent: percent(),
    /** Set when submitted: who approves it, from the margin and the owner's policy. */
    approvalRoute: varchar({ length: 8, enum: approvalRoutes }),
    note: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** When it was accepted, declined or lapsed, and why (declined). */
    closedAt: timestamp({ withTimezone: true }),
    closingReason: text(),
    /** The contract made when it was accepted. */
    contractId: uuid(),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex('offers_owner_number_version_unique').on(t.ownerId, t.number, t.versionNumber),
    uniqueIndex('offers_root_version_unique').on(t.rootId, t.versionNumber),
    index().on(t.ownerId, t.createdAt, t.id),
    index().on(t.teamId, t.createdAt, t.id),
    index().on(t.responsibleUserId, t.createdAt, t.id),
    index().on(t.caseId),
    index().on(t.clientId),
    index().on(t.relationGroupId),
    index().on(t.state, t.validUntil),
  ],
);

/**
 * One line of an offer version: a supply point (delivery location) supplied with a product over a delivery period,
 * the client's current prices entered, and both costs as priced. `pricing` keeps the priced lines of both sides and
 * the comparison, so the explanation is reproducible without pricing again.
 */
export const offerLines = pgTable(
  'offer_lines',
  {
    id: primaryId(),
    offerId: uuid()
      .notNull()
      .references(() => offers.id),
    position: integer().notNull(),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
    productId: uuid().notNull(),
    priceListId: uuid().notNull(),
    deliveryFrom: date().notNull(),
    deliveryTo: date().notNull(),
    quantityMWh: numeric('quantity_mwh', { precision: 18, scale: 3 }).notNull(),
    currentPricePerMWh: numeric('current_price_per_mwh', { precision: 14, scale: 4 }).notNull(),
    currentMonthlyFee: numeric({ precision: 14, scale: 4 }).notNull(),
    currentCost: money().notNull(),
    offeredCost: money().notNull(),
    saving: money().notNull(),
    savingPercent: percent(),
    offeredGross: money().notNull(),
    supplierRevenue: money().notNull(),
    purchaseCost: money(),
    margin: money(),
    marginPercent: percent(),
    pricing: jsonb().notNull(),
  },
  (t) => [uniqueIndex('offer_lines_offer_position_unique').on(t.offerId, t.position), index().on(t.supplyPointId)],
);

/** Approvals and rejections of offer versions (OFFER-5): who decided, when, on which route, and why. */
export const offerApprovals = pgTable(
  'offer_approvals',
  {
    id: primaryId(),
    offerId: uuid()
      .notNull()
      .references(() => offers.id),
    route: varchar({ length: 8, enum: approvalRoutes }).notNull(),
    decision: varchar({ length: 8, enum: approvalDecisions }).notNull(),
    reason: text(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.offerId, t.decidedAt)],
);

/** The owner company's approval policy (OFFER-5); the built-in default applies until an administrator saves one. */
export const offerApprovalPolicies = pgTable('offer_approval_policies', {
  ownerId: uuid()
    .primaryKey()
    .references(() => owners.id),
  minimumMarginPercent: percent().notNull(),
  aboveMinimum: varchar({ length: 8, enum: ['manager', 'none'] }).notNull(),
  ...auditColumns(),
});
