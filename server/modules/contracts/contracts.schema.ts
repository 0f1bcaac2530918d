import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { cases } from '../cases/cases.schema.js';
import { clients } from '../clients/clients.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import { teams } from '../teams/teams.schema.js';

export const contractTypes = ['supply', 'brokerage', 'framework', 'amendment'] as const;
export const contractCommodities = ['electricity', 'gas'] as const;
/**
 * `draft` until sent for signature; `signed` once every signing person signed (commissions hook onto it);
 * `rejected` when a signing person refused, `expired` when the signature request lapsed (both back to a draft by
 * a new request); `cancelled` before delivery started, `terminated` after.
 */
export const contractStates = ['draft', 'sentForSignature', 'signed', 'rejected', 'expired', 'cancelled', 'terminated'] as const;

/**
 * A contract (CONTRACT-1, CONTRACT-3): with a client, for its supply points, usually made from an accepted offer
 * of a business case. Visibility is the contract's own (team, responsible user, creator), copied from the case or
 * the client when it is made, like a case's.
 */
export const contracts = pgTable(
  'contracts',
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
    caseId: uuid().references(() => cases.id),
    /** The accepted offer version this contract was made from. */
    offerId: uuid(),
    /** Unique per owner company; generated as KW-<year>-<sequence> when not given. */
    number: varchar({ length: 40 }).notNull(),
    type: varchar({ length: 12, enum: contractTypes }).notNull(),
    commodity: varchar({ length: 12, enum: contractCommodities }).notNull(),
    supplier: varchar({ length: 200 }),
    productId: uuid(),
    productName: varchar({ length: 200 }),
    state: varchar({ length: 20, enum: contractStates }).notNull().default('draft'),
    startDate: date().notNull(),
    /** Null: for an indefinite period. */
    endDate: date(),
    noticePeriodMonths: integer(),
    /** Derived from endDate and noticePeriodMonths on every write (domain/contracts), for the register's filter. */
    noticeDeadline: date(),
    signedAt: timestamp({ withTimezone: true }),
    /** The day a cancelled or terminated contract ended. */
    endedOn: date(),
    note: text(),
    searchText: text().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex('contracts_owner_number_unique').on(t.ownerId, t.number),
    index().on(t.ownerId, t.endDate, t.id),
    index().on(t.teamId, t.endDate, t.id),
    index().on(t.responsibleUserId, t.endDate, t.id),
    index().on(t.clientId),
    index().on(t.caseId),
    index().on(t.noticeDeadline),
    index('contracts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** The supply points a contract supplies (delivery locations). */
export const contractSupplyPoints = pgTable(
  'contract_supply_points',
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.supplyPointId] }), index().on(t.supplyPointId)],
);

/** The client's signing persons who sign the contract, in signing order. */
export const contractSignatories = pgTable(
  'contract_signatories',
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.contactId] })],
);
