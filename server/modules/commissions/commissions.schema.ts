import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { PayoutDueEvent, PayoutModel } from '../../../domain/commissions/payout.js';
import type { CommissionBasis, ConsumptionScope } from '../../../domain/commissions/rules.js';
import { auditColumns, primaryId } from '../../db/columns.js';
import { contracts } from '../contracts/contracts.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { users } from '../users/users.schema.js';

/** Sales commissions are paid to the case's participants; company commissions are the company's own margin (COMM-3). */
export const commissionKinds = ['sales', 'company'] as const;
/** What a cancelled or terminated contract takes back: the months not delivered, everything, or nothing. */
export const clawbackPolicies = ['proRata', 'full', 'none'] as const;
export const commissionEntries = ['commission', 'clawback'] as const;
export const commissionProblemReasons = ['no_rule', 'ambiguous', 'missing_annualMWh', 'missing_margin', 'no_participants'] as const;

const money = () => numeric({ precision: 16, scale: 2 });

/**
 * A commission rule of the owner company (COMM-1): its scope (product or supplier, client kind, consumption), its
 * validity, how the amount is computed, how it is paid out and what a cancelled contract takes back. A rule that
 * commissions were computed from is not changed in place (only closed with `validTo`), so every amount stays
 * explainable from the rule it names.
 */
export const commissionRules = pgTable(
  'commission_rules',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    kind: varchar({ length: 8, enum: commissionKinds }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    productId: uuid(),
    supplier: varchar({ length: 200 }),
    clientKind: varchar({ length: 10, enum: ['company', 'person'] }),
    consumption: jsonb().$type<ConsumptionScope>(),
    validFrom: date().notNull(),
    validTo: date(),
    basis: jsonb().$type<CommissionBasis>().notNull(),
    payoutModel: jsonb().$type<PayoutModel>().notNull(),
    clawback: varchar({ length: 8, enum: clawbackPolicies }).notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [index().on(t.ownerId, t.kind)],
);

/**
 * One amount of commission (COMM-5): of one supply point of a signed contract, under one rule, for one participant
 * (a sales commission, `userId` set, with the participant's `share` of the supply point's `baseAmount`) or for the
 * company (`userId` null). A clawback is a negative entry that `reverses` the commission it takes back. Rows are
 * written once and never changed; `basis` keeps what the amount was computed from.
 */
export const commissions = pgTable(
  'commissions',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
    ruleId: uuid()
      .notNull()
      .references(() => commissionRules.id),
    kind: varchar({ length: 8, enum: commissionKinds }).notNull(),
    entry: varchar({ length: 10, enum: commissionEntries }).notNull(),
    userId: uuid().references(() => users.id),
    /** The participant's share in per cent; null for a company commission. */
    share: numeric({ precision: 5, scale: 2 }),
    /** The supply point's whole commission (or clawback) before the split. */
    baseAmount: money().notNull(),
    amount: money().notNull(),
    currency: varchar({ length: 3 }).notNull(),
    /** What the amount came from: consumption, months, margin, band and the computation in words. */
    basis: jsonb()
      .$type<{ annualMWh: string | null; band: string | null; deliveryMonths: number; margin: string | null; explanation: string; deliveredMonths?: number }>()
      .notNull(),
    /** For a clawback: the commission it takes back. */
    reversesId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
  },
  (t) => [
    unique('commissions_once').on(t.contractId, t.supplyPointId, t.kind, t.entry, t.userId).nullsNotDistinct(),
    index().on(t.ownerId, t.userId, t.createdAt, t.id),
    index().on(t.ownerId, t.createdAt, t.id),
    index().on(t.ruleId),
  ],
);

/**
 * When a commission is paid (COMM-4): one row per stage or instalment, becoming due on `dueOn`; once a statement
 * includes it (`statementId`), it is locked with that statement.
 */
export const commissionPayouts = pgTable(
  'commission_payouts',
  {
    id: primaryId(),
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id),
    ownerId: uuid().notNull(),
    userId: uuid(),
    position: integer().notNull(),
    trigger: jsonb().$type<PayoutDueEvent>().notNull(),
    amount: money().notNull(),
    dueOn: date(),
    statementId: uuid(),
  },
  (t) => [index().on(t.ownerId, t.userId, t.statementId, t.dueOn), index().on(t.commissionId), index().on(t.statementId)],
);

/**
 * A supply point of a signed contract that earned no commission of a kind, and why (no rule, two rules, a quantity or
 * margin the rule needs): reported to the administrator, never paid as zero. Removed once a retry computes it.
 */
export const commissionProblems = pgTable(
  'commission_problems',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
    kind: varchar({ length: 8, enum: commissionKinds }).notNull(),
    reason: varchar({ length: 20, enum: commissionProblemReasons }).notNull(),
    detail: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commission_problems_once').on(t.contractId, t.supplyPointId, t.kind), index().on(t.ownerId, t.createdAt)],
);

/**
 * A person's commission statement for a month (COMM-5), approved by finance: it locks every payout due by the month's
 * end that no earlier statement took. It is never recomputed; later corrections (clawbacks) go into the next one.
 */
export const commissionStatements = pgTable(
  'commission_statements',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** YYYY-MM */
    period: varchar({ length: 7 }).notNull(),
    currency: varchar({ length: 3 }).notNull(),
    commissionTotal: money().notNull(),
    clawbackTotal: money().notNull(),
    total: money().notNull(),
    lineCount: integer().notNull(),
    approvedBy: uuid().notNull(),
    approvedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('commission_statements_once').on(t.ownerId, t.userId, t.period), index().on(t.ownerId, t.period)],
);
