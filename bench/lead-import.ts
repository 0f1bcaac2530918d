import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { duplicateKeysOf } from '../domain/leads/duplicate-keys.js';
import { systemContext } from '../server/context.js';
import type { Database } from '../server/db/client.js';
import { generateClient, seededRandom, type Random } from '../server/demo/generator.js';
import { generateSupplyPoint } from '../server/demo/supply-point-generator.js';
import type { App } from '../server/http/app.js';
import { jobHandlers } from '../server/jobs/index.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { history } from '../server/modules/audit/audit.schema.js';
import { visibleTo } from '../server/modules/auth/access.js';
import type { Actor } from '../server/modules/auth/permissions.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { leadImports, leadPotentials, leads } from '../server/modules/leads/leads.schema.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';

/**
 * The lead import (issue 5) as a user runs it, timed: a CSV of `rows` leads, of which a known number repeat a key
 * of a client the user may see (company ID, e-mail, phone or supply-point identifier, in turn), goes through the
 * API (upload → validate with a mapping → decisions → commit), and the job the commit queues is ticked until done.
 * Every other row's keys are new to the database and to the file, so the import must report exactly the planted
 * duplicates. Afterwards the created leads and the import are removed again.
 */

/** Slovak headers as a lead platform's export has them; `;` and no quoting, as Slovak Excel saves CSV. */
export const leadHeaders = ['Názov firmy', 'IČO', 'E-mail', 'Telefón', 'Kontaktná osoba', 'Obec', 'PSČ', 'Komodita', 'EIC', 'Ročná spotreba', 'Jednotka'] as const;
export const leadMapping = {
  name: 'Názov firmy',
  companyId: 'IČO',
  email: 'E-mail',
  phone: 'Telefón',
  contactName: 'Kontaktná osoba',
  city: 'Obec',
  postalCode: 'PSČ',
  commodity: 'Komodita',
  supplyPointIdentifier: 'EIC',
  quantity: 'Ročná spotreba',
  quantityUnit: 'Jednotka',
};

export type DuplicateKind = 'companyId' | 'email' | 'phone' | 'supplyPointIdentifier';
const kinds: DuplicateKind[] = ['companyId', 'email', 'phone', 'supplyPointIdentifier'];

/** A client the user may see and one of its keys, for a planted duplicate. */
type Target = {
  companyId: string | null;
  email: string | null;
  phone: string | null;
  identifier: string | null;
  commodity: string | null;
};

type Row = { name: string; companyId: string; email: string; phone: string; contact: string; city: string; postalCode: string; commodity: string; identifier: string; quantity: string };

/** A new lead's row: keys that no client has (a phone range the client generator does not use, e-mail on a hyphenated domain). */
export const freshRow = (random: Random, i: number): Row => {
  let generated = generateClient(random, i, 1);
  while (generated.kind !== 'company' || generated.country !== 'SK') generated = generateClient(random, i, 1);
  const point = generateSupplyPoint(random, 'SK', false, generated.businessArea);
  const contact = generated.contacts[0]!;
  const brand = generated.name.split(' ')[0]!.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return {
    name: generated.name,
    companyId: generated.companyId!,
    email: `obchod@${brand}-${i}.sk`,
    phone: `+421903${String(i).padStart(6, '0')}`,
    contact: `${contact.firstName} ${contact.lastName}`,
    city: generated.address.city,
    postalCode: generated.address.postalCode,
    commodity: point.commodity === 'gas' ? 'plyn' : 'elektrina',
    identifier: point.identifier,
    quantity: String(Math.max(1, Math.round(Number(point.annualConsumption) / (point.consumptionUnit === 'kWh' ? 1000 : 1)))),
  };
};

/** The row with one key replaced by the target client's. */
export const plant = (row: Row, target: Target, kind: DuplicateKind): Row => {
  const value = kind === 'supplyPointIdentifier' ? target.identifier : target[kind];
  if (!value) throw new Error(`the target has no ${kind}`);
  // The potential's commodity follows the identifier (an import refuses a gas identifier for electricity).
  if (kind === 'supplyPointIdentifier') return { ...row, identifier: value, commodity: target.commodity === 'gas' ? 'plyn' : 'elektrina' };
  return { ...row, [kind]: value };
};

export const csvOf = (rows: Row[]): string =>
  [
    leadHeaders.join(';'),
    ...rows.map((r) => [r.name, r.companyId, r.email, r.phone, r.contact, r.city, r.postalCode, r.commodity, r.identifier, r.quantity, 'MWh'].join(';')),
  ].join('\n');

const actorOf = async (db: Database, userId: string): Promise<Actor> => {
  const actor = await loadActor(systemContext(db, pino({ level: 'silent' }), 'bench'), userId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
};

/** Slovak company clients the user may see, with a supply point each, in a fixed pseudo-random order. */
const targetsFor = async (db: Database, actor: Actor, n: number): Promise<Target[]> => {
  const rows = await db
    .select({ id: clients.id, companyId: clients.companyId, email: clients.email, phone: clients.phone })
    .from(clients)
    .where(and(visibleTo(actor, clients), isNull(clients.archivedAt), eq(clients.country, 'SK'), isNotNull(clients.companyId), isNotNull(clients.email), isNotNull(clients.phone)))
    .orderBy(sql`md5(${clients.id}::text)`)
    .limit(n);
  const points = new Map<string, { identifier: string; commodity: string }>();
  for (let i = 0; i < rows.length; i += 5000) {
    const found = await db
      .select({ clientId: supplyPoints.clientId, identifier: supplyPoints.identifier, commodity: supplyPoints.commodity })
      .from(supplyPoints)
      .where(and(inArray(supplyPoints.clientId, rows.slice(i, i + 5000).map((r) => r.id)), isNull(supplyPoints.archivedAt)));
    for (const p of found) points.set(p.clientId, p);
  }
  return rows.map((r) => ({
    companyId: r.companyId,
    email: r.email,
    phone: r.phone,
    identifier: points.get(r.id)?.identifier ?? null,
    commodity: points.get(r.id)?.commodity ?? null,
  }));
};

/** Which of these values some client (any owner) or supply point already has, for the fresh rows to avoid. */
const takenOf = async (db: Database, column: 'companyId' | 'identifier', values: string[]): Promise<Set<string>> => {
  const out = new Set<string>();
  for (let i = 0; i < values.length; i += 5000) {
    const part = values.slice(i, i + 5000);
    const found =
      column === 'companyId'
        ? (await db.select({ v: clients.companyId }).from(clients).where(inArray(clients.companyId, part))).map((r) => r.v!)
        : (await db.select({ v: supplyPoints.identifier }).from(supplyPoints).where(inArray(supplyPoints.identifier, part))).map((r) => r.v);
    for (const v of found) out.add(v);
  }
  return out;
};

/**
 * `rows` lead rows, `duplicates` of them (spread evenly) each repeating one key of a different client the user may
 * see; every other key is unique in the file and unknown to the database.
 */
export const leadRows = async (db: Database, options: { userId: string; rows: number; duplicates: number; seed?: number }) => {
  const random = seededRandom(options.seed ?? 100_000);
  const rows = Array.from({ length: options.rows }, (_, i) => freshRow(random, i));
  // Company IDs and identifiers stored already or repeated in the file are generated again.
  for (;;) {
    const taken = await takenOf(db, 'companyId', rows.map((r) => r.companyId));
    const spTaken = await takenOf(db, 'identifier', rows.map((r) => r.identifier));
    const seen = new Set<string>();
    let replaced = 0;
    for (const [i, r] of rows.entries()) {
      if (taken.has(r.companyId) || spTaken.has(r.identifier) || seen.has(r.companyId) || seen.has(r.identifier)) {
        rows[i] = { ...freshRow(random, i), email: r.email, phone: r.phone };
        replaced += 1;
      }
      seen.add(rows[i]!.companyId);
      seen.add(rows[i]!.identifier);
    }
    if (replaced === 0) break;
  }
  const targets = (await targetsFor(db, await actorOf(db, options.userId), options.duplicates * 2)).filter((t) => t.identifier);
  if (targets.length < options.duplicates) throw new Error(`only ${targets.length} clients to plant duplicates of`);
  const step = options.duplicates > 0 ? Math.floor(options.rows / options.duplicates) : 0;
  const planted: { row: number; kind: DuplicateKind }[] = [];
  for (let d = 0; d < options.duplicates; d++) {
    const at = d * step;
    const kind = kinds[d % kinds.length]!;
    rows[at] = plant(rows[at]!, targets[d]!, kind);
    planted.push({ row: at, kind });
  }
  return { rows, planted };
};

export type LeadImportResult = {
  rows: number;
  planted: number;
  detected: number;
  fileBytes: number;
  uploadMs: number;
  validateMs: number;
  decisionsMs: number;
  commitMs: number;
  jobMs: number;
  totalMs: number;
  created: number;
  skipped: number;
  rssBefore: number;
  rssPeak: number;
  maxRssAfter: number;
  /** The duplicate lookup by hand over the whole file (`floorRows`): its keys against leads and clients, one statement. */
  floorRows: number;
  floorPlanted: number;
  floorMs: number;
  floorDetected: number;
};

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * The raw-SQL floor of the duplicate check: every key of the file looked up at once per kind (company ID in its
 * country, e-mail, phone, supply-point identifier), against the leads and the clients the user may see. Answers the
 * number of rows that match something.
 */
export const duplicateFloor = async (db: Database, actor: Actor, rows: Row[]): Promise<{ ms: number; detected: number }> => {
  const keys = rows.map((r) => duplicateKeysOf({ country: 'SK', companyId: r.companyId, email: r.email, phone: r.phone, supplyPointIdentifiers: [r.identifier] }));
  const list = (values: (string | null)[]) => `{${values.filter((v): v is string => v !== null).map((v) => `"${v}"`).join(',')}}`;
  const companyIds = list(keys.map((k) => k.companyId));
  const emails = list(keys.map((k) => k.email));
  const phones = list(keys.map((k) => k.phone));
  const identifiers = list(keys.flatMap((k) => k.supplyPointIdentifiers));
  const clientAccess = visibleTo(actor, clients);
  const leadAccess = visibleTo(actor, leads);
  const t0 = performance.now();
  const found = await db.execute(sql`
    select 'c' as kind, company_id as value from clients where company_id = any(${companyIds}::text[]) and country = 'SK' and archived_at is null and ${clientAccess}
    union all select 'e', email from clients where email = any(${emails}::text[]) and archived_at is null and ${clientAccess}
    union all select 'p', phone from clients where phone = any(${phones}::text[]) and archived_at is null and ${clientAccess}
    union all select 's', sp.identifier from supply_points sp join clients on clients.id = sp.client_id and ${clientAccess}
      where sp.identifier = any(${identifiers}::text[]) and sp.archived_at is null and clients.archived_at is null
    union all select 'c', company_id from leads where company_id = any(${companyIds}::text[]) and archived_at is null and ${leadAccess}
    union all select 'e', email from leads where email = any(${emails}::text[]) and archived_at is null and ${leadAccess}
    union all select 'p', phone from leads where phone = any(${phones}::text[]) and archived_at is null and ${leadAccess}
    union all select 's', lp.supply_point_identifier from lead_potentials lp join leads on leads.id = lp.lead_id and ${leadAccess}
      where lp.supply_point_identifier = any(${identifiers}::text[]) and leads.archived_at is null`);
  const ms = performance.now() - t0;
  const hits = new Set(((found as { rows?: { kind: string; value: string }[] }).rows ?? (found as unknown as { kind: string; value: string }[])).map((r) => `${r.kind} ${r.value}`));
  const detected = keys.filter(
    (k) => hits.has(`c ${k.companyId}`) || hits.has(`e ${k.email}`) || hits.has(`p ${k.phone}`) || k.supplyPointIdentifiers.some((id) => hits.has(`s ${id}`)),
  ).length;
  return { ms, detected };
};

export const runLeadImport = async (options: {
  app: App;
  db: Database;
  log: FastifyBaseLogger;
  cookie: string;
  userId: string;
  rows: number;
  duplicates: number;
  /** Sends only the file's first rows through the API (the floor still looks up all of them); all by default. */
  apiRows?: number;
  say?: (line: string) => void;
}): Promise<LeadImportResult> => {
  const { app, db, cookie } = options;
  const say = options.say ?? (() => undefined);
  const whole = await leadRows(db, options);
  const fullBytes = Buffer.byteLength(csvOf(whole.rows), 'utf8');
  const floor = await duplicateFloor(db, await actorOf(db, options.userId), whole.rows);
  say(`  duplicate lookup by hand over ${whole.rows.length.toLocaleString('en')} rows (${mb(fullBytes).toFixed(1)} MB as CSV): ${floor.ms.toFixed(0)} ms, ${floor.detected} rows match`);
  // The planted rows are spread evenly, so a prefix of the file has its share of them.
  const rows = whole.rows.slice(0, options.apiRows ?? whole.rows.length);
  const planted = whole.planted.filter((p) => p.row < rows.length);
  const body = Buffer.from(csvOf(rows), 'utf8');
  say(`  lead file through the API: ${rows.length.toLocaleString('en')} rows, ${planted.length.toLocaleString('en')} planted duplicates, ${mb(body.length).toFixed(1)} MB`);
  const headers = { cookie, 'x-requested-with': 'kilowatt' };
  const runner = createJobRunner({ db, log: options.log, handlers: jobHandlers });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, expect: number, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: payload instanceof Buffer ? { ...headers, 'content-type': 'text/csv' } : headers, ...(payload === undefined ? {} : { payload: payload as string }) });
    if (response.statusCode !== expect) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 500)}`);
    return response.json() as Record<string, unknown>;
  };
  const rssBefore = mb(process.memoryUsage().rss);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, mb(process.memoryUsage().rss))), 20);
  let id = '';
  try {
    const t0 = performance.now();
    id = String((await call('POST', '/api/v1/lead-imports?filename=leady.csv&source=bench', 201, body)).id);
    const t1 = performance.now();
    say('  uploaded; validating…');
    const validation = await call('POST', `/api/v1/lead-imports/${id}/validate`, 200, { source: 'bench', mapping: leadMapping });
    if (Number(validation.invalid) > 0) throw new Error(`validate: ${JSON.stringify(validation).slice(0, 500)}`);
    const t2 = performance.now();
    say(`  validated (${String(validation.duplicates)} duplicates); deciding and committing…`);
    await call('PUT', `/api/v1/lead-imports/${id}/decisions`, 200, { decisions: [], rest: 'skip' });
    const t3 = performance.now();
    await call('POST', `/api/v1/lead-imports/${id}/commit`, 202);
    const t4 = performance.now();
    let state: Record<string, unknown> = { status: 'running' };
    while (state.status === 'running') {
      await runner.tick();
      state = await call('GET', `/api/v1/lead-imports/${id}`, 200);
    }
    const t5 = performance.now();
    if (state.status !== 'done') throw new Error(`the lead import ended ${String(state.status)}: ${JSON.stringify(state.error)}`);
    rssPeak = Math.max(rssPeak, mb(process.memoryUsage().rss));
    return {
      rows: rows.length,
      planted: planted.length,
      detected: Number(validation.duplicates),
      fileBytes: body.length,
      uploadMs: t1 - t0,
      validateMs: t2 - t1,
      decisionsMs: t3 - t2,
      commitMs: t4 - t3,
      jobMs: t5 - t4,
      totalMs: t5 - t0,
      created: Number(state.created),
      skipped: Number(state.skipped),
      rssBefore,
      rssPeak,
      maxRssAfter: process.resourceUsage().maxRSS / 1024,
      floorRows: whole.rows.length,
      floorPlanted: whole.planted.length,
      floorMs: floor.ms,
      floorDetected: floor.detected,
    };
  } finally {
    clearInterval(sampler);
    // A failed clean-up must not hide why the import failed.
    if (id) await removeLeadImport(db, id).catch((error: unknown) => say(`  clean-up of lead import ${id} failed: ${String(error)}`));
  }
};

/** Removes the import's leads with their potentials and history, then the import (its rows and decisions go with it). */
export const removeLeadImport = async (db: Database, importId: string) => {
  const created = db.select({ id: leads.id }).from(leads).where(eq(leads.importId, importId));
  // The history keeps entity ids as text.
  const createdText = db.select({ id: sql<string>`${leads.id}::text` }).from(leads).where(eq(leads.importId, importId));
  await db.delete(history).where(and(eq(history.entityType, 'lead'), inArray(history.entityId, createdText)));
  await db.delete(leadPotentials).where(inArray(leadPotentials.leadId, created));
  await db.delete(leads).where(eq(leads.importId, importId));
  await db.execute(sql`delete from lead_import_decisions where import_id = ${importId}`);
  await db.execute(sql`delete from lead_import_rows where import_id = ${importId}`);
  await db.delete(leadImports).where(eq(leadImports.id, importId));
};
