import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { and, eq, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError } from '../../http/errors.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { getCase } from '../cases/cases.service.js';
import { clawBackCommissions } from '../commissions/commissions.clawback.js';
import { generateCommissions } from '../commissions/commissions.generation.js';
import { clientNames, getClient } from '../clients/clients.service.js';
import { teamIdsOfUser } from '../teams/teams.service.js';
import type { ContractDetail, ContractEndBody, ContractInput, ContractListItem, ContractListQuery, ContractUpdateBody } from './contracts.api.js';
import {
  assertDates,
  assertSignatories,
  assertSupplyPoints,
  childrenOf,
  contractTarget,
  historySnapshotOf,
  loadVisibleContract,
  nextContractNumber,
  noticeDeadlineFor,
  searchTextOf,
  toDetail,
  toListItems,
  visibleContracts,
  writeChildren,
  type ContractRow,
} from './contracts.records.js';
import { contracts, type contractStates } from './contracts.schema.js';
import { containsPattern } from '../../db/similarity.js';

export type { ContractDetail, ContractListItem } from './contracts.api.js';

const versionConflict = () => new AppError('version_conflict', 'The contract was changed by someone else; reload it and try again');

const fieldError = (path: string, code: string, message: string) => new AppError('validation', `${path}: ${message}`, { errors: [{ path, code, message }] });

const notFoundAs = (path: string, what: string) => (error: unknown): never => {
  if (error instanceof AppError && error.code === 'not_found') throw fieldError(path, 'not_found', `no such ${what} among those you may see`);
  throw error;
};

const duplicateNumber = (error: unknown): never => {
  if (error instanceof Error && /contracts_owner_number_unique/.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)) {
    throw new AppError('contract.duplicate_number', 'Another contract of the company has this number', {
      errors: [{ path: 'number', code: 'duplicate', message: 'another contract of the company has this number' }],
    });
  }
  throw error;
};

/**
 * Makes a contract (CONTRACT-1): by hand for the register, or from an accepted offer (then with the offer and
 * product recorded). Client, case, supply points and signing persons are checked as the caller sees them; the
 * contract takes its visibility from the case, else from the client. One transaction.
 */
export const createContract = async (ctx: ServiceContext, input: ContractInput): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.write');
  return withTx(ctx, async (ctx) => {
    const client = await getClient(ctx, input.clientId).catch(notFoundAs('clientId', 'client'));
    if (client.archivedAt) throw new AppError('client.archived', 'The client is archived; restore it before making a contract');
    const kase = input.caseId ? await getCase(ctx, input.caseId).catch(notFoundAs('caseId', 'business case')) : null;
    if (kase && kase.clientId !== client.id) throw fieldError('caseId', 'other_client', "the case is of another client");
    const endDate = input.endDate ?? null;
    assertDates(input.startDate, endDate);
    await assertSupplyPoints(ctx, client.id, input.commodity, input.supplyPointIds);
    await assertSignatories(ctx, client.id, input.signatoryContactIds);
    const responsibleUserId = input.responsibleUserId ?? kase?.responsibleUser?.id ?? client.responsibleUserId ?? actorUserId(ctx.actor);
    const teamId = responsibleUserId ? ((await teamIdsOfUser(ctx, responsibleUserId))[0] ?? null) : null;
    const by = actorUserId(ctx.actor);
    const now = ctx.now();
    const fields = {
      number: input.number ?? (await nextContractNumber(ctx, client.ownerId)),
      type: input.type,
      commodity: input.commodity,
      supplier: input.supplier || null,
      productName: input.productName || null,
      note: input.note || null,
    };
    const [row] = await ctx.db
      .insert(contracts)
      .values({
        ...fields,
        ownerId: client.ownerId,
        teamId,
        responsibleUserId,
        clientId: client.id,
        caseId: kase?.id ?? null,
        offerId: input.offerId ?? null,
        productId: input.productId ?? null,
        startDate: input.startDate,
        endDate,
        noticePeriodMonths: input.noticePeriodMonths ?? null,
        noticeDeadline: noticeDeadlineFor(endDate, input.noticePeriodMonths ?? null),
        searchText: searchTextOf(fields, client.name),
        createdBy: by,
        updatedBy: by,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .catch(duplicateNumber);
    if (!row) throw new Error('insert returned no row');
    await writeChildren(ctx, row.id, { supplyPointIds: input.supplyPointIds, signatoryContactIds: input.signatoryContactIds });
    const children = (await childrenOf(ctx, [row.id])).get(row.id)!;
    await recordChange(ctx, contractTarget(row), 'create', null, historySnapshotOf(row, children));
    return toDetail(ctx, row);
  });
};

export const getContract = async (ctx: ServiceContext, id: string): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.read');
  return toDetail(ctx, await loadVisibleContract(ctx, id));
};

/** Terms are settled once the contract is out for signature; after that only the register's fields change. */
const registerFields = new Set(['endDate', 'noticePeriodMonths', 'note', 'version']);

/** Changes a contract with optimistic locking; one history entry per changed field, in one transaction. */
export const updateContract = async (ctx: ServiceContext, id: string, input: ContractUpdateBody): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleContract(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    if (before.archivedAt) throw new AppError('contract.archived', 'The contract is archived');
    if (before.state !== 'draft') {
      const locked = Object.keys(input).filter((key) => !registerFields.has(key));
      if (locked.length > 0) {
        throw new AppError('contract.terms_locked', `The contract is ${before.state}; its terms are not changed any more`, {
          errors: locked.map((path) => ({ path, code: 'terms_locked', message: `not changed once the contract is ${before.state}` })),
        });
      }
    }
    const beforeChildren = (await childrenOf(ctx, [id])).get(id)!;
    const { version, supplyPointIds, signatoryContactIds, ...patch } = input;
    const next = {
      number: patch.number ?? before.number,
      type: patch.type ?? before.type,
      commodity: patch.commodity ?? before.commodity,
      supplier: patch.supplier === undefined ? before.supplier : patch.supplier || null,
      productName: patch.productName === undefined ? before.productName : patch.productName || null,
      startDate: patch.startDate ?? before.startDate,
      endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
      noticePeriodMonths: patch.noticePeriodMonths === undefined ? before.noticePeriodMonths : patch.noticePeriodMonths,
      note: patch.note === undefined ? before.note : patch.note || null,
    };
    assertDates(next.startDate, next.endDate);
    if (supplyPointIds || next.commodity !== before.commodity) {
      await assertSupplyPoints(ctx, before.clientId, next.commodity, supplyPointIds ?? beforeChildren.supplyPointIds);
    }
    if (signatoryContactIds) await assertSignatories(ctx, before.clientId, signatoryContactIds);
    const clientName = (await clientNames(ctx, [before.clientId])).get(before.clientId) ?? null;
    const [row] = await ctx.db
      .update(contracts)
      .set({
        ...next,
        noticeDeadline: noticeDeadlineFor(next.endDate, next.noticePeriodMonths),
        searchText: searchTextOf(next, clientName),
        version: version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(contracts.id, id), eq(contracts.version, version)))
      .returning()
      .catch(duplicateNumber);
    if (!row) throw versionConflict();
    await writeChildren(ctx, id, { supplyPointIds: supplyPointIds ?? null, signatoryContactIds: signatoryContactIds ?? null });
    const afterChildren = (await childrenOf(ctx, [id])).get(id)!;
    await recordChange(ctx, contractTarget(row), 'update', historySnapshotOf(before, beforeChildren), historySnapshotOf(row, afterChildren));
    return toDetail(ctx, row);
  });
};

type ContractState = (typeof contractStates)[number];

/** Which state each signing event may follow; anything else is a stale or out-of-order event. */
const signingTransitions: Record<'sentForSignature' | 'signed' | 'rejected' | 'expired', readonly ContractState[]> = {
  sentForSignature: ['draft', 'rejected', 'expired'],
  signed: ['sentForSignature'],
  rejected: ['sentForSignature'],
  expired: ['sentForSignature'],
};

/**
 * Moves a contract along its signing (CONTRACT-2), in the caller's transaction: the signature-request module calls
 * it when Signi reports. An event that does not fit the current state is refused, so a late "sent" never undoes
 * "signed".
 */
export const changeContractSigningState = async (
  ctx: ServiceContext,
  id: string,
  state: keyof typeof signingTransitions,
  at: Date,
): Promise<ContractDetail> =>
  withTx(ctx, async (ctx) => {
    const before = await loadVisibleContract(ctx, id, true);
    if (!signingTransitions[state].includes(before.state)) {
      throw new AppError('contract.wrong_state', `A ${before.state} contract cannot become ${state}`);
    }
    const [row] = await ctx.db
      .update(contracts)
      .set({ state, signedAt: state === 'signed' ? at : before.signedAt, version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(eq(contracts.id, id))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, contractTarget(row), 'update', before, row);
    // Commissions are generated in the transaction that signs the contract, so a signed contract never lacks them.
    if (state === 'signed') await generateCommissions(ctx, [row.id]);
    return toDetail(ctx, row);
  });

/** Cancels (before delivery) or terminates (during delivery) a contract, with the day and the reason recorded. */
export const endContract = async (ctx: ServiceContext, id: string, input: ContractEndBody): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleContract(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    if (before.state === 'cancelled' || before.state === 'terminated') throw new AppError('contract.wrong_state', `The contract is ${before.state} already`);
    if (input.kind === 'terminate' && before.state !== 'signed') {
      throw new AppError('contract.wrong_state', 'Only a signed contract is terminated; cancel one that was not signed');
    }
    if (input.endedOn < before.startDate && input.kind === 'terminate') {
      throw fieldError('endedOn', 'before_start', 'a contract is terminated on or after its start date; cancel it instead');
    }
    const [row] = await ctx.db
      .update(contracts)
      .set({
        state: input.kind === 'cancel' ? 'cancelled' : 'terminated',
        endedOn: input.endedOn,
        note: [before.note, input.reason].filter(Boolean).join('\n'),
        version: input.version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(contracts.id, id), eq(contracts.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, contractTarget(row), 'update', before, row);
    if (before.state === 'signed') await clawBackCommissions(ctx, row, input.endedOn);
    return toDetail(ctx, row);
  });
};

export const archiveContract = async (ctx: ServiceContext, id: string, version: number): Promise<ContractDetail> => {
  assertCan(ctx.actor, 'contracts.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleContract(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    if (before.archivedAt) throw new AppError('contract.archived', 'The contract is archived already');
    if (before.state === 'sentForSignature' || before.state === 'signed') {
      throw new AppError('contract.wrong_state', `A ${before.state} contract stays in the register; cancel or terminate it instead`);
    }
    const [row] = await ctx.db
      .update(contracts)
      .set({ archivedAt: ctx.now(), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(contracts.id, id), eq(contracts.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, contractTarget(row), 'archive', before, row);
    return toDetail(ctx, row);
  });
};

export const contractHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'contracts.read');
  await loadVisibleContract(ctx, id);
  return listHistory(ctx, { type: 'contract', id });
};

// ---- The register (CONTRACT-3) ----

const farFuture = '9999-12-31';
const farPast = '0001-01-01';

const keysetFor = (sort: ContractListQuery['sort']): Keyset => {
  const sentinel = sort.direction === 'asc' ? farFuture : farPast;
  const day = (column: typeof contracts.endDate | typeof contracts.noticeDeadline) => sql`coalesce(${column}, ${sentinel}::date)`;
  const expressions = {
    number: { expression: contracts.number },
    endDate: { expression: day(contracts.endDate) },
    noticeDeadline: { expression: day(contracts.noticeDeadline) },
    startDate: { expression: contracts.startDate },
    createdAt: { expression: contracts.createdAt, isTime: true },
  } as const;
  return { ...expressions[sort.field], id: contracts.id, direction: sort.direction };
};

const sortValue = (row: ContractRow, sort: ContractListQuery['sort']): string | Date => {
  const sentinel = sort.direction === 'asc' ? farFuture : farPast;
  switch (sort.field) {
    case 'number':
      return row.number;
    case 'createdAt':
      return row.createdAt;
    case 'startDate':
      return row.startDate;
    default:
      return row[sort.field] ?? sentinel;
  }
};


/** Filters shared by the list and its export, so the export is exactly what the list shows. */
const listConditions = (ctx: ServiceContext, query: Omit<ContractListQuery, 'limit' | 'cursor'>): (SQL | undefined)[] => {
  const needle = query.q ? searchTextOf({ number: query.q, supplier: null, productName: null, note: null }, null) : '';
  return [
    visibleContracts(ctx),
    needle ? sql`${contracts.searchText} like ${containsPattern(needle)}` : undefined,
    query.type ? eq(contracts.type, query.type) : undefined,
    query.state ? eq(contracts.state, query.state) : undefined,
    query.commodity ? eq(contracts.commodity, query.commodity) : undefined,
    query.supplier ? eq(contracts.supplier, query.supplier) : undefined,
    query.clientId ? eq(contracts.clientId, query.clientId) : undefined,
    query.caseId ? eq(contracts.caseId, query.caseId) : undefined,
    query.endFrom ? gte(contracts.endDate, query.endFrom) : undefined,
    query.endTo ? lte(contracts.endDate, query.endTo) : undefined,
    query.noticeBy ? and(lte(contracts.noticeDeadline, query.noticeBy), gte(contracts.noticeDeadline, businessDate(ctx.now()))) : undefined,
    query.archived === 'false' ? isNull(contracts.archivedAt) : query.archived === 'true' ? isNotNull(contracts.archivedAt) : undefined,
  ];
};

export const listContracts = async (ctx: ServiceContext, query: ContractListQuery): Promise<{ items: ContractListItem[]; nextCursor: string | null }> => {
  assertCan(ctx.actor, 'contracts.read');
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(contracts)
    .where(and(...listConditions(ctx, query), keysetAfter(keyset, query.cursor)))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(sortValue(row, query.sort), row.id));
  return { items: await toListItems(ctx, page.items), nextCursor: page.nextCursor };
};

export const listContractsForExport = async (ctx: ServiceContext, query: Omit<ContractListQuery, 'limit' | 'cursor'>): Promise<ContractListItem[]> => {
  assertCan(ctx.actor, 'contracts.export');
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(contracts)
    .where(and(...listConditions(ctx, query)))
    .orderBy(...keysetOrder(keyset))
    .limit(exportLimit + 1);
  return toListItems(ctx, withinExportLimit(rows));
};
