import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { clients } from '../clients/clients.schema.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';
import { processStages, processTemplates } from '../processes/processes.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { users } from '../users/users.schema.js';

export const caseCommodities = ['electricity', 'gas', 'other'] as const;
export const caseStates = ['new', 'closed'] as const;
export const caseOutcomes = ['won', 'lost'] as const;
export const securityKinds = ['none', 'deposit', 'bankGuarantee', 'advancePayment', 'parentGuarantee'] as const;

/**
 * A business case (SALES-3): a sale being negotiated with a client. `responsibleUserId` is the case's owner in
 * the users' sense; `ownerId` is the owner company (CORE-1). Visibility is the case's own, like a client's.
 */
export const cases = pgTable(
  'cases',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    /** The lead this case was converted from. */
    leadId: uuid(),
    name: varchar({ length: 200 }).notNull(),
    /** Code list `caseType` (acquisition, retention, extension, service support …). */
    type: varchar({ length: 40 }).notNull(),
    commodity: varchar({ length: 12, enum: caseCommodities }).notNull(),
    processTemplateId: uuid().references(() => processTemplates.id),
    stageId: uuid().references(() => processStages.id),
    stageEnteredAt: timestamp({ withTimezone: true }),
    state: varchar({ length: 6, enum: caseStates }).notNull().default('new'),
    outcome: varchar({ length: 4, enum: caseOutcomes }),
    closingNote: text(),
    closedAt: timestamp({ withTimezone: true }),
    /** The service-support case opened when a won case continues as service support. */
    continuationCaseId: uuid(),
    /** 1 (highest) … 5; work queues order by it. */
    priority: integer().notNull().default(3),
    /** Where the sale is delivered, for work queues; code list distributionTerritory. */
    territoryCode: varchar({ length: 40 }),
    expectedCloseDate: date(),
    /** Total demand of the client for this sale, in `totalDemandUnit`. */
    totalDemand: numeric({ precision: 18, scale: 3 }),
    totalDemandUnit: varchar({ length: 4, enum: ['kWh', 'MWh', 'm3'] }),
    /** Security the client must provide before supply starts. */
    securityKind: varchar({ length: 20, enum: securityKinds }),
    securityAmount: numeric({ precision: 14, scale: 2 }),
    /** Kept by the activities service in the same transaction as the activity, so lists sort by them. */
    lastActivityAt: timestamp({ withTimezone: true }),
    nextActivityAt: timestamp({ withTimezone: true }),
    note: text(),
    searchText: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    index('cases_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index().on(t.ownerId, t.name, t.id),
    index().on(t.teamId, t.name, t.id),
    index().on(t.name, t.id),
    index().on(t.responsibleUserId, t.state),
    index().on(t.clientId),
    // The kanban board reads each stage's most urgent open cases straight from this order (cases.board.ts).
    index().on(t.stageId, t.state, t.nextActivityAt, t.id),
    index().on(t.state, t.nextActivityAt),
    // The board reads each stage once per access branch (auth/access.ts), each branch's equalities first.
    // (Named by hand: the generated names pass PostgreSQL's 63 characters.)
    index('cases_board_team_branch').on(t.ownerId, t.teamId, t.stageId, t.state, t.nextActivityAt, t.id),
    index('cases_board_responsible_branch').on(t.responsibleUserId, t.stageId, t.state, t.nextActivityAt, t.id),
    index('cases_board_created_branch').on(t.createdBy, t.stageId, t.state, t.nextActivityAt, t.id),
  ],
);

/** Supply points a case is about (they stand where other CRMs put products). */
export const caseSupplyPoints = pgTable(
  'case_supply_points',
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.supplyPointId] }), index().on(t.supplyPointId)],
);

/** Participants with their commission share (COMM-2): the shares of a case add up to exactly 100 %. */
export const caseParticipants = pgTable(
  'case_participants',
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** Per cent with two decimals, a decimal string in the API. */
    share: numeric({ precision: 5, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index().on(t.userId)],
);

/** The case's potential per commodity and territory, carried over from the lead on conversion. */
export const casePotentials = pgTable(
  'case_potentials',
  {
    id: primaryId(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas', 'service'] }).notNull(),
    territoryCode: varchar({ length: 40 }),
    periodFrom: date(),
    periodTo: date(),
    priceModel: varchar({ length: 10, enum: ['fixed', 'spot', 'indexed', 'other'] }),
    quantity: numeric({ precision: 18, scale: 3 }),
    quantityUnit: varchar({ length: 4, enum: ['kWh', 'MWh', 'm3'] }),
    position: integer().notNull().default(0),
  },
  (t) => [index().on(t.caseId)],
);

/** Every stage change of a case (SALES-6: every step traceable), beside the field history in the audit log. */
export const caseStageChanges = pgTable(
  'case_stage_changes',
  {
    id: primaryId(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    fromStageId: uuid(),
    toStageId: uuid(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    by: uuid(),
  },
  (t) => [index().on(t.caseId, t.at)],
);
