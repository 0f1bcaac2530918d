import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { systemContext } from '../server/context.js';
import type { Database } from '../server/db/client.js';
import { seededRandom } from '../server/demo/generator.js';
import { generateSupplyPoint } from '../server/demo/supply-point-generator.js';
import type { App } from '../server/http/app.js';
import { jobHandlers } from '../server/jobs/index.js';
import { createJobRunner } from '../server/jobs/runner.js';
import { history } from '../server/modules/audit/audit.schema.js';
import { visibleTo } from '../server/modules/auth/access.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { imports } from '../server/modules/imports/imports.schema.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';

/**
 * The supply-point import as a user runs it, timed: an XLSX file of `rows` new supply points for clients the user
 * may see goes through the API (upload → validate with a mapping → commit), and the job the commit queues is run
 * until the import is done. The job runner is ticked at once instead of waiting for main.ts's 5-second poll.
 * Afterwards the imported supply points, their history and the import are removed again, so a kept bench
 * database stays as it was loaded.
 */

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Slovak headers as a Slovak Excel sheet has them, and the mapping the wizard would send for them. */
export const importHeaders = [
  'IČO',
  'Komodita',
  'EIC / POD / EAN',
  'Ulica',
  'Obec',
  'PSČ',
  'Ročná spotreba',
  'Jednotka',
  'Dodávateľ',
  'Distribučná sadzba',
] as const;
export const importMapping = {
  clientCompanyId: 'IČO',
  commodity: 'Komodita',
  identifier: 'EIC / POD / EAN',
  street: 'Ulica',
  city: 'Obec',
  postalCode: 'PSČ',
  annualConsumption: 'Ročná spotreba',
  consumptionUnit: 'Jednotka',
  currentSupplier: 'Dodávateľ',
  distributionRate: 'Distribučná sadzba',
};

type Holder = {
  companyId: string;
  country: 'SK' | 'CZ';
  kind: 'company' | 'person';
  businessArea: string | null;
  street: string | null;
  city: string | null;
  postalCode: string | null;
};

/**
 * Company clients the user may see whose IČO names exactly one of them (the import refuses an ambiguous one),
 * in a fixed pseudo-random order, at most `limit`.
 */
const holdersFor = async (db: Database, userId: string, limit: number): Promise<Holder[]> => {
  const ctx = systemContext(db, pino({ level: 'silent' }), 'bench');
  const actor = await loadActor(ctx, userId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  const visible = visibleTo(actor, clients);
  const rows = await db
    .select({
      companyId: clients.companyId,
      country: clients.country,
      kind: clients.kind,
      businessArea: clients.businessArea,
      street: clients.street,
      city: clients.city,
      postalCode: clients.postalCode,
    })
    .from(clients)
    .where(and(visible, isNull(clients.archivedAt), isNotNull(clients.companyId)))
    .orderBy(sql`md5(${clients.id}::text)`)
    .limit(limit);
  const ids = rows.map((r) => r.companyId!);
  const named = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const counts = await db
      .select({ companyId: clients.companyId, n: sql<number>`count(*)::int` })
      .from(clients)
      .where(and(visible, inArray(clients.companyId, ids.slice(i, i + 5000))))
      .groupBy(clients.companyId);
    for (const c of counts) named.set(c.companyId!, c.n);
  }
  return rows.filter((r) => named.get(r.companyId!) === 1) as Holder[];
};

/** Identifiers already stored, out of these. */
const storedOf = async (db: Database, identifiers: string[]): Promise<Set<string>> => {
  const out = new Set<string>();
  for (let i = 0; i < identifiers.length; i += 5000) {
    const rows = await db
      .select({ identifier: supplyPoints.identifier })
      .from(supplyPoints)
      .where(inArray(supplyPoints.identifier, identifiers.slice(i, i + 5000)));
    for (const r of rows) out.add(r.identifier);
  }
  return out;
};

/**
 * Writes the import file with ExcelJS's streaming writer (shared strings, as Excel writes them): `rows` new supply
 * points, about two per client, with identifiers from the demo generator that are not stored yet.
 */
export const writeImportFile = async (
  db: Database,
  options: { userId: string; rows: number; file: string; seed?: number },
): Promise<{ rows: number; clients: number; identifiers: string[] }> => {
  const holders = await holdersFor(db, options.userId, Math.ceil(options.rows / 2));
  if (holders.length === 0) throw new Error('the importing user sees no company client');
  const random = seededRandom(options.seed ?? 50_000);
  const points = Array.from({ length: options.rows }, (_, i) => {
    const holder = holders[i % holders.length]!;
    return {
      holder,
      point: generateSupplyPoint(random, holder.country, false, holder.businessArea ?? undefined),
    };
  });
  // Identifiers stored already or repeated in the file are generated again (the import would refuse them).
  for (;;) {
    const stored = await storedOf(
      db,
      points.map((p) => p.point.identifier),
    );
    const seen = new Set<string>();
    let replaced = 0;
    for (const p of points) {
      if (stored.has(p.point.identifier) || seen.has(p.point.identifier)) {
        p.point = generateSupplyPoint(random, p.holder.country, false, p.holder.businessArea ?? undefined);
        replaced += 1;
      }
      seen.add(p.point.identifier);
    }
    if (replaced === 0) break;
  }
  mkdirSync(path.dirname(options.file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: options.file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Odberné miesta');
  sheet.addRow([...importHeaders]).commit();
  for (const [i, { holder, point }] of points.entries()) {
    const street = holder.street ?? 'Hlavná 1';
    sheet
      .addRow([
        holder.companyId,
        point.commodity === 'gas' ? 'plyn' : 'elektrina',
        point.identifier,
        i < holders.length
          ? street
          : `${street.replace(/\d+$/, '')}${10 + Math.floor(i / holders.length) * 7}`,
        holder.city,
        holder.postalCode,
        // Half as numbers, half as text with a decimal comma, as sheets come.
        i % 2 === 0 ? Number(point.annualConsumption) : point.annualConsumption.replace('.', ','),
        point.consumptionUnit,
        point.currentSupplier,
        point.distributionRate,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return { rows: points.length, clients: holders.length, identifiers: points.map((p) => p.point.identifier) };
};

export type ImportResult = {
  rows: number;
  clients: number;
  fileBytes: number;
  uploadMs: number;
  validateMs: number;
  commitMs: number;
  jobMs: number;
  totalMs: number;
  created: number;
  /** RSS of the process just before the upload, the highest RSS sampled every 20 ms until done, and the
   * process's high-water mark (`process.resourceUsage().maxRSS`) before and after; all MB. */
  rssBefore: number;
  rssPeak: number;
  maxRssBefore: number;
  maxRssAfter: number;
};

const mb = (bytes: number) => bytes / 1024 / 1024;

export const runImport = async (options: {
  app: App;
  db: Database;
  log: FastifyBaseLogger;
  cookie: string;
  userId: string;
  rows: number;
  dir: string;
  keep?: boolean;
  say?: (line: string) => void;
}): Promise<ImportResult> => {
  const { app, db, cookie } = options;
  const say = options.say ?? (() => undefined);
  const file = path.join(options.dir, `import-${options.rows}-${process.pid}.xlsx`);
  const written = await writeImportFile(db, { userId: options.userId, rows: options.rows, file });
  const body = readFileSync(file);
  rmSync(file, { force: true });
  say(
    `  import file: ${written.rows.toLocaleString('en')} rows for ${written.clients.toLocaleString('en')} clients, ${mb(body.length).toFixed(1)} MB`,
  );
  const headers = { cookie, 'x-requested-with': 'kilowatt' };
  const runner = createJobRunner({ db, log: options.log, handlers: jobHandlers });

  const rssBefore = mb(process.memoryUsage().rss);
  const maxRssBefore = process.resourceUsage().maxRSS / 1024;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, mb(process.memoryUsage().rss));
  }, 20);
  let id = '';
  try {
    const t0 = performance.now();
    const upload = await app.inject({
      method: 'POST',
      url: '/api/v1/supply-point-imports?filename=odberne-miesta.xlsx',
      headers: { ...headers, 'content-type': xlsxType },
      payload: body,
    });
    if (upload.statusCode !== 201)
      throw new Error(`upload: ${upload.statusCode} ${upload.body.slice(0, 300)}`);
    id = (upload.json() as { id: string }).id;
    const t1 = performance.now();
    const validate = await app.inject({
      method: 'POST',
      url: `/api/v1/supply-point-imports/${id}/validate`,
      headers,
      payload: { mapping: importMapping },
    });
    const validation = validate.json() as { valid: number; invalid: number; errors: unknown[] };
    if (validate.statusCode !== 200 || validation.invalid > 0)
      throw new Error(`validate: ${validate.statusCode} ${validate.body.slice(0, 500)}`);
    const t2 = performance.now();
    const commit = await app.inject({
      method: 'POST',
      url: `/api/v1/supply-point-imports/${id}/commit`,
      headers,
    });
    if (commit.statusCode !== 202)
      throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
    const t3 = performance.now();
    let state: { status: string; created: number; error: string | null } = {
      status: 'running',
      created: 0,
      error: null,
    };
    while (state.status === 'running') {
      await runner.tick();
      const got = await app.inject({
        method: 'GET',
        url: `/api/v1/supply-point-imports/${id}`,
        headers: { cookie },
      });
      state = got.json();
    }
    const t4 = performance.now();
    if (state.status !== 'done') throw new Error(`the import ended ${state.status}: ${state.error}`);
    rssPeak = Math.max(rssPeak, mb(process.memoryUsage().rss));
    return {
      rows: written.rows,
      clients: written.clients,
      fileBytes: body.length,
      uploadMs: t1 - t0,
      validateMs: t2 - t1,
      commitMs: t3 - t2,
      jobMs: t4 - t3,
      totalMs: t4 - t0,
      created: state.created,
      rssBefore,
      rssPeak,
      maxRssBefore,
      maxRssAfter: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    clearInterval(sampler);
    if (!options.keep) await removeImported(db, id, written.identifiers);
  }
};

/** Removes what the import wrote: its supply points with their history, and the import with its rows. */
const removeImported = async (db: Database, importId: string, identifiers: string[]) => {
  for (let i = 0; i < identifiers.length; i += 5000) {
    const ids = (
      await db
        .select({ id: supplyPoints.id })
        .from(supplyPoints)
        .where(inArray(supplyPoints.identifier, identifiers.slice(i, i + 5000)))
    ).map((r) => r.id);
    if (ids.length === 0) continue;
    await db
      .delete(history)
      .where(and(eq(history.entityType, 'supplyPoint'), inArray(history.entityId, ids)));
    await db.delete(supplyPoints).where(inArray(supplyPoints.id, ids));
  }
  if (importId) await db.delete(imports).where(eq(imports.id, importId));
};
