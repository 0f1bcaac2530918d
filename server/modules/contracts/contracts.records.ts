import { nextYearlyNumber } from '../../db/numbering.js';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { searchable } from '../../../domain/clients/client-rules.js';
import { noticeDeadlineOf } from '../../../domain/contracts/deadlines.js';
import type { ServiceContext } from '../../context.js';
import { notFound, type FieldProblem, invalidFields } from '../../http/errors.js';
import { visibleTo } from '../auth/access.js';
import { clientNames } from '../clients/clients.service.js';
import { listContactsOfClient } from '../contacts/contacts.service.js';
import { visibleSupplyPointsByIds } from '../supply-points/supply-points.service.js';
import type { ContractDetail, ContractListItem } from './contracts.api.js';
import { contracts, contractSignatories, contractSupplyPoints } from './contracts.schema.js';

/**
 * What every contracts use case shares: reading a contract through the access filter, its supply points and
 * signing persons, the checks of a contract as it would be saved, and the response shapes.
 */
export type ContractRow = typeof contracts.$inferSelect;

export const visibleContracts = (ctx: ServiceContext): SQL => visibleTo(ctx.actor, contracts);

/** The one way a contract is read for anything: through the caller's access filter, 404 otherwise. */
export const loadVisibleContract = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<ContractRow> => {
  const query = ctx.db.select().from(contracts).where(and(eq(contracts.id, id), visibleContracts(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Contract');
  return row;
};

/**
 * The contracts the caller may see (id, number) as a subquery, for another module's list that shows the contract
 * of each of its rows in the same query (reminders): the one access filter, joined once.
 */
export const visibleContractsSubquery = (ctx: ServiceContext) =>
  ctx.db.select({ id: contracts.id, number: contracts.number }).from(contracts).where(visibleContracts(ctx)).as('visible_contracts');

export const contractTarget = (row: { id: string; ownerId: string }) => ({
  entityType: 'contract',
  entityId: row.id,
  rootType: 'contract',
  rootId: row.id,
  ownerId: row.ownerId,
});

export const searchTextOf = (row: { number: string; supplier: string | null; productName: string | null; note: string | null }, clientName: string | null) =>
  searchable(row.number, clientName, row.supplier, row.productName, row.note);

export const noticeDeadlineFor = (endDate: string | null, noticePeriodMonths: number | null): string | null =>
  endDate && noticePeriodMonths !== null && noticePeriodMonths > 0 ? noticeDeadlineOf(endDate, noticePeriodMonths) : null;

export type Children = { supplyPointIds: string[]; signatoryContactIds: string[] };

export const childrenOf = async (ctx: ServiceContext, ids: string[]): Promise<Map<string, Children>> => {
  const result = new Map(ids.map((id) => [id, { supplyPointIds: [] as string[], signatoryContactIds: [] as string[] }]));
  if (ids.length === 0) return result;
  const points = await ctx.db
    .select()
    .from(contractSupplyPoints)
    .where(inArray(contractSupplyPoints.contractId, ids))
    .orderBy(asc(contractSupplyPoints.supplyPointId));
  for (const p of points) result.get(p.contractId)?.supplyPointIds.push(p.supplyPointId);
  const signatories = await ctx.db
    .select()
    .from(contractSignatories)
    .where(inArray(contractSignatories.contractId, ids))
    .orderBy(asc(contractSignatories.position));
  for (const s of signatories) result.get(s.contractId)?.signatoryContactIds.push(s.contactId);
  return result;
};

/** Replaces the sets given (null: unchanged), in the caller's transaction. */
export const writeChildren = async (ctx: ServiceContext, id: string, children: { supplyPointIds: string[] | null; signatoryContactIds: string[] | null }) => {
  if (children.supplyPointIds) {
    await ctx.db.delete(contractSupplyPoints).where(eq(contractSupplyPoints.contractId, id));
    if (children.supplyPointIds.length > 0) {
      await ctx.db.insert(contractSupplyPoints).values(children.supplyPointIds.map((supplyPointId) => ({ contractId: id, supplyPointId })));
    }
  }
  if (children.signatoryContactIds) {
    await ctx.db.delete(contractSignatories).where(eq(contractSignatories.contractId, id));
    if (children.signatoryContactIds.length > 0) {
      await ctx.db
        .insert(contractSignatories)
        .values(children.signatoryContactIds.map((contactId, position) => ({ contractId: id, contactId, position: position + 1 })));
    }
  }
};

export const historySnapshotOf = (row: ContractRow, children: Children) => ({
  ...row,
  supplyPointIds: children.supplyPointIds.join(', '),
  signatoryContactIds: children.signatoryContactIds.join(', '),
});


/** Dates in order; the end, when there is one, not before the start. */
export const assertDates = (startDate: string, endDate: string | null) => {
  if (endDate !== null && endDate < startDate) {
    throw invalidFields([{ path: 'endDate', code: 'end_before_start', message: 'the end date is before the start date' }]);
  }
};

/** Supply points exist, are visible, belong to the contract's client and carry its commodity. */
export const assertSupplyPoints = async (ctx: ServiceContext, clientId: string, commodity: string, ids: string[]) => {
  const errors: FieldProblem[] = [];
  const seen = new Set<string>();
  const points = await visibleSupplyPointsByIds(ctx, ids);
  for (const [i, id] of ids.entries()) {
    const path = `supplyPointIds.${i}`;
    if (seen.has(id)) {
      errors.push({ path, code: 'duplicate', message: 'listed twice' });
      continue;
    }
    seen.add(id);
    const point = points.get(id);
    if (!point) errors.push({ path, code: 'not_found', message: 'no such supply point among those you may see' });
    else if (point.clientId !== clientId) errors.push({ path, code: 'other_client', message: "not a supply point of the contract's client" });
    else if (point.commodity !== commodity) errors.push({ path, code: 'other_commodity', message: `a ${point.commodity} supply point in a ${commodity} contract` });
    else if (point.archivedAt) errors.push({ path, code: 'archived', message: 'the supply point is archived' });
  }
  if (errors.length > 0) throw invalidFields(errors);
};

/** Signatories are the client's own contacts marked as signing persons (CONTRACT-2). */
export const assertSignatories = async (ctx: ServiceContext, clientId: string, ids: string[]) => {
  if (ids.length === 0) return;
  const contacts = new Map((await listContactsOfClient(ctx, clientId)).map((c) => [c.id, c]));
  const errors: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    const path = `signatoryContactIds.${i}`;
    const contact = contacts.get(id);
    if (seen.has(id)) errors.push({ path, code: 'duplicate', message: 'listed twice' });
    else if (!contact) errors.push({ path, code: 'other_client', message: "not a contact of the contract's client" });
    else if (!contact.isSigningPerson) errors.push({ path, code: 'not_signing_person', message: `${contact.firstName} ${contact.lastName} may not sign for the client` });
    seen.add(id);
  }
  if (errors.length > 0) throw invalidFields(errors);
};

/** The next generated number of the owner's contracts this year: KW-<year>-<five digits>. */
export const nextContractNumber = (ctx: ServiceContext, ownerId: string): Promise<string> =>
  nextYearlyNumber(ctx, { table: contracts, number: contracts.number, owner: contracts.ownerId, prefix: 'KW' }, ownerId);

const base = (row: ContractRow, clientName: string | null) => ({
  id: row.id,
  ownerId: row.ownerId,
  number: row.number,
  clientId: row.clientId,
  clientName,
  caseId: row.caseId,
  offerId: row.offerId,
  type: row.type,
  commodity: row.commodity,
  supplier: row.supplier,
  productId: row.productId,
  productName: row.productName,
  state: row.state,
  startDate: row.startDate,
  endDate: row.endDate,
  noticePeriodMonths: row.noticePeriodMonths,
  noticeDeadline: row.noticeDeadline,
  signedAt: row.signedAt,
  endedOn: row.endedOn,
  note: row.note,
  responsibleUserId: row.responsibleUserId,
  archivedAt: row.archivedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

export const toDetail = async (ctx: ServiceContext, row: ContractRow): Promise<ContractDetail> => {
  const children = (await childrenOf(ctx, [row.id])).get(row.id)!;
  const clientName = (await clientNames(ctx, [row.clientId])).get(row.clientId) ?? null;
  const contacts = clientName === null ? new Map() : new Map((await listContactsOfClient(ctx, row.clientId, 'all')).map((c) => [c.id, c]));
  return {
    ...base(row, clientName),
    supplyPointIds: children.supplyPointIds,
    signatories: children.signatoryContactIds.map((contactId, i) => {
      const contact = contacts.get(contactId);
      return {
        contactId,
        name: contact ? `${contact.firstName} ${contact.lastName}` : '',
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        position: i + 1,
      };
    }),
  };
};

export const toListItems = async (ctx: ServiceContext, rows: ContractRow[]): Promise<ContractListItem[]> => {
  if (rows.length === 0) return [];
  const names = await clientNames(ctx, [...new Set(rows.map((r) => r.clientId))]);
  const counts = await ctx.db
    .select({ contractId: contractSupplyPoints.contractId, count: sql<number>`count(*)::int` })
    .from(contractSupplyPoints)
    .where(inArray(contractSupplyPoints.contractId, rows.map((r) => r.id)))
    .groupBy(contractSupplyPoints.contractId);
  const countOf = new Map(counts.map((c) => [c.contractId, c.count]));
  return rows.map((row) => ({ ...base(row, names.get(row.clientId) ?? null), supplyPointCount: countOf.get(row.id) ?? 0 }));
};
