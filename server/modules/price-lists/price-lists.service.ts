import { Decimal } from 'decimal.js';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { selectConsumptionBand } from '../../../domain/energy/consumption-bands.js';
import { toDecimalString } from '../../../domain/energy/quantity.js';
import { priceSupplyPoint, PricingError, type PriceRow, type PricingResult, type RegulatedCharge } from '../../../domain/pricing/pricing.js';
import type { Currency } from '../../../domain/money.js';
import { readTogether, withTx, type ServiceContext } from '../../context.js';
import { AppError, invalidField, notFound, type FieldProblem } from '../../http/errors.js';
import { listHistory, recordChange } from '../audit/audit.service.js';
import { actorUserId, assertCan, type Actor } from '../auth/permissions.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import { businessDate, loadEnergyReference } from '../code-lists/energy-reference.service.js';
import { getSupplyPoint } from '../supply-points/supply-points.service.js';
import type {
  PriceListCreateBody,
  PriceListResponse,
  PriceListUpdateBody,
  ProductCreateBody,
  ProductListQuery,
  ProductResponse,
  ProductUpdateBody,
  QuoteResponse,
  RegulatedComponentInput,
  RegulatedComponentResponse,
  VatRateInput,
  VatRateResponse,
} from './price-lists.api.js';
import { priceListRows, priceLists, products, regulatedComponents, vatRates } from './price-lists.schema.js';
import componentsSeed from './reference/regulated-components.json' with { type: 'json' };
import vatSeed from './reference/vat-rates.json' with { type: 'json' };

type ProductRow = typeof products.$inferSelect;
type PriceListRow = typeof priceLists.$inferSelect;
type PriceRowRow = typeof priceListRows.$inferSelect;

const canonical = (value: string) => toDecimalString(new Decimal(value));
const validation = (errors: FieldProblem[]) => new AppError('validation', errors.map((e) => e.message).join('; '), { errors });

// ——— access ———

/**
 * SECURITY: products and price lists are the owner company's catalogue: every user of the owner reads them, users
 * of other owners never see them (404), only an `all`-scope administrator or a system job sees every owner's.
 * Changing them needs `admin.pricing`.
 */
const ownerCondition = (actor: Actor): SQL | undefined =>
  actor.kind === 'system' || actor.scope === 'all' ? undefined : eq(products.ownerId, actor.ownerId);

const productTarget = (row: { id: string; ownerId: string }) => ({ entityType: 'product', entityId: row.id, rootType: 'product', rootId: row.id, ownerId: row.ownerId });
const priceListTarget = (row: PriceListRow) => ({ entityType: 'priceList', entityId: row.id, rootType: 'product', rootId: row.productId, ownerId: row.ownerId });

const loadProduct = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<ProductRow> => {
  const query = ctx.db.select().from(products).where(and(eq(products.id, id), ownerCondition(ctx.actor)));
  const [found] = forUpdate ? await query.for('update') : await query;
  if (!found) throw notFound('Product');
  return found;
};

// ——— products ———

const toProduct = (row: ProductRow): ProductResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  supplier: row.supplier,
  name: row.name,
  code: row.code,
  commodity: row.commodity,
  country: row.country,
  currency: row.currency,
  priceModel: row.priceModel,
  active: row.active,
  description: row.description,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const assertCodeFree = async (ctx: ServiceContext, ownerId: string, code: string, exceptId?: string) => {
  const [existing] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.ownerId, ownerId), eq(products.code, code), exceptId ? ne(products.id, exceptId) : undefined));
  if (existing) {
    throw new AppError('duplicate', `Product code ${code} is already used`, {
      errors: [{ path: 'code', code: 'duplicate', message: `code ${code} is already used by another product` }],
    });
  }
};

const sortColumns = {
  name: products.name,
  supplier: products.supplier,
  code: products.code,
  commodity: products.commodity,
  country: products.country,
  updatedAt: products.updatedAt,
} as const;

const productFilter = (ctx: ServiceContext, query: Omit<ProductListQuery, 'limit' | 'cursor' | 'sort'>) => {
  const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return and(
    ownerCondition(ctx.actor),
    query.q ? or(ilike(products.name, like(query.q)), ilike(products.code, like(query.q)), ilike(products.supplier, like(query.q))) : undefined,
    query.supplier ? ilike(products.supplier, like(query.supplier)) : undefined,
    query.commodity ? eq(products.commodity, query.commodity) : undefined,
    query.country ? eq(products.country, query.country) : undefined,
    query.active === 'all' ? undefined : eq(products.active, query.active === 'true'),
  );
};

// The catalogue is small (tens to hundreds of products): an offset cursor is enough and keeps any sort stable.
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const decodeCursor = (cursor: string | undefined): number => {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalidField('cursor', 'invalid', 'cursor is not one this list returned');
  return Number(match[1]);
};

export const listProducts = async (ctx: ServiceContext, query: ProductListQuery) => {
  const offset = decodeCursor(query.cursor);
  const column = sortColumns[query.sort.field];
  const rows = await ctx.db
    .select()
    .from(products)
    .where(productFilter(ctx, query))
    .orderBy(query.sort.direction === 'asc' ? asc(column) : desc(column), asc(products.id))
    .limit(query.limit + 1)
    .offset(offset);
  const more = rows.length > query.limit;
  return { items: rows.slice(0, query.limit).map(toProduct), nextCursor: more ? encodeCursor(offset + query.limit) : null };
};

export const listProductsForExport = async (ctx: ServiceContext, query: Omit<ProductListQuery, 'limit' | 'cursor'>) => {
  const column = sortColumns[query.sort.field];
  const rows = await ctx.db
    .select()
    .from(products)
    .where(productFilter(ctx, query))
    .orderBy(query.sort.direction === 'asc' ? asc(column) : desc(column), asc(products.id))
    .limit(10_000);
  return rows.map(toProduct);
};

export const getProduct = async (ctx: ServiceContext, id: string): Promise<ProductResponse> => toProduct(await loadProduct(ctx, id));

/** `ownerId` only for jobs and the demo loader acting as the system; a user creates products of their own owner. */
export const createProduct = async (ctx: ServiceContext, input: ProductCreateBody, ownerId?: string): Promise<ProductResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const owner = ctx.actor.kind === 'user' ? ctx.actor.ownerId : ownerId;
  if (!owner) throw new Error('createProduct: a system actor must name the owner');
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    await assertCodeFree(ctx, owner, input.code);
    const [row] = await ctx.db
      .insert(products)
      .values({ ...input, description: input.description || null, ownerId: owner, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, productTarget(row), 'create', null, row);
    return toProduct(row);
  });
};

export const updateProduct = async (ctx: ServiceContext, id: string, input: ProductUpdateBody): Promise<ProductResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const { version, ...patch } = input;
  return withTx(ctx, async (ctx) => {
    const before = await loadProduct(ctx, id, true);
    if (before.version !== version) throw new AppError('version_conflict', 'The product was changed by someone else; reload it and try again');
    // A product with price lists keeps what its prices mean: commodity, country and currency.
    const fixed = (['commodity', 'country', 'currency'] as const).filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
    if (fixed.length > 0) {
      const [list] = await ctx.db.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.productId, id)).limit(1);
      if (list) throw validation(fixed.map((f) => ({ path: f, code: 'fixed_by_price_lists', message: `${f} cannot change once the product has price lists` })));
    }
    if (patch.code) await assertCodeFree(ctx, before.ownerId, patch.code, id);
    const [row] = await ctx.db
      .update(products)
      .set({ ...patch, description: patch.description === undefined ? undefined : patch.description || null, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(products.id, id), eq(products.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The product was changed by someone else; reload it and try again');
    await recordChange(ctx, productTarget(row), 'update', before, row);
    return toProduct(row);
  });
};

export const productHistory = async (ctx: ServiceContext, id: string) => {
  await loadProduct(ctx, id);
  return listHistory(ctx, { type: 'product', id });
};

// ——— price lists ———

/**
 * "In use" (OFFER-1): a price-list version is in use once an offer or contract referenced it (`usedAt`, set by
 * `markPriceListUsed`) or once its validity has begun (validFrom on or before today), because from then on it may
 * have priced something outside this system. A version in use is never changed in place: a change makes a new version.
 */
export const isPriceListInUse = (row: { usedAt: Date | null; validFrom: string }, today: string): boolean => row.usedAt !== null || row.validFrom <= today;

const statusOf = (row: PriceListRow): PriceListResponse['status'] => (row.replacedById ? 'replaced' : row.archivedAt ? 'archived' : 'current');

const toPriceRow = (r: PriceRowRow) => ({
  tariffCode: r.tariffCode,
  pricePerMWh: canonical(r.pricePerMWh),
  monthlyFee: canonical(r.monthlyFee),
  purchasePerMWh: r.purchasePerMWh === null ? null : canonical(r.purchasePerMWh),
});

const toPriceList = (ctx: ServiceContext, row: PriceListRow, rows: PriceRowRow[]): PriceListResponse => ({
  id: row.id,
  productId: row.productId,
  seriesId: row.seriesId,
  revision: row.revision,
  validFrom: row.validFrom,
  validTo: row.validTo,
  note: row.note,
  usedAt: row.usedAt,
  inUse: isPriceListInUse(row, businessDate(ctx.now())),
  status: statusOf(row),
  replacedById: row.replacedById,
  rows: rows.sort((a, b) => a.position - b.position).map(toPriceRow),
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const rowsOf = async (ctx: ServiceContext, ids: string[]) => {
  if (ids.length === 0) return new Map<string, PriceRowRow[]>();
  const rows = await ctx.db.select().from(priceListRows).where(inArray(priceListRows.priceListId, ids)).orderBy(asc(priceListRows.position));
  const byList = new Map<string, PriceRowRow[]>();
  for (const r of rows) byList.set(r.priceListId, [...(byList.get(r.priceListId) ?? []), r]);
  return byList;
};

/** A price list visible through its product's owner; 404 otherwise. */
const loadPriceList = async (ctx: ServiceContext, id: string, forUpdate = false) => {
  const query = ctx.db
    .select({ list: priceLists, product: products })
    .from(priceLists)
    .innerJoin(products, eq(products.id, priceLists.productId))
    .where(and(eq(priceLists.id, id), ownerCondition(ctx.actor)));
  const [found] = forUpdate ? await query.for('update', { of: priceLists }) : await query;
  if (!found) throw notFound('Price list');
  return found;
};

export const listPriceLists = async (ctx: ServiceContext, productId: string): Promise<PriceListResponse[]> => {
  await loadProduct(ctx, productId);
  const lists = await ctx.db.select().from(priceLists).where(eq(priceLists.productId, productId)).orderBy(desc(priceLists.validFrom), desc(priceLists.revision));
  const rows = await rowsOf(ctx, lists.map((l) => l.id));
  return lists.map((l) => toPriceList(ctx, l, rows.get(l.id) ?? []));
};

export const getPriceList = async (ctx: ServiceContext, id: string): Promise<PriceListResponse> => {
  const { list } = await loadPriceList(ctx, id);
  const rows = await rowsOf(ctx, [id]);
  return toPriceList(ctx, list, rows.get(id) ?? []);
};

type Terms = { validFrom: string; validTo: string | null; rows: PriceListCreateBody['rows'] };

const termProblems = (terms: Terms): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (terms.validTo && terms.validTo < terms.validFrom) {
    problems.push({ path: 'validTo', code: 'before_valid_from', message: `validTo ${terms.validTo} is before validFrom ${terms.validFrom}` });
  }
  const seen = new Map<string, number>();
  terms.rows.forEach((r, i) => {
    const key = r.tariffCode?.trim() || '';
    if (seen.has(key)) {
      problems.push({ path: `rows.${i}.tariffCode`, code: 'duplicate', message: `rows.${i}.tariffCode: ${key || 'the row for every tariff'} is already in row ${seen.get(key)! + 1}` });
    } else seen.set(key, i);
  });
  return problems;
};

/** Current versions of the product must not overlap: each delivery day has exactly one price list. */
const assertNoOverlap = async (ctx: ServiceContext, productId: string, terms: Terms, exceptSeriesId?: string) => {
  const [other] = await ctx.db
    .select()
    .from(priceLists)
    .where(
      and(
        eq(priceLists.productId, productId),
        isNull(priceLists.replacedById),
        isNull(priceLists.archivedAt),
        exceptSeriesId ? ne(priceLists.seriesId, exceptSeriesId) : undefined,
        terms.validTo ? lte(priceLists.validFrom, terms.validTo) : undefined,
        or(isNull(priceLists.validTo), gte(priceLists.validTo, terms.validFrom)),
      ),
    )
    .limit(1);
  if (other) {
    const span = `${other.validFrom} – ${other.validTo ?? 'open'}`;
    throw validation([
      {
        path: 'validFrom',
        code: 'overlapping_validity',
        message: `validFrom–validTo (${terms.validFrom} – ${terms.validTo ?? 'open'}) overlaps the product's price list valid ${span}; price lists of one product must not overlap`,
      },
    ]);
  }
};

const insertVersion = async (
  ctx: ServiceContext,
  product: ProductRow,
  terms: Terms & { note: string | null },
  series: { seriesId: string; revision: number } | null,
): Promise<PriceListRow> => {
  const by = actorUserId(ctx.actor);
  const id = crypto.randomUUID();
  const [row] = await ctx.db
    .insert(priceLists)
    .values({
      id,
      ownerId: product.ownerId,
      productId: product.id,
      seriesId: series?.seriesId ?? id,
      revision: series?.revision ?? 1,
      validFrom: terms.validFrom,
      validTo: terms.validTo,
      note: terms.note,
      createdBy: by,
      updatedBy: by,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await writeRows(ctx, row.id, terms.rows);
  return row;
};

const writeRows = async (ctx: ServiceContext, priceListId: string, rows: Terms['rows']) => {
  await ctx.db.delete(priceListRows).where(eq(priceListRows.priceListId, priceListId));
  await ctx.db.insert(priceListRows).values(
    rows.map((r, position) => ({
      priceListId,
      position,
      tariffCode: r.tariffCode?.trim() || null,
      pricePerMWh: r.pricePerMWh,
      monthlyFee: r.monthlyFee,
      purchasePerMWh: r.purchasePerMWh ?? null,
    })),
  );
};

const rowsSnapshot = (rows: Terms['rows']) => JSON.stringify(rows.map((r) => [r.tariffCode?.trim() || null, canonical(r.pricePerMWh), canonical(r.monthlyFee), r.purchasePerMWh == null ? null : canonical(r.purchasePerMWh)]));

export const createPriceList = async (ctx: ServiceContext, productId: string, input: PriceListCreateBody): Promise<PriceListResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const terms = { validFrom: input.validFrom, validTo: input.validTo ?? null, rows: input.rows, note: input.note || null };
  const problems = termProblems(terms);
  if (problems.length > 0) throw validation(problems);
  return withTx(ctx, async (ctx) => {
    // The product row lock serialises price-list writes of one product, so two overlapping creates cannot both pass.
    const product = await loadProduct(ctx, productId, true);
    await assertNoOverlap(ctx, productId, terms);
    const row = await insertVersion(ctx, product, terms, null);
    await recordChange(ctx, priceListTarget(row), 'create', null, { ...row, rows: rowsSnapshot(terms.rows) });
    return getPriceList(ctx, row.id);
  });
};

/**
 * Changes a price list. A version not in use changes in place; a version in use stays as it is and a new version
 * (revision + 1) takes its place, which is what the response returns. Replaced versions are read-only.
 */
export const changePriceList = async (ctx: ServiceContext, id: string, input: PriceListUpdateBody): Promise<PriceListResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  return withTx(ctx, async (ctx) => {
    const { list: found } = await loadPriceList(ctx, id);
    const product = await loadProduct(ctx, found.productId, true);
    const { list: before } = await loadPriceList(ctx, id, true);
    if (before.replacedById || before.archivedAt) {
      throw new AppError('price_list.read_only', 'This price-list version was replaced (or archived) and is read-only; change the current version');
    }
    if (before.version !== input.version) throw new AppError('version_conflict', 'The price list was changed by someone else; reload it and try again');
    const currentRows = (await rowsOf(ctx, [id])).get(id) ?? [];
    const terms = {
      validFrom: input.validFrom ?? before.validFrom,
      validTo: input.validTo === undefined ? before.validTo : input.validTo,
      note: input.note === undefined ? before.note : input.note || null,
      rows: input.rows ?? currentRows.map(toPriceRow),
    };
    const problems = termProblems(terms);
    if (problems.length > 0) throw validation(problems);
    await assertNoOverlap(ctx, product.id, terms, before.seriesId);
    if (isPriceListInUse(before, businessDate(ctx.now()))) {
      const next = await insertVersion(ctx, product, terms, { seriesId: before.seriesId, revision: before.revision + 1 });
      const [replaced] = await ctx.db
        .update(priceLists)
        .set({ replacedById: next.id, replacedAt: ctx.now(), version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
        .where(and(eq(priceLists.id, id), eq(priceLists.version, before.version)))
        .returning();
      if (!replaced) throw new AppError('version_conflict', 'The price list was changed by someone else; reload it and try again');
      await recordChange(ctx, priceListTarget(replaced), 'update', before, replaced);
      await recordChange(ctx, priceListTarget(next), 'create', null, { ...next, rows: rowsSnapshot(terms.rows) });
      return getPriceList(ctx, next.id);
    }
    const [row] = await ctx.db
      .update(priceLists)
      .set({ validFrom: terms.validFrom, validTo: terms.validTo, note: terms.note, version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(priceLists.id, id), eq(priceLists.version, before.version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The price list was changed by someone else; reload it and try again');
    if (input.rows) await writeRows(ctx, id, input.rows);
    await recordChange(ctx, priceListTarget(row), 'update', { ...before, rows: rowsSnapshot(currentRows.map(toPriceRow)) }, { ...row, rows: rowsSnapshot(terms.rows) });
    return getPriceList(ctx, id);
  });
};

/**
 * For the offers and contracts modules: records that a price-list version priced something, so it is in use from
 * now on and never changes in place. Call it inside the transaction that saves the offer; idempotent.
 */
export const markPriceListUsed = async (ctx: ServiceContext, priceListId: string): Promise<void> => {
  await loadPriceList(ctx, priceListId);
  await ctx.db.update(priceLists).set({ usedAt: ctx.now() }).where(and(eq(priceLists.id, priceListId), isNull(priceLists.usedAt)));
};

/** The current price-list version of a product covering the whole delivery period, or a 400 naming the date that is not covered. */
export const priceListForPeriod = async (ctx: ServiceContext, productId: string, deliveryFrom: string, deliveryTo: string): Promise<PriceListResponse> => {
  await loadProduct(ctx, productId);
  const current = await ctx.db
    .select()
    .from(priceLists)
    .where(and(eq(priceLists.productId, productId), isNull(priceLists.replacedById), isNull(priceLists.archivedAt)))
    .orderBy(asc(priceLists.validFrom));
  const spans = current.map((l) => `${l.validFrom} – ${l.validTo ?? 'open'}`).join(', ') || 'none';
  const covering = current.find((l) => l.validFrom <= deliveryFrom && (l.validTo === null || l.validTo >= deliveryFrom));
  if (!covering) {
    throw invalidField('deliveryFrom', 'outside_price_list_validity', `deliveryFrom ${deliveryFrom} is outside the validity of the product's price lists (${spans})`);
  }
  if (covering.validTo !== null && covering.validTo < deliveryTo) {
    throw invalidField('deliveryTo', 'outside_price_list_validity', `deliveryTo ${deliveryTo} is after the end of the price list valid ${covering.validFrom} – ${covering.validTo}; a delivery period must lie within one price list`);
  }
  return getPriceList(ctx, covering.id);
};

// ——— quotes ———

export type QuoteInput = { supplyPointId: string; productId: string; deliveryFrom: string; deliveryTo: string };

/**
 * Reads that the quotes of one use case share (supply points, products, price lists, energy reference data,
 * regulated charges, VAT), so an offer for hundreds of supply points reads each once. One cache serves one use case
 * of one caller (the reads went through that caller's access filter); never keep it longer.
 */
export type QuoteCache = Map<string, Promise<unknown>>;
export const newQuoteCache = (): QuoteCache => new Map();
const cached = <T>(cache: QuoteCache | undefined, key: string, load: () => Promise<T>): Promise<T> => {
  if (!cache) return load();
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
};

/** Regulated charges of the point's country, commodity and territory (or country-wide) that touch the period. */
const chargesFor = async (
  ctx: ServiceContext,
  point: { country: string; commodity: 'electricity' | 'gas'; territoryCode: string | null },
  currency: Currency,
  from: string,
  to: string,
): Promise<RegulatedCharge[]> => {
  const rows = await ctx.db
    .select()
    .from(regulatedComponents)
    .where(
      and(
        eq(regulatedComponents.country, point.country),
        eq(regulatedComponents.commodity, point.commodity),
        eq(regulatedComponents.currency, currency),
        point.territoryCode ? or(isNull(regulatedComponents.territoryCode), eq(regulatedComponents.territoryCode, point.territoryCode)) : isNull(regulatedComponents.territoryCode),
        lte(regulatedComponents.validFrom, to),
        or(isNull(regulatedComponents.validTo), gte(regulatedComponents.validTo, from)),
      ),
    );
  // A territory's own row wins over a country-wide row of the same component, basis, tariff and start.
  const own = new Set(rows.filter((r) => r.territoryCode !== null).map((r) => `${r.component}|${r.basis}|${r.tariffCode}|${r.validFrom}`));
  return rows
    .filter((r) => r.territoryCode !== null || !own.has(`${r.component}|${r.basis}|${r.tariffCode}|${r.validFrom}`))
    .map((r) => ({
      component: r.component as RegulatedCharge['component'],
      basis: r.basis,
      amount: r.amount,
      tariffCode: r.tariffCode,
      validFrom: r.validFrom,
      validTo: r.validTo,
    }));
};

const vatRateOn = async (ctx: ServiceContext, country: string, on: string): Promise<string> => {
  const [rate] = await ctx.db
    .select()
    .from(vatRates)
    .where(and(eq(vatRates.country, country), lte(vatRates.validFrom, on), or(isNull(vatRates.validTo), gte(vatRates.validTo, on))))
    .orderBy(desc(vatRates.validFrom))
    .limit(1);
  if (!rate) throw invalidField('deliveryFrom', 'no_vat_rate', `deliveryFrom: no VAT rate of ${country} is valid on ${on}`);
  return rate.ratePercent;
};

/** The supply point to price, read once per quote (once per offer with a cache); 404 outside the caller's rights. */
const pointToPrice = (ctx: ServiceContext, supplyPointId: string, cache?: QuoteCache) =>
  cached(cache, `point:${supplyPointId}`, () => getSupplyPoint(ctx, supplyPointId));

/** Prices a visible supply point at the given price rows (a product's price list, or prices the client pays today). */
const priceAt = async (
  ctx: ServiceContext,
  point: Awaited<ReturnType<typeof pointToPrice>>,
  terms: { currency: Currency; country: string | null; commodity: 'electricity' | 'gas' | null; rows: PriceRow[]; deliveryFrom: string; deliveryTo: string },
  cache?: QuoteCache,
) => {
  const problems: FieldProblem[] = [];
  if (terms.commodity && terms.commodity !== point.commodity) {
    problems.push({ path: 'productId', code: 'commodity_mismatch', message: `productId: the product sells ${terms.commodity}, the supply point takes ${point.commodity}` });
  }
  if (terms.country && terms.country !== point.country) {
    problems.push({ path: 'productId', code: 'country_mismatch', message: `productId: the product is for ${terms.country}, the supply point is in ${point.country}` });
  }
  if (!point.territoryCode) {
    problems.push({ path: 'territoryCode', code: 'required_for_pricing', message: 'territoryCode: the supply point needs its distribution territory to be priced (regulated components depend on it)' });
  }
  if (problems.length > 0) throw validation(problems);
  const reference = await cached(cache, `reference:${terms.deliveryFrom}`, () => loadEnergyReference(ctx, terms.deliveryFrom));
  const kWh = point.annualConsumptionKWh === null ? null : new Decimal(point.annualConsumptionKWh);
  const band = kWh
    ? selectConsumptionBand(
        reference.bands,
        { country: point.country, commodity: point.commodity, customerCategory: point.holder.kind === 'person' ? 'household' : 'business', territoryCode: point.territoryCode, annualKWh: kWh },
        reference.on,
      )
    : null;
  const k = point.gasVolumeCoefficient ?? reference.volumeCoefficientFor(point.country, point.address.city)?.toFixed() ?? null;
  const hs = point.gasCalorificValue ?? reference.calorificValueFor(point.country, point.territoryCode)?.toFixed() ?? null;
  const [regulated, vatPercent] = await readTogether(
    ctx,
    () =>
      cached(cache, `charges:${point.country}|${point.commodity}|${point.territoryCode}|${terms.currency}|${terms.deliveryFrom}|${terms.deliveryTo}`, () =>
        chargesFor(ctx, point, terms.currency, terms.deliveryFrom, terms.deliveryTo),
      ),
    () => cached(cache, `vat:${point.country}|${terms.deliveryFrom}`, () => vatRateOn(ctx, point.country, terms.deliveryFrom)),
  );
  let result: PricingResult;
  try {
    result = priceSupplyPoint({
      currency: terms.currency,
      deliveryFrom: terms.deliveryFrom,
      deliveryTo: terms.deliveryTo,
      supplyPoint: {
        commodity: point.commodity,
        annualConsumption: point.annualConsumption,
        consumptionUnit: point.consumptionUnit,
        gasConversion: k && hs ? { k, hs } : null,
        distributionRate: point.distributionRate,
        consumptionBand: band?.code ?? null,
      },
      priceRows: terms.rows,
      regulated,
      vatPercent,
    });
  } catch (error) {
    if (error instanceof PricingError) throw validation(error.problems);
    throw error;
  }
  return { ...result, supplyPointId: point.id, territoryCode: point.territoryCode, consumptionBand: band?.code ?? null };
};

/**
 * For offers: the full cost of a supply point for a product over a delivery period, line by line, with totals and
 * margin. 404 when the supply point (or product) is outside the caller's rights; 400 naming the field and rule when
 * the period is outside the product's price lists or the point lacks what pricing needs.
 */
export const quoteSupplyPoint = async (ctx: ServiceContext, input: QuoteInput, cache?: QuoteCache): Promise<QuoteResponse> => {
  assertCan(ctx.actor, 'clients.read');
  const point = await pointToPrice(ctx, input.supplyPointId, cache);
  const product = await cached(cache, `product:${input.productId}`, () => loadProduct(ctx, input.productId));
  const list = await cached(cache, `list:${product.id}|${input.deliveryFrom}|${input.deliveryTo}`, () =>
    priceListForPeriod(ctx, product.id, input.deliveryFrom, input.deliveryTo),
  );
  const priced = await priceAt(ctx, point, {
    currency: product.currency,
    country: product.country,
    commodity: product.commodity,
    rows: list.rows,
    deliveryFrom: input.deliveryFrom,
    deliveryTo: input.deliveryTo,
  }, cache);
  return { ...priced, productId: product.id, priceListId: list.id };
};

/**
 * For offers: the client's current cost at prices they entered (commodity per MWh and monthly fee of their current
 * supplier), with the same regulated components and VAT, to compare with a quote (domain/pricing/saving.ts).
 */
export const quoteSupplyPointAtPrices = async (
  ctx: ServiceContext,
  input: { supplyPointId: string; currency: Currency; pricePerMWh: string; monthlyFee: string; deliveryFrom: string; deliveryTo: string },
  cache?: QuoteCache,
): Promise<QuoteResponse> => {
  assertCan(ctx.actor, 'clients.read');
  const priced = await priceAt(ctx, await pointToPrice(ctx, input.supplyPointId, cache), {
    currency: input.currency,
    country: null,
    commodity: null,
    rows: [{ tariffCode: null, pricePerMWh: input.pricePerMWh, monthlyFee: input.monthlyFee, purchasePerMWh: null }],
    deliveryFrom: input.deliveryFrom,
    deliveryTo: input.deliveryTo,
  }, cache);
  return { ...priced, productId: null, priceListId: null };
};

// ——— regulated components and VAT rates ———

const toComponent = (r: typeof regulatedComponents.$inferSelect): RegulatedComponentResponse => ({
  id: r.id,
  country: r.country,
  commodity: r.commodity,
  territoryCode: r.territoryCode,
  tariffCode: r.tariffCode,
  component: r.component as RegulatedComponentResponse['component'],
  basis: r.basis,
  amount: canonical(r.amount),
  currency: r.currency,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
  version: r.version,
});

const referenceTarget = (entityType: string, id: string) => ({ entityType, entityId: id, rootType: entityType, rootId: id, ownerId: null });

const periodProblem = (validFrom: string, validTo: string | null | undefined): FieldProblem[] =>
  validTo && validTo < validFrom ? [{ path: 'validTo', code: 'before_valid_from', message: `validTo ${validTo} is before validFrom ${validFrom}` }] : [];

export const listRegulatedComponents = async (
  ctx: ServiceContext,
  filter: { country?: string | undefined; commodity?: 'electricity' | 'gas' | undefined; territoryCode?: string | undefined; year?: number | undefined },
): Promise<RegulatedComponentResponse[]> => {
  const rows = await ctx.db
    .select()
    .from(regulatedComponents)
    .where(
      and(
        filter.country ? eq(regulatedComponents.country, filter.country) : undefined,
        filter.commodity ? eq(regulatedComponents.commodity, filter.commodity) : undefined,
        filter.territoryCode ? or(isNull(regulatedComponents.territoryCode), eq(regulatedComponents.territoryCode, filter.territoryCode)) : undefined,
        filter.year ? lte(regulatedComponents.validFrom, `${filter.year}-12-31`) : undefined,
        filter.year ? or(isNull(regulatedComponents.validTo), gte(regulatedComponents.validTo, `${filter.year}-01-01`)) : undefined,
      ),
    )
    .orderBy(
      asc(regulatedComponents.country),
      asc(regulatedComponents.commodity),
      sql`${regulatedComponents.territoryCode} nulls first`,
      asc(regulatedComponents.component),
      sql`${regulatedComponents.tariffCode} nulls first`,
      asc(regulatedComponents.validFrom),
    );
  return rows.map(toComponent);
};

export const createRegulatedComponent = async (ctx: ServiceContext, input: RegulatedComponentInput): Promise<RegulatedComponentResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const problems = periodProblem(input.validFrom, input.validTo);
  if (problems.length > 0) throw validation(problems);
  await assertCodes(ctx, { territoryCode: { list: 'distributionTerritory', code: input.territoryCode ?? null } });
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(regulatedComponents)
      .values({ ...input, territoryCode: input.territoryCode ?? null, tariffCode: input.tariffCode ?? null, validTo: input.validTo ?? null, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, referenceTarget('regulatedComponent', row.id), 'create', null, row);
    return toComponent(row);
  });
};

export const updateRegulatedComponent = async (
  ctx: ServiceContext,
  id: string,
  input: Partial<RegulatedComponentInput> & { version: number },
): Promise<RegulatedComponentResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const { version, ...patch } = input;
  if (patch.territoryCode) await assertCodes(ctx, { territoryCode: { list: 'distributionTerritory', code: patch.territoryCode } });
  return withTx(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(regulatedComponents).where(eq(regulatedComponents.id, id)).for('update');
    if (!before) throw notFound('Regulated component');
    if (before.version !== version) throw new AppError('version_conflict', 'The component was changed by someone else; reload it and try again');
    const problems = periodProblem(patch.validFrom ?? before.validFrom, patch.validTo === undefined ? before.validTo : patch.validTo);
    if (problems.length > 0) throw validation(problems);
    const [row] = await ctx.db
      .update(regulatedComponents)
      .set({ ...patch, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(regulatedComponents.id, id), eq(regulatedComponents.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The component was changed by someone else; reload it and try again');
    await recordChange(ctx, referenceTarget('regulatedComponent', row.id), 'update', before, row);
    return toComponent(row);
  });
};

const toVat = (r: typeof vatRates.$inferSelect): VatRateResponse => ({
  id: r.id,
  country: r.country,
  ratePercent: canonical(r.ratePercent),
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
  version: r.version,
});

export const listVatRates = async (ctx: ServiceContext): Promise<VatRateResponse[]> =>
  (await ctx.db.select().from(vatRates).orderBy(asc(vatRates.country), desc(vatRates.validFrom))).map(toVat);

export const createVatRate = async (ctx: ServiceContext, input: VatRateInput): Promise<VatRateResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const problems = periodProblem(input.validFrom, input.validTo);
  if (problems.length > 0) throw validation(problems);
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(vatRates)
      .values({ ...input, validTo: input.validTo ?? null, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, referenceTarget('vatRate', row.id), 'create', null, row);
    return toVat(row);
  });
};

export const updateVatRate = async (ctx: ServiceContext, id: string, input: Partial<VatRateInput> & { version: number }): Promise<VatRateResponse> => {
  assertCan(ctx.actor, 'admin.pricing');
  const { version, ...patch } = input;
  return withTx(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(vatRates).where(eq(vatRates.id, id)).for('update');
    if (!before) throw notFound('VAT rate');
    if (before.version !== version) throw new AppError('version_conflict', 'The VAT rate was changed by someone else; reload it and try again');
    const problems = periodProblem(patch.validFrom ?? before.validFrom, patch.validTo === undefined ? before.validTo : patch.validTo);
    if (problems.length > 0) throw validation(problems);
    const [row] = await ctx.db
      .update(vatRates)
      .set({ ...patch, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(vatRates.id, id), eq(vatRates.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The VAT rate was changed by someone else; reload it and try again');
    await recordChange(ctx, referenceTarget('vatRate', row.id), 'update', before, row);
    return toVat(row);
  });
};

/** Seeds regulated components and VAT rates on a fresh database; rows an administrator changed stay as they are. */
export const ensurePricingReferenceData = async (ctx: ServiceContext): Promise<void> => {
  await ctx.db.insert(regulatedComponents).values(componentsSeed.components as (typeof regulatedComponents.$inferInsert)[]).onConflictDoNothing();
  await ctx.db.insert(vatRates).values(vatSeed.rates).onConflictDoNothing();
};

/** Code, name and supplier of the listed products (read by every user of the owner company), for contracts' exports. */
export const productsByIds = async (ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, { id: string; code: string; name: string; supplier: string }>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: products.id, code: products.code, name: products.name, supplier: products.supplier })
    .from(products)
    .where(inArray(products.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
};
