import { Decimal } from 'decimal.js';
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { ConsumptionBand } from '../../../domain/energy/consumption-bands.js';
import type { TerritoryPrefixRule } from '../../../domain/energy/territory.js';
import { readTogether, withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound, type FieldProblem } from '../../http/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { consumptionBands, gasCalorificValues, gasVolumeCoefficients, territoryPrefixes } from './energy-reference.schema.js';
import bandsSeed from './reference/consumption-bands.json' with { type: 'json' };
import calorificSeed from './reference/gas-calorific-values.json' with { type: 'json' };
import coefficientsSeed from './reference/gas-volume-coefficients.json' with { type: 'json' };
import prefixesSeed from './reference/territory-prefixes.json' with { type: 'json' };

/** Seeds the dated reference tables on a fresh database; rows an administrator changed stay as they are. */
export const ensureEnergyReferenceData = async (ctx: ServiceContext): Promise<void> => {
  await ctx.db.insert(consumptionBands).values(bandsSeed as (typeof consumptionBands.$inferInsert)[]).onConflictDoNothing();
  await ctx.db.insert(territoryPrefixes).values(prefixesSeed as (typeof territoryPrefixes.$inferInsert)[]).onConflictDoNothing();
  await ctx.db.insert(gasVolumeCoefficients).values(coefficientsSeed).onConflictDoNothing();
  await ctx.db.insert(gasCalorificValues).values(calorificSeed).onConflictDoNothing();
};

const validOn = (t: { validFrom: Parameters<typeof lte>[0]; validTo: Parameters<typeof gte>[0] }, on: string) =>
  and(lte(t.validFrom, on), or(isNull(t.validTo), gte(t.validTo, on)));

/**
 * The reference data a supply point's derived parameters need, valid on one date. Loaded once per request or
 * import, then used by the pure functions in domain/energy.
 */
export type EnergyReference = {
  on: string;
  bands: (ConsumptionBand & { validFrom: string; source: string })[];
  prefixes: TerritoryPrefixRule[];
  calorificValueFor: (country: string, territoryCode: string | null) => Decimal | null;
  volumeCoefficientFor: (country: string, city: string | null) => Decimal | null;
};

const municipalityKey = (country: string, city: string) => `${country}:${city.trim().toLocaleLowerCase('sk')}`;

export const loadEnergyReference = async (ctx: ServiceContext, on: string): Promise<EnergyReference> => {
  const [bandRows, prefixRows, coefficientRows, calorificRows] = await readTogether(
    ctx,
    () => ctx.db.select().from(consumptionBands).where(validOn(consumptionBands, on)),
    () => ctx.db.select().from(territoryPrefixes).where(validOn(territoryPrefixes, on)),
    () => ctx.db.select().from(gasVolumeCoefficients).where(validOn(gasVolumeCoefficients, on)),
    () => ctx.db.select().from(gasCalorificValues).where(validOn(gasCalorificValues, on)),
  );
  const bands: EnergyReference['bands'] = bandRows.map((b) => ({
    ...b,
    lowerKWh: new Decimal(b.lowerKWh),
    upperKWh: b.upperKWh === null ? null : new Decimal(b.upperKWh),
  }));
  const coefficients = new Map(coefficientRows.map((r) => [municipalityKey(r.country, r.municipality), new Decimal(r.coefficient)]));
  const calorificValueFor = (country: string, territoryCode: string | null): Decimal | null => {
    const own = calorificRows.find((r) => r.country === country && r.territoryCode !== null && r.territoryCode === territoryCode);
    const national = calorificRows.find((r) => r.country === country && r.territoryCode === null);
    const row = own ?? national;
    return row ? new Decimal(row.kWhPerM3) : null;
  };
  const volumeCoefficientFor = (country: string, city: string | null): Decimal | null =>
    city ? (coefficients.get(municipalityKey(country, city)) ?? null) : null;
  return {
    on,
    bands,
    prefixes: prefixRows,
    calorificValueFor,
    volumeCoefficientFor,
  };
};

// The markets served keep Central European time; a supply point's "today" is the calendar date there.
const businessDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bratislava', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) reference data is chosen for when no period is given. */
export const businessDate = (at: Date): string => businessDay.format(at);

export type ConsumptionBandInput = {
  code: string;
  country: string;
  commodity: 'electricity' | 'gas';
  customerCategory: 'household' | 'business';
  territoryCode?: string | null | undefined;
  lowerKWh: string;
  upperKWh?: string | null | undefined;
  lowerInclusive: boolean;
  upperInclusive: boolean;
  validFrom: string;
  validTo?: string | null | undefined;
  source: string;
};

const bandProblems = (band: Pick<ConsumptionBandInput, 'lowerKWh' | 'upperKWh' | 'validFrom' | 'validTo'>): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (band.upperKWh != null && new Decimal(band.upperKWh).lte(band.lowerKWh)) {
    problems.push({ path: 'upperKWh', code: 'not_above_lower', message: 'upperKWh must be above lowerKWh' });
  }
  if (band.validTo != null && band.validTo < band.validFrom) {
    problems.push({ path: 'validTo', code: 'before_valid_from', message: 'validTo must not be before validFrom' });
  }
  return problems;
};

const bandOut = (row: typeof consumptionBands.$inferSelect) => ({
  id: row.id,
  code: row.code,
  country: row.country,
  commodity: row.commodity,
  customerCategory: row.customerCategory,
  territoryCode: row.territoryCode,
  lowerKWh: new Decimal(row.lowerKWh).toFixed(),
  upperKWh: row.upperKWh === null ? null : new Decimal(row.upperKWh).toFixed(),
  lowerInclusive: row.lowerInclusive,
  upperInclusive: row.upperInclusive,
  validFrom: row.validFrom,
  validTo: row.validTo,
  source: row.source,
  version: row.version,
});
export type ConsumptionBandOut = ReturnType<typeof bandOut>;

export const listConsumptionBands = async (ctx: ServiceContext, filter: { country?: string | undefined; commodity?: 'electricity' | 'gas' | undefined }) => {
  const rows = await ctx.db
    .select()
    .from(consumptionBands)
    .where(and(filter.country ? eq(consumptionBands.country, filter.country) : undefined, filter.commodity ? eq(consumptionBands.commodity, filter.commodity) : undefined))
    .orderBy(asc(consumptionBands.country), asc(consumptionBands.commodity), asc(consumptionBands.customerCategory), desc(consumptionBands.validFrom), asc(consumptionBands.lowerKWh));
  return rows.map(bandOut);
};

const bandTarget = (id: string) => ({ entityType: 'consumptionBand', entityId: id, rootType: 'consumptionBand', rootId: id, ownerId: null });

export const createConsumptionBand = async (ctx: ServiceContext, input: ConsumptionBandInput) => {
  assertCan(ctx.actor, 'admin.codeLists');
  const problems = bandProblems(input);
  if (problems.length) throw new AppError('validation', problems.map((p) => p.message).join('; '), { errors: problems });
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(consumptionBands)
      .values({ ...input, territoryCode: input.territoryCode ?? null, upperKWh: input.upperKWh ?? null, validTo: input.validTo ?? null, createdBy: by, updatedBy: by })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('duplicate', `Band ${input.code} valid from ${input.validFrom} already exists`, {
        errors: [{ path: 'code', code: 'duplicate', message: `band ${input.code} from ${input.validFrom} already exists` }],
      });
    }
    await recordChange(ctx, bandTarget(row.id), 'create', null, row);
    return bandOut(row);
  });
};

export const updateConsumptionBand = async (ctx: ServiceContext, id: string, input: Partial<ConsumptionBandInput> & { version: number }) => {
  assertCan(ctx.actor, 'admin.codeLists');
  return withTx(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(consumptionBands).where(eq(consumptionBands.id, id)).for('update');
    if (!before) throw notFound('Consumption band');
    const { version, ...changes } = input;
    const merged = { ...bandOut(before), ...changes };
    const problems = bandProblems(merged);
    if (problems.length) throw new AppError('validation', problems.map((p) => p.message).join('; '), { errors: problems });
    const [row] = await ctx.db
      .update(consumptionBands)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(consumptionBands.id, id), eq(consumptionBands.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The band was changed by someone else; reload it');
    await recordChange(ctx, bandTarget(id), 'update', before, row);
    return bandOut(row);
  });
};
