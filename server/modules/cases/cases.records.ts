import { Decimal } from 'decimal.js';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { searchable } from '../../../domain/clients/client-rules.js';
import { toDecimalString } from '../../../domain/energy/quantity.js';
import { filledGateFields, type GateSnapshot } from '../../../domain/sales/gates.js';
import { potentialTotals } from '../../../domain/sales/potentials.js';
import { checkShares } from '../../../domain/sales/shares.js';
import { readTogether, type ServiceContext } from '../../context.js';
import { AppError, notFound, type FieldProblem, invalidFields } from '../../http/errors.js';
import { visibleTo } from '../auth/access.js';
import { clientNames } from '../clients/clients.service.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import { stageLabels } from '../processes/processes.service.js';
import { listSupplyPoints, visibleSupplyPointsByIds } from '../supply-points/supply-points.service.js';
import { listUsers, userNames } from '../users/users.service.js';
import type { CaseDetail, CaseListItem, PotentialBody } from './cases.api.js';
import { caseParticipants, casePotentials, cases, caseSupplyPoints } from './cases.schema.js';

/**
 * The parts of the cases service that every use case shares: reading a case through the access filter, its
 * children (participants, supply points, potentials), checking the fields as they would be saved, and the
 * response shapes. Use cases live in cases.service.ts, cases.board.ts and cases.actions.ts.
 */
export type CaseRow = typeof cases.$inferSelect;

export const visibleCases = (ctx: ServiceContext): SQL => visibleTo(ctx.actor, cases);

/** The one way a case is read for anything: through the caller's access filter, 404 otherwise. */
export const loadVisibleCase = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<CaseRow> => {
  const query = ctx.db.select().from(cases).where(and(eq(cases.id, id), visibleCases(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Case');
  return row;
};

/** Names of many cases in one read under the caller's access filter; a case outside it maps to null. */
export const visibleCaseNames = async (ctx: ServiceContext, ids: string[]): Promise<Map<string, string | null>> => {
  const rows = await ctx.db
    .select({ id: cases.id, name: cases.name })
    .from(cases)
    .where(and(inArray(cases.id, ids), visibleCases(ctx)));
  const found = new Map(rows.map((row) => [row.id, row.name]));
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
};

/** numeric columns come back padded to their scale ("12.500"); the API carries the canonical decimal string. */
export const canonical = (value: string | null): string | null => (value === null ? null : toDecimalString(new Decimal(value)));

export type Participant = { userId: string; share: string };
export type Potential = {
  id?: string;
  commodity: 'electricity' | 'gas' | 'service';
  territoryCode: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  priceModel: 'fixed' | 'spot' | 'indexed' | 'other' | null;
  quantity: string | null;
  quantityUnit: 'kWh' | 'MWh' | 'm3' | null;
};
export type Children = { participants: Participant[]; supplyPointIds: string[]; potentials: Potential[] };

/** The children of many cases in three queries, keyed by case id. */
export const childrenOf = async (ctx: ServiceContext, caseIds: string[]): Promise<Map<string, Children>> => {
  const result = new Map<string, Children>(caseIds.map((id) => [id, { participants: [], supplyPointIds: [], potentials: [] }]));
  if (caseIds.length === 0) return result;
  const [participants, points, potentials] = await readTogether(
    ctx,
    () => ctx.db.select().from(caseParticipants).where(inArray(caseParticipants.caseId, caseIds)).orderBy(asc(caseParticipants.userId)),
    () => ctx.db.select().from(caseSupplyPoints).where(inArray(caseSupplyPoints.caseId, caseIds)).orderBy(asc(caseSupplyPoints.supplyPointId)),
    () => ctx.db.select().from(casePotentials).where(inArray(casePotentials.caseId, caseIds)).orderBy(asc(casePotentials.position)),
  );
  for (const p of participants) result.get(p.caseId)?.participants.push({ userId: p.userId, share: canonical(p.share)! });
  for (const p of points) result.get(p.caseId)?.supplyPointIds.push(p.supplyPointId);
  for (const p of potentials) {
    result.get(p.caseId)?.potentials.push({
      id: p.id,
      commodity: p.commodity,
      territoryCode: p.territoryCode,
      periodFrom: p.periodFrom,
      periodTo: p.periodTo,
      priceModel: p.priceModel ?? null,
      quantity: canonical(p.quantity),
      quantityUnit: p.quantityUnit ?? null,
    });
  }
  return result;
};

export const gateSnapshotOf = (row: CaseRow, children: Children): GateSnapshot => ({
  supplyPointIds: children.supplyPointIds,
  participants: children.participants,
  potentials: children.potentials,
  totalDemand: row.totalDemand,
  expectedCloseDate: row.expectedCloseDate,
  securityKind: row.securityKind ?? null,
  securityAmount: row.securityAmount,
  territoryCode: row.territoryCode,
  note: row.note,
});

/** What the history compares: the case's columns and its children as readable values, one entry per field. */
export const historySnapshotOf = (row: CaseRow, children: Children) => ({
  ...row,
  lastActivityAt: undefined,
  nextActivityAt: undefined,
  totalDemand: canonical(row.totalDemand),
  securityAmount: canonical(row.securityAmount),
  supplyPointIds: children.supplyPointIds,
  participants: children.participants,
  potentials: children.potentials.map(({ id: _id, ...p }) => p),
});

export const caseTarget = (row: { id: string; ownerId: string }) => ({
  entityType: 'case',
  entityId: row.id,
  rootType: 'case',
  rootId: row.id,
  ownerId: row.ownerId,
});

export const searchTextOf = (name: string, clientName: string | null, note: string | null | undefined) => searchable(name, clientName, note);

// ---- Checking fields as they would be saved ----

export type CaseFields = {
  name: string;
  type: string;
  commodity: 'electricity' | 'gas' | 'other';
  responsibleUserId: string;
  priority: number;
  territoryCode: string | null;
  expectedCloseDate: string | null;
  totalDemand: string | null;
  totalDemandUnit: 'kWh' | 'MWh' | 'm3' | null;
  securityKind: CaseRow['securityKind'] | null;
  securityAmount: string | null;
  note: string | null;
};


/** Shares add up to exactly 100 % (COMM-2); the error names `participants` and the sum it found. */
export const assertShares = (participants: Participant[]): void => {
  const check = checkShares(participants);
  if (check.problems.length > 0) throw invalidFields(check.problems);
  if (check.isTotalWrong) {
    const message = `The participants' shares add up to ${check.total} %, not 100 %`;
    throw new AppError('case.shares_not_100', message, {
      errors: [{ path: 'participants', code: 'shares_not_100', message: `${message} (sum: ${check.total})` }],
    });
  }
};

/** Participants and the responsible user must be active users of the case's owner company. */
export const assertUsersOfOwner = async (ctx: ServiceContext, ownerId: string, responsibleUserId: string, participants: Participant[] | null) => {
  const ids = [...new Set([responsibleUserId, ...(participants ?? []).map((p) => p.userId)])];
  const found = new Map((await listUsers(ctx, ids)).map((u) => [u.id, u]));
  const fits = (id: string) => {
    const user = found.get(id);
    return Boolean(user && user.ownerId === ownerId && user.isActive);
  };
  const errors: FieldProblem[] = [];
  if (!fits(responsibleUserId)) errors.push({ path: 'responsibleUserId', code: 'not_of_owner', message: "not an active user of the case's owner company" });
  (participants ?? []).forEach((p, i) => {
    if (!fits(p.userId)) errors.push({ path: `participants.${i}.userId`, code: 'not_of_owner', message: "not an active user of the case's owner company" });
  });
  if (errors.length > 0) throw invalidFields(errors);
};

/** Linked supply points exist, are visible to the caller and belong to the case's client. */
export const assertSupplyPointsOfClient = async (ctx: ServiceContext, clientId: string, ids: string[]) => {
  const errors: FieldProblem[] = [];
  const seen = new Set<string>();
  const points = await visibleSupplyPointsByIds(ctx, ids);
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) {
      errors.push({ path: `supplyPointIds.${i}`, code: 'duplicate', message: 'listed twice' });
      continue;
    }
    seen.add(id);
    const point = points.get(id);
    if (!point) errors.push({ path: `supplyPointIds.${i}`, code: 'not_found', message: 'no such supply point among those you may see' });
    else if (point.clientId !== clientId) errors.push({ path: `supplyPointIds.${i}`, code: 'other_client', message: "not a supply point of the case's client" });
  }
  if (errors.length > 0) throw invalidFields(errors);
};

/** Rules across fields of the case and its potentials that zod alone cannot check. */
export const assertFieldRules = async (ctx: ServiceContext, fields: CaseFields, potentials: Potential[] | null) => {
  const errors: FieldProblem[] = [];
  if (fields.totalDemand !== null && fields.totalDemandUnit === null) {
    errors.push({ path: 'totalDemandUnit', code: 'required', message: 'the unit of the total demand is required' });
  }
  if (fields.commodity === 'electricity' && fields.totalDemandUnit === 'm3') {
    errors.push({ path: 'totalDemandUnit', code: 'unit_not_allowed', message: 'electricity is measured in kWh or MWh' });
  }
  (potentials ?? []).forEach((p, i) => {
    if (p.quantity !== null && p.quantityUnit === null) {
      errors.push({ path: `potentials.${i}.quantityUnit`, code: 'required', message: 'the unit of the quantity is required' });
    }
    if (p.commodity === 'electricity' && p.quantityUnit === 'm3') {
      errors.push({ path: `potentials.${i}.quantityUnit`, code: 'unit_not_allowed', message: 'electricity is measured in kWh or MWh' });
    }
    if (p.periodFrom && p.periodTo && p.periodTo < p.periodFrom) {
      errors.push({ path: `potentials.${i}.periodTo`, code: 'before_start', message: 'the period ends before it starts' });
    }
  });
  if (errors.length > 0) throw invalidFields(errors);
  await assertCodes(ctx, {
    type: { list: 'caseType', code: fields.type },
    territoryCode: { list: 'distributionTerritory', code: fields.territoryCode },
    ...Object.fromEntries(
      (potentials ?? []).map((p, i) => [`potentials.${i}.territoryCode`, { list: 'distributionTerritory' as const, code: p.territoryCode }]),
    ),
  });
};

export const potentialOf = (p: PotentialBody): Potential => ({
  commodity: p.commodity,
  territoryCode: p.territoryCode ?? null,
  periodFrom: p.periodFrom ?? null,
  periodTo: p.periodTo ?? null,
  priceModel: p.priceModel ?? null,
  quantity: p.quantity ? canonical(p.quantity) : null,
  quantityUnit: p.quantityUnit ?? null,
});

/** Replaces the sets that are given (null = unchanged), in the caller's transaction. */
export const writeChildren = async (
  ctx: ServiceContext,
  caseId: string,
  sets: { participants: Participant[] | null; supplyPointIds: string[] | null; potentials: Potential[] | null },
) => {
  if (sets.participants) {
    await ctx.db.delete(caseParticipants).where(eq(caseParticipants.caseId, caseId));
    if (sets.participants.length > 0) {
      await ctx.db.insert(caseParticipants).values(sets.participants.map((p) => ({ caseId, userId: p.userId, share: p.share })));
    }
  }
  if (sets.supplyPointIds) {
    await ctx.db.delete(caseSupplyPoints).where(eq(caseSupplyPoints.caseId, caseId));
    if (sets.supplyPointIds.length > 0) {
      await ctx.db.insert(caseSupplyPoints).values([...new Set(sets.supplyPointIds)].map((supplyPointId) => ({ caseId, supplyPointId })));
    }
  }
  if (sets.potentials) {
    await ctx.db.delete(casePotentials).where(eq(casePotentials.caseId, caseId));
    if (sets.potentials.length > 0) {
      await ctx.db.insert(casePotentials).values(
        sets.potentials.map(({ id: _id, ...p }, position) => ({ ...p, caseId, position })),
      );
    }
  }
};

// ---- Response shapes ----

/** List rows with the names they show, read in one query per kind of name. */
export const toListItems = async (ctx: ServiceContext, rows: CaseRow[]): Promise<CaseListItem[]> => {
  const [clients, users, stages] = await readTogether(
    ctx,
    () => clientNames(ctx, rows.map((r) => r.clientId)),
    () => userNames(ctx, [...new Set(rows.flatMap((r) => (r.responsibleUserId ? [r.responsibleUserId] : [])))]),
    () => stageLabels(ctx, rows.flatMap((r) => (r.stageId ? [r.stageId] : []))),
  );
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((row) => {
    const stage = row.stageId ? stages.get(row.stageId) : undefined;
    return {
      id: row.id,
      ownerId: row.ownerId,
      name: row.name,
      clientId: row.clientId,
      clientName: clients.get(row.clientId) ?? null,
      type: row.type,
      commodity: row.commodity,
      state: row.state,
      outcome: row.outcome ?? null,
      processTemplateId: row.processTemplateId,
      stage: stage && row.stageId ? { id: row.stageId, name: stage.name, position: stage.position } : null,
      responsibleUser: row.responsibleUserId ? { id: row.responsibleUserId, name: userName.get(row.responsibleUserId) ?? '' } : null,
      priority: row.priority,
      territoryCode: row.territoryCode,
      expectedCloseDate: row.expectedCloseDate,
      lastActivityAt: row.lastActivityAt,
      nextActivityAt: row.nextActivityAt,
      closedAt: row.closedAt,
      archivedAt: row.archivedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    };
  });
};

export const toDetail = async (ctx: ServiceContext, row: CaseRow): Promise<CaseDetail> => {
  const [[item], children] = await readTogether(ctx, () => toListItems(ctx, [row]), () => childrenOf(ctx, [row.id]));
  const own = children.get(row.id)!;
  const points = own.supplyPointIds.length
    ? (await listSupplyPoints(ctx, { clientId: row.clientId, archived: 'all', sort: { field: 'identifier', direction: 'asc' }, limit: 500 })).items
    : [];
  const names = new Map((await userNames(ctx, own.participants.map((p) => p.userId))).map((u) => [u.id, u.name]));
  const stages = row.stageId ? await stageLabels(ctx, [row.stageId]) : new Map();
  return {
    ...item!,
    teamId: row.teamId,
    leadId: row.leadId,
    processTemplateName: row.stageId ? (stages.get(row.stageId)?.templateName ?? null) : null,
    stageEnteredAt: row.stageEnteredAt,
    closingNote: row.closingNote,
    continuationCaseId: row.continuationCaseId,
    totalDemand: canonical(row.totalDemand),
    totalDemandUnit: row.totalDemandUnit ?? null,
    securityKind: row.securityKind ?? null,
    securityAmount: canonical(row.securityAmount),
    note: row.note,
    supplyPointIds: own.supplyPointIds,
    supplyPoints: points
      .filter((p) => own.supplyPointIds.includes(p.id))
      .map((p) => ({ id: p.id, identifier: p.identifier, commodity: p.commodity, name: p.name })),
    participants: own.participants.map((p) => ({ ...p, name: names.get(p.userId) ?? '' })),
    potentials: own.potentials.map((p) => ({ ...p, id: p.id! })),
    potentialTotals: potentialTotals(own.potentials),
    filledGateFields: filledGateFields(gateSnapshotOf(row, own)),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
  };
};
