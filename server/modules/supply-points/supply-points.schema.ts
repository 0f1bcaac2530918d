import { sql } from 'drizzle-orm';
import { index, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { clients } from '../clients/clients.schema.js';
import { imports } from '../imports/imports.schema.js';

/**
 * A supply point (ENERGY-1): where energy is delivered and metered. Its visibility is its client's. The holder's
 * name, billing address, e-mail and phone are the client's own columns, never copied here (ENERGY-4).
 */
export const supplyPoints = pgTable(
  'supply_points',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    /** Country whose identifier and tariff rules apply. */
    country: varchar({ length: 2 }).notNull(),
    /** Normalised EIC / EAN / POD / MaLo-ID, checked in domain/energy. */
    identifier: varchar({ length: 40 }).notNull(),
    identifierScheme: varchar({ length: 12 }).notNull(),
    /** Code list distributionTerritory; `identifier` when suggested by the identifier, `manual` when chosen. */
    territoryCode: varchar({ length: 40 }),
    territorySource: varchar({ length: 10, enum: ['identifier', 'manual'] }),
    status: varchar({ length: 10, enum: ['active', 'inactive'] })
      .notNull()
      .default('active'),
    name: varchar({ length: 200 }),
    street: varchar({ length: 200 }),
    city: varchar({ length: 100 }),
    postalCode: varchar({ length: 12 }),
    addressCountry: varchar({ length: 2 }),
    latitude: numeric({ precision: 9, scale: 6 }),
    longitude: numeric({ precision: 9, scale: 6 }),
    /** `verified` when the geocoder confirmed the address; saving never waits for it. */
    addressStatus: varchar({ length: 12, enum: ['verified', 'unverified'] })
      .notNull()
      .default('unverified'),
    annualConsumption: numeric({ precision: 18, scale: 3 }),
    consumptionUnit: varchar({ length: 4, enum: ['kWh', 'MWh', 'm3'] }),
    /** Annual consumption in kWh, derived on save, for bands and range filters; null when not convertible. */
    annualConsumptionKWh: numeric('annual_consumption_kwh', { precision: 18, scale: 3 }),
    /** Gas: volume coefficient and calorific value when the distributor states them for this site. */
    gasVolumeCoefficient: numeric({ precision: 6, scale: 4 }),
    gasCalorificValue: numeric({ precision: 7, scale: 4 }),
    currentSupplier: varchar({ length: 200 }),
    currentProduct: varchar({ length: 200 }),
    /** Code list distributionRate (DD1…DD9, D01d…, C01d…). */
    distributionRate: varchar({ length: 40 }),
    /** Main circuit breaker rating, e.g. "3x25 A", which sets the fixed distribution charge. */
    breakerRating: varchar({ length: 20 }),
    iban: varchar({ length: 34 }),
    paymentMethod: varchar({ length: 40 }),
    note: text(),
    /** The import that created the supply point; null when created by hand. */
    importId: uuid().references(() => imports.id, { onDelete: 'set null' }),
    searchText: text().notNull(),
    /**
     * The client's access columns (team, responsible user, creator), copied by database triggers whenever the
     * client or the point's client changes (migration 0010), so a scoped list reads one table in identifier order
     * instead of joining every point to its client first. Visibility is still exactly the client's.
     */
    clientTeamId: uuid(),
    clientResponsibleUserId: uuid(),
    clientCreatedBy: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    // One supply point per identifier per owner among those in use: an import reports a duplicate, never merges.
    uniqueIndex('supply_points_owner_identifier_unique')
      .on(t.ownerId, t.identifier)
      .where(sql`${t.archivedAt} is null`),
    index().on(t.identifier),
    index().on(t.clientId),
    index().on(t.ownerId, t.commodity, t.territoryCode, t.identifier),
    // The list filters by commodity (and territory) and sorts by identifier for every scope; access comes from the
    // client, so nothing on supply points leads with the owner. Without these, a filter walks the whole identifier
    // index: identifiers cluster by distributor prefix (docs/performance.md, supply points at 1,000,000 clients).
    index().on(t.commodity, t.territoryCode, t.identifier),
    index().on(t.commodity, t.identifier),
    // Each branch of a scoped list (access.ts `visibleBranches`) walks one of these in identifier order.
    // Owner first: PostgreSQL takes owner and team as independent and would otherwise walk the owner's index.
    index().on(t.ownerId, t.clientTeamId, t.identifier, t.id),
    index().on(t.clientResponsibleUserId, t.identifier, t.id),
    index().on(t.clientCreatedBy, t.identifier, t.id),
    index().on(t.ownerId, t.identifier, t.id),
    index('supply_points_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The list filtered by the import it came from ("show the imported supply points").
    index().on(t.importId).where(sql`${t.importId} is not null`),
  ],
);
