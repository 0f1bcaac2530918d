import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';

/** A supplier's product (OFFER-1): what an offer sells, priced by its price lists. Read by every user of the owner. */
export const products = pgTable(
  'products',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    supplier: varchar({ length: 200 }).notNull(),
    name: varchar({ length: 200 }).notNull(),
    /** The owner's short code of the product, unique per owner, e.g. "ZSE-FIX-26". */
    code: varchar({ length: 40 }).notNull(),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    country: varchar({ length: 2 }).notNull(),
    currency: varchar({ length: 3, enum: ['EUR', 'CZK', 'PLN'] }).notNull(),
    priceModel: varchar({ length: 16, enum: ['fixed', 'spot_indexed', 'floating'] }).notNull(),
    active: boolean().notNull().default(true),
    description: text(),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('products_owner_code_unique').on(t.ownerId, t.code), index().on(t.ownerId, t.supplier, t.name)],
);

/**
 * One version of a product's price list for a validity period. A version in use (`usedAt` set by the offers module,
 * or valid from today or earlier) is never changed in place: a change writes a new version that replaces it
 * (`replacedById`), so every offer keeps pointing at the exact prices it was made with. Only current versions
 * (`replacedById` null, not archived) take part in the no-overlap rule and in pricing.
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    /** 1 for the first version of a price list, +1 for each version that replaced the one before. */
    revision: integer().notNull().default(1),
    /** The first version of this price list (itself for revision 1): groups the versions. */
    seriesId: uuid().notNull(),
    validFrom: date().notNull(),
    validTo: date(),
    note: text(),
    /** Set when an offer or contract first referenced this version (markPriceListUsed). */
    usedAt: timestamp({ withTimezone: true }),
    replacedById: uuid(),
    replacedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    index().on(t.productId, t.validFrom).where(sql`${t.replacedById} is null and ${t.archivedAt} is null`),
    index().on(t.seriesId, t.revision),
  ],
);

/** Prices of one price-list version by consumption band or distribution rate (null tariff: every tariff). */
export const priceListRows = pgTable(
  'price_list_rows',
  {
    id: primaryId(),
    priceListId: uuid()
      .notNull()
      .references(() => priceLists.id),
    position: integer().notNull(),
    tariffCode: varchar({ length: 40 }),
    pricePerMWh: numeric('price_per_mwh', { precision: 14, scale: 4 }).notNull(),
    monthlyFee: numeric({ precision: 14, scale: 4 }).notNull(),
    purchasePerMWh: numeric('purchase_per_mwh', { precision: 14, scale: 4 }),
  },
  (t) => [unique('price_list_rows_tariff_unique').on(t.priceListId, t.tariffCode).nullsNotDistinct(), index().on(t.priceListId, t.position)],
);

const validity = () => ({
  validFrom: date().notNull(),
  validTo: date(),
  /** The decision or document the value comes from (ÚRSO / ERÚ price decision, act …). */
  source: varchar({ length: 300 }).notNull(),
});

/**
 * A regulated component of the price (distribution, system services, market operator fee, excise …) for a
 * country, commodity, distribution territory (null: country-wide) and tariff (null: every tariff), with validity.
 * Data, not code: regulators decide new values every year. Shared by all owners, like the energy reference data.
 */
export const regulatedComponents = pgTable(
  'regulated_components',
  {
    id: primaryId(),
    country: varchar({ length: 2 }).notNull(),
    commodity: varchar({ length: 12, enum: ['electricity', 'gas'] }).notNull(),
    territoryCode: varchar({ length: 40 }),
    tariffCode: varchar({ length: 40 }),
    component: varchar({ length: 24 }).notNull(),
    basis: varchar({ length: 12, enum: ['per_mwh', 'per_month'] }).notNull(),
    amount: numeric({ precision: 14, scale: 4 }).notNull(),
    currency: varchar({ length: 3, enum: ['EUR', 'CZK', 'PLN'] }).notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [
    unique('regulated_components_natural_key')
      .on(t.country, t.commodity, t.territoryCode, t.tariffCode, t.component, t.basis, t.validFrom)
      .nullsNotDistinct(),
    index().on(t.country, t.commodity, t.validFrom),
  ],
);

/** VAT rate of a country with validity (SK 23 % since 2025, CZ 21 %). */
export const vatRates = pgTable(
  'vat_rates',
  {
    id: primaryId(),
    country: varchar({ length: 2 }).notNull(),
    ratePercent: numeric({ precision: 5, scale: 2 }).notNull(),
    ...validity(),
    ...auditColumns(),
  },
  (t) => [uniqueIndex('vat_rates_natural_key').on(t.country, t.validFrom)],
);
