import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import pino from 'pino';
import { dayBounds, defaultTimeZone } from '../domain/activities/days.js';
import { searchable } from '../domain/clients/client-rules.js';
import { systemContext } from '../server/context.js';
import type { Database } from '../server/db/client.js';
import { seededRandom, type Random } from '../server/demo/generator.js';
import { activities } from '../server/modules/activities/activities.schema.js';
import { visibleTo } from '../server/modules/auth/access.js';
import { casePotentials, cases } from '../server/modules/cases/cases.schema.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { processStages } from '../server/modules/processes/processes.schema.js';
import { teamMembers } from '../server/modules/teams/teams.schema.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { insertRows } from './load.js';

/**
 * The sales pipeline at scale for the kanban board and "my day" (issue 5): one sales user's open cases in a process,
 * each with activities (some overdue, some due today, most in the future, and a done one in the past), among many
 * more cases of other users of the same owner company in the same process, so the stage index the board walks
 * holds mostly rows the user may not see. Rows are what the cases and activities services store: `next_activity_at`
 * is the earliest open activity's due time, closed cases sit in a closing stage with its outcome.
 */

export type CaseRow = typeof cases.$inferInsert & { id: string };
export type ActivityRow = typeof activities.$inferInsert;
export type PotentialRow = typeof casePotentials.$inferInsert;

/** A stage of the process: working stages hold open cases, closing ones (won/lost) closed cases. */
export type Stage = { id: string; closesAs: 'won' | 'lost' | null };
/** Who a case belongs to: responsible user, their owner company and team, and the clients they may pick from. */
export type Holder = { userId: string; ownerId: string; teamId: string | null; clients: { id: string; name: string }[] };

export type SalesLoadOptions = {
  db: Database;
  /** The user whose day and board are measured. */
  userId: string;
  processTemplateId: string;
  /** Open cases of the user. */
  ownCases: number;
  /** Cases (open and closed) of the other users of the same owner company outside the user's teams. */
  otherCases: number;
  now?: Date;
  timeZone?: string;
  seed?: number;
  batchSize?: number;
};

export type SalesLoadResult = {
  cases: number;
  activities: number;
  /** The user's open activities by when they are due, as "my day" splits them. */
  own: { openCases: number; overdue: number; today: number; future: number };
  ms: number;
};

const day = 86_400_000;

/** Where a case's open activities fall: a share overdue, a share today, most in the future, some cases none. */
export type Plan = 'overdue' | 'today' | 'future' | 'none';
export const planOf = (random: Random): Plan => {
  const r = random();
  return r < 0.08 ? 'overdue' : r < 0.11 ? 'today' : r < 0.95 ? 'future' : 'none';
};

/** The rows of one case: the case, its potential and its activities (open ones as planned, one done in the past). */
export const caseRowsOf = (
  random: Random,
  holder: Holder,
  stage: Stage,
  client: { id: string; name: string },
  at: { now: Date; today: { start: Date; end: Date } },
): { row: CaseRow; potential: PotentialRow; activities: ActivityRow[]; plan: Plan } => {
  const id = crypto.randomUUID();
  const open = stage.closesAs === null;
  const commodity = random() < 0.7 ? 'electricity' : 'gas';
  const name = `${commodity === 'electricity' ? 'Elektrina' : 'Plyn'} 2027 — ${client.name}`;
  const created = new Date(at.now.getTime() - (30 + Math.floor(random() * 300)) * day);
  const plan: Plan = open ? planOf(random) : 'none';
  const activity = (status: 'open' | 'done', due: Date): ActivityRow => {
    const start = new Date(due.getTime() - 3_600_000);
    return {
      id: crypto.randomUUID(),
      ownerId: holder.ownerId,
      teamId: holder.teamId,
      responsibleUserId: holder.userId,
      kind: random() < 0.5 ? 'call' : 'task',
      subject: `${status === 'done' ? 'Prvý kontakt' : 'Follow-up'} — ${client.name}`.slice(0, 200),
      description: null,
      location: null,
      startAt: start,
      dueAt: due,
      status,
      completedAt: status === 'done' ? due : null,
      outcome: status === 'done' ? 'reached' : null,
      outcomeNote: null,
      clientId: client.id,
      caseId: id,
      leadId: null,
      fieldKey: null,
      processStageTaskId: null,
      departmentEmail: null,
      emailedAt: null,
      archivedAt: null,
      createdAt: created,
      createdBy: holder.userId,
      updatedAt: created,
      updatedBy: holder.userId,
      version: 1,
    };
  };
  const span = at.today.end.getTime() - at.today.start.getTime();
  const dueOf: Record<Exclude<Plan, 'none'>, () => Date> = {
    overdue: () => new Date(at.today.start.getTime() - (1 + Math.floor(random() * 60 * 24)) * 3_600_000),
    today: () => new Date(at.today.start.getTime() + Math.floor(random() * span)),
    future: () => new Date(at.today.end.getTime() + Math.floor(random() * 90 * day)),
  };
  const rows = [activity('done', new Date(created.getTime() + day))];
  if (plan !== 'none') {
    rows.push(activity('open', dueOf[plan]()));
    // A second, later open activity on some cases: the case's next activity is still the earliest.
    if (random() < 0.3) rows.push(activity('open', dueOf.future()));
  }
  const nextDue = rows.filter((r) => r.status === 'open').map((r) => r.dueAt.getTime());
  const row: CaseRow = {
    id,
    ownerId: holder.ownerId,
    teamId: holder.teamId,
    responsibleUserId: holder.userId,
    clientId: client.id,
    leadId: null,
    name,
    type: 'acquisition',
    commodity,
    processTemplateId: null,
    stageId: stage.id,
    stageEnteredAt: created,
    state: open ? 'new' : 'closed',
    outcome: stage.closesAs,
    closingNote: null,
    closedAt: open ? null : new Date(created.getTime() + 20 * day),
    continuationCaseId: null,
    priority: 1 + Math.floor(random() * 5),
    territoryCode: null,
    expectedCloseDate: null,
    totalDemand: null,
    totalDemandUnit: null,
    securityKind: null,
    securityAmount: null,
    lastActivityAt: rows[0]!.dueAt,
    nextActivityAt: nextDue.length > 0 ? new Date(Math.min(...nextDue)) : null,
    note: null,
    searchText: searchable(name, client.name, null),
    archivedAt: null,
    createdAt: created,
    createdBy: holder.userId,
    updatedAt: created,
    updatedBy: holder.userId,
    version: 1,
  };
  const potential: PotentialRow = {
    id: crypto.randomUUID(),
    caseId: id,
    commodity,
    territoryCode: null,
    periodFrom: null,
    periodTo: null,
    priceModel: 'fixed',
    quantity: String(50 + Math.floor(random() * 5000)),
    quantityUnit: 'MWh',
    position: 0,
  };
  return { row, potential, activities: rows, plan };
};

/** A user's owner company, first team and up to `limit` clients they may see, in a fixed pseudo-random order. */
const holderOf = async (db: Database, userId: string, limit: number): Promise<Holder> => {
  const ctx = systemContext(db, pino({ level: 'silent' }), 'bench');
  const actor = await loadActor(ctx, userId);
  if (!actor || actor.kind !== 'user') throw new Error(`no actor for ${userId}`);
  const rows = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(visibleTo(actor, clients), isNull(clients.archivedAt)))
    .orderBy(sql`md5(${clients.id}::text)`)
    .limit(limit);
  if (rows.length === 0) throw new Error(`user ${userId} sees no client`);
  return { userId, ownerId: actor.ownerId, teamId: actor.teamIds[0] ?? null, clients: rows };
};

/** The other users of the user's owner company who share no team with them (so the user does not see their cases). */
const othersOf = async (db: Database, userId: string): Promise<string[]> => {
  const [me] = await db.select({ ownerId: users.ownerId }).from(users).where(eq(users.id, userId));
  const myTeams = (await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId))).map(
    (r) => r.teamId,
  );
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(
      and(
        eq(users.ownerId, me!.ownerId),
        ne(users.id, userId),
        myTeams.length > 0 ? sql`${teamMembers.userId} not in (select user_id from team_members where team_id in ${myTeams})` : undefined,
      ),
    );
  return rows.map((r) => r.id);
};

export const loadSales = async (options: SalesLoadOptions): Promise<SalesLoadResult> => {
  const t0 = performance.now();
  const { db } = options;
  const random = seededRandom(options.seed ?? 5_000);
  const now = options.now ?? new Date();
  const { start, end } = dayBounds(now, options.timeZone ?? defaultTimeZone);
  const at = { now, today: { start, end } };
  const stages: Stage[] = await db
    .select({ id: processStages.id, closesAs: processStages.closesAs })
    .from(processStages)
    .where(eq(processStages.templateId, options.processTemplateId))
    .orderBy(asc(processStages.position));
  const working = stages.filter((s) => s.closesAs === null);
  const closing = stages.filter((s) => s.closesAs !== null);
  if (working.length === 0 || closing.length === 0) throw new Error('the process needs working and closing stages');
  const me = await holderOf(db, options.userId, 2000);
  const others = await Promise.all((await othersOf(db, options.userId)).map((id) => holderOf(db, id, 5000)));
  if (options.otherCases > 0 && others.length === 0) throw new Error('no other user of the owner company outside the user’s teams');
  const batchSize = options.batchSize ?? 2000;
  const batch = { cases: [] as CaseRow[], potentials: [] as PotentialRow[], activities: [] as ActivityRow[] };
  let caseCount = 0;
  let activityCount = 0;
  const flush = async () => {
    // Cases first: potentials reference them.
    await insertRows(db, cases, batch.cases.map((c) => ({ ...c, processTemplateId: options.processTemplateId })), 'json');
    await insertRows(db, casePotentials, batch.potentials, 'json');
    await insertRows(db, activities, batch.activities, 'json');
    caseCount += batch.cases.length;
    activityCount += batch.activities.length;
    batch.cases = [];
    batch.potentials = [];
    batch.activities = [];
  };
  const own = { openCases: 0, overdue: 0, today: 0, future: 0 };
  const add = async (holder: Holder, stage: Stage, i: number) => {
    const made = caseRowsOf(random, holder, stage, holder.clients[i % holder.clients.length]!, at);
    batch.cases.push(made.row);
    batch.potentials.push(made.potential);
    batch.activities.push(...made.activities);
    if (holder === me) {
      for (const a of made.activities) {
        if (a.status !== 'open') continue;
        const due = a.dueAt.getTime();
        if (due < start.getTime()) own.overdue += 1;
        else if (due < end.getTime()) own.today += 1;
        else own.future += 1;
      }
    }
    if (batch.cases.length >= batchSize) await flush();
  };
  for (let i = 0; i < options.ownCases; i++) await add(me, working[i % working.length]!, i);
  own.openCases = options.ownCases;
  // A tenth as many of the user's cases again, closed in the closing stages (the board shows those too).
  for (let i = 0; i < Math.floor(options.ownCases / 10); i++) await add(me, closing[i % closing.length]!, i);
  for (let i = 0; i < options.otherCases; i++) {
    // 85 % open across the working stages, the rest closed.
    const stage = random() < 0.85 ? working[i % working.length]! : closing[i % closing.length]!;
    await add(others[i % others.length]!, stage, Math.floor(i / others.length));
  }
  await flush();
  return { cases: caseCount, activities: activityCount, own, ms: performance.now() - t0 };
};
