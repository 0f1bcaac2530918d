import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { anyId } from '../../db/bulk.js';
import { Decimal } from 'decimal.js';
import { and, eq, getTableColumns, gte, ilike, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { searchable, type FieldIssue } from '../../../domain/clients/client-rules.js';
import { toDecimalString } from '../../../domain/energy/quantity.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, notFound } from '../../http/errors.js';
import { verifyAddress, type Geocoder } from '../addresses/addresses.service.js';
import { listHistory, recordChange, recordChanges, type HistoryEntry } from '../audit/audit.service.js';
import { visibleBranches, visibleTo } from '../auth/access.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { clients } from '../clients/clients.schema.js';
import { getClient, updateClient } from '../clients/clients.service.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import { businessDate, loadEnergyReference, type EnergyReference } from '../code-lists/energy-reference.service.js';
import { checkSupplyPoint, deriveParameters, type SupplyPointFields } from './supply-point-rules.js';
import type {
  DerivedParameters,
  HolderUpdateBody,
  SupplyPointCreateBody,
  SupplyPointListQuery,
  SupplyPointResponse,
  SupplyPointUpdateBody,
} from './supply-points.api.js';
import { supplyPoints } from './supply-points.schema.js';
import { containsPattern } from '../../db/similarity.js';

type SupplyPointRow = typeof supplyPoints.$inferSelect;
type HolderRow = Pick<typeof clients.$inferSelect, 'id' | 'kind' | 'name' | 'email' | 'phone' | 'street' | 'city' | 'postalCode' | 'addressCountry' | 'version' | 'country'>;

const holderColumns = {
  id: clients.id,
  kind: clients.kind,
  name: clients.name,
  email: clients.email,
  phone: clients.phone,
  street: clients.street,
  city: clients.city,
  postalCode: clients.postalCode,
  addressCountry: clients.addressCountry,
  version: clients.version,
  country: clients.country,
};

const toNumber = (value: string | null) => (value === null ? null : Number(value));
// numeric columns come back padded to their scale ("12.500"); the API carries the canonical decimal string.
const canonical = (value: string | null) => (value === null ? null : toDecimalString(new Decimal(value)));

const toResponse = (row: SupplyPointRow, holder: HolderRow, warnings: FieldIssue[] = []): SupplyPointResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  clientId: row.clientId,
  commodity: row.commodity,
  country: row.country,
  identifier: row.identifier,
  identifierScheme: row.identifierScheme,
  territoryCode: row.territoryCode,
  territorySource: row.territorySource,
  status: row.status,
  name: row.name,
  address: {
    street: row.street,
    city: row.city,
    postalCode: row.postalCode,
    country: row.addressCountry,
    latitude: toNumber(row.latitude),
    longitude: toNumber(row.longitude),
  },
  addressStatus: row.addressStatus,
  annualConsumption: canonical(row.annualConsumption),
  consumptionUnit: row.consumptionUnit,
  annualConsumptionKWh: canonical(row.annualConsumptionKWh),
  gasVolumeCoefficient: canonical(row.gasVolumeCoefficient),
  gasCalorificValue: canonical(row.gasCalorificValue),
  currentSupplier: row.currentSupplier,
  currentProduct: row.currentProduct,
  distributionRate: row.distributionRate,
  breakerRating: row.breakerRating,
  iban: row.iban,
  paymentMethod: row.paymentMethod,
  note: row.note,
  holder: {
    clientId: holder.id,
    kind: holder.kind,
    name: holder.name,
    email: holder.email,
    phone: holder.phone,
    address: { street: holder.street, city: holder.city, postalCode: holder.postalCode, country: holder.addressCountry },
    version: holder.version,
  },
  archivedAt: row.archivedAt,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  warnings,
});

/**
 * A supply point is visible exactly when its client is: every read joins the client and applies the one access
 * filter (CORE-3) to it.
 */
const selectVisible = (ctx: ServiceContext) =>
  ctx.db
    .select({ point: supplyPoints, holder: holderColumns })
    .from(supplyPoints)
    .innerJoin(clients, and(eq(clients.id, supplyPoints.clientId), visibleTo(ctx.actor, clients)));

const loadVisible = async (ctx: ServiceContext, id: string, forUpdate = false) => {
  const query = selectVisible(ctx).where(eq(supplyPoints.id, id));
  const [found] = forUpdate ? await query.for('update', { of: supplyPoints }) : await query;
  if (!found) throw notFound('Supply point');
  return found;
};

const target = (row: SupplyPointRow) => ({
  entityType: 'supplyPoint',
  entityId: row.id,
  rootType: 'supplyPoint',
  rootId: row.id,
  ownerId: row.ownerId,
});

const versionConflict = () => new AppError('version_conflict', 'The supply point was changed by someone else; reload it and try again');

/** The reference data valid today, read once per use case. */
export const referenceForToday = (ctx: ServiceContext): Promise<EnergyReference> => loadEnergyReference(ctx, businessDate(ctx.now()));

/** Runs the pure checks and the code-list checks; throws one 400 naming every invalid field. */
export const prepareSupplyPoint = async (
  ctx: ServiceContext,
  fields: SupplyPointFields,
  holder: { country: string; kind: 'company' | 'person' },
  reference: EnergyReference,
) => {
  const checked = checkSupplyPoint(fields, holder, reference);
  if (checked.errors.length > 0) {
    throw new AppError('validation', checked.errors.map((e) => e.message).join('; '), { errors: checked.errors });
  }
  await assertCodes(ctx, {
    territoryCode: { list: 'distributionTerritory', code: checked.columns.territoryCode },
    distributionRate: { list: 'distributionRate', code: checked.columns.distributionRate },
    paymentMethod: { list: 'paymentMethod', code: checked.columns.paymentMethod },
  });
  return checked;
};

/** One supply point per identifier per owner among those in use; the existing one is named. */
export const assertIdentifierFree = async (ctx: ServiceContext, ownerId: string, identifier: string, exceptId?: string) => {
  const [existing] = await ctx.db
    .select({ id: supplyPoints.id })
    .from(supplyPoints)
    .where(and(eq(supplyPoints.ownerId, ownerId), eq(supplyPoints.identifier, identifier), isNull(supplyPoints.archivedAt), exceptId ? ne(supplyPoints.id, exceptId) : undefined));
  if (existing) {
    throw new AppError('supply_point.duplicate_identifier', `Supply point ${identifier} already exists`, {
      errors: [{ path: 'identifier', code: 'duplicate', message: `identifier ${identifier} is already used by supply point ${existing.id}` }],
    });
  }
};

type AddressColumns = { latitude: string | null; longitude: string | null; addressStatus: 'verified' | 'unverified'; street?: string; city?: string; postalCode?: string | null };

/** Asks the geocoder before the transaction opens; a slow or absent geocoder leaves the address unverified. */
const verifiedAddress = async (ctx: ServiceContext, geocoder: Geocoder | null, address: SupplyPointFields['address']): Promise<AddressColumns> => {
  const result = await verifyAddress(geocoder, address ?? {}, { log: ctx.log });
  if (result.status !== 'verified') return { latitude: null, longitude: null, addressStatus: 'unverified' };
  return {
    latitude: result.lat.toFixed(6),
    longitude: result.lon.toFixed(6),
    addressStatus: 'verified',
    street: result.address.street,
    city: result.address.city,
    postalCode: result.address.postalCode,
  };
};

export const createSupplyPoint = async (
  ctx: ServiceContext,
  input: SupplyPointCreateBody,
  geocoder: Geocoder | null = null,
): Promise<SupplyPointResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const client = await getClient(ctx, input.clientId);
  if (client.archivedAt) throw new AppError('client.archived', 'The client is archived; restore it before adding supply points');
  const reference = await referenceForToday(ctx);
  const { columns, warnings } = await prepareSupplyPoint(ctx, input, client, reference);
  const located = await verifiedAddress(ctx, geocoder, input.address);
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    await assertIdentifierFree(ctx, client.ownerId, columns.identifier);
    const [row] = await ctx.db
      .insert(supplyPoints)
      .values({ ...columns, ...located, clientId: client.id, ownerId: client.ownerId, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, target(row), 'create', null, row);
    const { holder } = await loadVisible(ctx, row.id);
    return toResponse(row, holder, warnings);
  });
};

export const getSupplyPoint = async (ctx: ServiceContext, id: string): Promise<SupplyPointResponse> => {
  assertCan(ctx.actor, 'clients.read');
  const { point, holder } = await loadVisible(ctx, id);
  return toResponse(point, holder);
};

export const supplyPointDerivedParameters = async (ctx: ServiceContext, id: string): Promise<DerivedParameters> => {
  assertCan(ctx.actor, 'clients.read');
  const { point, holder } = await loadVisible(ctx, id);
  return deriveParameters(point, holder, await referenceForToday(ctx));
};

/** Assert-visible for child records (meters, readings): 404 unless the caller may see the supply point. */
export const assertSupplyPointVisible = async (ctx: ServiceContext, id: string) => {
  const { point } = await loadVisible(ctx, id);
  return { id: point.id, ownerId: point.ownerId, clientId: point.clientId, commodity: point.commodity, archivedAt: point.archivedAt };
};

/**
 * The listed supply points the caller may see, with what a linking record checks (client, commodity, archived), in
 * one query per 20,000 ids; an id missing from the map is unknown or outside the caller's rights.
 */
export const visibleSupplyPointsByIds = async (ctx: ServiceContext, ids: readonly string[]) => {
  const unique = [...new Set(ids)];
  const result = new Map<string, { id: string; ownerId: string; clientId: string; commodity: 'electricity' | 'gas'; archivedAt: Date | null }>();
  for (let i = 0; i < unique.length; i += 20_000) {
    const rows = await selectVisible(ctx).where(anyId(supplyPoints.id, unique.slice(i, i + 20_000)));
    for (const { point } of rows) result.set(point.id, { id: point.id, ownerId: point.ownerId, clientId: point.clientId, commodity: point.commodity, archivedAt: point.archivedAt });
  }
  return result;
};

/**
 * The supply points the caller may see (id, identifier) as a subquery, for another module's list that shows the
 * supply point of each of its rows in the same query (e.g. reminders): the one access filter, joined once.
 */
export const visibleSupplyPoints = (ctx: ServiceContext) =>
  ctx.db
    .select({ id: supplyPoints.id, identifier: supplyPoints.identifier })
    .from(supplyPoints)
    .innerJoin(clients, and(eq(clients.id, supplyPoints.clientId), visibleTo(ctx.actor, clients)))
    .as('visible_supply_points');

/**
 * The responsible user of each listed supply point's client (null when none), for jobs that notify people, e.g.
 * meter verification reminders. Archived supply points and those outside the caller's rights are left out.
 */
export const responsibleUsersOfSupplyPoints = async (ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, string | null>> => {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: supplyPoints.id, userId: clients.responsibleUserId })
    .from(supplyPoints)
    .innerJoin(clients, and(eq(clients.id, supplyPoints.clientId), visibleTo(ctx.actor, clients)))
    .where(and(inArray(supplyPoints.id, [...ids]), isNull(supplyPoints.archivedAt)));
  return new Map(rows.map((r) => [r.id, r.userId]));
};

const fieldsOf = (row: SupplyPointResponse): SupplyPointFields => ({
  commodity: row.commodity,
  identifier: row.identifier,
  territoryCode: row.territorySource === 'manual' ? row.territoryCode : null,
  status: row.status,
  name: row.name,
  address: row.address,
  annualConsumption: canonical(row.annualConsumption),
  consumptionUnit: row.consumptionUnit,
  gasVolumeCoefficient: canonical(row.gasVolumeCoefficient),
  gasCalorificValue: canonical(row.gasCalorificValue),
  currentSupplier: row.currentSupplier,
  currentProduct: row.currentProduct,
  distributionRate: row.distributionRate,
  breakerRating: row.breakerRating,
  iban: row.iban,
  paymentMethod: row.paymentMethod,
  note: row.note,
});

const sameAddress = (a: SupplyPointFields['address'], b: SupplyPointFields['address']) =>
  (a?.street ?? null) === (b?.street ?? null) && (a?.city ?? null) === (b?.city ?? null) && (a?.postalCode ?? null) === (b?.postalCode ?? null);

export const updateSupplyPoint = async (
  ctx: ServiceContext,
  id: string,
  input: SupplyPointUpdateBody,
  geocoder: Geocoder | null = null,
): Promise<SupplyPointResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const { version, ...patch } = input;
  const current = await getSupplyPoint(ctx, id);
  const merged: SupplyPointFields = { ...fieldsOf(current), ...patch };
  if (patch.territoryCode === undefined && patch.identifier !== undefined && current.territorySource !== 'manual') merged.territoryCode = null;
  const reference = await referenceForToday(ctx);
  const { columns, warnings } = await prepareSupplyPoint(ctx, merged, { country: current.country, kind: current.holder.kind }, reference);
  const addressChanged = patch.address !== undefined && !sameAddress(patch.address, current.address);
  const located = addressChanged ? await verifiedAddress(ctx, geocoder, merged.address) : {};
  return withTx(ctx, async (ctx) => {
    const before = await loadVisible(ctx, id, true);
    if (before.point.version !== version) throw versionConflict();
    await assertIdentifierFree(ctx, before.point.ownerId, columns.identifier, id);
    const [row] = await ctx.db
      .update(supplyPoints)
      .set({ ...columns, ...located, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(supplyPoints.id, id), eq(supplyPoints.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, target(row), 'update', before.point, row);
    return toResponse(row, before.holder, warnings);
  });
};

/**
 * Edits the holder's data from the supply point. They are the client's fields, so this is one client update:
 * one change, one history entry on the client, seen on the client card and on every one of its supply points.
 */
export const updateSupplyPointHolder = async (ctx: ServiceContext, id: string, input: HolderUpdateBody): Promise<SupplyPointResponse> => {
  const { point } = await loadVisible(ctx, id);
  const { version, address, ...fields } = input;
  await updateClient(ctx, point.clientId, { ...fields, ...(address !== undefined ? { address } : {}), version });
  return getSupplyPoint(ctx, id);
};

const setArchived = async (ctx: ServiceContext, id: string, version: number, archive: boolean) => {
  assertCan(ctx.actor, 'clients.archive');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisible(ctx, id, true);
    if (before.point.version !== version) throw versionConflict();
    if (!archive) await assertIdentifierFree(ctx, before.point.ownerId, before.point.identifier, id);
    const [row] = await ctx.db
      .update(supplyPoints)
      .set({ archivedAt: archive ? ctx.now() : null, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(supplyPoints.id, id), eq(supplyPoints.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, target(row), archive ? 'archive' : 'restore', before.point, row);
    return toResponse(row, before.holder);
  });
};

export const archiveSupplyPoint = (ctx: ServiceContext, id: string, version: number) => setArchived(ctx, id, version, true);
export const restoreSupplyPoint = (ctx: ServiceContext, id: string, version: number) => setArchived(ctx, id, version, false);

const sortExpressions = {
  identifier: { expression: supplyPoints.identifier },
  clientName: { expression: clients.name },
  city: { expression: sql`coalesce(${supplyPoints.city}, '')` },
  annualConsumptionKWh: { expression: sql`coalesce(${supplyPoints.annualConsumptionKWh}, -1)` },
  currentSupplier: { expression: sql`coalesce(${supplyPoints.currentSupplier}, '')` },
  updatedAt: { expression: supplyPoints.updatedAt, isTime: true },
} as const;

type SortField = SupplyPointListQuery['sort']['field'];

const sortValue = (item: { point: SupplyPointRow; holder: HolderRow }, field: SortField): string | number | Date => {
  switch (field) {
    case 'identifier':
      return item.point.identifier;
    case 'clientName':
      return item.holder.name;
    case 'city':
      return item.point.city ?? '';
    case 'annualConsumptionKWh':
      return item.point.annualConsumptionKWh ?? '-1';
    case 'currentSupplier':
      return item.point.currentSupplier ?? '';
    case 'updatedAt':
      return item.point.updatedAt;
  }
};


/** Terms this long are looked up in the trigram indexes first (shorter ones have no trigram to look up). */
const indexedSearchLength = 3;

/**
 * A point matches a search by its own text (identifier, address, supplier) or its client's (name, IDs, contacts).
 * From 3 characters the matches are collected from both trigram indexes first, within the branch of access being
 * read, and fenced with OFFSET 0 so PostgreSQL does not walk the list order testing every point against two tables
 * (seconds at 2,000,000 points). The inner `supply_points` references bind to the subqueries' own table.
 */
const searchCondition = (text: string, access: SQL): SQL => {
  const pattern = containsPattern(text);
  if (text.length < indexedSearchLength)
    return sql`(${supplyPoints.searchText} like ${pattern} or ${clients.searchText} like ${pattern})`;
  return sql`${supplyPoints.id} in (select id from (
    select ${supplyPoints.id} from ${supplyPoints} where ${supplyPoints.searchText} like ${pattern} and ${access}
    union
    select ${supplyPoints.id} from ${supplyPoints} where ${access} and ${supplyPoints.clientId} in (
      select ${clients.id} from ${clients} where ${clients.searchText} like ${pattern} offset 0)
  ) matches offset 0)`;
};

/** A filter that depends on the branch of access it is read in. */
type BranchCondition = (access: SQL) => SQL;

/** Filters shared by the list and its export. Access is added per branch by `listPage`. */
const listConditions = (query: Omit<SupplyPointListQuery, 'limit' | 'cursor'>): (SQL | BranchCondition | undefined)[] => {
  const q = query.q ? searchable(query.q) : '';
  return [
    q ? (access: SQL) => searchCondition(q, access) : undefined,
    query.clientId ? eq(supplyPoints.clientId, query.clientId) : undefined,
    query.commodity ? eq(supplyPoints.commodity, query.commodity) : undefined,
    query.territoryCode ? eq(supplyPoints.territoryCode, query.territoryCode) : undefined,
    query.status ? eq(supplyPoints.status, query.status) : undefined,
    query.supplier ? ilike(supplyPoints.currentSupplier, containsPattern(query.supplier)) : undefined,
    query.minConsumptionKWh ? gte(supplyPoints.annualConsumptionKWh, query.minConsumptionKWh) : undefined,
    query.maxConsumptionKWh ? lte(supplyPoints.annualConsumptionKWh, query.maxConsumptionKWh) : undefined,
    query.archived === 'false' ? isNull(supplyPoints.archivedAt) : query.archived === 'true' ? isNotNull(supplyPoints.archivedAt) : undefined,
    // Narrows what the caller may see anyway: another user's import shows nothing more.
    query.importId ? eq(supplyPoints.importId, query.importId) : undefined,
  ];
};

const keysetFor = (sort: SupplyPointListQuery['sort']): Keyset => ({ ...sortExpressions[sort.field], id: supplyPoints.id, direction: sort.direction });

/** A supply point's copy of its client's access columns (migration 0010 keeps it). */
const pointAccess = {
  ownerId: supplyPoints.ownerId,
  teamId: supplyPoints.clientTeamId,
  responsibleUserId: supplyPoints.clientResponsibleUserId,
  createdBy: supplyPoints.clientCreatedBy,
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/**
 * The ids of one page of the list, in order. Each way the caller may see points (their teams', theirs, …) takes its
 * own first `limit` rows from its index in sort order; the union of those, sorted again, is the page. One query over
 * all visible points instead would filter them through the client join in identifier order, which took seconds for a
 * team at 2,000,000 points.
 */
const listPageIds = async (ctx: ServiceContext, filters: (SQL | BranchCondition | undefined)[], keyset: Keyset, limit: number): Promise<string[]> => {
  const branches = visibleBranches(ctx.actor, pointAccess).map((access) => {
    const conditions = filters.map((filter) => (typeof filter === 'function' ? filter(access) : filter));
    return sql`(${ctx.db
        .select({ id: supplyPoints.id, sortValue: sql`${keyset.expression}`.as('sort_value') })
        .from(supplyPoints)
        .innerJoin(clients, eq(clients.id, supplyPoints.clientId))
        .where(and(access, ...conditions))
        .orderBy(...keysetOrder(keyset))
        .limit(limit)})`;
  });
  const direction = keyset.direction === 'asc' ? sql`asc` : sql`desc`;
  const result = await ctx.db.execute(
    sql`select id from (${sql.join(branches, sql` union `)}) page order by sort_value ${direction}, id ${direction} limit ${limit}`,
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
};

/** The page's rows in the page's order, read through the client join with the one access filter once more. */
const listPage = async (ctx: ServiceContext, filters: (SQL | BranchCondition | undefined)[], keyset: Keyset, limit: number) => {
  const ids = await listPageIds(ctx, filters, keyset, limit);
  if (ids.length === 0) return [];
  const rows = await selectVisible(ctx).where(inArray(supplyPoints.id, ids));
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.point.id)! - position.get(b.point.id)!);
};

export const listSupplyPoints = async (ctx: ServiceContext, query: SupplyPointListQuery) => {
  assertCan(ctx.actor, 'clients.read');
  const keyset = keysetFor(query.sort);
  const rows = await listPage(ctx, [...listConditions(query), keysetAfter(keyset, query.cursor)], keyset, query.limit + 1);
  const page = pageOf(rows, query.limit, (item) => encodeCursor(sortValue(item, query.sort.field), item.point.id));
  return { items: page.items.map((item) => toResponse(item.point, item.holder)), nextCursor: page.nextCursor };
};

export const listSupplyPointsForExport = async (ctx: ServiceContext, query: Omit<SupplyPointListQuery, 'limit' | 'cursor'>) => {
  assertCan(ctx.actor, 'clients.export');
  const rows = await listPage(ctx, listConditions(query), keysetFor(query.sort), exportLimit + 1);
  return withinExportLimit(rows).map((item) => toResponse(item.point, item.holder));
};

export const supplyPointHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'clients.read');
  await loadVisible(ctx, id);
  return listHistory(ctx, { type: 'supplyPoint', id });
};

/**
 * Global search hits: an identifier typed whole (spaces and case aside) is matched exactly, anything else as a
 * fragment of identifier, address, supplier or client name, always through the same access join as the list.
 */
export const searchSupplyPoints = async (ctx: ServiceContext, q: string, limit: number) => {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  const exact = /^[0-9A-Z-]{11,40}$/.test(compact) && /\d/.test(compact)
    ? await selectVisible(ctx).where(and(eq(supplyPoints.identifier, compact), isNull(supplyPoints.archivedAt))).limit(limit)
    : [];
  if (exact.length > 0) return exact.map((item) => toResponse(item.point, item.holder));
  const page = await listSupplyPoints(ctx, { q, archived: 'false', sort: { field: 'identifier', direction: 'asc' }, limit });
  return page.items;
};

// ------------------------------------------------------------------------------------ bulk (imports)

/**
 * Clients with one of these company IDs that the caller may see (archived ones included, so the import can say
 * so), for the supply-point import: one query for many rows, through the same access filter as every read.
 */
export const holdersByCompanyId = async (ctx: ServiceContext, companyIds: string[]) => {
  if (companyIds.length === 0) return [];
  return ctx.db
    .select({ id: clients.id, ownerId: clients.ownerId, companyId: clients.companyId, country: clients.country, kind: clients.kind, archivedAt: clients.archivedAt })
    .from(clients)
    .where(and(inArray(clients.companyId, companyIds), visibleTo(ctx.actor, clients)));
};

/**
 * Supply points in use (not archived) that the caller may see, with one of these identifiers, and their clients:
 * the duplicate check of many leads at once, one statement per call (the caller bounds the list).
 */
export const visibleSupplyPointsByIdentifier = async (
  ctx: ServiceContext,
  identifiers: readonly string[],
): Promise<{ id: string; identifier: string; clientId: string }[]> => {
  assertCan(ctx.actor, 'clients.read');
  if (identifiers.length === 0) return [];
  return ctx.db
    .select({ id: supplyPoints.id, identifier: supplyPoints.identifier, clientId: supplyPoints.clientId })
    .from(supplyPoints)
    .innerJoin(clients, and(eq(clients.id, supplyPoints.clientId), visibleTo(ctx.actor, clients)))
    .where(and(inArray(supplyPoints.identifier, [...identifiers]), isNull(supplyPoints.archivedAt)));
};

/** Supply points in use with one of these identifiers, for duplicate checks of many rows at once. */
export const supplyPointsWithIdentifiers = async (ctx: ServiceContext, identifiers: string[]) => {
  if (identifiers.length === 0) return [];
  return ctx.db
    .select({ id: supplyPoints.id, ownerId: supplyPoints.ownerId, identifier: supplyPoints.identifier })
    .from(supplyPoints)
    .where(and(inArray(supplyPoints.identifier, identifiers), isNull(supplyPoints.archivedAt)));
};

export type NewSupplyPoint = typeof supplyPoints.$inferInsert;

/** Property → column name, for statements that take their rows as one JSON parameter. */
const columnNames: Record<string, string> = Object.fromEntries(
  Object.entries(getTableColumns(supplyPoints)).map(([key, column]) => [key, column.keyAsName ? toSnakeCase(column.name) : column.name]),
);

/**
 * Inserts already checked supply points with their history, in the caller's transaction (the import owns it).
 * Each chunk travels as one JSON parameter expanded by the database: binding ~40 parameters a row through the
 * query builder costs more than the insert itself at tens of thousands of rows.
 */
export const insertSupplyPoints = async (ctx: ServiceContext, rows: NewSupplyPoint[], chunk = 1000): Promise<number> => {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  const keys = [...present].filter((key) => columnNames[key]);
  const columns = sql.join(keys.map((key) => sql.identifier(columnNames[key]!)), sql`, `);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const data = JSON.stringify(rows.slice(i, i + chunk).map((row) => Object.fromEntries(keys.map((key) => [columnNames[key], row[key as keyof NewSupplyPoint] ?? null]))));
    const result = await ctx.db.execute(sql`
      insert into ${supplyPoints} (${columns})
      select ${columns} from jsonb_populate_recordset(null::${supplyPoints}, ${data}::jsonb)
      returning id`);
    const ids = ((result as { rows?: { id: string }[] }).rows ?? (result as unknown as { id: string }[])).map((r) => r.id);
    const created = await ctx.db.select().from(supplyPoints).where(inArray(supplyPoints.id, ids));
    // One history row per imported supply point (its creation, by identifier) instead of one per filled field:
    // the imported values are the row itself, and 20-odd rows per point made a 50,000-row import three times slower.
    await recordChanges(ctx, created.map((row) => ({ target: target(row), action: 'create' as const, before: null, after: { identifier: row.identifier } })));
    inserted += created.length;
  }
  return inserted;
};

export type SupplyPointPartyRow = Pick<
  typeof supplyPoints.$inferSelect,
  'id' | 'identifier' | 'commodity' | 'territoryCode' | 'distributionRate' | 'annualConsumptionKWh' | 'street' | 'city' | 'postalCode' | 'addressCountry' | 'iban' | 'paymentMethod'
>;

/**
 * The listed supply points' details, in batches of 20,000 ids, for a module that has already checked access to the
 * records naming them (the supply points of a signed contract in its data sentence). No access filter of its own:
 * pass only ids read through the caller's access filter.
 */
export const supplyPointsByIds = async (ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, SupplyPointPartyRow>> => {
  const unique = [...new Set(ids)];
  const result = new Map<string, SupplyPointPartyRow>();
  for (let i = 0; i < unique.length; i += 20_000) {
    const rows = await ctx.db
      .select({
        id: supplyPoints.id,
        identifier: supplyPoints.identifier,
        commodity: supplyPoints.commodity,
        territoryCode: supplyPoints.territoryCode,
        distributionRate: supplyPoints.distributionRate,
        annualConsumptionKWh: supplyPoints.annualConsumptionKWh,
        street: supplyPoints.street,
        city: supplyPoints.city,
        postalCode: supplyPoints.postalCode,
        addressCountry: supplyPoints.addressCountry,
        iban: supplyPoints.iban,
        paymentMethod: supplyPoints.paymentMethod,
      })
      .from(supplyPoints)
      // One parameter per batch (a uuid[] literal): binding thousands of parameters costs more than the query.
      .where(anyId(supplyPoints.id, unique.slice(i, i + 20_000)));
    for (const row of rows) result.set(row.id, row);
  }
  return result;
};
