/**
 * Read-path benchmark: the clients API (list, cursor page, search, detail, contacts) and the supply-points API
 * (global search by identifier and by name, list search, filtered lists, client card) through the real Fastify
 * app with a signed-in session, each beside its raw-SQL floor (the same queries by hand, one connection); and the
 * supply-point import of an XLSX file through the API, timed with the process's memory.
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
 * afterwards); --scenarios clients,supply-points,import (the first two by default), --import-rows N (50000); --compare-search
 * (the search SQL unfenced against the fenced form that `listClients` sends for terms of 3+ characters, over more
 * terms), --compare-proposed (the supply-point list search as built against a proposed rewrite, SQL only),
 * --explain (EXPLAIN ANALYZE of every floor query, to stderr), --json FILE (the results as JSON). The markdown
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
import { loadActor } from '../server/modules/users/users.service.js';
import { isTypoTolerant } from '../server/db/similarity.js';
import { searchable } from '../domain/clients/client-rules.js';
import { runImport, type ImportResult } from './import.js';
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
    'compare-proposed': { type: 'boolean', default: false },
    'incremental-indexes': { type: 'boolean', default: false },
  },
});

const kind = args.db;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
if (args.loader !== 'json' && args.loader !== 'values') throw new Error('--loader must be json or values');
const clientCount = Number(args.clients);
const contactsPerClient = Number(args['contacts-per-client']);
const supplyPointCount = Number(args['supply-points'] ?? 2 * clientCount);
const scenarioGroups = new Set(args.scenarios.split(',').map((g) => g.trim()));
for (const g of scenarioGroups)
  if (!['clients', 'supply-points', 'import'].includes(g))
    throw new Error('--scenarios takes clients, supply-points and import, comma-separated');
const importRows = Number(args['import-rows']);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
const maxMsPerScenario = Number(args['max-seconds']) * 1000;
const say = (line: string) => process.stderr.write(`${line}\n`);
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
    // A throwaway database next to the given one, so a run never touches existing data.
    const name = `kilowatt_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = openPostgres(target.toString());
    say(`PostgreSQL throwaway database ${name}`);
    if (!args.keep) {
      cleanup = async () => {
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    }
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

  /**
   * The access filter of server/modules/auth/access.ts written by hand, parameters from $n on:
   * team scope = owner and (team in teams or responsible or creator); scope all = no condition.
   */
  const accessSql = (who: Who, n: number, alias = ''): { text: string; params: unknown[] } => {
    const a = alias ? `${alias}.` : '';
    if (who === admin) return { text: 'true', params: [] };
    const teams = who.teamIds.map((_, i) => `$${n + 2 + i}`).join(', ');
    return {
      text: `${a}owner_id = $${n} and (${a}team_id in (${teams}) or ${a}responsible_user_id = $${n + 1} or ${a}created_by = $${n + 1})`,
      params: [who.ownerId, who.userId, ...who.teamIds],
    };
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
    explain?: Query[];
    /** The floor returns the same rows as the API (checked before measuring). */
    compare?: boolean;
    /** A list or search: p95 < 50 ms is the target. */
    listOrSearch?: boolean;
    group: 'clients' | 'supply points' | 'reference';
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
    explain: [query],
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
        explain: [{ text: detailSql, params: [samples[0]!.id, ...access.params] }],
        compare: true,
        group: 'clients',
      });
      const contactAccess = accessSql(who, 2, 'k');
      const contactsSql = `select c.* from contacts c join clients k on k.id = c.client_id where c.client_id = $1 and ${contactAccess.text} and c.archived_at is null order by c.is_primary desc, c.last_name, c.first_name`;
      scenarios.push({
        name: `client's contacts — ${who.label}`,
        api: (i) => apiGet(who, `/api/v1/clients/${samples[i % samples.length]!.id}/contacts`),
        sql: (i) => sqlIds(contactsSql, [samples[i % samples.length]!.id, ...contactAccess.params]),
        explain: [{ text: contactsSql, params: [samples[0]!.id, ...contactAccess.params] }],
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
  type Condition = { where: string; params: unknown[] };
  /**
   * The query of `listSupplyPoints` by hand: supply points joined to their client under the access filter, the
   * filters, not archived, keyset order by identifier (the default sort).
   */
  const spListSql = (who: Who, conditions: Condition[], limit = 51): Query => {
    const access = accessSql(who, 1, 'c');
    const params = [...access.params];
    const where: string[] = [];
    for (const c of conditions) {
      where.push(shift(c.where, params.length));
      params.push(...c.params);
    }
    where.push('sp.archived_at is null');
    return {
      text: `select ${spColumns} from supply_points sp join clients c on c.id = sp.client_id and ${access.text} where ${where.join(' and ')} order by sp.identifier, sp.id limit ${limit}`,
      params,
    };
  };
  /** `q` of the supply-point list: the supply point's own search text or its client's. */
  const spSearch = (q: string): Condition => ({
    where: '(sp.search_text like $1 or c.search_text like $1)',
    params: [likeOf(q)],
  });
  /**
   * A proposed form of the same search (not in the service): each side of the OR from its own trigram index,
   * united, then sorted. The OR across two tables cannot use either index, so as built it reads the join.
   */
  const spSearchProposed = (who: Who, q: string, limit = 51): Query => {
    const access = accessSql(who, 2, 'c');
    const branch = (match: string) =>
      `select ${spColumns} from supply_points sp join clients c on c.id = sp.client_id and ${access.text} where ${match} like $1 and sp.archived_at is null`;
    return {
      text: `select * from (${branch('sp.search_text')} union ${branch('c.search_text')}) m order by identifier, id limit ${limit}`,
      params: [likeOf(q), ...access.params],
    };
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
    const pointList = spListSql(who, [spSearch(q)], searchLimit + 1);
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
    return { needle, exact, pointList, clientList, clientSimilar, contactList, contactSimilar };
  };
  /** The global search's statements by hand, in order on one connection; the API runs the three parts at once. */
  const globalSearchFloor = async (who: Who, q: string): Promise<string[]> => {
    const s = globalSearchQueries(who, q);
    const run = (query: Query) => sqlIds(query.text, query.params);
    let points = s.exact ? await run(s.exact) : [];
    if (points.length === 0) points = (await run(s.pointList)).slice(0, searchLimit);
    const withTypos = async (exact: string[], similar: Query) => {
      if (exact.length >= searchLimit || !isTypoTolerant(s.needle)) return exact;
      const found = new Set(exact);
      return [...exact, ...(await run(similar)).filter((id) => !found.has(id))].slice(0, searchLimit);
    };
    const clientIds = await withTypos((await run(s.clientList)).slice(0, searchLimit), s.clientSimilar);
    const contactIds = await withTypos(await run(s.contactList), s.contactSimilar);
    return [...points, ...clientIds, ...contactIds];
  };
  const globalSearchExplain = (who: Who, q: string): Query[] => {
    const s = globalSearchQueries(who, q);
    return [
      ...(s.exact ? [s.exact] : [s.pointList]),
      s.clientList,
      ...(isTypoTolerant(s.needle) ? [s.clientSimilar] : []),
      s.contactList,
      ...(isTypoTolerant(s.needle) ? [s.contactSimilar] : []),
    ];
  };

  const identifiersOf = new Map<Who, string[]>();
  if (scenarioGroups.has('supply-points')) {
    for (const who of [sales, admin]) {
      inputs[`${who.email} sees`] =
        `${String(inputs[`${who.email} sees`])} with ${(await visiblePointCount(who)).toLocaleString('en')} supply points`;
      const identifiers = await sampleIdentifiers(who, 200);
      identifiersOf.set(who, identifiers);
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
          explain: globalSearchExplain(who, nth(0)),
          compare: true,
          listOrSearch: true,
        }),
        sp('supply-point list q=<whole identifier>', {
          api: (i) => apiGet(who, `/api/v1/supply-points?limit=50&q=${nth(i)}`),
          sql: (i) => {
            const query = spListSql(who, [spSearch(nth(i))]);
            return sqlIds(query.text, query.params);
          },
          explain: [spListSql(who, [spSearch(nth(0))])],
          compare: true,
          listOrSearch: true,
        }),
        ...['kovserv', 'zlin'].map((q) =>
          sp(`global search q=${q} (client name fragment)`, {
            api: () => apiGet(who, `/api/v1/search?q=${q}`),
            sql: () => globalSearchFloor(who, q),
            explain: globalSearchExplain(who, q),
            compare: true,
            listOrSearch: true,
          }),
        ),
      );
      const filtered = (label: string, url: string, conditions: Condition[]) => {
        const query = spListSql(who, conditions);
        return sp(label, {
          api: () => apiGet(who, url),
          sql: () => sqlIds(query.text, query.params),
          explain: [query],
          compare: true,
          listOrSearch: true,
        });
      };
      const electricity: Condition = { where: 'sp.commodity = $1', params: ['electricity'] };
      const gas: Condition = { where: 'sp.commodity = $1', params: ['gas'] };
      scenarios.push(
        filtered('supply-point list page 1 (sort=identifier)', '/api/v1/supply-points?limit=50', []),
        filtered(
          'supply-point list commodity=electricity, territoryCode=sk-zsd',
          '/api/v1/supply-points?limit=50&commodity=electricity&territoryCode=sk-zsd',
          [electricity, { where: 'sp.territory_code = $1', params: ['sk-zsd'] }],
        ),
        filtered(
          'supply-point list commodity=electricity, 100,000–150,000 kWh',
          '/api/v1/supply-points?limit=50&commodity=electricity&minConsumptionKWh=100000&maxConsumptionKWh=150000',
          [
            electricity,
            { where: 'sp.annual_consumption_kwh >= $1', params: ['100000'] },
            { where: 'sp.annual_consumption_kwh <= $1', params: ['150000'] },
          ],
        ),
        filtered(
          'supply-point list commodity=gas, ≥ 900,000 kWh',
          '/api/v1/supply-points?limit=50&commodity=gas&minConsumptionKWh=900000',
          [gas, { where: 'sp.annual_consumption_kwh >= $1', params: ['900000'] }],
        ),
      );
      const access = accessSql(who, 2);
      const detailSql = clientDetailSql(who);
      const cardPoints = (id: string) => spListSql(who, [{ where: 'sp.client_id = $1', params: [id] }]);
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
            const points = cardPoints(id);
            return [...client, ...(await sqlIds(points.text, points.params)).slice(0, 50)];
          },
          explain: [
            { text: detailSql, params: [samples[0]!.id, ...access.params] },
            cardPoints(samples[0]!.id),
          ],
          compare: true,
        }),
      );
    }
  }

  // Reference rows for the API's fixed cost per request: the HTTP stack alone, and resolving the session cookie to an
  // actor (one statement in authenticateSession) against the same statement by hand and against the former path
  // (the session, then loadActor: user, roles, teams; API tokens still take it).
  const actorSql = `select s.user_id as id, u.owner_id,
    array(select m.team_id from team_members m join teams t on t.id = m.team_id where m.user_id = u.id and t.is_active) as team_ids,
    array(select r.key || ':' || r.scope from user_roles ur join roles r on r.key = ur.role_key where ur.user_id = u.id) as roles
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > now() and u.is_active`;
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
        sql: () => sqlIds(actorSql, [hashSecret(sales.token)]),
        explain: [{ text: actorSql, params: [hashSecret(sales.token)] }],
        group: 'reference',
      },
      {
        name: 'reference: session → actor, the former 4 statements (session, then loadActor) vs one statement',
        api: async () => {
          const session = await one<{ user_id: string }>(
            'select user_id from sessions where token_hash = $1 and expires_at > now()',
            [hashSecret(sales.token)],
          );
          return String((await loadActor(ctx, session.user_id))?.userId);
        },
        sql: () => sqlIds(actorSql, [hashSecret(sales.token)]),
        group: 'reference',
      },
    );
  }

  // --- verification: each API answer has exactly the rows of its floor, in the same order ----------------------------
  const rowsOf = new Map<string, number>();
  for (const s of scenarios) {
    if (!s.compare) continue;
    const apiIds = idsOfApi(await s.api(0));
    const floorIds = (await s.sql(0)).slice(0, 50);
    const same = apiIds.length === floorIds.length && apiIds.every((id, i) => id === floorIds[i]);
    if (!same)
      throw new Error(
        `${s.name}: the API and the SQL floor disagree (${apiIds.length} vs ${floorIds.length} rows)`,
      );
    rowsOf.set(s.name, apiIds.length);
  }

  if (args.explain) {
    for (const s of scenarios) {
      for (const query of s.explain ?? []) {
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

  // --- optional: the supply-point list search as built against the proposed union of two index scans ---------------
  type ProposedResult = { who: string; q: string; matches: number; built: Stats; proposed: Stats };
  const proposedPlans: ProposedResult[] = [];
  if (args['compare-proposed']) {
    for (const who of [sales, admin]) {
      const identifier = identifiersOf.get(who)?.[0] ?? (await sampleIdentifiers(who, 1))[0]!;
      for (const q of [identifier, 'kovserv', 'zlin', 'novak', 'hlavna 1', 'bratislava']) {
        const built = spListSql(who, [spSearch(q)]);
        const proposed = spSearchProposed(who, q);
        const [a, b] = [await sqlIds(built.text, built.params), await sqlIds(proposed.text, proposed.params)];
        if (a.join() !== b.join())
          throw new Error(`the proposed supply-point search for ${q} returns other rows`);
        const access = accessSql(who, 2, 'c');
        const matches = Number(
          (
            await one<{ n: string }>(
              `select count(*) as n from supply_points sp join clients c on c.id = sp.client_id and ${access.text}
               where (sp.search_text like $1 or c.search_text like $1) and sp.archived_at is null`,
              [likeOf(q), ...access.params],
            )
          ).n,
        );
        if (args.explain) {
          const plan = (await floor.query(`explain (analyze, buffers) ${proposed.text}`, proposed.params))
            .rows;
          say(
            `\n### proposed supply-point search q=${q} — ${who.label}\n\n\`\`\`\n${plan.map((r) => String(r['QUERY PLAN'])).join('\n')}\n\`\`\``,
          );
        }
        const [p, f] = await measure(
          [() => floor.query(built.text, built.params), () => floor.query(proposed.text, proposed.params)],
          Math.min(iterations, 50),
        );
        proposedPlans.push({ who: who.label, q, matches, built: p!, proposed: f! });
        say(
          `  supply-point search ${who.label} q=${q}: ${matches} matches, as built p50 ${p!.p50.toFixed(2)} p95 ${p!.p95.toFixed(2)} | proposed p50 ${f!.p50.toFixed(2)} p95 ${f!.p95.toFixed(2)} ms`,
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
    return out.join(', ') || 'met';
  };
  const n = (v: string | number) => Number(v).toLocaleString('en');
  const loadLines: string[] = [];
  if (load)
    loadLines.push(
      `- bulk load (${args.loader} inserts): ${n(load.clients)} clients + ${n(load.contacts)} contacts in ${seconds(load.ms)} (${n(Math.round(((load.clients + load.contacts) / load.ms) * 1000))} rows/s)`,
    );
  if (pointLoad)
    loadLines.push(
      `- bulk load of supply points (${args.loader} inserts): ${n(pointLoad.supplyPoints)} for ${n(pointLoad.clients)} clients in ${seconds(pointLoad.ms)} (${n(Math.round((pointLoad.supplyPoints / pointLoad.ms) * 1000))} rows/s)${pointLoad.indexMs > 0 ? `, of which ${seconds(pointLoad.indexMs)} building the secondary indexes again after the load` : ''}`,
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
  if (proposedPlans.length > 0) {
    lines.push(
      '',
      'Supply-point list search (`q`) as built (one OR over the supply point’s and the client’s search text) against the proposed union of two index scans, SQL only:',
      '',
      '| who | q | visible matches | as built p50 | as built p95 | proposed p50 | proposed p95 | n |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      ...proposedPlans.map(
        (r) =>
          `| ${r.who} | ${r.q} | ${r.matches} | ${ms(r.built.p50)} | ${ms(r.built.p95)} | ${ms(r.proposed.p50)} | ${ms(r.proposed.p95)} | ${r.built.n} |`,
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
          proposedPlans,
          importResult,
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
