import { dayBounds, defaultTimeZone } from '../domain/activities/days.js';

/**
 * The sales pipeline's read scenarios (issue 5): the kanban board of a process (cases.board.ts) and "my day"
 * (activities.service.ts `myDay`), through the real app as a team-scoped sales user with thousands of open cases,
 * each beside its floor: the statements the service sends, written by hand and run in sequence on one connection
 * (the service runs some of them at once on two). bench/run.ts measures and reports them (`--scenarios sales`).
 */

export type SalesWho = { label: string; cookie: string; userId: string; ownerId: string; teamIds: string[] };
export type SalesQuery = { text: string; params: unknown[] };
export type SalesScenario = {
  name: string;
  api: (i: number) => Promise<string>;
  sql: (i: number) => Promise<string[]>;
  explain: () => Promise<SalesQuery[]>;
  compare: true;
  /** The issue's target for the board and "my day". */
  targetMs: number;
  group: 'sales';
};
export type SalesEnv = {
  who: SalesWho;
  processTemplateId: string;
  apiGet: (url: string) => Promise<string>;
  rows: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  now?: () => Date;
};

type P = (value: unknown) => string;
const placeholders = (params: unknown[]): P => (value) => {
  params.push(value);
  return `$${params.length}`;
};

/**
 * `visibleTo` of server/modules/auth/access.ts for a user of team scope, by hand: one branch per team (owner and
 * that team), owner and responsible, owner and creator; without teams only the last two, without the owner.
 */
export const teamBranches = (who: Pick<SalesWho, 'userId' | 'ownerId' | 'teamIds'>, alias: string, p: P): string[] => {
  const a = alias ? `${alias}.` : '';
  const own = [`${a}responsible_user_id = ${p(who.userId)}`, `${a}created_by = ${p(who.userId)}`];
  return who.teamIds.length === 0
    ? own
    : [
        ...who.teamIds.map((team) => `${a}owner_id = ${p(who.ownerId)} and ${a}team_id = ${p(team)}`),
        ...own.map((b) => `${a}owner_id = ${p(who.ownerId)} and ${b}`),
      ];
};

export const teamAccess = (who: Pick<SalesWho, 'userId' | 'ownerId' | 'teamIds'>, alias: string, p: P): string =>
  `(${teamBranches(who, alias, p).map((b) => `(${b})`).join(' or ')})`;

const list = (values: readonly string[], p: P) => values.map(p).join(', ');

/**
 * The board's statements by hand: stages, their tasks, each stage's first cards (one limited walk per stage and
 * access branch, the branches' UNION limited again, the stages' UNION ALL), counts, names.
 */
const boardQueries = async (env: SalesEnv, perStage: number, mine: boolean) => {
  const { who } = env;
  const stagesSql: SalesQuery = {
    text: `select s.*, t.owner_id, t.name as template_name, t.is_active from process_stages s
      join process_templates t on t.id = s.template_id where s.template_id = $1 and t.owner_id = $2 order by s.position`,
    params: [env.processTemplateId, who.ownerId],
  };
  const stages = (await env.rows(stagesSql.text, stagesSql.params)) as { id: string; closes_as: string | null }[];
  const tasksParams: unknown[] = [];
  const tasksSql: SalesQuery = {
    text: `select * from process_stage_tasks where stage_id in (${list(stages.map((s) => s.id), placeholders(tasksParams))})`,
    params: tasksParams,
  };
  const cardsParams: unknown[] = [];
  const cp = placeholders(cardsParams);
  const stageIds = (stage: { id: string; closes_as: string | null }) => {
    const walks = teamBranches(who, 'w', cp).map(
      (access) => `(select w.id, w.next_activity_at from cases w where w.stage_id = ${cp(stage.id)} and w.archived_at is null
        and w.state = ${cp(stage.closes_as ? 'closed' : 'new')} ${mine ? `and w.responsible_user_id = ${cp(who.userId)}` : ''}
        and ${access} order by w.next_activity_at, w.id limit ${perStage})`,
    );
    return `(select b.id from (${walks.join(' union ')}) as b order by b.next_activity_at, b.id limit ${perStage})`;
  };
  const cardsSql: SalesQuery = {
    text: `select c.id, c.name, c.client_id, c.responsible_user_id, c.next_activity_at, c.stage_id, c.state, c.outcome, c.version,
        (select json_agg(json_build_array(p.commodity, p.quantity::text, p.quantity_unit)) from case_potentials p where p.case_id = c.id) as potentials
      from cases c where c.id in (${stages.map(stageIds).join(' union all ')})`,
    params: cardsParams,
  };
  const countParams: unknown[] = [];
  const np = placeholders(countParams);
  const closing = stages.filter((s) => s.closes_as);
  const countsSql: SalesQuery = {
    text: `select stage_id, count(*) as total from cases where stage_id in (${list(stages.map((s) => s.id), np)}) and archived_at is null
      and (state = ${np('new')}${closing.length > 0 ? ` or stage_id in (${list(closing.map((s) => s.id), np)})` : ''})
      ${mine ? `and responsible_user_id = ${np(who.userId)}` : ''} and ${teamAccess(who, '', np)} group by stage_id`,
    params: countParams,
  };
  return { stages, stagesSql, tasksSql, cardsSql, countsSql };
};

const namesQueries = (who: SalesWho, clientIds: string[], userIds: string[]): SalesQuery[] => {
  const out: SalesQuery[] = [];
  if (clientIds.length > 0) {
    const params: unknown[] = [];
    const p = placeholders(params);
    out.push({ text: `select id, name from clients where id in (${list(clientIds, p)}) and ${teamAccess(who, '', p)}`, params });
  }
  if (userIds.length > 0) {
    const params: unknown[] = [];
    out.push({ text: `select id, name, locale from users where id in (${list(userIds, placeholders(params))})`, params });
  }
  return out;
};

type Card = { id: string; client_id: string; responsible_user_id: string | null; next_activity_at: Date | null; stage_id: string };

const boardFloor = async (env: SalesEnv, perStage: number, mine: boolean): Promise<{ ids: string[]; queries: SalesQuery[] }> => {
  const q = await boardQueries(env, perStage, mine);
  await env.rows(q.tasksSql.text, q.tasksSql.params);
  const cards = (await env.rows(q.cardsSql.text, q.cardsSql.params)) as Card[];
  await env.rows(q.countsSql.text, q.countsSql.params);
  const names = namesQueries(
    env.who,
    [...new Set(cards.map((c) => c.client_id))],
    [...new Set(cards.flatMap((c) => (c.responsible_user_id ? [c.responsible_user_id] : [])))],
  );
  for (const n of names) await env.rows(n.text, n.params);
  const time = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
  cards.sort((a, b) => time(a.next_activity_at) - time(b.next_activity_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = q.stages.flatMap((s) => cards.filter((c) => c.stage_id === s.id).map((c) => c.id));
  return { ids, queries: [q.stagesSql, q.tasksSql, q.cardsSql, q.countsSql, ...names] };
};

/** "My day" by hand: the overdue and today sections, their counts when a section is full, then the names. */
const myDayFloor = async (env: SalesEnv, limit: number): Promise<{ ids: string[]; queries: SalesQuery[] }> => {
  const { who } = env;
  const { start, end } = dayBounds((env.now ?? (() => new Date()))(), defaultTimeZone);
  const section = (from: Date | null, to: Date, what: string, tail: string): SalesQuery => {
    const params: unknown[] = [];
    const p = placeholders(params);
    return {
      text: `select ${what} from activities where responsible_user_id = ${p(who.userId)} and status = ${p('open')} and archived_at is null
        and ${teamAccess(who, '', p)}${from ? ` and due_at >= ${p(from)}` : ''} and due_at < ${p(to)} ${tail}`,
      params,
    };
  };
  const rowsOf = (from: Date | null, to: Date) => section(from, to, '*', `order by due_at, id limit ${limit}`);
  const countOf = (from: Date | null, to: Date) => section(from, to, 'count(*) as n', '');
  const queries: SalesQuery[] = [rowsOf(null, start), rowsOf(start, end)];
  type A = { id: string; responsible_user_id: string | null; client_id: string | null; case_id: string | null; lead_id: string | null };
  const overdue = (await env.rows(queries[0]!.text, queries[0]!.params)) as A[];
  const today = (await env.rows(queries[1]!.text, queries[1]!.params)) as A[];
  if (overdue.length >= limit) queries.push(countOf(null, start));
  if (today.length >= limit) queries.push(countOf(start, end));
  for (const q of queries.slice(2)) await env.rows(q.text, q.params);
  const all = [...overdue, ...today];
  const users = [...new Set(all.flatMap((a) => (a.responsible_user_id ? [a.responsible_user_id] : [])))];
  const [clientNames, userNames] = [
    namesQueries(who, [...new Set(all.flatMap((a) => (a.client_id ? [a.client_id] : [])))], []),
    namesQueries(who, [], users),
  ];
  // The service reads users, then clients, then the linked cases' names in one statement (visibleCaseNames).
  const named = [...userNames, ...clientNames];
  const caseIds = [...new Set(all.flatMap((a) => (a.case_id ? [a.case_id] : [])))];
  if (caseIds.length > 0) {
    const params: unknown[] = [];
    const p = placeholders(params);
    named.push({ text: `select id, name from cases where id = any(${p(caseIds)}) and ${teamAccess(who, '', p)}`, params });
  }
  if (all.some((a) => a.lead_id)) throw new Error('the bench activities link no lead');
  for (const q of named) await env.rows(q.text, q.params);
  return { ids: all.map((a) => a.id), queries: [...queries, ...named] };
};

const itemsOf = (ids: string[]) => JSON.stringify({ items: ids.map((id) => ({ id })) });

export const salesScenarios = (env: SalesEnv): SalesScenario[] => {
  const perStage = 100;
  const dayLimit = 50;
  const board = (mine: boolean): SalesScenario => {
    const url = `/api/v1/cases/board?processTemplateId=${env.processTemplateId}&perStage=${perStage}${mine ? `&responsibleUserId=${env.who.userId}` : ''}`;
    return {
      name: `kanban board (${perStage} cards per stage${mine ? ', own cases only' : ''}) — ${env.who.label}`,
      api: async () => {
        const body = JSON.parse(await env.apiGet(url)) as { stages: { cards: { id: string }[] }[] };
        return itemsOf(body.stages.flatMap((s) => s.cards.map((c) => c.id)));
      },
      sql: async () => (await boardFloor(env, perStage, mine)).ids,
      explain: async () => (await boardFloor(env, perStage, mine)).queries,
      compare: true,
      targetMs: 100,
      group: 'sales',
    };
  };
  return [
    board(false),
    board(true),
    {
      name: `my day (${dayLimit} per section) — ${env.who.label}`,
      api: async () => {
        const body = JSON.parse(await env.apiGet(`/api/v1/activities/my-day?limit=${dayLimit}`)) as { overdue: { id: string }[]; today: { id: string }[] };
        return itemsOf([...body.overdue, ...body.today].map((a) => a.id));
      },
      sql: async () => (await myDayFloor(env, dayLimit)).ids,
      explain: async () => (await myDayFloor(env, dayLimit)).queries,
      compare: true,
      targetMs: 100,
      group: 'sales',
    },
  ];
};
