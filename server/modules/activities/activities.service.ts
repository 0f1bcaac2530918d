import { exportLimit, withinExportLimit } from '../../db/export-limit.js';
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { dayBounds, defaultTimeZone } from '../../../domain/activities/days.js';
import { searchable } from '../../../domain/clients/client-rules.js';
import { withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, notFound } from '../../http/errors.js';
import { enqueue } from '../../jobs/runner.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { visibleTo } from '../auth/access.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { syncActivityEvent } from '../calendar/calendar.service.js';
import { teamIdsOfUser } from '../teams/teams.service.js';
import { getUser, userNames } from '../users/users.service.js';
import type {
  ActivityCancelBody,
  ActivityCompleteBody,
  ActivityDetail,
  ActivityFilter,
  ActivityInput,
  ActivityListItem,
  ActivityListQuery,
  ActivityUpdateBody,
  MyDayQuery,
  MyDayResponse,
} from './activities.api.js';
import { activities } from './activities.schema.js';
import type { Mailer } from '../../integrations/smtp/client.js';
import { composeDepartmentEmail, emailSendJob, sendEmail } from './department-email.js';
import { linkNames, readLink, type LinkIds } from './links.js';
import { containsPattern } from '../../db/similarity.js';

export type { ActivityDetail, ActivityInput } from './activities.api.js';
export { linkNames, readLink, type LinkIds } from './links.js';
export { emailSendJob } from './department-email.js';

type ActivityRow = typeof activities.$inferSelect;

const toDetail = (row: ActivityRow, now: Date): ActivityDetail => ({
  id: row.id,
  ownerId: row.ownerId,
  teamId: row.teamId,
  responsibleUserId: row.responsibleUserId,
  kind: row.kind,
  subject: row.subject,
  description: row.description,
  location: row.location,
  startAt: row.startAt,
  dueAt: row.dueAt,
  status: row.status,
  completedAt: row.completedAt,
  outcome: row.outcome,
  outcomeNote: row.outcomeNote,
  clientId: row.clientId,
  caseId: row.caseId,
  leadId: row.leadId,
  fieldKey: row.fieldKey,
  processStageTaskId: row.processStageTaskId,
  departmentEmail: row.departmentEmail,
  emailedAt: row.emailedAt,
  archivedAt: row.archivedAt,
  isOverdue: row.status === 'open' && row.dueAt < now,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  createdBy: row.createdBy,
  updatedBy: row.updatedBy,
});

const visible = (ctx: ServiceContext) => visibleTo(ctx.actor, activities);

/** The one way an activity is read for anything: through the caller's access filter, 404 otherwise. */
const loadVisible = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<ActivityRow> => {
  const query = ctx.db.select().from(activities).where(and(eq(activities.id, id), visible(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Activity');
  return row;
};

const activityTarget = (row: ActivityRow) => ({
  entityType: 'activity',
  entityId: row.id,
  rootType: 'activity',
  rootId: row.id,
  ownerId: row.ownerId,
});

const versionConflict = () => new AppError('version_conflict', 'The activity was changed by someone else; reload it and try again');

const toInstant = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

const assertDueNotBeforeStart = (startAt: Date, dueAt: Date) => {
  if (dueAt < startAt) {
    throw new AppError('activity.due_before_start', 'The activity is due before it starts', {
      errors: [{ path: 'dueAt', code: 'due_before_start', message: 'dueAt: must not be before startAt' }],
    });
  }
};

const invalidUser = (code: string, message: string) =>
  new AppError('validation', `responsibleUserId: ${message}`, { errors: [{ path: 'responsibleUserId', code, message: `responsibleUserId: ${message}` }] });

/**
 * The responsible user (the caller by default) and the team the activity belongs to: that user's first team.
 * Only an active user of the activity's owner company may be responsible.
 */
export const resolveResponsible = async (
  ctx: ServiceContext,
  requested: string | null | undefined,
): Promise<{ userId: string | null; ownerId: string | null; teamId: string | null }> => {
  const userId = requested ?? actorUserId(ctx.actor);
  if (!userId) return { userId: null, ownerId: null, teamId: null };
  const user = await getUser(ctx, userId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw invalidUser('not_found', 'no such user in your company');
    throw error;
  });
  if (!user.isActive) throw invalidUser('inactive', 'the user is deactivated');
  const [teamId] = await teamIdsOfUser(ctx, user.id);
  return { userId: user.id, ownerId: user.ownerId, teamId: teamId ?? null };
};

/**
 * Checks the links an activity is given and returns the owner company of the first linked record. Clients are
 * checked through the clients service for everyone, cases and leads for every signed-in caller, also inside a
 * transaction (every HTTP write runs in one, so skipping there let a user link another team's case). A system
 * actor's job has already read the case or lead it passes.
 */
export const checkLinks = async (ctx: ServiceContext, links: LinkIds): Promise<string | null> => {
  const owners: string[] = [];
  if (links.clientId) owners.push((await readLink(ctx, 'client', links.clientId)).ownerId);
  const mustCheck = ctx.actor.kind === 'user';
  for (const kind of ['case', 'lead'] as const) {
    const id = kind === 'case' ? links.caseId : links.leadId;
    if (!id) continue;
    if (mustCheck) owners.push((await readLink(ctx, kind, id)).ownerId);
    else if (ctx.actor.kind === 'system' && owners.length === 0) {
      owners.push(...(await readLink(ctx, kind, id).then((r) => [r.ownerId], () => [])));
    }
  }
  return owners[0] ?? null;
};

/**
 * Creates an activity (SALES-5). Other modules call it too (actions on a case, stage tasks, work queues): inside
 * their transaction it joins it. A meeting gets its event in the team calendar; a task with `departmentEmail`
 * queues its e-mail in the same transaction, so the mail goes out only if the activity is saved.
 */
export const createActivity = async (ctx: ServiceContext, input: ActivityInput): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.write');
  const startAt = toInstant(input.startAt);
  const dueAt = toInstant(input.dueAt);
  assertDueNotBeforeStart(startAt, dueAt);
  return withTx(ctx, async (ctx) => {
    const responsible = await resolveResponsible(ctx, input.responsibleUserId);
    const linkedOwnerId = await checkLinks(ctx, input);
    const ownerId = ctx.actor.kind === 'user' ? ctx.actor.ownerId : (linkedOwnerId ?? responsible.ownerId);
    if (!ownerId) {
      throw new AppError('validation', 'An activity of the system needs a linked record or a responsible user', {
        errors: [{ path: 'responsibleUserId', code: 'required', message: 'responsibleUserId: required without a linked record' }],
      });
    }
    if (responsible.ownerId && responsible.ownerId !== ownerId) throw invalidUser('other_owner', 'the user works for another owner company');
    const by = actorUserId(ctx.actor);
    const now = ctx.now();
    const status = input.status ?? 'open';
    const [row] = await ctx.db
      .insert(activities)
      .values({
        ownerId,
        teamId: responsible.teamId,
        responsibleUserId: responsible.userId,
        kind: input.kind,
        subject: input.subject.trim(),
        description: input.description || null,
        location: input.location || null,
        startAt,
        dueAt,
        status,
        completedAt: status === 'done' ? now : null,
        outcome: input.outcome || null,
        outcomeNote: input.outcomeNote || null,
        clientId: input.clientId ?? null,
        caseId: input.caseId ?? null,
        leadId: input.leadId ?? null,
        fieldKey: input.fieldKey || null,
        processStageTaskId: input.processStageTaskId ?? null,
        departmentEmail: input.departmentEmail?.trim().toLowerCase() || null,
        createdBy: by,
        updatedBy: by,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, activityTarget(row), 'create', null, row);
    if (row.kind === 'meeting') await syncActivityEvent(ctx, row);
    if (row.departmentEmail) {
      const message = await composeDepartmentEmail(ctx, row);
      await enqueue(ctx, emailSendJob, { ...message, activityId: row.id });
    }
    return toDetail(row, now);
  });
};

export const getActivity = async (ctx: ServiceContext, id: string): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.read');
  return toDetail(await loadVisible(ctx, id), ctx.now());
};

/** One activity with the names of its responsible user and linked records, as its card shows it. */
export const getActivityItem = async (ctx: ServiceContext, id: string): Promise<ActivityListItem> => {
  assertCan(ctx.actor, 'sales.read');
  const [item] = await withNames(ctx, [await loadVisible(ctx, id)]);
  if (!item) throw notFound('Activity');
  return item;
};

/** Writes a change of one visible activity: version check, update, history and the meeting's event, in one transaction. */
const change = async (
  ctx: ServiceContext,
  id: string,
  version: number,
  decide: (before: ActivityRow, ctx: ServiceContext) => Promise<Partial<ActivityRow>> | Partial<ActivityRow>,
  action: 'update' | 'archive' = 'update',
): Promise<ActivityDetail> =>
  withTx(ctx, async (ctx) => {
    const before = await loadVisible(ctx, id, true);
    if (before.version !== version) throw versionConflict();
    if (before.archivedAt) throw new AppError('activity.archived', 'The activity is archived and cannot be changed');
    const patch = await decide(before, ctx);
    const [row] = await ctx.db
      .update(activities)
      .set({ ...patch, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(activities.id, id), eq(activities.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordChange(ctx, activityTarget(row), action, before, row);
    if (row.kind === 'meeting' || before.kind === 'meeting') await syncActivityEvent(ctx, row);
    return toDetail(row, ctx.now());
  });

const assertOpen = (row: ActivityRow) => {
  if (row.status !== 'open') throw new AppError('activity.not_open', `The activity is already ${row.status}`);
};

export const updateActivity = async (ctx: ServiceContext, id: string, input: ActivityUpdateBody): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.write');
  const { version, ...fields } = input;
  return change(ctx, id, version, async (before, ctx) => {
    const startAt = fields.startAt ? toInstant(fields.startAt) : before.startAt;
    const dueAt = fields.dueAt ? toInstant(fields.dueAt) : before.dueAt;
    assertDueNotBeforeStart(startAt, dueAt);
    const patch: Partial<ActivityRow> = { startAt, dueAt };
    if (fields.kind) patch.kind = fields.kind;
    if (fields.subject) patch.subject = fields.subject;
    if (fields.description !== undefined) patch.description = fields.description || null;
    if (fields.location !== undefined) patch.location = fields.location || null;
    if (fields.outcome !== undefined) patch.outcome = fields.outcome || null;
    if (fields.outcomeNote !== undefined) patch.outcomeNote = fields.outcomeNote || null;
    if (fields.responsibleUserId !== undefined && fields.responsibleUserId !== before.responsibleUserId) {
      const responsible = await resolveResponsible(ctx, fields.responsibleUserId);
      if (responsible.ownerId && responsible.ownerId !== before.ownerId) throw invalidUser('other_owner', 'the user works for another owner company');
      patch.responsibleUserId = responsible.userId;
      patch.teamId = responsible.teamId;
    }
    // Only links that change are checked, so an activity keeps a link its editor may not open.
    const changed: LinkIds = {};
    for (const key of ['clientId', 'caseId', 'leadId'] as const) {
      const value = fields[key];
      if (value === undefined || value === before[key]) continue;
      patch[key] = value ?? null;
      changed[key] = value;
    }
    await checkLinks(ctx, changed);
    return patch;
  });
};

export const completeActivity = async (
  ctx: ServiceContext,
  id: string,
  input: ActivityCompleteBody | { version: number; outcome?: string; outcomeNote?: string },
): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return change(ctx, id, input.version, (before, ctx) => {
    assertOpen(before);
    return {
      status: 'done',
      completedAt: ctx.now(),
      ...(input.outcome !== undefined ? { outcome: input.outcome || null } : {}),
      ...(input.outcomeNote !== undefined ? { outcomeNote: input.outcomeNote || null } : {}),
    };
  });
};

export const cancelActivity = async (ctx: ServiceContext, id: string, input: ActivityCancelBody): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return change(ctx, id, input.version, (before) => {
    assertOpen(before);
    return { status: 'cancelled', ...(input.outcomeNote !== undefined ? { outcomeNote: input.outcomeNote || null } : {}) };
  });
};

/** Archives (never deletes) an activity; it leaves lists, "my day", the calendar and the case's next/last dates. */
export const archiveActivity = async (ctx: ServiceContext, id: string, version: number): Promise<ActivityDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return change(ctx, id, version, (_, ctx) => ({ archivedAt: ctx.now() }), 'archive');
};

/**
 * Closes every open stage task of the case that asks for one of these fields (SALES-6: a task closes itself
 * when the information it asks for is entered). Runs in the caller's transaction; returns how many it closed.
 * The caller (the cases service) has already checked access to the case, so the tasks are found by case alone.
 */
export const completeFieldTasks = async (ctx: ServiceContext, caseId: string, filledFieldKeys: string[]): Promise<number> => {
  assertCan(ctx.actor, 'sales.write');
  if (filledFieldKeys.length === 0) return 0;
  return withTx(ctx, async (ctx) => {
    const open = await ctx.db
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.caseId, caseId),
          eq(activities.status, 'open'),
          isNull(activities.archivedAt),
          inArray(activities.fieldKey, [...new Set(filledFieldKeys)]),
        ),
      )
      .for('update');
    const now = ctx.now();
    const by = actorUserId(ctx.actor);
    for (const before of open) {
      const [row] = await ctx.db
        .update(activities)
        .set({ status: 'done', completedAt: now, outcome: 'fieldFilled', version: before.version + 1, updatedAt: now, updatedBy: by })
        .where(eq(activities.id, before.id))
        .returning();
      if (row) await recordChange(ctx, activityTarget(row), 'update', before, row);
    }
    return open.length;
  });
};

// ------------------------------------------------------------------------------------------------ lists

const sortExpressions = {
  startAt: { expression: activities.startAt, isTime: true },
  dueAt: { expression: activities.dueAt, isTime: true },
  subject: { expression: activities.subject },
  kind: { expression: activities.kind },
  status: { expression: activities.status },
  updatedAt: { expression: activities.updatedAt, isTime: true },
} as const;

const keysetFor = (sort: ActivityListQuery['sort']): Keyset => ({ ...sortExpressions[sort.field], id: activities.id, direction: sort.direction });


/** Filters shared by the list and its export, so the export is exactly what the list shows. */
const listConditions = (ctx: ServiceContext, query: ActivityFilter): (SQL | undefined)[] => {
  const now = ctx.now();
  const words = query.q ? searchable(query.q).split(' ').filter(Boolean) : [];
  return [
    visible(ctx),
    // Accent- and case-insensitive, every word somewhere in the subject.
    ...words.map((word) => sql`lower(unaccent(${activities.subject})) like ${containsPattern(word)}`),
    query.kind ? eq(activities.kind, query.kind) : undefined,
    query.status ? eq(activities.status, query.status) : undefined,
    query.responsibleUserId ? eq(activities.responsibleUserId, query.responsibleUserId) : undefined,
    query.clientId ? eq(activities.clientId, query.clientId) : undefined,
    query.caseId ? eq(activities.caseId, query.caseId) : undefined,
    query.leadId ? eq(activities.leadId, query.leadId) : undefined,
    query.dueFrom ? gte(activities.dueAt, new Date(query.dueFrom)) : undefined,
    query.dueTo ? lt(activities.dueAt, new Date(query.dueTo)) : undefined,
    query.overdue === true ? and(eq(activities.status, 'open'), lt(activities.dueAt, now)) : undefined,
    query.overdue === false ? or(ne(activities.status, 'open'), gte(activities.dueAt, now)) : undefined,
    query.archived === 'false' ? isNull(activities.archivedAt) : query.archived === 'true' ? isNotNull(activities.archivedAt) : undefined,
  ];
};

const sortValue = (row: ActivityRow, field: ActivityListQuery['sort']['field']): string | Date => row[field];

/** The list rows with the names of their responsible users and linked records, read with the caller's rights. */
const withNames = async (ctx: ServiceContext, rows: ActivityRow[]): Promise<ActivityListItem[]> => {
  const ids = (key: 'clientId' | 'caseId' | 'leadId') => rows.flatMap((r) => (r[key] ? [r[key]] : []));
  // One after another: a transaction's connection runs one query at a time.
  const users = await userNames(ctx, [...new Set(rows.flatMap((r) => (r.responsibleUserId ? [r.responsibleUserId] : [])))]);
  const clientNames = await linkNames(ctx, 'client', ids('clientId'));
  const caseNames = await linkNames(ctx, 'case', ids('caseId'));
  const leadNames = await linkNames(ctx, 'lead', ids('leadId'));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const link = (id: string | null, names: Map<string, string | null>) => (id ? { id, name: names.get(id) ?? null } : null);
  const now = ctx.now();
  return rows.map((row) => ({
    ...toDetail(row, now),
    responsibleUser: link(row.responsibleUserId, userName),
    client: link(row.clientId, clientNames),
    case: link(row.caseId, caseNames),
    lead: link(row.leadId, leadNames),
  }));
};

export const listActivities = async (ctx: ServiceContext, query: ActivityListQuery) => {
  assertCan(ctx.actor, 'sales.read');
  const keyset = keysetFor(query.sort);
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(and(...listConditions(ctx, query), keysetAfter(keyset, query.cursor)))
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(sortValue(row, query.sort.field), row.id));
  return { items: await withNames(ctx, page.items), nextCursor: page.nextCursor };
};

export const listActivitiesForExport = async (ctx: ServiceContext, query: ActivityFilter): Promise<ActivityListItem[]> => {
  assertCan(ctx.actor, 'sales.export');
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(and(...listConditions(ctx, query)))
    .orderBy(...keysetOrder(keysetFor(query.sort)))
    .limit(exportLimit + 1);
  return withNames(ctx, withinExportLimit(rows));
};

export const activityHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'sales.read');
  await loadVisible(ctx, id);
  return listHistory(ctx, { type: 'activity', id });
};

/**
 * "My day": the caller's open activities due before the end of today in their time zone, overdue ones (due
 * before today began) apart from today's. Each section is one range scan of the index
 * (responsible_user_id, status, due_at), so a user with thousands of open activities gets it as fast as one
 * with ten; the counts are index-only as well.
 */
export const myDay = async (ctx: ServiceContext, query: MyDayQuery): Promise<MyDayResponse> => {
  assertCan(ctx.actor, 'sales.read');
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('auth.forbidden', 'Only a user has a day');
  const timeZone = query.timeZone ?? defaultTimeZone;
  const { date, start, end } = dayBounds(ctx.now(), timeZone);
  const mine = [eq(activities.responsibleUserId, userId), eq(activities.status, 'open'), isNull(activities.archivedAt), visible(ctx)];
  const section = (from: Date | null, to: Date) =>
    ctx.db
      .select()
      .from(activities)
      .where(and(...mine, from ? gte(activities.dueAt, from) : undefined, lt(activities.dueAt, to)))
      .orderBy(asc(activities.dueAt), asc(activities.id))
      .limit(query.limit);
  const countOf = async (from: Date | null, to: Date) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(activities)
      .where(and(...mine, from ? gte(activities.dueAt, from) : undefined, lt(activities.dueAt, to)));
    return row?.n ?? 0;
  };
  const [overdue, today] = [await section(null, start), await section(start, end)];
  const overdueCount = overdue.length < query.limit ? overdue.length : await countOf(null, start);
  const todayCount = today.length < query.limit ? today.length : await countOf(start, end);
  const named = await withNames(ctx, [...overdue, ...today]);
  return { date, timeZone, overdue: named.slice(0, overdue.length), overdueCount, today: named.slice(overdue.length), todayCount };
};

/**
 * Open activities with dates of one user for their calendar feed, within [from, to): those they are responsible
 * for and may see. Meetings are left out, they are in the feed as their events.
 */
export const openActivitiesForFeed = async (ctx: ServiceContext, userId: string, from: Date, to: Date): Promise<ActivityDetail[]> => {
  assertCan(ctx.actor, 'sales.read');
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(
      and(
        visible(ctx),
        eq(activities.responsibleUserId, userId),
        eq(activities.status, 'open'),
        isNull(activities.archivedAt),
        ne(activities.kind, 'meeting'),
        gte(activities.dueAt, from),
        lt(activities.startAt, to),
      ),
    )
    .orderBy(asc(activities.dueAt))
    .limit(5000);
  const now = ctx.now();
  return rows.map((row) => toDetail(row, now));
};

/** Marks a department e-mail as sent (the `email.send` job, after the SMTP server accepted it). */
export const markActivityEmailed = async (ctx: ServiceContext, id: string): Promise<void> => {
  await withTx(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(activities).where(and(eq(activities.id, id), visible(ctx))).for('update');
    if (!before || before.emailedAt) return;
    const [row] = await ctx.db
      .update(activities)
      .set({ emailedAt: ctx.now(), version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(eq(activities.id, id))
      .returning();
    if (row) await recordChange(ctx, activityTarget(row), 'update', before, row);
  });
};

/** The `email.send` job: sends the queued message; for a department task, records when it went out. */
export const sendQueuedEmail = (ctx: ServiceContext, payload: Record<string, unknown>, mailer: Mailer | undefined): Promise<void> =>
  sendEmail(ctx, payload, mailer, markActivityEmailed);
