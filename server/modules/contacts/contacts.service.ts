import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { checkPartyFields, searchable } from '../../../domain/clients/client-rules.js';
import { withTx, type ServiceContext } from '../../context.js';
import { isTypoTolerant, mostSimilarFirst, similarTo, withTypoTolerance, containsPattern } from '../../db/similarity.js';
import { AppError, notFound } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { clients } from '../clients/clients.schema.js';
import { assertClientVisible, visibleClient, visibleClientIds } from '../clients/clients.service.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import type { ContactCreateBody, ContactResponse, ContactUpdateBody } from './contacts.api.js';
import { contacts } from './contacts.schema.js';

type ContactRow = typeof contacts.$inferSelect;

const toResponse = ({ searchText: _s, createdBy: _c, updatedBy: _u, ...row }: ContactRow): ContactResponse => row;

const target = (row: { id: string; clientId: string; ownerId: string }) => ({
  entityType: 'contact',
  entityId: row.id,
  rootType: 'client',
  rootId: row.clientId,
  ownerId: row.ownerId,
});

/** A contact is visible exactly when its client is. */
const loadVisible = async (ctx: ServiceContext, id: string, forUpdate = false) => {
  const query = ctx.db.select().from(contacts).where(eq(contacts.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Contact');
  const client = await assertClientVisible(ctx, row.clientId);
  return { row, client };
};

const prepare = async (ctx: ServiceContext, country: string, fields: Omit<ContactCreateBody, never>) => {
  const party = checkPartyFields({ country, phones: { phone: fields.phone, mobile: fields.mobile } });
  if (party.errors.length) throw new AppError('validation', party.errors.map((e) => e.message).join('; '), { errors: party.errors });
  await assertCodes(ctx, { function: { list: 'contactFunction', code: fields.function } });
  const columns = {
    firstName: fields.firstName,
    lastName: fields.lastName,
    function: fields.function ?? null,
    email: fields.email?.toLowerCase() ?? null,
    phone: party.values.phones.phone ?? null,
    mobile: party.values.phones.mobile ?? null,
    preferredChannel: fields.preferredChannel ?? null,
    isSigningPerson: fields.isSigningPerson,
    isPrimary: fields.isPrimary,
    note: fields.note || null,
  };
  return { ...columns, searchText: searchable(columns.firstName, columns.lastName, columns.email, columns.phone, columns.mobile) };
};

export const listContactsOfClient = async (
  ctx: ServiceContext,
  clientId: string,
  archived: 'false' | 'true' | 'all' = 'false',
): Promise<ContactResponse[]> => {
  assertCan(ctx.actor, 'clients.read');
  // One statement instead of a visibility check and then the contacts: the client row carries the access rule,
  // the left join its contacts. No row: the client is not visible (404); one row without a contact: none.
  const rows = await ctx.db
    .select({ contact: contacts })
    .from(clients)
    .leftJoin(
      contacts,
      and(
        eq(contacts.clientId, clients.id),
        archived === 'false' ? isNull(contacts.archivedAt) : archived === 'true' ? isNotNull(contacts.archivedAt) : undefined,
      ),
    )
    .where(visibleClient(ctx, clientId))
    .orderBy(desc(contacts.isPrimary), asc(contacts.lastName), asc(contacts.firstName));
  if (rows.length === 0) throw notFound('Client');
  return rows.flatMap(({ contact }) => (contact ? [toResponse(contact)] : []));
};

const clientCountry = async (ctx: ServiceContext, clientId: string) => {
  const client = await assertClientVisible(ctx, clientId);
  if (client.archivedAt) throw new AppError('client.archived', 'The client is archived; restore it before changing its contacts');
  return client;
};

export const createContact = async (ctx: ServiceContext, clientId: string, input: ContactCreateBody): Promise<ContactResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const client = await clientCountry(ctx, clientId);
    const columns = await prepare(ctx, client.country, input);
    const [row] = await ctx.db
      .insert(contacts)
      .values({ ...columns, clientId, ownerId: client.ownerId, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, target(row), 'create', null, row);
    return toResponse(row);
  });
};

export const getContact = async (ctx: ServiceContext, id: string): Promise<ContactResponse> => {
  assertCan(ctx.actor, 'clients.read');
  return toResponse((await loadVisible(ctx, id)).row);
};

const versionConflict = () => new AppError('version_conflict', 'The contact was changed by someone else; reload it and try again');

export const updateContact = async (ctx: ServiceContext, id: string, input: ContactUpdateBody): Promise<ContactResponse> => {
  assertCan(ctx.actor, 'clients.write');
  return withTx(ctx, async (ctx) => {
    const { row: before } = await loadVisible(ctx, id, true);
    const client = await clientCountry(ctx, before.clientId);
    if (before.version !== input.version) throw versionConflict();
    const { version, ...patch } = input;
    const columns = await prepare(ctx, client.country, { ...toResponse(before), ...patch } as ContactCreateBody);
    const [row] = await ctx.db
      .update(contacts)
      .set({ ...columns, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, target(row), 'update', before, row);
    return toResponse(row);
  });
};

export const archiveContact = async (ctx: ServiceContext, id: string, version: number): Promise<ContactResponse> => {
  assertCan(ctx.actor, 'clients.write');
  return withTx(ctx, async (ctx) => {
    const { row: before } = await loadVisible(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    const [row] = await ctx.db
      .update(contacts)
      .set({ archivedAt: ctx.now(), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, target(row), 'archive', before, row);
    return toResponse(row);
  });
};

export const contactHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'clients.read');
  await loadVisible(ctx, id);
  return listHistory(ctx, { entityType: 'contact', entityIds: [id] });
};

/** Search hits among contacts of clients the caller may see. */
export const searchContacts = async (ctx: ServiceContext, q: string, limit: number) => {
  assertCan(ctx.actor, 'clients.read');
  const needle = searchable(q);
  const hits = (condition: SQL, order: SQL[]) =>
    (ctx: ServiceContext) =>
      ctx.db
        .select({ id: contacts.id, clientId: contacts.clientId, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email, phone: contacts.phone })
        .from(contacts)
        .where(and(condition, isNull(contacts.archivedAt), inArray(contacts.clientId, visibleClientIds(ctx))))
        .orderBy(...order)
        .limit(limit);
  const exact = await hits(sql`${contacts.searchText} like ${containsPattern(needle)}`, [asc(contacts.lastName), asc(contacts.id)])(ctx);
  if (exact.length >= limit || !isTypoTolerant(needle)) return exact;
  // Fewer exact hits than asked for: add names that differ by a typo ("Nowakova"), most similar first.
  const found = new Set(exact.map((c) => c.id));
  const similar = await withTypoTolerance(ctx, hits(similarTo(needle, contacts.searchText), [mostSimilarFirst(needle, contacts.searchText), asc(contacts.id)]));
  return [...exact, ...similar.filter((c) => !found.has(c.id))].slice(0, limit);
};
