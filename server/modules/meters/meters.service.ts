import { Decimal } from 'decimal.js';
import { and, asc, desc, eq, gte, isNotNull, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { toDecimalString } from '../../../domain/energy/quantity.js';
import { checkReading, withConsumption } from '../../../domain/energy/readings.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, invalidField, notFound, type FieldProblem } from '../../http/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { visibleContractsSubquery } from '../contracts/contracts.records.js';
import {
  assertSupplyPointVisible,
  getSupplyPoint,
  responsibleUsersOfSupplyPoints,
  visibleSupplyPoints,
} from '../supply-points/supply-points.service.js';
import type {
  ForecastPutBody,
  ForecastYear,
  MeterCreateBody,
  MeterResponse,
  MeterUpdateBody,
  ReadingCreateBody,
  ReadingResponse,
  ReminderResponse,
} from './meters.api.js';
import { consumptionForecasts, meterReadings, meters, reminders } from './meters.schema.js';

type MeterRow = typeof meters.$inferSelect;
type ReadingRow = typeof meterReadings.$inferSelect;

// numeric columns come back padded to their scale ("12.500"); the API carries the canonical decimal string.
const canonical = (value: string) => toDecimalString(new Decimal(value));

const toMeterResponse = (row: MeterRow): MeterResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  supplyPointId: row.supplyPointId,
  number: row.number,
  type: row.type,
  registers: row.registers,
  installedOn: row.installedOn,
  removedOn: row.removedOn,
  verificationDueOn: row.verificationDueOn,
  note: row.note,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Meters, readings and forecasts show in the supply point's history. */
const meterTarget = (row: MeterRow) => ({
  entityType: 'meter',
  entityId: row.id,
  rootType: 'supplyPoint',
  rootId: row.supplyPointId,
  ownerId: row.ownerId,
});

const versionConflict = () =>
  new AppError('version_conflict', 'The meter was changed by someone else; reload it and try again');

const validation = (errors: FieldProblem[]) =>
  new AppError('validation', errors.map((e) => e.message).join('; '), { errors });

/**
 * A meter is visible exactly when its supply point is (and so its client): 404 otherwise, the same answer as for
 * a meter that does not exist. With `forUpdate` the meter row is locked after the access check.
 */
const loadMeter = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<MeterRow> => {
  const [found] = await ctx.db.select().from(meters).where(eq(meters.id, id));
  if (!found) throw notFound('Meter');
  try {
    const point = await assertSupplyPointVisible(ctx, found.supplyPointId);
    if (forUpdate) assertNotArchived(point);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Meter');
    throw error;
  }
  if (!forUpdate) return found;
  const [locked] = await ctx.db.select().from(meters).where(eq(meters.id, id)).for('update');
  if (!locked) throw notFound('Meter');
  return locked;
};

/** Meters, readings and forecasts of an archived supply point are history: they are read, not changed. */
const assertNotArchived = (point: { archivedAt: Date | null }) => {
  if (point.archivedAt) throw new AppError('supply_point.archived', 'The supply point is archived; restore it before changing its meters or forecasts');
};

const emptyToNull = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null || text === '' ? null : text;

const checkPeriod = (installedOn: string, removedOn: string | null | undefined) => {
  if (removedOn && removedOn < installedOn) {
    throw invalidField(
      'removedOn',
      'before_installed',
      `removedOn ${removedOn} is before installedOn ${installedOn}`,
    );
  }
};

// ——— meters ———

export const listMeters = async (ctx: ServiceContext, supplyPointId: string): Promise<MeterResponse[]> => {
  assertCan(ctx.actor, 'clients.read');
  await assertSupplyPointVisible(ctx, supplyPointId);
  const rows = await ctx.db
    .select()
    .from(meters)
    .where(eq(meters.supplyPointId, supplyPointId))
    .orderBy(sql`${meters.removedOn} is not null`, desc(meters.installedOn), asc(meters.id));
  return rows.map(toMeterResponse);
};

export const getMeter = async (ctx: ServiceContext, id: string): Promise<MeterResponse> => {
  assertCan(ctx.actor, 'clients.read');
  return toMeterResponse(await loadMeter(ctx, id));
};

export const createMeter = async (
  ctx: ServiceContext,
  supplyPointId: string,
  input: MeterCreateBody,
): Promise<MeterResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const point = await assertSupplyPointVisible(ctx, supplyPointId);
  assertNotArchived(point);
  checkPeriod(input.installedOn, input.removedOn);
  await assertCodes(ctx, { type: { list: 'meterType', code: input.type } });
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(meters)
      .values({
        ownerId: point.ownerId,
        supplyPointId: point.id,
        number: input.number,
        type: input.type,
        registers: input.registers,
        installedOn: input.installedOn,
        removedOn: input.removedOn ?? null,
        verificationDueOn: input.verificationDueOn ?? null,
        note: emptyToNull(input.note) ?? null,
        createdBy: by,
        updatedBy: by,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, meterTarget(row), 'create', null, row);
    return toMeterResponse(row);
  });
};

export const updateMeter = async (
  ctx: ServiceContext,
  id: string,
  input: MeterUpdateBody,
): Promise<MeterResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const { version, ...patch } = input;
  await assertCodes(ctx, { type: { list: 'meterType', code: patch.type } });
  return withTx(ctx, async (ctx) => {
    const before = await loadMeter(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    const installedOn = patch.installedOn ?? before.installedOn;
    const removedOn = patch.removedOn === undefined ? before.removedOn : patch.removedOn;
    const registers = patch.registers ?? before.registers;
    checkPeriod(installedOn, removedOn);
    // Readings already stored must stay within the meter's period and on its registers.
    const [span] = await ctx.db
      .select({
        first: sql<string | null>`min(${meterReadings.readOn})::text`,
        last: sql<string | null>`max(${meterReadings.readOn})::text`,
      })
      .from(meterReadings)
      .where(eq(meterReadings.meterId, id));
    const errors: FieldProblem[] = [];
    if (span?.first && span.first < installedOn) {
      errors.push({
        path: 'installedOn',
        code: 'readings_before',
        message: `installedOn: the meter has a reading of ${span.first}, before ${installedOn}`,
      });
    }
    if (span?.last && removedOn && span.last > removedOn) {
      errors.push({
        path: 'removedOn',
        code: 'readings_after',
        message: `removedOn: the meter has a reading of ${span.last}, after ${removedOn}`,
      });
    }
    const [dropped] = await ctx.db
      .select({ register: meterReadings.register })
      .from(meterReadings)
      .where(and(eq(meterReadings.meterId, id), notInArray(meterReadings.register, registers)))
      .limit(1);
    if (dropped) {
      errors.push({
        path: 'registers',
        code: 'in_use',
        message: `registers: register ${dropped.register} has readings and cannot be removed`,
      });
    }
    if (errors.length > 0) throw validation(errors);
    const [row] = await ctx.db
      .update(meters)
      .set({
        number: patch.number,
        type: patch.type,
        registers: patch.registers,
        installedOn: patch.installedOn,
        removedOn: patch.removedOn,
        verificationDueOn: patch.verificationDueOn,
        note: emptyToNull(patch.note),
        version: version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(meters.id, id), eq(meters.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, meterTarget(row), 'update', before, row);
    return toMeterResponse(row);
  });
};

// ——— readings ———

const toReadingResponse = (
  row: ReadingRow & { previousReadOn: string | null; consumption: string | null },
): ReadingResponse => ({
  id: row.id,
  meterId: row.meterId,
  readOn: row.readOn,
  register: row.register,
  value: row.value,
  source: row.source,
  previousReadOn: row.previousReadOn,
  consumption: row.consumption,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
});

const readingsOf = async (ctx: ServiceContext, meterId: string, register?: string) =>
  (
    await ctx.db
      .select()
      .from(meterReadings)
      .where(
        and(eq(meterReadings.meterId, meterId), register ? eq(meterReadings.register, register) : undefined),
      )
      .orderBy(desc(meterReadings.readOn), asc(meterReadings.register))
  ).map((r) => ({ ...r, value: canonical(r.value) }));

/** The meter's readings, newest first, each with the consumption since the previous reading of its register. */
export const listReadings = async (ctx: ServiceContext, meterId: string): Promise<ReadingResponse[]> => {
  assertCan(ctx.actor, 'clients.read');
  await loadMeter(ctx, meterId);
  return withConsumption(await readingsOf(ctx, meterId)).map(toReadingResponse);
};

/**
 * Adds a reading. The meter row is locked first, so concurrent readings of one meter are checked one after the
 * other against what is stored; a rejected reading writes nothing.
 */
export const createReading = async (
  ctx: ServiceContext,
  meterId: string,
  input: ReadingCreateBody,
): Promise<ReadingResponse> => {
  assertCan(ctx.actor, 'clients.write');
  return withTx(ctx, async (ctx) => {
    const meter = await loadMeter(ctx, meterId, true);
    const stored = await readingsOf(ctx, meterId, input.register);
    const candidate = { register: input.register, readOn: input.readOn, value: input.value };
    const issues = checkReading(candidate, meter, stored, businessDate(ctx.now()));
    if (issues.length > 0) throw validation(issues);
    const by = actorUserId(ctx.actor);
    const [row] = await ctx.db
      .insert(meterReadings)
      .values({
        ...candidate,
        source: input.source,
        meterId,
        ownerId: meter.ownerId,
        createdBy: by,
        updatedBy: by,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(
      ctx,
      {
        entityType: 'meterReading',
        entityId: row.id,
        rootType: 'supplyPoint',
        rootId: meter.supplyPointId,
        ownerId: meter.ownerId,
      },
      'create',
      null,
      row,
    );
    const created = { ...row, value: canonical(row.value) };
    const [withIt] = withConsumption([created, ...stored]);
    return toReadingResponse(withIt!);
  });
};

// ——— consumption forecasts ———

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const yearRange = (year: number) =>
  and(gte(consumptionForecasts.month, `${year}-01-01`), lte(consumptionForecasts.month, `${year}-12-31`));

const toForecastYears = (rows: { month: string; quantityKWh: string }[]): ForecastYear[] => {
  const years = new Map<number, ForecastYear['months']>();
  for (const r of rows) {
    const year = Number(r.month.slice(0, 4));
    years.set(year, [
      ...(years.get(year) ?? []),
      { month: Number(r.month.slice(5, 7)), quantityKWh: canonical(r.quantityKWh) },
    ]);
  }
  return [...years.entries()].map(([year, months]) => ({
    year,
    months,
    totalKWh: toDecimalString(months.reduce((sum, m) => sum.plus(m.quantityKWh), new Decimal(0))),
  }));
};

export const listForecasts = async (
  ctx: ServiceContext,
  supplyPointId: string,
  year?: number,
): Promise<ForecastYear[]> => {
  assertCan(ctx.actor, 'clients.read');
  await assertSupplyPointVisible(ctx, supplyPointId);
  const rows = await ctx.db
    .select({ month: consumptionForecasts.month, quantityKWh: consumptionForecasts.quantityKWh })
    .from(consumptionForecasts)
    .where(and(eq(consumptionForecasts.supplyPointId, supplyPointId), year ? yearRange(year) : undefined))
    .orderBy(asc(consumptionForecasts.month));
  return toForecastYears(rows);
};

/**
 * Replaces one year's monthly forecast of a business client's supply point in one transaction: months left out
 * are removed, the others written (a concurrent replacement of the same year ends with one of the two, whole).
 */
export const replaceForecastYear = async (
  ctx: ServiceContext,
  supplyPointId: string,
  input: ForecastPutBody,
): Promise<ForecastYear> => {
  assertCan(ctx.actor, 'clients.write');
  const point = await getSupplyPoint(ctx, supplyPointId);
  assertNotArchived(point);
  if (point.holder.kind !== 'company') {
    throw invalidField(
      'forecasts',
      'business_only',
      'consumption forecasts are kept for business clients (companies) only',
    );
  }
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const where = and(eq(consumptionForecasts.supplyPointId, supplyPointId), yearRange(input.year));
    const beforeRows = await ctx.db.select().from(consumptionForecasts).where(where).for('update');
    const months = input.months.map((m) => `${monthKey(input.year, m.month)}-01`);
    await ctx.db
      .delete(consumptionForecasts)
      .where(and(where, months.length > 0 ? notInArray(consumptionForecasts.month, months) : undefined));
    if (input.months.length > 0) {
      await ctx.db
        .insert(consumptionForecasts)
        .values(
          input.months.map((m) => ({
            ownerId: point.ownerId,
            supplyPointId,
            month: `${monthKey(input.year, m.month)}-01`,
            quantityKWh: m.quantityKWh,
            createdBy: by,
            updatedBy: by,
            createdAt: ctx.now(),
            updatedAt: ctx.now(),
          })),
        )
        .onConflictDoUpdate({
          target: [consumptionForecasts.supplyPointId, consumptionForecasts.month],
          set: {
            quantityKWh: sql`excluded.quantity_kwh`,
            version: sql`${consumptionForecasts.version} + 1`,
            updatedAt: ctx.now(),
            updatedBy: by,
          },
        });
    }
    // One history entry per month that changed, on the supply point's card.
    const before = Object.fromEntries(beforeRows.map((r) => [r.month.slice(0, 7), canonical(r.quantityKWh)]));
    const after: Record<string, string | null> = Object.fromEntries(
      Object.keys(before).map((k) => [k, null]),
    );
    for (const m of input.months) after[monthKey(input.year, m.month)] = canonical(m.quantityKWh);
    const target = {
      entityType: 'consumptionForecast',
      entityId: `${supplyPointId}:${input.year}`,
      rootType: 'supplyPoint',
      rootId: supplyPointId,
      ownerId: point.ownerId,
    };
    await recordChange(
      ctx,
      target,
      beforeRows.length > 0 ? 'update' : 'create',
      beforeRows.length > 0 ? before : null,
      after,
    );
    const rows = await ctx.db
      .select({ month: consumptionForecasts.month, quantityKWh: consumptionForecasts.quantityKWh })
      .from(consumptionForecasts)
      .where(where)
      .orderBy(asc(consumptionForecasts.month));
    return toForecastYears(rows)[0] ?? { year: input.year, months: [], totalKWh: '0' };
  });
};

// ——— reminders ———

export const verificationReminderKind = 'meter.verification_due';

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The daily job (meters.verification-reminders): one reminder for the client's responsible user per meter still
 * installed whose verification falls due within `days` days (or is overdue). Idempotent: the unique
 * (kind, subjectId, dueOn) with ON CONFLICT DO NOTHING means a second run, or a second instance, adds nothing.
 */
export const createVerificationReminders = async (
  ctx: ServiceContext,
  days: number,
): Promise<{ created: number }> => {
  const today = businessDate(ctx.now());
  const horizon = addDays(today, days);
  const due = await ctx.db
    .select({
      id: meters.id,
      ownerId: meters.ownerId,
      supplyPointId: meters.supplyPointId,
      dueOn: meters.verificationDueOn,
    })
    .from(meters)
    .where(
      and(
        isNotNull(meters.verificationDueOn),
        lte(meters.verificationDueOn, horizon),
        or(
          isNull(meters.removedOn),
          sql`${meters.removedOn} > greatest(${meters.verificationDueOn}, ${today}::date)`,
        ),
      ),
    );
  const responsible = await responsibleUsersOfSupplyPoints(ctx, [
    ...new Set(due.map((m) => m.supplyPointId)),
  ]);
  const rows = due
    .filter((m) => responsible.has(m.supplyPointId))
    .map((m) => ({
      ownerId: m.ownerId,
      kind: verificationReminderKind,
      subjectType: 'meter',
      subjectId: m.id,
      dueOn: m.dueOn!,
      userId: responsible.get(m.supplyPointId) ?? null,
      createdAt: ctx.now(),
    }));
  const created = await addReminders(ctx, rows);
  if (created > 0) ctx.log.info({ created, days }, 'meter verification reminders created');
  return { created };
};

export type NewReminder = typeof reminders.$inferInsert;

/**
 * Adds reminders that are not there yet, for every module's daily job. The unique (kind, subjectId, dueOn) with
 * ON CONFLICT DO NOTHING makes a second run, or a second instance, add nothing. Returns how many were new.
 */
export const addReminders = async (ctx: ServiceContext, rows: NewReminder[]): Promise<number> => {
  let created = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await ctx.db
      .insert(reminders)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    created += inserted.length;
  }
  return created;
};

/**
 * Reminders with what the list shows of their subject, in one query: the meter's number and its supply point,
 * joined through the supply points the caller may see. A reminder stays the person's own, but a subject that has
 * left their rights since (another team, another responsible user) answers null, as its detail would answer 404.
 */
const selectReminders = (ctx: ServiceContext) => {
  const point = visibleSupplyPoints(ctx);
  const contract = visibleContractsSubquery(ctx);
  return ctx.db
    .select({
      id: reminders.id,
      kind: reminders.kind,
      subjectType: reminders.subjectType,
      subjectId: reminders.subjectId,
      dueOn: reminders.dueOn,
      supplyPointId: point.id,
      supplyPointIdentifier: point.identifier,
      meterNumber: sql<string | null>`case when ${point.id} is not null then ${meters.number} end`,
      contractId: contract.id,
      contractNumber: contract.number,
      createdAt: reminders.createdAt,
      doneAt: reminders.doneAt,
    })
    .from(reminders)
    .leftJoin(meters, and(eq(reminders.subjectType, 'meter'), eq(meters.id, reminders.subjectId)))
    .leftJoin(point, eq(point.id, meters.supplyPointId))
    .leftJoin(contract, and(eq(reminders.subjectType, 'contract'), eq(contract.id, reminders.subjectId)));
};

/** The caller's open reminders, soonest due first. */
export const listMyReminders = async (ctx: ServiceContext): Promise<ReminderResponse[]> => {
  assertCan(ctx.actor, 'clients.read');
  const userId = actorUserId(ctx.actor);
  if (!userId) return [];
  return selectReminders(ctx)
    .where(and(eq(reminders.userId, userId), isNull(reminders.doneAt)))
    .orderBy(asc(reminders.dueOn), asc(reminders.id))
    .limit(500);
};

/** Marks one of the caller's reminders done (again: no change); anyone else's is not found. */
export const markReminderDone = async (ctx: ServiceContext, id: string): Promise<ReminderResponse> => {
  assertCan(ctx.actor, 'clients.read');
  const userId = actorUserId(ctx.actor);
  if (!userId) throw notFound('Reminder');
  const [row] = await ctx.db
    .update(reminders)
    .set({ doneAt: sql`coalesce(${reminders.doneAt}, ${ctx.now().toISOString()}::timestamptz)` })
    .where(and(eq(reminders.id, id), eq(reminders.userId, userId)))
    .returning({ id: reminders.id });
  if (!row) throw notFound('Reminder');
  const [done] = await selectReminders(ctx).where(eq(reminders.id, row.id));
  if (!done) throw notFound('Reminder');
  return done;
};
