import { and, asc, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { checkLinks, getActivity, resolveResponsible } from '../activities/activities.service.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { visibleTo } from '../auth/access.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { userNames } from '../users/users.service.js';
import { maxRangeDays, type EventDetail, type EventInput, type EventListItem, type EventRangeQuery, type EventUpdateBody } from './calendar.api.js';
import { calendarEvents, calendarFeeds } from './calendar.schema.js';

export type { EventDetail, EventInput } from './calendar.api.js';

type EventRow = typeof calendarEvents.$inferSelect;

const toDetail = (row: EventRow): EventDetail => ({
  id: row.id,
  ownerId: row.ownerId,
  teamId: row.teamId,
  responsibleUserId: row.responsibleUserId,
  title: row.title,
  description: row.description,
  location: row.location,
  startAt: row.startAt,
  endAt: row.endAt,
  allDay: row.allDay,
  activityId: row.activityId,
  clientId: row.clientId,
  caseId: row.caseId,
  leadId: row.leadId,
  archivedAt: row.archivedAt,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  createdBy: row.createdBy,
  updatedBy: row.updatedBy,
});

/** The shared team calendar is exactly the events the caller may see (CORE-3's one filter). */
const visible = (ctx: ServiceContext) => visibleTo(ctx.actor, calendarEvents);

const loadVisible = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<EventRow> => {
  const query = ctx.db.select().from(calendarEvents).where(and(eq(calendarEvents.id, id), visible(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Event');
  return row;
};

const eventTarget = (row: EventRow) => ({ entityType: 'event', entityId: row.id, rootType: 'event', rootId: row.id, ownerId: row.ownerId });

const versionConflict = () => new AppError('version_conflict', 'The event was changed by someone else; reload it and try again');

const toInstant = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

const assertEndNotBeforeStart = (startAt: Date, endAt: Date) => {
  if (endAt < startAt) {
    throw new AppError('event.end_before_start', 'The event ends before it starts', {
      errors: [{ path: 'endAt', code: 'end_before_start', message: 'endAt: must not be before startAt' }],
    });
  }
};

/**
 * Creates an event of the team calendar (SALES-8), by hand or for an activity. An activity has one event: for an
 * activity that already has it (a meeting gets its event when it is saved) the event is brought up to date with
 * this input instead of a second one being made.
 */
export const createEvent = async (ctx: ServiceContext, input: EventInput): Promise<EventDetail> => {
  assertCan(ctx.actor, 'sales.write');
  const startAt = toInstant(input.startAt);
  const endAt = toInstant(input.endAt);
  assertEndNotBeforeStart(startAt, endAt);
  return withTx(ctx, async (ctx) => {
    const activity = input.activityId ? await getActivity(ctx, input.activityId).catch(activityNotFound) : null;
    const fields = {
      title: input.title.trim(),
      startAt,
      endAt,
      allDay: input.allDay ?? false,
      location: input.location || null,
      description: input.description || null,
      clientId: input.clientId ?? activity?.clientId ?? null,
      caseId: input.caseId ?? activity?.caseId ?? null,
      leadId: input.leadId ?? activity?.leadId ?? null,
    };
    if (activity) {
      const [existing] = await ctx.db.select().from(calendarEvents).where(eq(calendarEvents.activityId, activity.id)).for('update');
      if (existing) return writeChange(ctx, existing, { ...fields, archivedAt: null });
    }
    const responsible = await resolveResponsible(ctx, input.responsibleUserId ?? activity?.responsibleUserId);
    const linkedOwnerId = await checkLinks(ctx, { clientId: input.clientId, caseId: input.caseId, leadId: input.leadId });
    const ownerId =
      activity?.ownerId ?? (ctx.actor.kind === 'user' ? ctx.actor.ownerId : (linkedOwnerId ?? responsible.ownerId));
    if (!ownerId) {
      throw new AppError('validation', 'An event of the system needs a linked record or a responsible user', {
        errors: [{ path: 'responsibleUserId', code: 'required', message: 'responsibleUserId: required without a linked record' }],
      });
    }
    if (responsible.ownerId && responsible.ownerId !== ownerId) {
      throw new AppError('validation', 'responsibleUserId: the user works for another owner company', {
        errors: [{ path: 'responsibleUserId', code: 'other_owner', message: 'responsibleUserId: the user works for another owner company' }],
      });
    }
    const by = actorUserId(ctx.actor);
    const [row] = await ctx.db
      .insert(calendarEvents)
      .values({
        ...fields,
        ownerId,
        teamId: activity ? activity.teamId : responsible.teamId,
        responsibleUserId: responsible.userId,
        activityId: activity?.id ?? null,
        createdBy: activity?.createdBy ?? by,
        updatedBy: by,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordChange(ctx, eventTarget(row), 'create', null, row);
    return toDetail(row);
  });
};

const activityNotFound = (error: unknown): never => {
  if (error instanceof AppError && error.code === 'not_found') {
    throw new AppError('not_found', 'The activity was not found', {
      errors: [{ path: 'activityId', code: 'not_found', message: 'activityId: no such activity among the records you may see' }],
    });
  }
  throw error;
};

const writeChange = async (
  ctx: ServiceContext,
  before: EventRow,
  patch: Partial<EventRow>,
  action: 'update' | 'archive' = 'update',
): Promise<EventDetail> => {
  const [row] = await ctx.db
    .update(calendarEvents)
    .set({ ...patch, version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
    .where(and(eq(calendarEvents.id, before.id), eq(calendarEvents.version, before.version)))
    .returning();
  if (!row) throw versionConflict();
  await recordChange(ctx, eventTarget(row), action, before, row);
  return toDetail(row);
};

export const getEvent = async (ctx: ServiceContext, id: string): Promise<EventDetail> => {
  assertCan(ctx.actor, 'sales.read');
  return toDetail(await loadVisible(ctx, id));
};

/** A meeting's event follows its activity; it is changed there, so the two never disagree. */
const assertNotManaged = (row: EventRow) => {
  if (row.activityId) throw new AppError('event.managed_by_activity', 'This event belongs to an activity; change the activity instead');
};

const loadForChange = async (ctx: ServiceContext, id: string, version: number): Promise<EventRow> => {
  const before = await loadVisible(ctx, id, true);
  if (before.version !== version) throw versionConflict();
  if (before.archivedAt) throw new AppError('event.archived', 'The event is archived and cannot be changed');
  assertNotManaged(before);
  return before;
};

export const updateEvent = async (ctx: ServiceContext, id: string, input: EventUpdateBody): Promise<EventDetail> => {
  assertCan(ctx.actor, 'sales.write');
  const { version, ...fields } = input;
  return withTx(ctx, async (ctx) => {
    const before = await loadForChange(ctx, id, version);
    const startAt = fields.startAt ? toInstant(fields.startAt) : before.startAt;
    const endAt = fields.endAt ? toInstant(fields.endAt) : before.endAt;
    assertEndNotBeforeStart(startAt, endAt);
    const patch: Partial<EventRow> = { startAt, endAt };
    if (fields.title) patch.title = fields.title;
    if (fields.allDay !== undefined) patch.allDay = fields.allDay;
    if (fields.location !== undefined) patch.location = fields.location || null;
    if (fields.description !== undefined) patch.description = fields.description || null;
    if (fields.responsibleUserId !== undefined && fields.responsibleUserId !== before.responsibleUserId) {
      const responsible = await resolveResponsible(ctx, fields.responsibleUserId);
      if (responsible.ownerId && responsible.ownerId !== before.ownerId) {
        throw new AppError('validation', 'responsibleUserId: the user works for another owner company', {
          errors: [{ path: 'responsibleUserId', code: 'other_owner', message: 'responsibleUserId: the user works for another owner company' }],
        });
      }
      patch.responsibleUserId = responsible.userId;
      patch.teamId = responsible.teamId;
    }
    const changed: Record<string, string | null> = {};
    for (const key of ['clientId', 'caseId', 'leadId'] as const) {
      const value = fields[key];
      if (value === undefined || value === before[key]) continue;
      patch[key] = value ?? null;
      changed[key] = value ?? null;
    }
    await checkLinks(ctx, changed);
    return writeChange(ctx, before, patch);
  });
};

export const archiveEvent = async (ctx: ServiceContext, id: string, version: number): Promise<EventDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => writeChange(ctx, await loadForChange(ctx, id, version), { archivedAt: ctx.now() }, 'archive'));
};

export const eventHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'sales.read');
  await loadVisible(ctx, id);
  return listHistory(ctx, { type: 'event', id });
};

/** Most events one range read returns. */
const rangeLimit = 2000;

const dayMs = 86_400_000;

/**
 * The team calendar between two instants: the events the caller may see that overlap [from, to), earliest
 * first, with the responsible user's name. Meetings are there through their events.
 */
export const listEvents = async (ctx: ServiceContext, query: EventRangeQuery): Promise<{ items: EventListItem[]; truncated: boolean }> => {
  assertCan(ctx.actor, 'sales.read');
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (to <= from) {
    throw new AppError('validation', 'to must be after from', { errors: [{ path: 'to', code: 'range_reversed', message: 'to: must be after from' }] });
  }
  if (to.getTime() - from.getTime() > maxRangeDays * dayMs) {
    throw new AppError('validation', `The range is longer than ${maxRangeDays} days`, {
      errors: [{ path: 'to', code: 'range_too_long', message: `to: at most ${maxRangeDays} days after from` }],
    });
  }
  const rows = await eventsBetween(ctx, from, to, [
    query.teamId ? eq(calendarEvents.teamId, query.teamId) : undefined,
    query.userId ? eq(calendarEvents.responsibleUserId, query.userId) : undefined,
  ], rangeLimit + 1);
  const page = rows.slice(0, rangeLimit);
  const names = await userNames(ctx, [...new Set(page.flatMap((r) => (r.responsibleUserId ? [r.responsibleUserId] : [])))]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    items: page.map((row) => ({
      ...toDetail(row),
      responsibleUser: row.responsibleUserId ? { id: row.responsibleUserId, name: nameOf.get(row.responsibleUserId) ?? null } : null,
    })),
    truncated: rows.length > rangeLimit,
  };
};

const eventsBetween = (ctx: ServiceContext, from: Date, to: Date, filters: (SQL | undefined)[], limit: number) =>
  ctx.db
    .select()
    .from(calendarEvents)
    .where(and(visible(ctx), isNull(calendarEvents.archivedAt), lt(calendarEvents.startAt, to), gt(calendarEvents.endAt, from), ...filters))
    .orderBy(asc(calendarEvents.startAt), asc(calendarEvents.id))
    .limit(limit);

/** The events a user's feed shows (their visible events in the window), for the iCalendar feed. */
export const eventsForFeed = async (ctx: ServiceContext, from: Date, to: Date): Promise<EventDetail[]> => {
  assertCan(ctx.actor, 'sales.read');
  return (await eventsBetween(ctx, from, to, [], 5000)).map(toDetail);
};

/** What an activity's event is made of; the activities service passes its row. */
export type ActivityForEvent = {
  id: string;
  ownerId: string;
  teamId: string | null;
  responsibleUserId: string | null;
  kind: string;
  subject: string;
  description: string | null;
  location: string | null;
  startAt: Date;
  dueAt: Date;
  status: string;
  archivedAt: Date | null;
  clientId: string | null;
  caseId: string | null;
  leadId: string | null;
  createdBy: string | null;
};

/**
 * Keeps an activity's event in step with it, in the activities service's transaction: a meeting has its event
 * (created when missing); any activity's event follows its subject, times, place, people and links, and leaves
 * the calendar (archived) when the activity is cancelled or archived. The event has the activity's visibility.
 */
export const syncActivityEvent = async (ctx: ServiceContext, activity: ActivityForEvent): Promise<void> => {
  const [existing] = await ctx.db.select().from(calendarEvents).where(eq(calendarEvents.activityId, activity.id)).for('update');
  // A meeting changed into another kind leaves the calendar like a cancelled one, and comes back if changed back.
  const shown = activity.kind === 'meeting' && !activity.archivedAt && activity.status !== 'cancelled';
  if (!existing) {
    if (!shown) return;
    const [row] = await ctx.db
      .insert(calendarEvents)
      .values({ ...eventFieldsOf(activity), activityId: activity.id, createdBy: activity.createdBy, updatedBy: actorUserId(ctx.actor), createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    if (row) await recordChange(ctx, eventTarget(row), 'create', null, row);
    return;
  }
  if (!shown) {
    if (!existing.archivedAt) await writeChange(ctx, existing, { archivedAt: ctx.now() }, 'archive');
    return;
  }
  const next = { ...eventFieldsOf(activity), archivedAt: null };
  const differs = (Object.keys(next) as (keyof typeof next)[]).some((key) => String(next[key]) !== String(existing[key]));
  if (differs) await writeChange(ctx, existing, next);
};

const eventFieldsOf = (a: ActivityForEvent) => ({
  ownerId: a.ownerId,
  teamId: a.teamId,
  responsibleUserId: a.responsibleUserId,
  title: a.subject,
  description: a.description,
  location: a.location,
  startAt: a.startAt,
  endAt: a.dueAt,
  allDay: false,
  clientId: a.clientId,
  caseId: a.caseId,
  leadId: a.leadId,
});

// ------------------------------------------------------------------------------------------- the feed

/**
 * SECURITY-CRITICAL. Creates or replaces the caller's feed token (the old URL stops working). The token is the
 * feed's only credential, so only its SHA-256 is stored and the secret is returned once.
 */
export const rotateFeedToken = async (ctx: ServiceContext): Promise<{ token: string; createdAt: Date }> => {
  assertCan(ctx.actor, 'sales.read');
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('auth.forbidden', 'Only a user has a calendar feed');
  const token = newSecret('kwcal_');
  const createdAt = ctx.now();
  await ctx.db
    .insert(calendarFeeds)
    .values({ userId, tokenHash: hashSecret(token), createdAt, lastUsedAt: null })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashSecret(token), createdAt, lastUsedAt: null } });
  return { token, createdAt };
};

export const revokeFeedToken = async (ctx: ServiceContext): Promise<void> => {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('auth.forbidden', 'Only a user has a calendar feed');
  await ctx.db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
};

export const feedStatus = async (ctx: ServiceContext): Promise<{ active: boolean; createdAt: Date | null; lastUsedAt: Date | null }> => {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('auth.forbidden', 'Only a user has a calendar feed');
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return { active: Boolean(row), createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
};

/** How often a feed read updates `lastUsedAt`: calendar apps poll every few minutes, the date need not be exact. */
const touchEveryMs = 3_600_000;

/** SECURITY-CRITICAL. The user whose feed this token opens, or null (unknown or revoked). */
export const userOfFeedToken = async (ctx: ServiceContext, token: string): Promise<string | null> => {
  if (!token.startsWith('kwcal_')) return null;
  const [row] = await ctx.db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hashSecret(token)));
  if (!row) return null;
  const now = ctx.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > touchEveryMs) {
    await ctx.db.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.userId, row.userId));
  }
  return row.userId;
};
