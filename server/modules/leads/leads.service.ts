import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { and, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { checkLead } from '../../../domain/leads/lead-rules.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { listHistory, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { getCase } from '../cases/cases.service.js';
import { assertClientVisible, getClient } from '../clients/clients.service.js';
import { assertCodes } from '../code-lists/code-lists.service.js';
import type {
  LeadCreateBody,
  LeadCreateResponse,
  LeadDetailResponse,
  LeadFilter,
  LeadListQuery,
  LeadResponse,
  LeadUpdateBody,
} from './leads.api.js';
import { findDuplicates } from './leads.duplicates.js';
import {
  assertChangeable,
  leadSearchText,
  loadVisibleLead,
  potentialsOf,
  recordLeadChange,
  replacePotentials,
  snapshot,
  toResponse,
  versionConflict,
  visibleLeads,
  type LeadRow,
} from './leads.records.js';
import { leadPotentials, leads } from './leads.schema.js';
import { containsPattern } from '../../db/similarity.js';

export type LeadFields = Omit<LeadCreateBody, 'ownerId'>;

const validation = (errors: FieldProblem[]) =>
  new AppError('validation', errors.map((e) => e.message).join('; '), { errors });

/** A client link must name a client the caller may see; any other id is reported like one that does not exist. */
const assertLinkableClient = async (ctx: ServiceContext, clientId: string): Promise<void> => {
  try {
    const client = await assertClientVisible(ctx, clientId);
    if (client.archivedAt)
      throw validation([
        { path: 'clientId', code: 'client_archived', message: 'clientId: the client is archived' },
      ]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw validation([
        { path: 'clientId', code: 'unknown_client', message: 'clientId: no such client among yours' },
      ]);
    }
    throw error;
  }
};

/** The columns of a lead from its checked fields (`checkLead`'s normalised values), with its search text. */
export const leadColumnsOf = (fields: LeadFields, checked: ReturnType<typeof checkLead>['values']) => {
  const address = fields.address ?? {};
  const columns = {
    kind: fields.kind,
    name: fields.name,
    country: fields.country,
    companyId: checked.companyId,
    email: fields.email?.toLowerCase() ?? null,
    phone: checked.phone,
    contactFirstName: fields.contactFirstName || null,
    contactLastName: fields.contactLastName || null,
    contactFunction: fields.contactFunction || null,
    street: address.street || null,
    city: address.city || null,
    postalCode: address.postalCode || null,
    industry: fields.industry ?? null,
    priority: fields.priority,
    source: fields.source,
    campaign: fields.campaign || null,
    channel: fields.channel || null,
    marketingConsent: fields.marketingConsent,
    attributes: fields.attributes,
    totalDemand: checked.totalDemand,
    totalDemandUnit: checked.totalDemand === null ? null : (fields.totalDemandUnit ?? null),
    clientId: fields.clientId ?? null,
    note: fields.note || null,
    teamId: fields.teamId ?? null,
    responsibleUserId: fields.responsibleUserId ?? null,
  };
  return { ...columns, searchText: leadSearchText(columns) };
};

/**
 * Checks the whole lead as it would be saved (identifiers by country, potentials, total demand, code lists) and
 * returns the normalised columns and potentials. Throws one 400 naming every invalid field.
 */
export const prepareLead = async (
  ctx: ServiceContext,
  fields: LeadFields,
  previousClientId: string | null = null,
) => {
  const checked = checkLead({
    country: fields.country,
    companyId: fields.companyId,
    phone: fields.phone,
    totalDemand: fields.totalDemand,
    totalDemandUnit: fields.totalDemandUnit,
    potentials: fields.potentials,
  });
  if (checked.errors.length > 0) throw validation(checked.errors);
  await assertCodes(ctx, {
    industry: { list: 'industry', code: fields.industry },
    ...Object.fromEntries(
      checked.values.potentials.map((p, i) => [
        `potentials.${i}.territoryCode`,
        { list: 'distributionTerritory', code: p.territoryCode },
      ]),
    ),
  });
  if (fields.clientId && fields.clientId !== previousClientId)
    await assertLinkableClient(ctx, fields.clientId);
  return {
    columns: leadColumnsOf(fields, checked.values),
    potentials: checked.values.potentials,
    warnings: checked.warnings,
  };
};

/** The owner company a new lead belongs to: the caller's, or the one chosen by a user who sees all owners. */
export const ownerForNewLead = (ctx: ServiceContext, requested: string | undefined): string => {
  const actor = ctx.actor;
  const ownerId =
    requested && (actor.kind === 'system' || actor.scope === 'all')
      ? requested
      : actor.kind === 'user'
        ? actor.ownerId
        : requested;
  if (!ownerId) throw validation([{ path: 'ownerId', code: 'required', message: 'ownerId is required' }]);
  return ownerId;
};

/**
 * Creates a lead. Duplicates do not block it: the answer lists the leads and clients the caller may see that
 * share a company ID, e-mail, phone or supply-point identifier with it, for the user to merge or keep.
 */
export const createLead = async (ctx: ServiceContext, input: LeadCreateBody): Promise<LeadCreateResponse> => {
  assertCan(ctx.actor, 'sales.write');
  const ownerId = ownerForNewLead(ctx, input.ownerId);
  const by = actorUserId(ctx.actor);
  const { columns, potentials, warnings } = await prepareLead(ctx, {
    ...input,
    teamId: input.teamId ?? (ctx.actor.kind === 'user' ? (ctx.actor.teamIds[0] ?? null) : null),
    responsibleUserId: input.responsibleUserId ?? by,
  });
  const lead = await withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(leads)
      .values({
        ...columns,
        ownerId,
        createdBy: by,
        updatedBy: by,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const saved = await replacePotentials(ctx, row.id, potentials);
    await recordLeadChange(ctx, 'create', null, snapshot(row, saved));
    return toResponse(row, saved, warnings);
  });
  const [duplicates] = await findDuplicates(
    ctx,
    [{ ...lead, supplyPointIdentifiers: potentials.map((p) => p.supplyPointIdentifier) }],
    { exceptLeadIds: [lead.id] },
  );
  return { ...lead, duplicates: duplicates ?? [] };
};

/** The name of a linked record when the caller may see it; null when it is outside their rights or gone. */
const nameOrNull = async (read: () => Promise<{ name: string }>): Promise<string | null> => {
  try {
    return (await read()).name;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'auth.forbidden'))
      return null;
    throw error;
  }
};

export const getLead = async (ctx: ServiceContext, id: string): Promise<LeadDetailResponse> => {
  assertCan(ctx.actor, 'sales.read');
  const row = await loadVisibleLead(ctx, id);
  const potentials = (await potentialsOf(ctx, [id])).get(id) ?? [];
  const warnings = checkLead({ country: row.country, companyId: row.companyId }).warnings;
  const link = async (linkId: string | null, read: (id: string) => Promise<{ name: string }>) =>
    linkId ? { id: linkId, name: await nameOrNull(() => read(linkId)) } : null;
  const readClient = (clientId: string) => getClient(ctx, clientId);
  const readLead = async (leadId: string) => loadVisibleLead(ctx, leadId);
  return {
    ...toResponse(row, potentials, warnings),
    links: {
      client: await link(row.clientId, readClient),
      convertedClient: await link(row.convertedClientId, readClient),
      convertedCase: await link(row.convertedCaseId, (caseId) => getCase(ctx, caseId)),
      mergedInto: await link(row.mergedIntoLeadId, readLead),
    },
  };
};

/** Throws 404 unless the caller may see the lead; other modules (activities, queues) use it before linking to a lead. */
export const assertLeadVisible = async (
  ctx: ServiceContext,
  id: string,
): Promise<{
  id: string;
  ownerId: string;
  name: string;
  status: LeadRow['status'];
  archivedAt: Date | null;
}> => {
  const row = await loadVisibleLead(ctx, id);
  return { id: row.id, ownerId: row.ownerId, name: row.name, status: row.status, archivedAt: row.archivedAt };
};

/** The ids of the leads the caller may see, as a subquery, for modules whose lists show leads (activities, queues). */
export const visibleLeadIds = (ctx: ServiceContext) =>
  ctx.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(visibleLeads(ctx), isNull(leads.archivedAt)));

export const updateLead = async (
  ctx: ServiceContext,
  id: string,
  input: LeadUpdateBody,
): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleLead(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    assertChangeable(before);
    const previous = (await potentialsOf(ctx, [id])).get(id) ?? [];
    const current = toResponse(before, previous);
    const { version, ...patch } = input;
    const { columns, potentials, warnings } = await prepareLead(
      ctx,
      {
        ...current,
        ...patch,
        address: patch.address === undefined ? current.address : patch.address,
        potentials: patch.potentials ?? current.potentials,
      } as LeadFields,
      before.clientId,
    );
    const [row] = await ctx.db
      .update(leads)
      .set({ ...columns, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(leads.id, id), eq(leads.version, version)))
      .returning();
    if (!row) throw versionConflict();
    const saved = patch.potentials ? await replacePotentials(ctx, id, potentials) : previous;
    await recordLeadChange(ctx, 'update', snapshot(before, previous), snapshot(row, saved));
    return toResponse(row, saved, warnings);
  });
};

/** One write of a lead's own columns under its version, with its history; the potentials stay as they are. */
const changeLead = async (
  ctx: ServiceContext,
  id: string,
  version: number | undefined,
  action: 'update' | 'archive' | 'restore',
  check: (row: LeadRow) => void,
  values: (row: LeadRow) => Partial<typeof leads.$inferInsert>,
): Promise<LeadResponse> =>
  withTx(ctx, async (ctx) => {
    const before = await loadVisibleLead(ctx, id, true);
    if (version !== undefined && before.version !== version) throw versionConflict();
    check(before);
    const [row] = await ctx.db
      .update(leads)
      .set({
        ...values(before),
        version: before.version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(leads.id, id), eq(leads.version, before.version)))
      .returning();
    if (!row) throw versionConflict();
    const potentials = (await potentialsOf(ctx, [id])).get(id) ?? [];
    await recordLeadChange(ctx, action, snapshot(before, potentials), snapshot(row, potentials));
    return toResponse(row, potentials);
  });

const wrongStatus = (row: LeadRow, step: string) =>
  new AppError('lead.wrong_status', `The lead is ${row.status}; it cannot be ${step}`, {
    errors: [{ path: 'status', code: row.status, message: `status: the lead is ${row.status}` }],
  });

/** Marks the lead worth pursuing (also a disqualified one, which is reopened). */
export const qualifyLead = (ctx: ServiceContext, id: string, version: number): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return changeLead(
    ctx,
    id,
    version,
    'update',
    (row) => {
      assertChangeable(row);
      if (row.status === 'qualified') throw wrongStatus(row, 'qualified again');
    },
    () => ({ status: 'qualified', disqualifiedReason: null }),
  );
};

/** Stops pursuing the lead, with the reason; it stays in the list under its status. */
export const disqualifyLead = (
  ctx: ServiceContext,
  id: string,
  input: { version: number; reason: string },
): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return changeLead(
    ctx,
    id,
    input.version,
    'update',
    (row) => {
      assertChangeable(row);
      if (row.status === 'disqualified') throw wrongStatus(row, 'disqualified again');
    },
    () => ({ status: 'disqualified', disqualifiedReason: input.reason }),
  );
};

export const archiveLead = (ctx: ServiceContext, id: string, version: number): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return changeLead(
    ctx,
    id,
    version,
    'archive',
    (row) => {
      if (row.archivedAt) throw new AppError('lead.archived', 'The lead is already archived');
    },
    () => ({ archivedAt: ctx.now() }),
  );
};

export const restoreLead = (ctx: ServiceContext, id: string, version: number): Promise<LeadResponse> => {
  assertCan(ctx.actor, 'sales.write');
  return changeLead(
    ctx,
    id,
    version,
    'restore',
    (row) => {
      if (!row.archivedAt)
        throw new AppError('lead.wrong_status', 'The lead is not archived', {
          errors: [{ path: 'archivedAt', code: 'not_archived', message: 'the lead is not archived' }],
        });
      // A merged lead lives on in the lead it was merged into; restoring it would duplicate that lead again.
      if (row.mergedIntoLeadId)
        throw new AppError(
          'lead.wrong_status',
          'The lead was merged into another lead and cannot be restored',
        );
    },
    () => ({ archivedAt: null }),
  );
};

// ------------------------------------------------------------------------------------------ list

/** Never active counts as longest ago, nothing planned as furthest ahead: both sort as real dates. */
const never = new Date('0001-01-01T00:00:00.000Z');
const nothingPlanned = new Date('9999-12-31T00:00:00.000Z');

const sortExpressions = {
  name: { expression: leads.name },
  createdAt: { expression: leads.createdAt, isTime: true },
  updatedAt: { expression: leads.updatedAt, isTime: true },
  priority: { expression: leads.priority },
  lastActivityAt: {
    expression: sql`coalesce(${leads.lastActivityAt}, ${never.toISOString()}::timestamptz)`,
    isTime: true,
  },
  nextActivityAt: {
    expression: sql`coalesce(${leads.nextActivityAt}, ${nothingPlanned.toISOString()}::timestamptz)`,
    isTime: true,
  },
} as const;

const sortValue = (row: LeadRow, field: LeadListQuery['sort']['field']): string | number | Date =>
  field === 'lastActivityAt'
    ? (row.lastActivityAt ?? never)
    : field === 'nextActivityAt'
      ? (row.nextActivityAt ?? nothingPlanned)
      : row[field];

const keysetFor = (sort: LeadListQuery['sort']): Keyset => ({
  ...sortExpressions[sort.field],
  id: leads.id,
  direction: sort.direction,
});


/** Filters shared by the list and its export, so the export is exactly what the list shows. */
const listConditions = (ctx: ServiceContext, query: LeadFilter): (SQL | undefined)[] => {
  const needle = query.q
    ? leadSearchText({
        name: query.q,
        companyId: null,
        email: null,
        phone: null,
        contactFirstName: null,
        contactLastName: null,
        city: null,
      })
    : '';
  const potentialWith = (condition: SQL) =>
    exists(
      ctx.db
        .select({ one: sql`1` })
        .from(leadPotentials)
        .where(and(eq(leadPotentials.leadId, leads.id), condition)),
    );
  return [
    visibleLeads(ctx),
    needle ? sql`${leads.searchText} like ${containsPattern(needle)}` : undefined,
    query.status ? eq(leads.status, query.status) : undefined,
    query.source ? eq(leads.source, query.source) : undefined,
    query.industry ? eq(leads.industry, query.industry) : undefined,
    query.responsibleUserId ? eq(leads.responsibleUserId, query.responsibleUserId) : undefined,
    query.priority ? eq(leads.priority, query.priority) : undefined,
    query.importId ? eq(leads.importId, query.importId) : undefined,
    query.territoryCode ? potentialWith(eq(leadPotentials.territoryCode, query.territoryCode)) : undefined,
    query.commodity ? potentialWith(eq(leadPotentials.commodity, query.commodity)) : undefined,
    query.archived === 'false'
      ? isNull(leads.archivedAt)
      : query.archived === 'true'
        ? isNotNull(leads.archivedAt)
        : undefined,
  ];
};

const withPotentials = async (ctx: ServiceContext, rows: LeadRow[]): Promise<LeadResponse[]> => {
  const potentials = await potentialsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toResponse(row, potentials.get(row.id) ?? []));
};

export const listLeads = async (
  ctx: ServiceContext,
  query: LeadListQuery,
): Promise<{ items: LeadResponse[]; nextCursor: string | null }> => {
  assertCan(ctx.actor, 'sales.read');
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(leads)
    .where(and(...listConditions(ctx, query), keysetAfter(keyset, query.cursor)))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(sortValue(row, query.sort.field), row.id));
  return { items: await withPotentials(ctx, page.items), nextCursor: page.nextCursor };
};

export const listLeadsForExport = async (ctx: ServiceContext, query: LeadFilter): Promise<LeadResponse[]> => {
  assertCan(ctx.actor, 'sales.export');
  const rows = await ctx.db
    .select()
    .from(leads)
    .where(and(...listConditions(ctx, query)))
    .orderBy(...keysetOrder(keysetFor(query.sort)))
    .limit(exportLimit + 1);
  return withPotentials(ctx, withinExportLimit(rows));
};

export const leadHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'sales.read');
  await loadVisibleLead(ctx, id);
  return listHistory(ctx, { type: 'lead', id });
};

/** Search hits for the global search box, through the same access filter as the list. */
export const searchLeads = async (ctx: ServiceContext, q: string, limit: number): Promise<LeadResponse[]> => {
  if (!can(ctx.actor, 'sales.read')) return [];
  return (await listLeads(ctx, { q, archived: 'false', sort: { field: 'name', direction: 'asc' }, limit }))
    .items;
};

/** Leads by id that the caller may see (archived ones included), for other modules that show a lead's name. */
export const leadsByIds = async (
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<{ id: string; name: string; status: LeadRow['status'] }[]> => {
  if (ids.length === 0) return [];
  return ctx.db
    .select({ id: leads.id, name: leads.name, status: leads.status })
    .from(leads)
    .where(and(inArray(leads.id, [...ids]), visibleLeads(ctx)));
};
