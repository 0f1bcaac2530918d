import { boolean, date, numeric, pgTable, unique, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';

// Tariff-selecting facts change by regulator decision, usually every 1 January: they are data with validity and a
// source, seeded from reference/*.json and edited by an administrator, never constants in code.

const validity = () => ({
  validFrom: date().notNull(),
  validTo: date(),
  /** The document the values come from (decision, price list, distributor page). */
  source: varchar({ length: 300 }).notNull(),
});

/** Annual-consumption bands that select a distribution tariff (SK gas D1-D8/M1-M8, CZ gas categories …). */
export const consumptionBands = pgTable(
  'consumption_bands',
  {
    id: primaryId(),
    code: varchar({ length: 20 }).notNull(),
    country: varchar({ length: 2 }).notNull(),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    customerCategory: varchar({ length: 10, enum: ['household', 'business'] }).notNull(),
    territoryCode: varchar({ length: 40 }),
    lowerKWh: numeric('lower_kwh', { precision: 18, scale: 3 }).notNull(),
    upperKWh: numeric('upper_kwh', { precision: 18, scale: 3 }),
    lowerInclusive: boolean().notNull(),
    upperInclusive: boolean().notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [unique('consumption_bands_natural_key').on(t.country, t.commodity, t.customerCategory, t.code, t.validFrom)],
);

/** Identifier prefixes that suggest a distribution territory (territories.md). */
export const territoryPrefixes = pgTable(
  'territory_prefixes',
  {
    id: primaryId(),
    country: varchar({ length: 2 }).notNull(),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    prefix: varchar({ length: 20 }).notNull(),
    territoryCode: varchar({ length: 40 }).notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [unique('territory_prefixes_natural_key').on(t.country, t.commodity, t.prefix, t.validFrom)],
);

/** Gas volume coefficient k by municipality (Slovakia: fixed per municipality by its altitude). */
export const gasVolumeCoefficients = pgTable(
  'gas_volume_coefficients',
  {
    id: primaryId(),
    country: varchar({ length: 2 }).notNull(),
    municipality: varchar({ length: 100 }).notNull(),
    coefficient: numeric({ precision: 6, scale: 4 }).notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [unique('gas_volume_coefficients_natural_key').on(t.country, t.municipality, t.validFrom)],
);

/** Gross calorific value Hs in kWh/m³ for a country (or one territory) and period. */
export const gasCalorificValues = pgTable(
  'gas_calorific_values',
  {
    id: primaryId(),
    country: varchar({ length: 2 }).notNull(),
    territoryCode: varchar({ length: 40 }),
    kWhPerM3: numeric('kwh_per_m3', { precision: 7, scale: 4 }).notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [unique('gas_calorific_values_natural_key').on(t.country, t.territoryCode, t.validFrom).nullsNotDistinct()],
);
