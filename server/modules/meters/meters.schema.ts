import { date, index, numeric, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';

/** A metering device at a supply point (ENERGY-5); a replaced meter keeps its readings and gets `removedOn`. */
export const meters = pgTable(
  'meters',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
    number: varchar({ length: 40 }).notNull(),
    /** Code list meterType. */
    type: varchar({ length: 40 }).notNull(),
    /** Tariff registers read on this meter, e.g. ["VT", "NT"] or ["T1"]. */
    registers: text().array().notNull(),
    installedOn: date().notNull(),
    removedOn: date(),
    verificationDueOn: date(),
    note: text(),
    ...auditColumns(),
  },
  (t) => [index().on(t.supplyPointId), index().on(t.verificationDueOn)],
);

/** One register's value on a date. Readings only grow on one meter; a new meter starts again. */
export const meterReadings = pgTable(
  'meter_readings',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    meterId: uuid()
      .notNull()
      .references(() => meters.id),
    readOn: date().notNull(),
    register: varchar({ length: 10 }).notNull(),
    value: numeric({ precision: 14, scale: 3 }).notNull(),
    source: varchar({ length: 12, enum: ['distributor', 'customer', 'estimate'] }).notNull(),
    ...auditColumns(),
  },
  (t) => [index().on(t.meterId, t.register, t.readOn)],
);

/** Expected consumption of a business client's supply point by month (first day of the month), in kWh. */
export const consumptionForecasts = pgTable(
  'consumption_forecasts',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    supplyPointId: uuid()
      .notNull()
      .references(() => supplyPoints.id),
    month: date().notNull(),
    quantityKWh: numeric('quantity_kwh', { precision: 18, scale: 3 }).notNull(),
    ...auditColumns(),
  },
  (t) => [unique().on(t.supplyPointId, t.month)],
);

/** A reminder a job created for a person, e.g. a meter verification falling due; created once per subject. */
export const reminders = pgTable(
  'reminders',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    kind: varchar({ length: 40 }).notNull(),
    subjectType: varchar({ length: 40 }).notNull(),
    subjectId: uuid().notNull(),
    dueOn: date().notNull(),
    userId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.kind, t.subjectId, t.dueOn), index().on(t.userId, t.dueOn)],
);
