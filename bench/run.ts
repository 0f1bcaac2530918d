import { openBenchDatabase } from './database.js';
/**
 * Read-path benchmark: the clients API (list, cursor page, search, detail, contacts) and the supply-points API
 * (global search by identifier and by name, list search, filtered lists, client card) through the real Fastify
 * app with a signed-in session, each beside its raw-SQL floor (the same queries by hand, one connection); the sales
 * pipeline's kanban board and "my day" the same way; and the supply-point import of an XLSX file and the lead import
 * of a CSV file through the API, timed with the process's memory.
 *
 *   npx tsx bench/run.ts --db pglite   [--clients 100000] [--iterations 200]
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/run.ts --db postgres [--clients 100000]
 *
 * Options: --iterations N (200) and --warmup N (20) per scenario, --max-seconds S (30) cap per scenario (warm-up
 * stops after a third of it); --data-dir DIR (PGlite folder, kept and reused: a loaded one is not loaded again),
 * --memory (PGlite in memory), --in-place (use BENCH_DATABASE_URL's database itself, kept, instead of a throwaway
 * one), --keep (keep the throwaway database or folder); --contacts-per-client N (3), --supply-points N (2 per
 * client), --loader json|values (bench/load.ts), --load-concurrency N (2 on PostgreSQL, 1 on PGlite), --load-only;
 * --incremental-indexes (PostgreSQL: keep the supply-point indexes during the load instead of building them again
 * afterwards); --scenarios clients,supply-points,import,sales,lead-import or none (the first two by default), --import-rows N
 * (50000); commissions: --commission-contracts N (100000) signed contracts generated with their clients, cases and
 * rules, then `generateCommissions` over them, --commission-chunk N (1000) ids per transaction, --commission-parallel N (2 on PostgreSQL) chunks at once, the raw-SQL floor
 * (--commission-no-floor skips it) and the independent recomputation (bench/commissions.ts; a mismatch fails the
 * run); sales: the kanban board and "my day" of sales@ (bench/sales.ts) after loading --sales-cases N (5000) open
 * cases of theirs and --other-cases N (200000) of other users once (bench/load-sales.ts); lead-import: a CSV of
 * --lead-rows N (100000) leads with --lead-duplicates N (5 %) planted duplicates of clients (bench/lead-import.ts), of
 * which --lead-api-rows N (all) go through the API while the SQL floor looks up all of them; --compare-search
 * (the search SQL unfenced against the fenced form that `listClients` sends for terms of 3+ characters, over more
 * terms), --explain (EXPLAIN ANALYZE of every floor query, to stderr), --json FILE (the results as JSON). The markdown
 * report goes to stdout, progress to stderr.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { systemContext } from '../server/context.js';
import { createPglite, openPglite, openPostgres, type DatabaseHandle } from '../server/db/client.js';
import { encodeCursor } from '../server/db/keyset.js';
import { ensureReferenceData } from '../server/db/reference-data.js';
import { demoPassword, loadDemoDataOnce } from '../server/demo/demo-data.js';
import { buildApp } from '../server/http/app.js';
import { authenticateSession } from '../server/modules/auth/auth.service.js';
import { hashSecret } from '../server/modules/auth/tokens.js';
import { isTypoTolerant } from '../server/db/similarity.js';
import { searchable } from '../domain/clients/client-rules.js';
import { commissionsReport, runCommissionsBench } from './commissions.js';
import { runImport, type ImportResult } from './import.js';
import { runLeadImport, type LeadImportResult } from './lead-import.js';
import { loadSales, type SalesLoadResult } from './load-sales.js';
import { salesScenarios } from './sales.js';
import { loadClients, type InsertMode } from './load.js';
import { loadSupplyPoints } from './load-supply-points.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    clients: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    'max-seconds': { type: 'string', default: '30' },
    'data-dir': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    json: { type: 'string' },
    'compare-search': { type: 'boolean', default: false },
    loader: { type: 'string', default: 'json' },
    'load-concurrency': { type: 'string' },
    'load-only': { type: 'boolean', default: false },
    'contacts-per-client': { type: 'string', default: '3' },
    'supply-points': { type: 'string' },
    scenarios: { type: 'string', default: 'clients,supply-points' },
    'import-rows': { type: 'string', default: '50000' },
    'sales-cases': { type: 'string', default: '5000' },
    'other-cases': { type: 'string', default: '200000' },
    'lead-rows': { type: 'string', default: '100000' },
    'lead-duplicates': { type: 'string' },
    'lead-api-rows': { type: 'string' },
    'incremental-indexes': { type: 'boolean', default: false },
    'commission-contracts': { type: 'string', default: '100000' },
    'commission-chunk': { type: 'string', default: '1000' },
    'commission-parallel': { type: 'string' },
    'commission-no-floor': { type: 'boolean', default: false },
  },
});

const kind = args.db;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
if (args.loader !== 'json' && args.loader !== 'values') throw new Error('--loader must be json or values');
const clientCount = Number(args.clients);
const contactsPerClient = Number(args['contacts-per-client']);
const supplyPointCount = Number(args['supply-points'] ?? 2 * clientCount);
const scenarioGroups = new Set(
  args.scenarios
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g && g !== 'none'),
);
for (const g of scenarioGroups)
  if (!['clients', 'supply-points', 'import', 'sales', 'lead-import', 'commissions'].includes(g))
    throw new Error('--scenarios takes clients, supply-points, import, sales, lead-import and commissions, comma-separated, or none');
const importRows = Number(args['import-rows']);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
const maxMsPerScenario = Number(args['max-seconds']) * 1000;
const say = (line: string) => process.stderr.write(`${line}\n`);
const n = (v: string | number) => Number(v).toLocaleString('en');
const log = pino({ level: 'silent' });
const runStarted = performance.now();
const loadAverageAtStart = os.loadavg();

// --- memory: the kernel's high-water mark of this process, and the RSS at the end of each phase -------------------
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const phases: { phase: string; rss: number }[] = [];
const phase = (name: string) => phases.push({ phase: name, rss: process.memoryUsage().rss / 1024 / 1024 });

// --- database ---------------------------------------------------------------------------------------------------
type Raw = { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
let database: DatabaseHandle;
let cleanup = async () => undefined as void;

if (kind === 'pglite') {
  const dir = args.memory
    ? undefined
    : (args['data-dir'] ?? path.join('.bench-data', `pglite-${process.pid}`));
  if (dir) mkdirSync(dir, { recursive: true });
  database = openPglite(await createPglite(dir));
  if (dir && !args['data-dir'] && !args.keep)
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  say(`PGlite ${dir ? `in ${dir}` : 'in memory'}`);
} else {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL=postgres://user@host:port/database');
  if (args['in-place']) {
    database = openPostgres(url);
    say(`PostgreSQL ${new URL(url).pathname.slice(1)} (in place)`);
  } else {
    const opened = await openBenchDatabase({ db: 'postgres', label: '', keep: Boolean(args.keep) });
    database = opened.database;
    cleanup = opened.cleanup;
    say(`PostgreSQL throwaway database ${opened.name}`);
  }
}
const db = database.db;
const raw = (db as unknown as { $client: Raw }).$client;
const one = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await raw.query(text, params)).rows[0] as T;

/** Everything after opening the database, so the throwaway database or folder is removed even when a step fails. */
const main = async (): Promise<void> => {
  // --- setup: migrations, reference data, demo users, bulk load -----------------------------------------------------
  const setupStarted = performance.now();
  phase('open');
  await database.migrate();
  const ctx = systemContext(db, log, 'bench');
  await ensureReferenceData(ctx);
  await loadDemoDataOnce(ctx, 8);
  phase('migrations and demo users');
  // --- commissions (issue 7): its own clients, supply points and signed contracts, a run and its check ---------------
  if (scenarioGroups.has('commissions')) {
    const result = await runCommissionsBench({
      db,
      contracts: Number(args['commission-contracts']),
      chunkSize: Number(args['commission-chunk']),
      parallel: Number(args['commission-parallel'] ?? (kind === 'postgres' ? 2 : 1)),
      floor: !args['commission-no-floor'],
      concurrency: Number(args['load-concurrency'] ?? (kind === 'postgres' ? 2 : 1)),
      rebuildIndexes: kind === 'postgres' && !args['incremental-indexes'],
      say,
    });
    const loadAverage = os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join('/');
    process.stdout.write(
      `${commissionsReport(result, `## Commissions (${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, Node ${process.version}, ${os.cpus().length} cores, load average at start ${loadAverageAtStart.map((v) => v.toFixed(1)).join('/')}, at end ${loadAverage})`)}\n`,
    );
    if (args.json) writeFileSync(args.json, JSON.stringify({ ...result, data: { ...result.data, contractIds: result.data.contractIds.length } }, null, 2));
    if (!result.matches) throw new Error('commissions: the stored sums differ from the independent recomputation (see the table above)');
    if (scenarioGroups.size === 1) return;
  }
  const existing = await one<{ clients: string; contacts: string }>(
    'select (select count(*) from clients) as clients, (select count(*) from contacts) as contacts',
  );
  const concurrency = Number(args['load-concurrency'] ?? (kind === 'postgres' ? 2 : 1));
  let load: { clients: number; contacts: number; ms: number } | null = null;
  if (Number(existing.clients) < clientCount) {
    const toAdd = {
      clients: clientCount - Number(existing.clients),
      contacts: Math.max(0, contactsPerClient * clientCount - Number(existing.contacts)),
    };
    say(
      `loading ${toAdd.clients.toLocaleString('en')} clients and ${toAdd.contacts.toLocaleString('en')} contacts (${args.loader} inserts)…`,
    );
    load = await loadClients({ db, ...toAdd, mode: args.loader as InsertMode, concurrency, progress: say });
    say(
      `loaded ${load.clients.toLocaleString('en')} clients and ${load.contacts.toLocaleString('en')} contacts in ${(load.ms / 1000).toFixed(1)} s`,
    );
  }
  phase('load clients');
  const existingPoints = Number((await one<{ n: string }>('select count(*) as n from supply_points')).n);
  let pointLoad: Awaited<ReturnType<typeof loadSupplyPoints>> | null = null;
  if (existingPoints < supplyPointCount) {
    const toAdd = supplyPointCount - existingPoints;
    say(`loading ${toAdd.toLocaleString('en')} supply points (${args.loader} inserts)…`);
    pointLoad = await loadSupplyPoints({
      db,
      supplyPoints: toAdd,
      mode: args.loader as InsertMode,
      concurrency,
      progress: say,
      rebuildIndexes: kind === 'postgres' && !args['incremental-indexes'],
    });
    say(
      `loaded ${pointLoad.supplyPoints.toLocaleString('en')} supply points for ${pointLoad.clients.toLocaleString('en')} clients in ${(pointLoad.ms / 1000).toFixed(1)} s (${pointLoad.regenerated} identifiers generated again)`,
    );
  }
  phase('load supply points');
  // The sales pipeline of sales@ among other users' cases, loaded once (a kept database has it already).
  let salesLoad: SalesLoadResult | null = null;
  if (scenarioGroups.has('sales')) {
    const salesUser = await one<{ id: string; owner_id: string; open: string }>(
      `select u.id, u.owner_id, (select count(*) from cases c where c.responsible_user_id = u.id and c.state = 'new') as open
       from users u where u.email = 'sales@demo.kilowatt'`,
    );
    if (Number(salesUser.open) < Number(args['sales-cases'])) {
      const template = await one<{ id: string }>(
        `select id from process_templates where owner_id = $1 and name like 'Obecn%' order by created_at limit 1`,
        [salesUser.owner_id],
      );
      say(`loading ${args['sales-cases']} open cases of sales@ and ${args['other-cases']} of other users…`);
      salesLoad = await loadSales({
        db,
        userId: salesUser.id,
        processTemplateId: template.id,
        ownCases: Number(args['sales-cases']),
        otherCases: Number(args['other-cases']),
      });
      say(`loaded ${salesLoad.cases} cases and ${salesLoad.activities} activities in ${(salesLoad.ms / 1000).toFixed(1)} s`);
    }
    phase('load sales');
  }
  const analyzeStarted = performance.now();
  await raw.query('vacuum analyze');
  const analyzeMs = performance.now() - analyzeStarted;
  const setupMs = performance.now() - setupStarted;
  const counts = await one<{
    clients: string;
    contacts: string;
    supply_points: string;
    size: string;
    version: string;
  }>(
    `select (select count(*) from clients) as clients, (select count(*) from contacts) as contacts,
          (select count(*) from supply_points) as supply_points,
          pg_size_pretty(pg_database_size(current_database())) as size, version() as version`,
  );
  say(
    `${counts.clients} clients, ${counts.contacts} contacts, ${counts.supply_points} supply points, database ${counts.size}; setup ${(setupMs / 1000).toFixed(1)} s`,
  );
  if (args['load-only']) return;

  // --- the app, signed in as a team-scoped sales user and as the administrator --------------------------------------
  const app = await buildApp({ db, sessionHours: 8, secureCookies: false });
  await app.ready();

  // The floors run on one connection of their own (PGlite has only one). The typo-tolerant searches' threshold,
  // which the API sets for each such transaction (server/db/similarity.ts), is set once for the session here.
  let floor: Raw = raw;
  let releaseFloor = () => undefined as void;
  if (kind === 'postgres') {
    const client = await (raw as unknown as pg.Pool).connect();
    floor = client;
    releaseFloor = () => client.release();
  }
  await floor.query(`select set_config('pg_trgm.word_similarity_threshold', '0.5', false)`);

  type Who = {
    label: string;
    email: string;
    cookie: string;
    token: string;
    userId: string;
    ownerId: string;
    teamIds: string[];
  };
  const signIn = async (label: string, email: string): Promise<Who> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: demoPassword },
    });
    if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.body}`);
    const token = response.cookies.find((c) => c.name === 'kw_session')!.value;
    const user = await one<{ id: string; owner_id: string; team_ids: string[] }>(
      `select u.id, u.owner_id, coalesce(array_agg(m.team_id) filter (where m.team_id is not null), '{}') as team_ids
       from users u left join team_members m on m.user_id = u.id where u.email = $1 group by u.id`,
      [email],
    );
    return {
      label,
      email,
      cookie: `kw_session=${token}`,
      token,
      userId: user.id,
      ownerId: user.owner_id,
      teamIds: user.team_ids,
    };
  };
  const sales = await signIn('sales (team)', 'sales@demo.kilowatt');
  const admin = await signIn('admin (all)', 'admin@demo.kilowatt');

  /** Collects a statement's parameters as it is written: `p(value)` returns the value's placeholder. */
  type P = (value: unknown) => string;
  const placeholders =
    (params: unknown[], before = 0): P =>
    (value) => {
      params.push(value);
      return `$${before + params.length}`;
    };
  /** Column names of the access rule: a client's own, or a supply point's copy of its client's (migration 0010). */
  type AccessNames = { owner: string; team: string; responsible: string; createdBy: string };
  const clientAccess = (alias = ''): AccessNames => {
    const a = alias ? `${alias}.` : '';
    return {
      owner: `${a}owner_id`,
      team: `${a}team_id`,
      responsible: `${a}responsible_user_id`,
      createdBy: `${a}created_by`,
    };
  };
  const pointAccess: AccessNames = {
    owner: 'sp.owner_id',
    team: 'sp.client_team_id',
    responsible: 'sp.client_responsible_user_id',
    createdBy: 'sp.client_created_by',
  };
  /**
   * `visibleBranches` of server/modules/auth/access.ts by hand: scope all = true; team scope = one branch per team
   * (owner and that team), owner and responsible, owner and creator (without teams: responsible, creator).
   */
  type Branch = (t: AccessNames, p: P) => string;
  const branchesOf = (who: Who): Branch[] => {
    if (who === admin) return [() => 'true'];
    const own: Branch[] = [(t, p) => `${t.responsible} = ${p(who.userId)}`, (t, p) => `${t.createdBy} = ${p(who.userId)}`];
    if (who.teamIds.length === 0) return own;
    return [
      ...who.teamIds.map((id): Branch => (t, p) => `${t.owner} = ${p(who.ownerId)} and ${t.team} = ${p(id)}`),
      ...own.map((b): Branch => (t, p) => `${t.owner} = ${p(who.ownerId)} and ${b(t, p)}`),
    ];
  };
  const accessBranches = (who: Who, t: AccessNames, p: P): string[] => branchesOf(who).map((b) => b(t, p));
  /** `visibleTo`: the disjunction of the branches, as Drizzle sends it. */
  const accessOr = (who: Who, t: AccessNames, p: P) => {
    const branches = accessBranches(who, t, p);
    return branches.length === 1 ? branches[0]! : `(${branches.map((b) => `(${b})`).join(' or ')})`;
  };
  /** The client access filter with its parameters numbered from $n. */
  const accessSql = (who: Who, n: number, alias = ''): { text: string; params: unknown[] } => {
    const params: unknown[] = [];
    return { text: accessOr(who, clientAccess(alias), placeholders(params, n - 1)), params };
  };

  // --- scenario inputs, picked from the loaded data -------------------------------------------------------------
  const visibleCount = async (who: Who) => {
    const access = accessSql(who, 1);
    return Number(
      (
        await one<{ n: string }>(
          `select count(*) as n from clients where ${access.text} and archived_at is null`,
          access.params,
        )
      ).n,
    );
  };
  const visiblePointCount = async (who: Who) => {
    const access = accessSql(who, 1, 'c');
    return Number(
      (
        await one<{ n: string }>(
          `select count(*) as n from supply_points sp join clients c on c.id = sp.client_id and ${access.text} where sp.archived_at is null`,
          access.params,
        )
      ).n,
    );
  };
  /** The cursor the API would hand out after the row in the middle of the caller's list. */
  const middleCursor = async (who: Who) => {
    const access = accessSql(who, 1);
    const offset = Math.floor((await visibleCount(who)) / 2);
    const row = await one<{ name: string; id: string }>(
      `select name, id from clients where ${access.text} and archived_at is null order by name, id offset ${offset} limit 1`,
      access.params,
    );
    return { name: row.name, id: row.id, cursor: encodeCursor(row.name, row.id), offset };
  };
  const sampleIds = async (who: Who, n: number) => {
    const access = accessSql(who, 1);
    const rows = (
      await raw.query(
        `select id, company_id from clients where ${access.text} and archived_at is null and company_id is not null
        order by md5(id::text) limit ${n}`,
        access.params,
      )
    ).rows as { id: string; company_id: string }[];
    return rows;
  };
  /** Identifiers of supply points the caller may see, in a fixed pseudo-random order. */
  const sampleIdentifiers = async (who: Who, n: number) => {
    const access = accessSql(who, 1, 'c');
    return (
      await raw.query(
        `select sp.identifier from supply_points sp join clients c on c.id = sp.client_id and ${access.text}
        where sp.archived_at is null order by md5(sp.id::text) limit ${n}`,
        access.params,
      )
    ).rows.map((r) => String(r.identifier));
  };

  /** Search terms: a brand (hundreds of matches), a name stem (thousands, clustered where names start with it), a
   * Czech city (thousands of matches, none of them visible to the Slovak sales team) and an exact IČO. */
  const searchTerms = [
    { q: 'kovserv', label: 'search q=kovserv (brand)' },
    { q: 'elektro', label: 'search q=elektro (name stem)' },
    { q: 'zlin', label: 'search q=zlin (city)' },
  ];

  type Query = { text: string; params: unknown[] };
  type Scenario = {
    name: string;
    api: (i: number) => Promise<string>;
    sql: (i: number) => Promise<string[]>;
    /** The floor's statements with the inputs of iteration 0, for EXPLAIN ANALYZE. */
    explain?: () => Promise<Query[]>;
    /** The floor returns the same rows as the API (checked before measuring). */
    compare?: boolean;
    /** A list or search: p95 < 50 ms is the target. */
    listOrSearch?: boolean;
    /** A p95 target of its own (ms), instead of the lists' 50 ms. */
    targetMs?: number;
    group: 'clients' | 'supply points' | 'sales' | 'reference';
  };

  const apiGet = async (who: Who, url: string): Promise<string> => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    if (response.statusCode !== 200)
      throw new Error(`GET ${url} as ${who.email}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return response.body;
  };
  const idsOfApi = (body: string): string[] => {
    const parsed = JSON.parse(body) as { items?: { id: string }[]; id?: string };
    return parsed.items ? parsed.items.map((r) => r.id) : [parsed.id!];
  };
  const sqlIds = async (text: string, params: unknown[]): Promise<string[]> =>
    (await floor.query(text, params)).rows.map((r) => r.id as string);
  /** Renumbers $1… in a condition to follow `before` parameters. */
  const shift = (condition: string, before: number) =>
    condition.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + before}`);
  /** A search term as the services match it: normalised like `searchText`, LIKE wildcards escaped. */
  const likeOf = (q: string) => `%${searchable(q).replace(/[\\%_]/g, (c) => '\\' + c)}%`;

  /** The list query of clients.service.ts `listClients` by hand: access filter, not archived, extra filter, keyset order. */
  const listSql = (who: Who, extra: { where: string; params: unknown[] } | null, limit = 51) => {
    const access = accessSql(who, 1);
    const where = extra ? ` and ${shift(extra.where, access.params.length)}` : '';
    return {
      text: `select * from clients where ${access.text} and archived_at is null${where} order by name, id limit ${limit}`,
      params: [...access.params, ...(extra?.params ?? [])],
    };
  };
  /**
   * A search as `listClients` sends it: for terms of 3 or more characters the match set is fenced off (OFFSET 0),
   * so PostgreSQL takes it from the trigram index and sorts it; shorter terms go through the plain list query.
   */
  const searchSql = (who: Who, q: string, fenced = searchable(q).length >= 3, limit = 51) => {
    if (!fenced) return listSql(who, { where: 'search_text like $1', params: [likeOf(q)] }, limit);
    const access = accessSql(who, 1);
    return {
      text: `select * from (select * from clients where ${access.text} and archived_at is null and search_text like $${access.params.length + 1} offset 0) clients order by name, id limit ${limit}`,
      params: [...access.params, likeOf(q)],
    };
  };

  const listScenario = (who: Who, label: string, url: string, query: Query): Scenario => ({
    name: `${label} — ${who.label}`,
    api: () => apiGet(who, url),
    sql: () => sqlIds(query.text, query.params),
    explain: async () => [query],
    compare: true,
    listOrSearch: true,
    group: 'clients',
  });

  const scenarios: Scenario[] = [];
  const inputs: Record<string, unknown> = {};
  const clientDetailSql = (who: Who) => `select * from clients where id = $1 and ${accessSql(who, 2).text}`;
  const samplesOf = new Map<Who, { id: string; company_id: string }[]>();
  if (scenarioGroups.has('clients') || scenarioGroups.has('supply-points')) {
    for (const who of [sales, admin]) {
      inputs[`${who.email} sees`] = `${(await visibleCount(who)).toLocaleString('en')} clients`;
      samplesOf.set(who, await sampleIds(who, 200));
    }
  }
  if (scenarioGroups.has('clients')) {
    for (const who of [sales, admin]) {
      const middle = await middleCursor(who);
      const samples = samplesOf.get(who)!;
      const ico = samples[0]!.company_id;
      scenarios.push(
        listScenario(who, 'list page 1, sort=name', '/api/v1/clients?limit=50&sort=name', listSql(who, null)),
        listScenario(
          who,
          `list, cursor at row ${middle.offset.toLocaleString('en')}`,
          `/api/v1/clients?limit=50&sort=name&cursor=${middle.cursor}`,
          listSql(who, { where: '(name, id) > ($1, $2::uuid)', params: [middle.name, middle.id] }),
        ),
        ...searchTerms.map((t) =>
          listScenario(who, t.label, `/api/v1/clients?limit=50&sort=name&q=${t.q}`, searchSql(who, t.q)),
        ),
        listScenario(
          who,
          'search q=<IČO>',
          `/api/v1/clients?limit=50&sort=name&q=${ico}`,
          searchSql(who, ico),
        ),
      );
      const access = accessSql(who, 2);
      const detailSql = clientDetailSql(who);
      scenarios.push({
        name: `client detail — ${who.label}`,
        api: (i) => apiGet(who, `/api/v1/clients/${samples[i % samples.length]!.id}`),
        sql: (i) => sqlIds(detailSql, [samples[i % samples.length]!.id, ...access.params]),
        explain: async () => [{ text: detailSql, params: [samples[0]!.id, ...access.params] }],
        compare: true,
        group: 'clients',
      });
      const contactAccess = accessSql(who, 2, 'k');
      const contactsSql = `select c.* from contacts c join clients k on k.id = c.client_id where c.client_id = $1 and ${contactAccess.text} and c.archived_at is null order by c.is_primary desc, c.last_name, c.first_name`;
      scenarios.push({
        name: `client's contacts — ${who.label}`,
        api: (i) => apiGet(who, `/api/v1/clients/${samples[i % samples.length]!.id}/contacts`),
        sql: (i) => sqlIds(contactsSql, [samples[i % samples.length]!.id, ...contactAccess.params]),
        explain: async () => [{ text: contactsSql, params: [samples[0]!.id, ...contactAccess.params] }],
        compare: true,
        group: 'clients',
      });
    }
  }

  // --- supply points ------------------------------------------------------------------------------------------------
  /** What `selectVisible` in supply-points.service.ts reads: the supply point and its holder's columns. */
  const spColumns = `sp.*, c.id as holder_id, c.kind as holder_kind, c.name as holder_name, c.email as holder_email,
    c.phone as holder_phone, c.street as holder_street, c.city as holder_city, c.postal_code as holder_postal_code,
    c.address_country as holder_address_country, c.version as holder_version, c.country as holder_country`;
  /** A filter of the supply-point list, written once per branch with that branch's parameters and access rule. */
  type Condition = (p: P, branch: (t: AccessNames) => string) => string;
  /**
   * `listPageIds` of supply-points.service.ts by hand: for each access branch of the caller, on the supply point's
   * copy of its client's access columns, the first `limit` ids in identifier order (the default sort) with the
   * filters and not archived; their union sorted again and cut to `limit`.
   */
  const spPageIdsSql = (who: Who, conditions: Condition[], limit: number): Query => {
    const params: unknown[] = [];
    const p = placeholders(params);
    const branches = branchesOf(who).map((branch) => {
      const access = branch(pointAccess, p);
      const filters = conditions.map((c) => c(p, (t) => branch(t, p)));
      return `(select sp.id, sp.identifier as sort_value from supply_points sp join clients c on c.id = sp.client_id
          where ${[access, ...filters, 'sp.archived_at is null'].join(' and ')}
          order by sp.identifier, sp.id limit ${limit})`;
    });
    return {
      text: `select id from (${branches.join(' union ')}) page order by sort_value, id limit ${limit}`,
      params,
    };
  };
  /** `listPage`'s second statement: the page's rows by id, joined to their client under the client access filter. */
  const spRowsSql = (who: Who, ids: string[]): Query => {
    const params: unknown[] = [];
    const p = placeholders(params);
    const access = accessOr(who, clientAccess('c'), p);
    return {
      text: `select ${spColumns} from supply_points sp join clients c on c.id = sp.client_id and ${access} where sp.id in (${ids.map(p).join(', ')})`,
      params,
    };
  };
  /** A page of the supply-point list as the service reads it: the ids, then (when there are any) their rows. */
  const spListFloor = async (who: Who, conditions: Condition[], limit = 51): Promise<string[]> => {
    const page = spPageIdsSql(who, conditions, limit);
    const ids = await sqlIds(page.text, page.params);
    if (ids.length === 0) return [];
    const rows = spRowsSql(who, ids);
    const found = new Set(await sqlIds(rows.text, rows.params));
    return ids.filter((id) => found.has(id));
  };
  const spListExplain = async (who: Who, conditions: Condition[], limit = 51): Promise<Query[]> => {
    const page = spPageIdsSql(who, conditions, limit);
    const ids = await sqlIds(page.text, page.params);
    return ids.length > 0 ? [page, spRowsSql(who, ids)] : [page];
  };
  /** The access columns of the inner `supply_points` of the search subqueries (not the outer `sp`). */
  const innerPointAccess: AccessNames = {
    owner: 'supply_points.owner_id',
    team: 'supply_points.client_team_id',
    responsible: 'supply_points.client_responsible_user_id',
    createdBy: 'supply_points.client_created_by',
  };
  /**
   * `q` of the supply-point list (`searchCondition`): from 3 characters the ids matching by the supply point's own
   * search text or its client's, each from its trigram index and within the branch being read, fenced with OFFSET 0;
   * shorter terms the OR of both.
   */
  const spSearch =
    (q: string): Condition =>
    (p, branch) => {
      if (searchable(q).length < 3) return `(sp.search_text like ${p(likeOf(q))} or c.search_text like ${p(likeOf(q))})`;
      const own = `select supply_points.id from supply_points where supply_points.search_text like ${p(likeOf(q))} and ${branch(innerPointAccess)}`;
      const ofClient = `select supply_points.id from supply_points where ${branch(innerPointAccess)} and supply_points.client_id in (select id from clients where search_text like ${p(likeOf(q))} offset 0)`;
      return `sp.id in (select id from (${own} union ${ofClient}) matches offset 0)`;
    };

  /** The global search (search.service.ts): supply points, clients, contacts, at most `limit` of each. */
  const searchLimit = 10;
  const globalSearchQueries = (who: Who, q: string) => {
    const needle = searchable(q);
    const compact = q.replace(/\s+/g, '').toUpperCase();
    const spAccess = accessSql(who, 2, 'c');
    const exact: Query | null =
      /^[0-9A-Z-]{11,40}$/.test(compact) && /\d/.test(compact)
        ? {
            text: `select ${spColumns} from supply_points sp join clients c on c.id = sp.client_id and ${spAccess.text} where sp.identifier = $1 and sp.archived_at is null limit ${searchLimit}`,
            params: [compact, ...spAccess.params],
          }
        : null;
    const clientList = searchSql(who, q, undefined, searchLimit + 1);
    const access = accessSql(who, 2);
    const clientSimilar: Query = {
      text: `select * from clients where ${access.text} and archived_at is null and $1 <% search_text order by word_similarity($1, search_text) desc, id limit ${searchLimit}`,
      params: [needle, ...access.params],
    };
    const contactsWhere = (match: string, order: string) =>
      `select id, client_id, first_name, last_name, email, phone from contacts where ${match} and archived_at is null and client_id in (select id from clients where ${access.text} and archived_at is null) order by ${order} limit ${searchLimit}`;
    const contactList: Query = {
      text: contactsWhere('search_text like $1', 'last_name, id'),
      params: [likeOf(q), ...access.params],
    };
    const contactSimilar: Query = {
      text: contactsWhere('$1 <% search_text', 'word_similarity($1, search_text) desc, id'),
      params: [needle, ...access.params],
    };
    return { needle, exact, clientList, clientSimilar, contactList, contactSimilar };
  };
  /** The global search's statements by hand, in order on one connection; the API runs the three parts at once. */
  const globalSearchFloor = async (who: Who, q: string): Promise<string[]> => {
    const s = globalSearchQueries(who, q);
    const run = (query: Query) => sqlIds(query.text, query.params);
    let points = s.exact ? await run(s.exact) : [];
    if (points.length === 0)
      points = (await spListFloor(who, [spSearch(q)], searchLimit + 1)).slice(0, searchLimit);
    const withTypos = async (exact: string[], similar: Query) => {
      if (exact.length >= searchLimit || !isTypoTolerant(s.needle)) return exact;
      const found = new Set(exact);
      return [...exact, ...(await run(similar)).filter((id) => !found.has(id))].slice(0, searchLimit);
    };
    const clientIds = await withTypos((await run(s.clientList)).slice(0, searchLimit), s.clientSimilar);
    const contactIds = await withTypos(await run(s.contactList), s.contactSimilar);
    return [...points, ...clientIds, ...contactIds];
  };
  const globalSearchExplain = async (who: Who, q: string): Promise<Query[]> => {
    const s = globalSearchQueries(who, q);
    return [
      ...(s.exact ? [s.exact] : await spListExplain(who, [spSearch(q)], searchLimit + 1)),
      s.clientList,
      ...(isTypoTolerant(s.needle) ? [s.clientSimilar] : []),
      s.contactList,
      ...(isTypoTolerant(s.needle) ? [s.contactSimilar] : []),
    ];
  };

  if (scenarioGroups.has('supply-points')) {
    for (const who of [sales, admin]) {
      inputs[`${who.email} sees`] =
        `${String(inputs[`${who.email} sees`])} with ${(await visiblePointCount(who)).toLocaleString('en')} supply points`;
      const identifiers = await sampleIdentifiers(who, 200);
      const nth = (i: number) => identifiers[i % identifiers.length]!;
      const samples = samplesOf.get(who)!;
      const sp = (name: string, rest: Omit<Scenario, 'name' | 'group'>): Scenario => ({
        name: `${name} — ${who.label}`,
        group: 'supply points',
        ...rest,
      });
      scenarios.push(
        sp('global search q=<whole identifier>', {
          api: (i) => apiGet(who, `/api/v1/search?q=${nth(i)}`),
          sql: (i) => globalSearchFloor(who, nth(i)),
          explain: () => globalSearchExplain(who, nth(0)),
          compare: true,
          listOrSearch: true,
        }),
        sp('supply-point list q=<whole identifier>', {
          api: (i) => apiGet(who, `/api/v1/supply-points?limit=50&q=${nth(i)}`),
          sql: (i) => spListFloor(who, [spSearch(nth(i))]),
          explain: () => spListExplain(who, [spSearch(nth(0))]),
          compare: true,
          listOrSearch: true,
        }),
        ...['kovserv', 'zlin'].map((q) =>
          sp(`global search q=${q} (client name fragment)`, {
            api: () => apiGet(who, `/api/v1/search?q=${q}`),
            sql: () => globalSearchFloor(who, q),
            explain: () => globalSearchExplain(who, q),
            compare: true,
            listOrSearch: true,
          }),
        ),
      );
      const filtered = (label: string, url: string, conditions: Condition[]) =>
        sp(label, {
          api: () => apiGet(who, url),
          sql: () => spListFloor(who, conditions),
          explain: () => spListExplain(who, conditions),
          compare: true,
          listOrSearch: true,
        });
      const is =
        (column: string, value: string): Condition =>
        (p) =>
          `sp.${column} = ${p(value)}`;
      const electricity = is('commodity', 'electricity');
      scenarios.push(
        filtered('supply-point list page 1 (sort=identifier)', '/api/v1/supply-points?limit=50', []),
        filtered(
          'supply-point list commodity=electricity, territoryCode=sk-zsd',
          '/api/v1/supply-points?limit=50&commodity=electricity&territoryCode=sk-zsd',
          [electricity, is('territory_code', 'sk-zsd')],
        ),
        filtered(
          'supply-point list commodity=electricity, 100,000–150,000 kWh',
          '/api/v1/supply-points?limit=50&commodity=electricity&minConsumptionKWh=100000&maxConsumptionKWh=150000',
          [
            electricity,
            (p) => `sp.annual_consumption_kwh >= ${p('100000')}`,
            (p) => `sp.annual_consumption_kwh <= ${p('150000')}`,
          ],
        ),
        filtered(
          'supply-point list commodity=gas, ≥ 900,000 kWh',
          '/api/v1/supply-points?limit=50&commodity=gas&minConsumptionKWh=900000',
          [is('commodity', 'gas'), (p) => `sp.annual_consumption_kwh >= ${p('900000')}`],
        ),
      );
      const access = accessSql(who, 2);
      const detailSql = clientDetailSql(who);
      const ofClient = (id: string) => [is('client_id', id)];
      scenarios.push(
        sp('client card: GET /clients/:id + GET /supply-points?clientId=', {
          api: async (i) => {
            const id = samples[i % samples.length]!.id;
            const client = JSON.parse(await apiGet(who, `/api/v1/clients/${id}`)) as { id: string };
            const points = JSON.parse(await apiGet(who, `/api/v1/supply-points?limit=50&clientId=${id}`)) as {
              items: { id: string }[];
            };
            return JSON.stringify({ items: [{ id: client.id }, ...points.items] });
          },
          sql: async (i) => {
            const id = samples[i % samples.length]!.id;
            const client = await sqlIds(detailSql, [id, ...access.params]);
            return [...client, ...(await spListFloor(who, ofClient(id))).slice(0, 50)];
          },
          explain: async () => [
            { text: detailSql, params: [samples[0]!.id, ...access.params] },
            ...(await spListExplain(who, ofClient(samples[0]!.id))),
          ],
          compare: true,
        }),
      );
    }
  }

  if (scenarioGroups.has('sales')) {
    const template = await one<{ id: string }>(
      `select id from process_templates where owner_id = $1 and name like 'Obecn%' order by created_at limit 1`,
      [sales.ownerId],
    );
    const open = await one<{ cases: string; overdue: string; today: string }>(
      `select (select count(*) from cases where responsible_user_id = $1 and state = 'new') as cases,
        (select count(*) from activities where responsible_user_id = $1 and status = 'open' and due_at < date_trunc('day', now() at time zone 'Europe/Bratislava') at time zone 'Europe/Bratislava') as overdue,
        (select count(*) from activities where responsible_user_id = $1 and status = 'open' and due_at >= date_trunc('day', now() at time zone 'Europe/Bratislava') at time zone 'Europe/Bratislava'
          and due_at < (date_trunc('day', now() at time zone 'Europe/Bratislava') + interval '1 day') at time zone 'Europe/Bratislava') as today`,
      [sales.userId],
    );
    inputs[`${sales.email} has`] =
      `${n(open.cases)} open cases, ${n(open.overdue)} overdue and ${n(open.today)} of today's open activities`;
    scenarios.push(
      ...salesScenarios({
        who: sales,
        processTemplateId: template.id,
        apiGet: (url) => apiGet(sales, url),
        rows: async (text, params) => (await floor.query(text, params)).rows,
      }),
    );
  }

  // Reference rows for the API's fixed cost per request: the HTTP stack alone, and resolving the session cookie to an
  // actor (one statement in authenticateSession, as for API tokens) against the same statement by hand.
  const actorSql = `select u.id, u.owner_id,
    array(select m.team_id from team_members m join teams t on t.id = m.team_id where m.user_id = u.id and t.is_active = $1),
    array(select role_key from user_roles where user_id = u.id),
    array(select r.scope from user_roles ur join roles r on r.key = ur.role_key where ur.user_id = u.id)
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $2 and s.expires_at > $3 and u.is_active = $4`;
  const actorParams = () => [true, hashSecret(sales.token), new Date(), true];
  if (scenarios.length > 0) {
    scenarios.push(
      {
        name: 'reference: GET /api/health (HTTP stack, no database) vs select 1',
        api: async () => (await app.inject({ method: 'GET', url: '/api/health' })).body,
        sql: () => sqlIds('select 1 as id', []),
        group: 'reference',
      },
      {
        name: 'reference: session → actor, authenticateSession vs its statement by hand',
        api: async () => String((await authenticateSession(ctx, sales.token))?.actor.userId),
        sql: () => sqlIds(actorSql, actorParams()),
        explain: async () => [{ text: actorSql, params: actorParams() }],
        group: 'reference',
      },
    );
  }

  // --- verification: each API answer has exactly the rows of its floor, in the same order ----------------------------
  const rowsOf = new Map<string, number>();
  for (const s of scenarios) {
    if (!s.compare) continue;
    const apiIds = idsOfApi(await s.api(0));
    // A board answers up to 100 cards per stage and "my day" two sections; the lists one page of 50.
    const floorIds = (await s.sql(0)).slice(0, s.group === 'sales' ? undefined : 50);
    const same = apiIds.length === floorIds.length && apiIds.every((id, i) => id === floorIds[i]);
    if (!same)
      throw new Error(
        `${s.name}: the API and the SQL floor disagree (${apiIds.length} vs ${floorIds.length} rows)`,
      );
    rowsOf.set(s.name, apiIds.length);
  }

  if (args.explain) {
    for (const s of scenarios) {
      for (const query of (await s.explain?.()) ?? []) {
        const plan = (await floor.query(`explain (analyze, buffers) ${query.text}`, query.params)).rows.map(
          (r) => String(r['QUERY PLAN']),
        );
        say(`\n### ${s.name}\n\n\`\`\`sql\n${query.text}\n\`\`\`\n\n\`\`\`\n${plan.join('\n')}\n\`\`\``);
      }
    }
  }

  // --- measurement: API and floor interleaved, so drift hits both alike --------------------------------------------
  type Stats = { n: number; p50: number; p95: number; max: number };
  const stats = (samples: number[]): Stats => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
    return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
  };
  /**
   * Runs each function `count` times (fewer if the scenario's time is up), alternating between them, after the
   * warm-up rounds (at most a third of the scenario's time).
   */
  const measure = async (runs: ((i: number) => Promise<unknown>)[], count: number): Promise<Stats[]> => {
    const warmStarted = performance.now();
    for (let i = 0; i < warmup && performance.now() - warmStarted < maxMsPerScenario / 3; i++)
      for (const run of runs) await run(i);
    const times = runs.map((): number[] => []);
    const started = performance.now();
    for (let i = 0; i < count && performance.now() - started < maxMsPerScenario; i++) {
      for (const [k, run] of runs.entries()) {
        const t = performance.now();
        await run(i);
        times[k]!.push(performance.now() - t);
      }
    }
    return times.map(stats);
  };

  type Result = {
    name: string;
    group: Scenario['group'];
    listOrSearch: boolean;
    targetMs?: number | undefined;
    rows: number | null;
    api: Stats;
    sql: Stats;
  };
  const results: Result[] = [];
  for (const s of scenarios) {
    const [api, sql] = await measure([s.api, s.sql], iterations);
    const result = {
      name: s.name,
      group: s.group,
      listOrSearch: Boolean(s.listOrSearch),
      targetMs: s.targetMs,
      rows: rowsOf.get(s.name) ?? null,
      api: api!,
      sql: sql!,
    };
    results.push(result);
    say(
      `  ${s.name}: API p50 ${result.api.p50.toFixed(2)} p95 ${result.api.p95.toFixed(2)} | SQL p50 ${result.sql.p50.toFixed(2)} p95 ${result.sql.p95.toFixed(2)} ms (n=${result.api.n})`,
    );
  }
  phase('measurements');

  // --- optional: the search plan as the API builds it against the fenced one, over more terms ----------------------
  type SearchPlanResult = { who: string; q: string; matches: number; plain: Stats; fenced: Stats };
  const searchPlans: SearchPlanResult[] = [];
  if (args['compare-search']) {
    const terms = ['kovserv', 'elektro', 'zlin', 'tep', 'novak', 'bratislava', '905', 'r.o.', 'ko', 'zl'];
    for (const who of [sales, admin]) {
      for (const q of terms) {
        const plain = searchSql(who, q, false);
        const fenced = searchSql(who, q, true);
        const [a, b] = [await sqlIds(plain.text, plain.params), await sqlIds(fenced.text, fenced.params)];
        if (a.join() !== b.join()) throw new Error(`fenced search for ${q} returns other rows`);
        const access = accessSql(who, 1);
        const matches = Number(
          (
            await one<{ n: string }>(
              `select count(*) as n from clients where ${access.text} and archived_at is null and search_text like $${access.params.length + 1}`,
              [...access.params, likeOf(q)],
            )
          ).n,
        );
        const [p, f] = await measure(
          [() => floor.query(plain.text, plain.params), () => floor.query(fenced.text, fenced.params)],
          Math.min(iterations, 50),
        );
        searchPlans.push({ who: who.label, q, matches, plain: p!, fenced: f! });
        say(
          `  search plan ${who.label} q=${q}: ${matches} matches, unfenced p50 ${p!.p50.toFixed(2)} p95 ${p!.p95.toFixed(2)} | fenced p50 ${f!.p50.toFixed(2)} p95 ${f!.p95.toFixed(2)} ms`,
        );
      }
    }
  }

  releaseFloor();

  // --- the import of an XLSX file through the API, as the team's sales user -----------------------------------------
  let importResult: ImportResult | null = null;
  if (scenarioGroups.has('import')) {
    say(`importing ${importRows.toLocaleString('en')} supply points from an XLSX file as ${sales.email}…`);
    importResult = await runImport({
      app,
      db,
      log,
      cookie: sales.cookie,
      userId: sales.userId,
      rows: importRows,
      dir: path.join(os.tmpdir(), 'kilowatt-bench'),
      keep: args.keep,
      say,
    });
    say(
      `  imported ${importResult.created.toLocaleString('en')} rows in ${(importResult.totalMs / 1000).toFixed(1)} s; RSS ${importResult.rssBefore.toFixed(0)} → peak ${importResult.rssPeak.toFixed(0)} MB`,
    );
    phase('import');
  }

  // --- the lead import of a CSV file through the API, as the team's sales user ----------------------------------------
  let leadImportResult: LeadImportResult | null = null;
  if (scenarioGroups.has('lead-import')) {
    const rows = Number(args['lead-rows']);
    const duplicates = Number(args['lead-duplicates'] ?? Math.round(rows * 0.05));
    say(`importing ${n(rows)} leads (${n(duplicates)} planted duplicates) from a CSV file as ${sales.email}…`);
    leadImportResult = await runLeadImport({
      app,
      db,
      log,
      cookie: sales.cookie,
      userId: sales.userId,
      rows,
      duplicates,
      ...(args['lead-api-rows'] ? { apiRows: Number(args['lead-api-rows']) } : {}),
      say,
    });
    say(
      `  ${n(leadImportResult.created)} created, ${n(leadImportResult.detected)} duplicates detected, in ${(leadImportResult.totalMs / 1000).toFixed(1)} s; RSS ${leadImportResult.rssBefore.toFixed(0)} → peak ${leadImportResult.rssPeak.toFixed(0)} MB`,
    );
    phase('lead import');
  }

  const rssPeak = maxRssMb();

  // --- report --------------------------------------------------------------------------------------------------------
  const ms = (v: number) => v.toFixed(2);
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;
  const misses = (r: Result) => {
    if (r.group === 'reference') return '';
    const out: string[] = [];
    if (r.api.p95 > 2 * r.sql.p95) out.push('> 2× floor');
    if (r.listOrSearch && r.api.p95 >= 50) out.push('p95 ≥ 50 ms');
    if (r.targetMs !== undefined && r.api.p95 >= r.targetMs) out.push(`p95 ≥ ${r.targetMs} ms`);
    return out.join(', ') || 'met';
  };
  const loadLines: string[] = [];
  if (load)
    loadLines.push(
      `- bulk load (${args.loader} inserts): ${n(load.clients)} clients + ${n(load.contacts)} contacts in ${seconds(load.ms)} (${n(Math.round(((load.clients + load.contacts) / load.ms) * 1000))} rows/s)`,
    );
  if (pointLoad)
    loadLines.push(
      `- bulk load of supply points (${args.loader} inserts): ${n(pointLoad.supplyPoints)} for ${n(pointLoad.clients)} clients in ${seconds(pointLoad.ms)} (${n(Math.round((pointLoad.supplyPoints / pointLoad.ms) * 1000))} rows/s)${pointLoad.indexMs > 0 ? `, of which ${seconds(pointLoad.indexMs)} building the secondary indexes again after the load` : ''}`,
    );
  if (salesLoad)
    loadLines.push(
      `- sales pipeline loaded: ${n(salesLoad.cases)} cases, ${n(salesLoad.activities)} activities in ${seconds(salesLoad.ms)}`,
    );
  loadLines.push(
    `- ${load || pointLoad ? '' : 'data reused (no load); '}VACUUM ANALYZE ${seconds(analyzeMs)}; setup in all ${seconds(setupMs)}`,
  );
  const lines = [
    `## ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${n(counts.clients)} clients, ${n(counts.contacts)} contacts, ${n(counts.supply_points)} supply points`,
    '',
    `- ${String(counts.version).split(',')[0]}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; database ${counts.size}`,
    ...loadLines,
    `- load average (1/5/15 min) at start ${loadAverageAtStart.map((v) => v.toFixed(1)).join('/')}, at end ${os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join('/')} (${os.cpus().length} cores; other processes share them)`,
    `- Node process RSS: peak ${mb(rssPeak)}; ${phases.map((p) => `after ${p.phase} ${mb(p.rss)}`).join(', ')}${kind === 'postgres' ? ' (PostgreSQL server processes not included)' : ' (the database runs in-process, so this includes it)'}`,
  ];
  if (results.length > 0) {
    lines.push(
      `- ${iterations} iterations per scenario after ${warmup} warm-up ones (at most ${args['max-seconds']} s per scenario), API and SQL interleaved; times in ms; ${Object.entries(
        inputs,
      )
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`,
      '',
      '| scenario | rows | n | API p50 | API p95 | SQL p50 | SQL p95 | API p95 / SQL p95 | targets |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.rows ?? ''} | ${r.api.n} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${ms(r.sql.p50)} | ${ms(r.sql.p95)} | ${(r.api.p95 / r.sql.p95).toFixed(1)}× | ${misses(r)} |`,
      ),
    );
  }
  if (searchPlans.length > 0) {
    lines.push(
      '',
      'Search SQL unfenced against the same search with the match set fenced off (`offset 0` subquery), which the API sends for terms of 3+ characters:',
      '',
      '| who | q | visible matches | unfenced p50 | unfenced p95 | fenced p50 | fenced p95 |',
      '|---|---|---:|---:|---:|---:|---:|',
      ...searchPlans.map(
        (r) =>
          `| ${r.who} | ${r.q} | ${r.matches} | ${ms(r.plain.p50)} | ${ms(r.plain.p95)} | ${ms(r.fenced.p50)} | ${ms(r.fenced.p95)} |`,
      ),
    );
  }
  if (importResult) {
    const r = importResult;
    const met = r.totalMs < 60_000 && r.rssPeak < 500 && r.maxRssAfter < 500;
    lines.push(
      '',
      `Import of an XLSX file through the API as ${sales.email} (${n(r.rows)} rows for ${n(r.clients)} clients, ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB; the job runner ticked at once):`,
      '',
      '| rows | upload | validate | commit | job to done | total | RSS before | RSS peak (sampled) | process max RSS before → after | targets |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${n(r.created)} | ${seconds(r.uploadMs)} | ${seconds(r.validateMs)} | ${ms(r.commitMs)} ms | ${seconds(r.jobMs)} | ${seconds(r.totalMs)} | ${mb(r.rssBefore)} | ${mb(r.rssPeak)} | ${mb(r.maxRssBefore)} → ${mb(r.maxRssAfter)} | ${met ? 'met' : [r.totalMs >= 60_000 ? '≥ 60 s' : '', r.rssPeak >= 500 || r.maxRssAfter >= 500 ? 'memory ≥ 500 MB' : ''].filter(Boolean).join(', ')} |`,
    );
  }
  if (leadImportResult) {
    const r = leadImportResult;
    const targets = [
      r.totalMs >= 90_000 ? '≥ 90 s' : '',
      r.rssPeak >= 500 || r.maxRssAfter >= 500 ? 'memory ≥ 500 MB' : '',
      r.detected !== r.planted ? 'duplicates ≠ planted' : '',
    ].filter(Boolean);
    lines.push(
      '',
      `Lead import of a CSV file through the API as ${sales.email} (${n(r.rows)} rows, ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB, ${n(r.planted)} planted duplicates of visible clients; duplicates skipped; the job runner ticked at once). Duplicate lookup by hand over ${r.floorRows === r.rows ? 'the file' : `the whole file of ${n(r.floorRows)} rows`} (every key at once, one set-based statement): ${ms(r.floorMs)} ms, ${n(r.floorDetected)} rows matched of ${n(r.floorPlanted)} planted.`,
      '',
      '| rows | upload | validate | decisions | commit | job to done | total | duplicates detected / planted | created | RSS before | RSS peak (sampled) | process max RSS | targets |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| ${n(r.rows)} | ${seconds(r.uploadMs)} | ${seconds(r.validateMs)} | ${ms(r.decisionsMs)} ms | ${ms(r.commitMs)} ms | ${seconds(r.jobMs)} | ${seconds(r.totalMs)} | ${n(r.detected)} / ${n(r.planted)} | ${n(r.created)} | ${mb(r.rssBefore)} | ${mb(r.rssPeak)} | ${mb(r.maxRssAfter)} | ${targets.join(', ') || 'met'} |`,
    );
  }
  lines.push('', `Total run ${((performance.now() - runStarted) / 1000).toFixed(0)} s.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        {
          kind,
          counts,
          load,
          pointLoad,
          analyzeMs,
          setupMs,
          rssPeak,
          phases,
          iterations,
          warmup,
          inputs,
          results,
          searchPlans,
          importResult,
          salesLoad,
          leadImportResult,
        },
        null,
        2,
      ),
    );
  }

  await app.close();
};

try {
  await main();
} finally {
  await database.close();
  await cleanup();
}
process.exit(0);
