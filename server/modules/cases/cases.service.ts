import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { missingGateFields, newlyFilledGateFields } from '../../../domain/sales/gates.js';
import { accountPotential, potentialTotals } from '../../../domain/sales/potentials.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, notFound } from '../../http/errors.js';
import { translate } from '../../http/i18n.js';
import { completeFieldTasks, createActivity } from '../activities/activities.service.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { clientNames, getClient } from '../clients/clients.service.js';
import { getProcessStage, processStagesOf, stageLabels, type ProcessStage } from '../processes/processes.service.js';
import { teamIdsOfUser } from '../teams/teams.service.js';
import { userNames } from '../users/users.service.js';
import type {
  CaseCloseBody,
  CaseDetail,
  CaseInput,
  CaseListItem,
  CaseListQuery,
  CasesSummary,
  CaseStageBody,
  CaseUpdateBody,
} from './cases.api.js';
import {
  assertFieldRules,
  assertShares,
  assertSupplyPointsOfClient,
  assertUsersOfOwner,
  caseTarget,
  childrenOf,
  gateSnapshotOf,
  historySnapshotOf,
  loadVisibleCase,
  potentialOf,
  searchTextOf,
  toDetail,
  toListItems,
  visibleCases,
  writeChildren,
  type CaseFields,
  type CaseRow,
  type Children,
  type Participant,
} from './cases.records.js';
import { cases, caseStageChanges } from './cases.schema.js';
import { containsPattern } from '../../db/similarity.js';

export type { CaseDetail, CaseInput, CaseListItem } from './cases.api.js';

const versionConflict = () => new AppError('version_conflict', 'The case was changed by someone else; reload it and try again');

const assertOpen = (row: CaseRow) => {
  if (row.archivedAt) throw new AppError('case.archived', 'The case is archived');
  if (row.state === 'closed') throw new AppError('case.closed', 'The case is closed; it is not changed any more');
};

/** Stored text (activity subjects, case names) in the acting user's language, since it cannot be translated later. */
export const inActorLanguage = async (ctx: ServiceContext, key: string, values: Record<string, string>): Promise<string> => {
  const userId = actorUserId(ctx.actor);
  const [user] = userId ? await userNames(ctx, [userId]) : [];
  return translate(user?.locale ?? 'en', key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
};

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

/**
 * Puts the case into a stage (SALES-6), in the caller's transaction: the trace row, then the stage's tasks as
 * activities linked to the case and its client — except tasks asking for a field that is already filled.
 */
const enterStage = async (ctx: ServiceContext, row: CaseRow, children: Children, stage: ProcessStage, fromStageId: string | null) => {
  await ctx.db.insert(caseStageChanges).values({ caseId: row.id, fromStageId, toStageId: stage.id, at: ctx.now(), by: actorUserId(ctx.actor) });
  const snapshot = gateSnapshotOf(row, children);
  for (const task of stage.tasks) {
    // The information the task would ask for is there already.
    if (task.fieldKey && missingGateFields([task.fieldKey], snapshot).length === 0) continue;
    const now = ctx.now();
    await createActivity(ctx, {
      kind: 'task',
      subject: task.title,
      startAt: now.toISOString(),
      dueAt: addDays(now, task.dueInDays).toISOString(),
      responsibleUserId: row.responsibleUserId,
      clientId: row.clientId,
      caseId: row.id,
      fieldKey: task.fieldKey,
      processStageTaskId: task.id,
      departmentEmail: task.departmentEmail,
    });
  }
};

/**
 * Creates a business case (SALES-3). Without participants the responsible user (the caller by default) gets
 * 100 %; given ones must add up to exactly 100 % (`case.shares_not_100`). With a process template the case
 * enters its first stage, whose tasks are created (its gate is the entry point and is not checked). Runs in
 * the caller's transaction when there is one (lead conversion), and records the history there.
 */
export const createCase = async (ctx: ServiceContext, input: CaseInput): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const client = await getClient(ctx, input.clientId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('not_found', 'Client not found', { errors: [{ path: 'clientId', code: 'not_found', message: 'clientId: no such client among those you may see' }] });
      }
      throw error;
    });
    if (client.archivedAt) throw new AppError('client.archived', 'The client is archived; restore it before opening a case');
    const responsibleUserId = input.responsibleUserId ?? actorUserId(ctx.actor);
    if (!responsibleUserId) {
      throw new AppError('validation', 'responsibleUserId is required', { errors: [{ path: 'responsibleUserId', code: 'required', message: 'required for a case opened by the system' }] });
    }
    const participants: Participant[] = input.participants?.map((p) => ({ userId: p.userId, share: p.share.trim() })) ?? [{ userId: responsibleUserId, share: '100' }];
    assertShares(participants);
    const fields: CaseFields = {
      name: input.name,
      type: input.type,
      commodity: input.commodity,
      responsibleUserId,
      priority: input.priority ?? 3,
      territoryCode: input.territoryCode ?? null,
      expectedCloseDate: input.expectedCloseDate ?? null,
      totalDemand: input.totalDemand ?? null,
      totalDemandUnit: input.totalDemandUnit ?? null,
      securityKind: input.securityKind ?? null,
      securityAmount: input.securityAmount ?? null,
      note: input.note || null,
    };
    const potentials = (input.potentials ?? []).map(potentialOf);
    await assertFieldRules(ctx, fields, potentials);
    await assertUsersOfOwner(ctx, client.ownerId, responsibleUserId, participants);
    const supplyPointIds = input.supplyPointIds ?? [];
    await assertSupplyPointsOfClient(ctx, client.id, supplyPointIds);
    const firstStage = input.processTemplateId ? (await processStagesOf(ctx, input.processTemplateId).catch(templateNotFound))[0]! : null;
    if (firstStage && !firstStage.templateIsActive) throw templateNotFound(notFound());
    const [teamId] = await teamIdsOfUser(ctx, responsibleUserId);
    const by = actorUserId(ctx.actor);
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(cases)
      .values({
        ...fields,
        ownerId: client.ownerId,
        teamId: teamId ?? null,
        clientId: client.id,
        leadId: input.leadId ?? null,
        processTemplateId: firstStage?.templateId ?? null,
        stageId: firstStage?.id ?? null,
        stageEnteredAt: firstStage ? now : null,
        searchText: searchTextOf(fields.name, client.name, fields.note),
        createdBy: by,
        updatedBy: by,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const children: Children = { participants, supplyPointIds: [...new Set(supplyPointIds)].sort(), potentials };
    await writeChildren(ctx, row.id, children);
    const stored = (await childrenOf(ctx, [row.id])).get(row.id)!;
    await recordChange(ctx, caseTarget(row), 'create', null, historySnapshotOf(row, stored));
    if (firstStage) await enterStage(ctx, row, stored, firstStage, null);
    return toDetail(ctx, await loadVisibleCase(ctx, row.id));
  });
};

const templateNotFound = (error: unknown): never => {
  if (error instanceof AppError && error.code === 'not_found') {
    throw new AppError('validation', 'processTemplateId: no such active process', {
      errors: [{ path: 'processTemplateId', code: 'not_found', message: 'no such active process in your company' }],
    });
  }
  throw error;
};

export const getCase = async (ctx: ServiceContext, id: string): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.read');
  return toDetail(ctx, await loadVisibleCase(ctx, id));
};

/**
 * Changes a case with optimistic locking. Participants, supply points and potentials given are replaced as sets
 * in the same transaction; the history gets one entry per changed field; stage tasks asking for a field that
 * became filled close themselves.
 */
export const updateCase = async (ctx: ServiceContext, id: string, input: CaseUpdateBody): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleCase(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    assertOpen(before);
    const beforeChildren = (await childrenOf(ctx, [id])).get(id)!;
    const { version, participants: participantsIn, supplyPointIds, potentials: potentialsIn, ...patch } = input;
    const fields: CaseFields = {
      name: patch.name ?? before.name,
      type: patch.type ?? before.type,
      commodity: patch.commodity ?? before.commodity,
      responsibleUserId: patch.responsibleUserId ?? before.responsibleUserId ?? actorUserId(ctx.actor) ?? '',
      priority: patch.priority ?? before.priority,
      territoryCode: patch.territoryCode === undefined ? before.territoryCode : patch.territoryCode,
      expectedCloseDate: patch.expectedCloseDate === undefined ? before.expectedCloseDate : patch.expectedCloseDate,
      totalDemand: patch.totalDemand === undefined ? before.totalDemand : patch.totalDemand,
      totalDemandUnit: patch.totalDemandUnit === undefined ? (before.totalDemandUnit ?? null) : patch.totalDemandUnit,
      securityKind: patch.securityKind === undefined ? (before.securityKind ?? null) : patch.securityKind,
      securityAmount: patch.securityAmount === undefined ? before.securityAmount : patch.securityAmount,
      note: patch.note === undefined ? before.note : patch.note || null,
    };
    const participants = participantsIn?.map((p) => ({ userId: p.userId, share: p.share.trim() })) ?? null;
    if (participants) assertShares(participants);
    const potentials = potentialsIn?.map(potentialOf) ?? null;
    await assertFieldRules(ctx, fields, potentials);
    if (participants || patch.responsibleUserId) await assertUsersOfOwner(ctx, before.ownerId, fields.responsibleUserId, participants);
    if (supplyPointIds) await assertSupplyPointsOfClient(ctx, before.clientId, supplyPointIds);
    const teamId = patch.responsibleUserId && patch.responsibleUserId !== before.responsibleUserId
      ? ((await teamIdsOfUser(ctx, patch.responsibleUserId))[0] ?? null)
      : before.teamId;
    const clientName = (await clientNames(ctx, [before.clientId])).get(before.clientId) ?? null;
    const [row] = await ctx.db
      .update(cases)
      .set({ ...fields, teamId, searchText: searchTextOf(fields.name, clientName, fields.note), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await writeChildren(ctx, id, { participants, supplyPointIds: supplyPointIds ? [...new Set(supplyPointIds)].sort() : null, potentials });
    const afterChildren = (await childrenOf(ctx, [id])).get(id)!;
    await recordChange(ctx, caseTarget(row), 'update', historySnapshotOf(before, beforeChildren), historySnapshotOf(row, afterChildren));
    const filled = newlyFilledGateFields(gateSnapshotOf(before, beforeChildren), gateSnapshotOf(row, afterChildren));
    await completeFieldTasks(ctx, id, filled);
    return toDetail(ctx, await loadVisibleCase(ctx, id));
  });
};

export const archiveCase = async (ctx: ServiceContext, id: string, version: number): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleCase(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    if (before.archivedAt) throw new AppError('case.archived', 'The case is archived already');
    const [row] = await ctx.db
      .update(cases)
      .set({ archivedAt: ctx.now(), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, caseTarget(row), 'archive', before, row);
    return toDetail(ctx, row);
  });
};

export const caseHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'sales.read');
  await loadVisibleCase(ctx, id);
  return listHistory(ctx, { type: 'case', id });
};

/** Opens the service-support case that continues a won one (SALES-3), for the same client and supply points. */
const openContinuation = async (ctx: ServiceContext, row: CaseRow): Promise<string> => {
  const children = (await childrenOf(ctx, [row.id])).get(row.id)!;
  const continuation = await createCase(ctx, {
    clientId: row.clientId,
    name: (await inActorLanguage(ctx, 'cases.continuation.name', { name: row.name })).slice(0, 200),
    type: 'serviceSupport',
    commodity: row.commodity,
    supplyPointIds: children.supplyPointIds,
    participants: children.participants,
    responsibleUserId: row.responsibleUserId ?? undefined,
    priority: row.priority,
    territoryCode: row.territoryCode,
  });
  return continuation.id;
};

/**
 * Closes a case as won or lost with a closing note (SALES-3); a won case may continue as service support, which
 * opens a new case linked by `continuationCaseId`, in the same transaction.
 */
export const closeCase = async (ctx: ServiceContext, id: string, input: CaseCloseBody): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleCase(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    assertOpen(before);
    if (input.continueAsServiceSupport && input.outcome !== 'won') {
      throw new AppError('validation', 'Only a won case continues as service support', {
        errors: [{ path: 'continueAsServiceSupport', code: 'only_when_won', message: 'only a won case continues as service support' }],
      });
    }
    const continuationCaseId = input.continueAsServiceSupport ? await openContinuation(ctx, before) : null;
    return finishClose(ctx, before, { outcome: input.outcome, closingNote: input.closingNote, continuationCaseId });
  });
};

const finishClose = async (
  ctx: ServiceContext,
  before: CaseRow,
  close: { outcome: 'won' | 'lost'; closingNote: string; continuationCaseId: string | null; stage?: { id: string; enteredAt: Date } },
) => {
  const [row] = await ctx.db
    .update(cases)
    .set({
      state: 'closed',
      outcome: close.outcome,
      closingNote: close.closingNote,
      closedAt: ctx.now(),
      continuationCaseId: close.continuationCaseId,
      ...(close.stage ? { stageId: close.stage.id, stageEnteredAt: close.stage.enteredAt } : {}),
      version: before.version + 1,
      updatedAt: ctx.now(),
      updatedBy: actorUserId(ctx.actor),
    })
    .where(and(eq(cases.id, before.id), eq(cases.version, before.version)))
    .returning();
  if (!row) throw versionConflict();
  await recordChange(ctx, caseTarget(row), 'update', before, row);
  return toDetail(ctx, row);
};

/**
 * Moves a case to a stage of its process (SALES-6). The target stage's gate is checked against the case as it
 * is: every required field that is empty is listed (`case.gate_unmet`, one error per field with the rule
 * `required_by_stage`). Entering records the trace and history and creates the stage's tasks in one
 * transaction; a stage with `closesAs` closes the case (a closing note is then required).
 */
export const changeCaseStage = async (ctx: ServiceContext, id: string, input: CaseStageBody): Promise<CaseDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleCase(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    assertOpen(before);
    const stage = await getProcessStage(ctx, input.stageId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('validation', 'stageId: no such stage', { errors: [{ path: 'stageId', code: 'not_found', message: 'no such stage in your company' }] });
      }
      throw error;
    });
    if (stage.ownerId !== before.ownerId || (before.processTemplateId && stage.templateId !== before.processTemplateId)) {
      throw new AppError('validation', "stageId: not a stage of the case's process", {
        errors: [{ path: 'stageId', code: 'other_process', message: "not a stage of the case's process" }],
      });
    }
    if (stage.id === before.stageId) return toDetail(ctx, before);
    const children = (await childrenOf(ctx, [id])).get(id)!;
    const missing = missingGateFields(stage.requiredFields, gateSnapshotOf(before, children));
    if (missing.length > 0) {
      throw new AppError('case.gate_unmet', `The stage "${stage.name}" requires: ${missing.join(', ')}`, {
        errors: missing.map((field) => ({ path: field, code: 'required_by_stage', message: `${field}: required by the stage "${stage.name}"` })),
      });
    }
    if (stage.closesAs && !input.closingNote) {
      throw new AppError('validation', 'closingNote: required when the stage closes the case', {
        errors: [{ path: 'closingNote', code: 'required', message: 'the stage closes the case; a closing note is required' }],
      });
    }
    const now = ctx.now();
    if (stage.closesAs) {
      await ctx.db.insert(caseStageChanges).values({ caseId: id, fromStageId: before.stageId, toStageId: stage.id, at: now, by: actorUserId(ctx.actor) });
      return finishClose(ctx, before, { outcome: stage.closesAs, closingNote: input.closingNote!, continuationCaseId: null, stage: { id: stage.id, enteredAt: now } });
    }
    const [row] = await ctx.db
      .update(cases)
      .set({ stageId: stage.id, processTemplateId: stage.templateId, stageEnteredAt: now, version: before.version + 1, updatedAt: now, updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(cases.id, id), eq(cases.version, before.version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, caseTarget(row), 'update', before, row);
    await enterStage(ctx, row, children, stage, before.stageId);
    return toDetail(ctx, await loadVisibleCase(ctx, id));
  });
};

/** The trace of a case's stage changes, newest first (SALES-6: every step traceable). */
export const caseStageChangeList = async (ctx: ServiceContext, id: string) => {
  assertCan(ctx.actor, 'sales.read');
  await loadVisibleCase(ctx, id);
  const rows = await ctx.db
    .select()
    .from(caseStageChanges)
    .where(eq(caseStageChanges.caseId, id))
    .orderBy(desc(caseStageChanges.at), desc(caseStageChanges.id));
  const stages = await stageLabels(ctx, rows.flatMap((r) => [r.fromStageId, r.toStageId].filter((s): s is string => Boolean(s))));
  const users = new Map((await userNames(ctx, [...new Set(rows.flatMap((r) => (r.by ? [r.by] : [])))])).map((u) => [u.id, u.name]));
  const named = (stageId: string | null) => (stageId ? { id: stageId, name: stages.get(stageId)?.name ?? '' } : null);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    by: r.by ? { id: r.by, name: users.get(r.by) ?? '' } : null,
    fromStage: named(r.fromStageId),
    toStage: named(r.toStageId),
  }));
};

// ---- The list, its export and the account-level summary ----

/** Nulls sort last in both directions: a sentinel beyond every real value, chosen by direction. */
const latest = new Date('9999-12-31T00:00:00.000Z');
const earliest = new Date('0001-01-01T00:00:00.000Z');

const keysetFor = (sort: CaseListQuery['sort']): Keyset => {
  const sentinel = sort.direction === 'asc' ? latest : earliest;
  const time = (column: typeof cases.lastActivityAt | typeof cases.nextActivityAt) => sql`coalesce(${column}, ${sentinel.toISOString()}::timestamptz)`;
  const expressions = {
    name: { expression: cases.name },
    createdAt: { expression: cases.createdAt, isTime: true },
    expectedCloseDate: { expression: sql`coalesce(${cases.expectedCloseDate}, ${sentinel.toISOString().slice(0, 10)}::date)` },
    lastActivityAt: { expression: time(cases.lastActivityAt), isTime: true },
    nextActivityAt: { expression: time(cases.nextActivityAt), isTime: true },
  } as const;
  return { ...expressions[sort.field], id: cases.id, direction: sort.direction };
};

const sortValue = (row: CaseRow, sort: CaseListQuery['sort']): string | Date => {
  const sentinel = sort.direction === 'asc' ? latest : earliest;
  switch (sort.field) {
    case 'name':
      return row.name;
    case 'createdAt':
      return row.createdAt;
    case 'expectedCloseDate':
      return row.expectedCloseDate ?? sentinel.toISOString().slice(0, 10);
    default:
      return row[sort.field] ?? sentinel;
  }
};


/** Filters shared by the list and its export, so the export is exactly what the list shows. */
const listConditions = (ctx: ServiceContext, query: Omit<CaseListQuery, 'limit' | 'cursor'>): (SQL | undefined)[] => {
  const needle = query.q ? searchTextOf(query.q, null, null) : '';
  return [
    visibleCases(ctx),
    needle ? sql`${cases.searchText} like ${containsPattern(needle)}` : undefined,
    query.state ? eq(cases.state, query.state) : undefined,
    query.outcome ? eq(cases.outcome, query.outcome) : undefined,
    query.stageId ? eq(cases.stageId, query.stageId) : undefined,
    query.processTemplateId ? eq(cases.processTemplateId, query.processTemplateId) : undefined,
    query.commodity ? eq(cases.commodity, query.commodity) : undefined,
    query.clientId ? eq(cases.clientId, query.clientId) : undefined,
    query.responsibleUserId ? eq(cases.responsibleUserId, query.responsibleUserId) : undefined,
    query.territoryCode ? eq(cases.territoryCode, query.territoryCode) : undefined,
    query.type ? eq(cases.type, query.type) : undefined,
    query.archived === 'false' ? isNull(cases.archivedAt) : query.archived === 'true' ? isNotNull(cases.archivedAt) : undefined,
  ];
};

export const listCases = async (ctx: ServiceContext, query: CaseListQuery): Promise<{ items: CaseListItem[]; nextCursor: string | null }> => {
  assertCan(ctx.actor, 'sales.read');
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(...listConditions(ctx, query), keysetAfter(keyset, query.cursor)))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(sortValue(row, query.sort), row.id));
  return { items: await toListItems(ctx, page.items), nextCursor: page.nextCursor };
};

/** Search hits for the global search box, through the same access filter as the list. */
export const searchCases = async (ctx: ServiceContext, q: string, limit: number): Promise<CaseListItem[]> => {
  if (!can(ctx.actor, 'sales.read')) return [];
  return (await listCases(ctx, { q, archived: 'false', sort: { field: 'name', direction: 'asc' }, limit })).items;
};

export const listCasesForExport = async (ctx: ServiceContext, query: Omit<CaseListQuery, 'limit' | 'cursor'>): Promise<CaseListItem[]> => {
  assertCan(ctx.actor, 'sales.export');
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(...listConditions(ctx, query)))
    .orderBy(...keysetOrder(keysetFor(query.sort)))
    .limit(exportLimit + 1);
  return toListItems(ctx, withinExportLimit(rows));
};

/**
 * The account-level opportunity (SALES-3): every case of the client the caller may see, and per commodity the
 * total demand (sum of potentials, MWh), what was won and the remaining potential; gas volumes apart in m³.
 */
export const clientCasesSummary = async (ctx: ServiceContext, clientId: string): Promise<CasesSummary> => {
  assertCan(ctx.actor, 'sales.read');
  await getClient(ctx, clientId);
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.clientId, clientId), visibleCases(ctx), isNull(cases.archivedAt)))
    .orderBy(desc(cases.createdAt), desc(cases.id));
  const children = await childrenOf(ctx, rows.map((r) => r.id));
  const items = await toListItems(ctx, rows);
  const withPotentials = rows.map((r) => ({ outcome: r.outcome ?? null, potentials: children.get(r.id)!.potentials }));
  return {
    clientId,
    cases: items.map((item) => ({ ...item, potentialTotals: potentialTotals(children.get(item.id)!.potentials) })),
    potentials: accountPotential(withPotentials),
    counts: {
      open: rows.filter((r) => r.state === 'new').length,
      won: rows.filter((r) => r.outcome === 'won').length,
      lost: rows.filter((r) => r.outcome === 'lost').length,
    },
  };
};
