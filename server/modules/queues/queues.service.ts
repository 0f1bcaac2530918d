import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { addDays, dayBounds, defaultTimeZone, zonedInstant } from '../../../domain/activities/days.js';
import { planDay, planVisits, type QueueCandidate, type QueueChannel, type QueueRule } from '../../../domain/sales/work-queue.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { createActivity } from '../activities/activities.service.js';
import { recordChange } from '../audit/audit.service.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { getCase, inActorLanguage, listCases } from '../cases/cases.service.js';
import { getLead, listLeads } from '../leads/leads.service.js';
import { listTeams } from '../teams/teams.service.js';
import type {
  CallListQuery,
  QueueItem,
  QueueOutcomeBody,
  QueueRuleCreateBody,
  QueueRuleResponse,
  QueueRuleUpdateBody,
  VisitScheduleQuery,
} from './queues.api.js';
import { workQueueRules } from './queues.schema.js';

type RuleRow = typeof workQueueRules.$inferSelect;

const toResponse = (row: RuleRow): QueueRuleResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  name: row.name,
  channel: row.channel,
  teamId: row.teamId,
  recordTypes: row.recordTypes,
  territoryCodes: row.territoryCodes,
  maxPriority: row.maxPriority,
  dailyCapacity: row.dailyCapacity,
  position: row.position,
  isActive: row.isActive,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const target = (row: RuleRow) => ({ entityType: 'workQueueRule', entityId: row.id, rootType: 'workQueueRule', rootId: row.id, ownerId: row.ownerId });

/** Rules belong to an owner company; an administrator who sees all companies sees all rules. */
const ownRules = (ctx: ServiceContext): SQL | undefined =>
  ctx.actor.kind === 'user' && ctx.actor.scope !== 'all' ? eq(workQueueRules.ownerId, ctx.actor.ownerId) : undefined;

/** The team must be one of the caller's owner company (or any, for an administrator who sees all). */
const teamOwner = async (ctx: ServiceContext, teamId: string): Promise<string> => {
  const team = (await listTeams(ctx)).find((t) => t.id === teamId);
  if (!team) throw invalidField('teamId', 'unknown_team', 'No such team in your owner company');
  return team.ownerId;
};

export const listQueueRules = async (ctx: ServiceContext): Promise<QueueRuleResponse[]> => {
  assertCan(ctx.actor, 'admin.processes');
  const rows = await ctx.db.select().from(workQueueRules).where(ownRules(ctx)).orderBy(asc(workQueueRules.position), asc(workQueueRules.name));
  return rows.map(toResponse);
};

export const createQueueRule = async (ctx: ServiceContext, input: QueueRuleCreateBody): Promise<QueueRuleResponse> => {
  assertCan(ctx.actor, 'admin.processes');
  return withTx(ctx, async (tx) => {
    const ownerId = await teamOwner(tx, input.teamId);
    const by = actorUserId(tx.actor);
    const [row] = await tx.db
      .insert(workQueueRules)
      .values({ ...input, recordTypes: [...new Set(input.recordTypes)], ownerId, createdBy: by, updatedBy: by })
      .returning();
    await recordChange(tx, target(row!), 'create', null, toResponse(row!));
    return toResponse(row!);
  });
};

export const updateQueueRule = async (ctx: ServiceContext, id: string, input: QueueRuleUpdateBody): Promise<QueueRuleResponse> => {
  assertCan(ctx.actor, 'admin.processes');
  return withTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(workQueueRules).where(and(eq(workQueueRules.id, id), ownRules(tx))).for('update');
    if (!before) throw notFound('Work-queue rule');
    if (before.version !== input.version)
      throw new AppError('version_conflict', 'The rule was changed by someone else; reload it and try again');
    const { version, ...changes } = input;
    const ownerId = changes.teamId ? await teamOwner(tx, changes.teamId) : before.ownerId;
    const [row] = await tx.db
      .update(workQueueRules)
      .set({
        ...changes,
        ...(changes.recordTypes ? { recordTypes: [...new Set(changes.recordTypes)] } : {}),
        ownerId,
        version: version + 1,
        updatedAt: tx.now(),
        updatedBy: actorUserId(tx.actor),
      })
      .where(eq(workQueueRules.id, id))
      .returning();
    await recordChange(tx, target(row!), 'update', toResponse(before), toResponse(row!));
    return toResponse(row!);
  });
};

/** The active rules of the channel in the caller's teams. */
const rulesOfCaller = async (ctx: ServiceContext, channel: QueueChannel): Promise<QueueRule[]> => {
  if (ctx.actor.kind !== 'user' || ctx.actor.teamIds.length === 0) return [];
  const rows = await ctx.db
    .select()
    .from(workQueueRules)
    .where(and(inArray(workQueueRules.teamId, ctx.actor.teamIds), eq(workQueueRules.channel, channel), eq(workQueueRules.isActive, true)));
  return rows.map((r) => ({ ...r, recordTypes: r.recordTypes, territoryCodes: r.territoryCodes }));
};

/** How many open cases and leads (each) a queue looks at: the earliest planned first, overdue ones among them. */
const candidateLimit = 500;

type Candidate = QueueCandidate & Omit<QueueItem, 'ruleId' | 'ruleName'>;

/**
 * The caller's open cases and leads, read through the cases and leads services: only what the caller may see, and
 * of that what they are responsible for.
 */
const candidatesOf = async (ctx: ServiceContext, rules: QueueRule[]): Promise<Candidate[]> => {
  const userId = actorUserId(ctx.actor);
  if (!userId || rules.length === 0) return [];
  const wants = new Set(rules.flatMap((r) => r.recordTypes));
  const base = { responsibleUserId: userId, archived: 'false' as const, sort: { field: 'nextActivityAt' as const, direction: 'asc' as const }, limit: candidateLimit };
  const [cases, newLeads, qualifiedLeads] = await Promise.all([
    wants.has('case') ? listCases(ctx, { ...base, state: 'new' }) : { items: [] },
    wants.has('lead') ? listLeads(ctx, { ...base, status: 'new' }) : { items: [] },
    wants.has('lead') ? listLeads(ctx, { ...base, status: 'qualified' }) : { items: [] },
  ]);
  return [
    ...cases.items.map((c) => ({
      recordType: 'case' as const,
      id: c.id,
      name: c.name,
      clientId: c.clientId,
      clientName: c.clientName,
      phone: null,
      city: null,
      priority: c.priority,
      nextActivityAt: c.nextActivityAt,
      territoryCode: c.territoryCode,
    })),
    ...[...newLeads.items, ...qualifiedLeads.items].map((l) => ({
      recordType: 'lead' as const,
      id: l.id,
      name: l.name,
      clientId: l.clientId,
      clientName: null,
      phone: l.phone,
      city: l.address.city,
      priority: l.priority,
      nextActivityAt: l.nextActivityAt,
      territoryCode: l.potentials.find((p) => p.territoryCode)?.territoryCode ?? null,
    })),
  ];
};

const workingDay = (date: string) => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** Today's (or the given day's) call list of the caller (SALES-7). */
export const callList = async (ctx: ServiceContext, query: CallListQuery) => {
  assertCan(ctx.actor, 'sales.read');
  const timeZone = query.timeZone ?? defaultTimeZone;
  const date = query.date ?? dayBounds(ctx.now(), timeZone).date;
  const rules = await rulesOfCaller(ctx, 'phone');
  const items = planDay(await candidatesOf(ctx, rules), rules, 'phone', zonedInstant(addDays(date, 1), timeZone));
  return { date, timeZone, rules: rules.length, items };
};

/** The caller's visit schedule over the next working days (SALES-7). */
export const visitSchedule = async (ctx: ServiceContext, query: VisitScheduleQuery) => {
  assertCan(ctx.actor, 'sales.read');
  const timeZone = query.timeZone ?? defaultTimeZone;
  const days: { date: string; end: Date }[] = [];
  for (let date = query.from ?? dayBounds(ctx.now(), timeZone).date; days.length < query.days; date = addDays(date, 1))
    if (workingDay(date)) days.push({ date, end: zonedInstant(addDays(date, 1), timeZone) });
  const rules = await rulesOfCaller(ctx, 'field');
  return { timeZone, rules: rules.length, days: planVisits(await candidatesOf(ctx, rules), rules, days) };
};

/** A queue works only on what is still open: a closed or archived case, a converted or archived lead is history. */
const openCase = async (ctx: ServiceContext, id: string) => {
  const found = await getCase(ctx, id);
  if (found.archivedAt) throw new AppError('case.archived', 'The case is archived');
  if (found.state === 'closed') throw new AppError('case.closed', 'The case is closed; no outcomes are logged on it');
  return { name: found.name, clientId: found.clientId, caseId: found.id, leadId: null };
};

const openLead = async (ctx: ServiceContext, id: string) => {
  const found = await getLead(ctx, id);
  if (found.status === 'converted') throw new AppError('lead.converted', 'The lead was converted; log on its business case instead');
  if (found.archivedAt) throw new AppError('lead.archived', 'The lead is archived');
  return { name: found.name, clientId: found.clientId, caseId: null, leadId: found.id };
};

const needsFollowUp = new Set<QueueOutcomeBody['outcome']>(['callBack', 'meetingAgreed']);

/**
 * An outcome logged from the queue in one step (SALES-7): the call or visit as a done activity on the lead or case,
 * and the follow-up it calls for, in one transaction.
 */
export const logQueueOutcome = async (ctx: ServiceContext, input: QueueOutcomeBody) => {
  assertCan(ctx.actor, 'sales.write');
  if (needsFollowUp.has(input.outcome) && !input.nextActivityAt)
    throw invalidField('nextActivityAt', 'required_by_outcome', `A ${input.outcome} outcome needs the date of the follow-up`);
  if (input.nextActivityAt && new Date(input.nextActivityAt).getTime() <= ctx.now().getTime())
    throw invalidField('nextActivityAt', 'not_in_future', 'The follow-up must be planned after now');
  return withTx(ctx, async (tx) => {
    const record = input.recordType === 'case' ? await openCase(tx, input.id) : await openLead(tx, input.id);
    const now = tx.now().toISOString();
    const links = { clientId: record.clientId, caseId: record.caseId, leadId: record.leadId };
    const kind = input.channel === 'phone' ? 'call' : 'visit';
    const logged = await createActivity(tx, {
      kind,
      subject: await inActorLanguage(tx, `queues.subjects.${kind}`, { name: record.name }),
      startAt: now,
      dueAt: now,
      status: 'done',
      outcome: input.outcome,
      outcomeNote: input.note ?? null,
      ...links,
    });
    if (!input.nextActivityAt) return { loggedActivityId: logged.id, nextActivityId: null };
    const nextKind = input.nextKind ?? (input.outcome === 'meetingAgreed' ? 'meeting' : kind);
    const next = await createActivity(tx, {
      kind: nextKind,
      subject: await inActorLanguage(tx, `queues.subjects.${nextKind}`, { name: record.name }),
      startAt: input.nextActivityAt,
      dueAt: input.nextActivityAt,
      ...links,
    });
    return { loggedActivityId: logged.id, nextActivityId: next.id };
  });
};
