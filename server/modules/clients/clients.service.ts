import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { anyId } from '../../db/bulk.js';
import { and, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { checkPartyFields, searchable, type FieldIssue } from '../../../domain/clients/client-rules.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { isTypoTolerant, mostSimilarFirst, similarTo, withTypoTolerance, containsPattern } from '../../db/similarity.js';
import { AppError, notFound } from '../../http/errors.js';
import { visibleTo } from '../auth/access.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import { clients } from './clients.schema.js';
import type { ClientCreateBody, ClientListQuery, ClientResponse, ClientUpdateBody } from './clients.api.js';

type ClientRow = typeof clients.$inferSelect;

const toResponse = (row: ClientRow, warnings: FieldIssue[] = []): ClientResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  kind: row.kind,
  name: row.name,
  country: row.country,
  companyId: row.companyId,
  taxId: row.taxId,
  vatId: row.vatId,
  status: row.status,
  relationshipType: row.relationshipType,
  businessArea: row.businessArea,
  industry: row.industry,
  email: row.email,
  phone: row.phone,
  website: row.website,
  address: { street: row.street, city: row.city, postalCode: row.postalCode, country: row.addressCountry },
  creditRating: row.creditRating,
  debtorNumber: row.debtorNumber,
  creditorNumber: row.creditorNumber,
  note: row.note,
  teamId: row.teamId,
  responsibleUserId: row.responsibleUserId,
  archivedAt: row.archivedAt,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  createdBy: row.createdBy,
  updatedBy: row.updatedBy,
  warnings,
});

const visible = (ctx: ServiceContext) => visibleTo(ctx.actor, clients);

/**
 * The client with this id if the caller may see it, as a condition on `clients`, for queries that read a client
 * together with its children (contacts) in one statement; archived clients included, as in `loadVisible`.
 */
export const visibleClient = (ctx: ServiceContext, id: string): SQL | undefined => and(eq(clients.id, id), visible(ctx));

/** The one way a client is read for anything: through the caller's access filter, 404 otherwise. */
const loadVisible = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<ClientRow> => {
  const query = ctx.db.select().from(clients).where(visibleClient(ctx, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Client');
  return row;
};

type ClientFields = Omit<ClientCreateBody, 'ownerId'>;

/** Checks the whole record as it would be saved and returns the normalised column values. */
const prepare = async (ctx: ServiceContext, fields: ClientFields) => {
  const party = checkPartyFields({
    country: fields.country,
    companyId: fields.companyId,
    taxId: fields.taxId,
    vatId: fields.vatId,
    phones: { phone: fields.phone },
  });
  if (fields.kind === 'company' && !party.values.companyId && ['SK', 'CZ', 'PL'].includes(fields.country)) {
    party.errors.push({ path: 'companyId', code: 'required', message: 'companyId is required for a company in this country' });
  }
  if (party.errors.length > 0) {
    throw new AppError('validation', party.errors.map((e) => e.message).join('; '), { errors: party.errors });
  }
  await assertCodes(ctx, {
    relationshipType: { list: 'relationshipType', code: fields.relationshipType },
    businessArea: { list: 'businessArea', code: fields.businessArea },
    industry: { list: 'industry', code: fields.industry },
  });
  const address: Partial<Record<'street' | 'city' | 'postalCode' | 'country', string | null>> = fields.address ?? {};
  const columns = {
    kind: fields.kind,
    name: fields.name,
    country: fields.country,
    companyId: party.values.companyId,
    taxId: party.values.taxId,
    vatId: party.values.vatId,
    status: fields.status,
    relationshipType: fields.relationshipType,
    businessArea: fields.businessArea ?? null,
    industry: fields.industry ?? null,
    email: fields.email?.toLowerCase() ?? null,
    phone: party.values.phones.phone ?? null,
    website: fields.website || null,
    street: address.street || null,
    city: address.city || null,
    postalCode: address.postalCode || null,
    addressCountry: address.country || null,
    creditRating: fields.creditRating || null,
    debtorNumber: fields.debtorNumber || null,
    creditorNumber: fields.creditorNumber || null,
    note: fields.note || null,
    teamId: fields.teamId ?? null,
    responsibleUserId: fields.responsibleUserId ?? null,
  };
  const searchText = searchable(
    columns.name,
    columns.companyId,
    columns.taxId,
    columns.vatId,
    columns.email,
    columns.phone,
    columns.city,
    columns.street,
  );
  return { columns: { ...columns, searchText }, warnings: party.warnings };
};

/** One client per company ID per owner and country among the records in use (archived ones do not count). */
const assertCompanyIdFree = async (
  ctx: ServiceContext,
  ownerId: string,
  country: string,
  companyId: string | null,
  exceptId?: string,
): Promise<void> => {
  if (!companyId) return;
  const [existing] = await ctx.db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(
      and(
        eq(clients.ownerId, ownerId),
        eq(clients.country, country),
        eq(clients.companyId, companyId),
        isNull(clients.archivedAt),
        exceptId ? ne(clients.id, exceptId) : undefined,
      ),
    );
  if (existing) {
    // Naming the existing client is deliberate: a duplicate is a data-entry mistake the user must resolve.
    throw new AppError('client.duplicate_company_id', `Company ID ${companyId} already belongs to ${existing.name}`, {
      errors: [{ path: 'companyId', code: 'duplicate', message: `already used by client ${existing.name} (${existing.id})` }],
    });
  }
};

const clientTarget = (row: ClientRow) => ({
  entityType: 'client',
  entityId: row.id,
  rootType: 'client',
  rootId: row.id,
  ownerId: row.ownerId,
});

export const createClient = async (ctx: ServiceContext, input: ClientCreateBody): Promise<ClientResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const actor = ctx.actor;
  const ownerId =
    input.ownerId && (actor.kind === 'system' || actor.scope === 'all')
      ? input.ownerId
      : actor.kind === 'user'
        ? actor.ownerId
        : input.ownerId;
  if (!ownerId) throw new AppError('validation', 'ownerId is required', { errors: [{ path: 'ownerId', code: 'required', message: 'ownerId is required' }] });
  const by = actorUserId(actor);
  const { columns, warnings } = await prepare(ctx, {
    ...input,
    teamId: input.teamId ?? (actor.kind === 'user' ? (actor.teamIds[0] ?? null) : null),
    responsibleUserId: input.responsibleUserId ?? by,
  });
  return withTx(ctx, async (ctx) => {
    await assertCompanyIdFree(ctx, ownerId, columns.country, columns.companyId);
    const [row] = await ctx.db
      .insert(clients)
      .values({ ...columns, ownerId, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, clientTarget(row), 'create', null, row);
    return toResponse(row, warnings);
  });
};

export const getClient = async (ctx: ServiceContext, id: string): Promise<ClientResponse> => {
  assertCan(ctx.actor, 'clients.read');
  const row = await loadVisible(ctx, id);
  return toResponse(row, checkPartyFields(row).warnings);
};

/** Throws 404 unless the caller may see the client; other modules use it before touching a client's children. */
export const assertClientVisible = async (
  ctx: ServiceContext,
  id: string,
): Promise<{ id: string; ownerId: string; country: string; archivedAt: Date | null }> => {
  const row = await loadVisible(ctx, id);
  return { id: row.id, ownerId: row.ownerId, country: row.country, archivedAt: row.archivedAt };
};

export const updateClient = async (ctx: ServiceContext, id: string, input: ClientUpdateBody): Promise<ClientResponse> => {
  assertCan(ctx.actor, 'clients.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisible(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    const { version, ...patch } = input;
    const current = toResponse(before);
    const { columns, warnings } = await prepare(ctx, {
      ...current,
      ...patch,
      address: patch.address === undefined ? current.address : patch.address,
    } as ClientFields);
    await assertCompanyIdFree(ctx, before.ownerId, columns.country, columns.companyId, id);
    const [row] = await ctx.db
      .update(clients)
      .set({ ...columns, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(clients.id, id), eq(clients.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, clientTarget(row), 'update', before, row);
    return toResponse(row, warnings);
  });
};

const versionConflict = () => new AppError('version_conflict', 'The client was changed by someone else; reload it and try again');

const setArchived = async (ctx: ServiceContext, id: string, version: number, archive: boolean): Promise<ClientResponse> => {
  assertCan(ctx.actor, 'clients.archive');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisible(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    if (!archive) await assertCompanyIdFree(ctx, before.ownerId, before.country, before.companyId, id);
    const [row] = await ctx.db
      .update(clients)
      .set({ archivedAt: archive ? ctx.now() : null, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(clients.id, id), eq(clients.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, clientTarget(row), archive ? 'archive' : 'restore', before, row);
    return toResponse(row);
  });
};

export const archiveClient = (ctx: ServiceContext, id: string, version: number) => setArchived(ctx, id, version, true);
export const restoreClient = (ctx: ServiceContext, id: string, version: number) => setArchived(ctx, id, version, false);

const sortExpressions = {
  name: { expression: clients.name },
  companyId: { expression: sql`coalesce(${clients.companyId}, '')` },
  city: { expression: sql`coalesce(${clients.city}, '')` },
  status: { expression: clients.status },
  createdAt: { expression: clients.createdAt, isTime: true },
  updatedAt: { expression: clients.updatedAt, isTime: true },
} as const;

const sortValue = (row: ClientRow, field: ClientListQuery['sort']['field']): string | Date =>
  field === 'companyId' ? (row.companyId ?? '') : field === 'city' ? (row.city ?? '') : row[field];

/** The search term as it is matched against `searchText`. */
const needleOf = (q: string | undefined): string => (q ? searchable(q) : '');

/** Filters shared by the list and its export, so the export is exactly what the list shows. */
const listConditions = (ctx: ServiceContext, query: Omit<ClientListQuery, 'limit' | 'cursor'>): (SQL | undefined)[] => {
  const needle = needleOf(query.q);
  return [
    visible(ctx),
    needle ? sql`${clients.searchText} like ${containsPattern(needle)}` : undefined,
    query.status ? eq(clients.status, query.status) : undefined,
    query.kind ? eq(clients.kind, query.kind) : undefined,
    query.country ? eq(clients.country, query.country) : undefined,
    query.relationshipType ? eq(clients.relationshipType, query.relationshipType) : undefined,
    query.businessArea ? eq(clients.businessArea, query.businessArea) : undefined,
    query.industry ? eq(clients.industry, query.industry) : undefined,
    query.teamId ? eq(clients.teamId, query.teamId) : undefined,
    query.archived === 'false' ? isNull(clients.archivedAt) : query.archived === 'true' ? isNotNull(clients.archivedAt) : undefined,
  ];
};

const keysetFor = (sort: ClientListQuery['sort']): Keyset => ({
  ...sortExpressions[sort.field],
  id: clients.id,
  direction: sort.direction,
});

/** Shortest term the trigram index (clients_search_trgm) can serve. */
const trigramLength = 3;

export const listClients = async (ctx: ServiceContext, query: ClientListQuery) => {
  assertCan(ctx.actor, 'clients.read');
  const keyset = keysetFor(query.sort);
  const matches = ctx.db
    .select()
    .from(clients)
    .where(and(...listConditions(ctx, query), keysetAfter(keyset, query.cursor)))
    .$dynamic();
  // Given a search term, PostgreSQL would walk the (name, id) index expecting matches early, but they cluster
  // where names start with the term or never come, so the walk can read every visible row. An OFFSET keeps the
  // subquery from being merged, so the matches come from the trigram index and are sorted (docs/performance.md).
  // Drizzle omits `offset 0`, hence a placeholder bound to 0: PostgreSQL fences on any OFFSET. Below the trigram
  // length the index cannot help and the walk is the faster plan.
  const fenced = needleOf(query.q).length >= trigramLength;
  // Named like the table, so the keyset's "clients"."name" and "clients"."id" resolve against the subquery.
  const source = (fenced ? matches.offset(sql.placeholder('fence')) : matches).as('clients');
  const rows = await ctx.db
    .select()
    .from(source)
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1)
    .execute({ fence: 0 });
  const page = pageOf(rows, query.limit, (row) => encodeCursor(sortValue(row, query.sort.field), row.id));
  return { items: page.items.map((row) => toResponse(row)), nextCursor: page.nextCursor };
};

export const listClientsForExport = async (ctx: ServiceContext, query: Omit<ClientListQuery, 'limit' | 'cursor'>) => {
  assertCan(ctx.actor, 'clients.export');
  const rows = await ctx.db
    .select()
    .from(clients)
    .where(and(...listConditions(ctx, query)))
    .orderBy(...keysetOrder(keysetFor(query.sort)))
    .limit(exportLimit + 1);
  return withinExportLimit(rows).map((row) => toResponse(row));
};

export const clientHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'clients.read');
  await loadVisible(ctx, id);
  return listHistory(ctx, { type: 'client', id });
};

/** Search hits for the global search box, through the same access filter as the list. */
export const searchClients = async (ctx: ServiceContext, q: string, limit: number) => {
  const page = await listClients(ctx, { q, archived: 'false', sort: { field: 'name', direction: 'asc' }, limit });
  const needle = searchable(q);
  if (page.items.length >= limit || !isTypoTolerant(needle)) return page.items;
  // Fewer exact hits than asked for: add names that differ by a typo, most similar first.
  const found = new Set(page.items.map((c) => c.id));
  const similar = await withTypoTolerance(ctx, (ctx) =>
    ctx.db
      .select()
      .from(clients)
      .where(and(visible(ctx), isNull(clients.archivedAt), similarTo(needle, clients.searchText)))
      .orderBy(mostSimilarFirst(needle, clients.searchText), clients.id)
      .limit(limit),
  );
  return [...page.items, ...similar.filter((row) => !found.has(row.id)).map((row) => toResponse(row))].slice(0, limit);
};

/**
 * The ids of clients the caller may see, as a subquery, for modules whose records inherit a client's
 * visibility (contacts): they compose it instead of re-implementing the access rule.
 */
export const visibleClientIds = (ctx: ServiceContext) =>
  ctx.db.select({ id: clients.id }).from(clients).where(and(visible(ctx), isNull(clients.archivedAt)));

/** What duplicate detection of leads shows of a client (leads.duplicates.ts). */
export type ClientKeysRow = {
  id: string;
  name: string;
  country: string;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: 'active' | 'passive';
};

/**
 * Clients in use (not archived) that the caller may see and that have one of these ids, company IDs, e-mails or
 * phones, compared exactly as stored (e-mail in lower case, phone in E.164), in one statement: the duplicate check
 * of many leads at once (an import checks a thousand rows per call). The caller bounds each list (a thousand
 * values), so the parameters stay bounded and each key walks its own index (`clients (email)`, `(phone)` …).
 */
export const clientsByContactKeys = async (
  ctx: ServiceContext,
  keys: {
    ids?: readonly string[];
    companyIds?: readonly string[];
    emails?: readonly string[];
    phones?: readonly string[];
  },
): Promise<ClientKeysRow[]> => {
  assertCan(ctx.actor, 'clients.read');
  const any = (column: typeof clients.id | typeof clients.companyId | typeof clients.email | typeof clients.phone, values?: readonly string[]) =>
    values && values.length > 0 ? [inArray(column, [...values])] : [];
  const matching = [
    ...any(clients.id, keys.ids),
    ...any(clients.companyId, keys.companyIds),
    ...any(clients.email, keys.emails),
    ...any(clients.phone, keys.phones),
  ];
  if (matching.length === 0) return [];
  return ctx.db
    .select({
      id: clients.id,
      name: clients.name,
      country: clients.country,
      companyId: clients.companyId,
      email: clients.email,
      phone: clients.phone,
      city: clients.city,
      status: clients.status,
    })
    .from(clients)
    .where(and(matching.length === 1 ? matching[0] : or(...matching), isNull(clients.archivedAt), visible(ctx)));
};

/** Names of the listed clients the caller may see, for other modules' lists and cards (cases, boards). */
export const clientNames = async (ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(inArray(clients.id, unique), visible(ctx)));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Ids per statement of the batch reads below. */
const idBatch = 20_000;

export type ClientPartyRow = Pick<
  typeof clients.$inferSelect,
  'id' | 'kind' | 'name' | 'companyId' | 'taxId' | 'vatId' | 'email' | 'phone' | 'street' | 'city' | 'postalCode' | 'addressCountry' | 'country'
>;

/**
 * The party details of the listed clients, in batches, for a module that has already checked access to the records
 * naming them (a signed contract's client in the data sentence of that contract). It applies no access filter of its
 * own: pass only ids read through the caller's access filter.
 */
export const clientPartiesByIds = async (ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, ClientPartyRow>> => {
  const unique = [...new Set(ids)];
  const result = new Map<string, ClientPartyRow>();
  for (let i = 0; i < unique.length; i += idBatch) {
    const rows = await ctx.db
      .select({
        id: clients.id,
        kind: clients.kind,
        name: clients.name,
        companyId: clients.companyId,
        taxId: clients.taxId,
        vatId: clients.vatId,
        email: clients.email,
        phone: clients.phone,
        street: clients.street,
        city: clients.city,
        postalCode: clients.postalCode,
        addressCountry: clients.addressCountry,
        country: clients.country,
      })
      .from(clients)
      // One parameter per batch (a uuid[] literal): binding thousands of parameters costs more than the query.
      .where(anyId(clients.id, unique.slice(i, i + idBatch)));
    for (const row of rows) result.set(row.id, row);
  }
  return result;
};
