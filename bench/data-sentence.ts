/**
 * Data sentence benchmark (issue 6, "a data sentence of 10,000 contracts under 10 s with memory under 500 MB"):
 * loads clients and supply points with valid identifiers (bench/load.ts, bench/load-supply-points.ts), then
 * --contracts N (10,000) signed contracts of team West (sales@) and --other-contracts N (2,000) of team East in the
 * same month, and times `createExport` (data-sentences.service.ts) as sales@ (team scope: the access filter does
 * work) and as admin@: reading the records, writing every row in a 12-column SK supplier layout, the XLSX, and
 * keeping the export with its rows in one transaction. Memory: the process's RSS before and its peak during the
 * export (sampled every 20 ms), and the peak JS heap growth. The file is read back to check its row count.
 *
 *   npx tsx bench/data-sentence.ts [--db pglite|postgres] [--contracts 10000] [--other-contracts 2000] [--json FILE]
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/data-sentence.ts --db postgres
 *
 * Like bench/run.ts: PGlite in memory or a throwaway PostgreSQL database next to BENCH_DATABASE_URL; a markdown
 * report to stdout, progress to stderr.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { searchable } from '../domain/clients/client-rules.js';
import { DataSentenceLayout } from '../domain/data-sentences/layout.js';
import { systemContext, type ServiceContext } from '../server/context.js';
import { openBenchDatabase } from './database.js';
import { measure } from './measure.js';
import { ensureReferenceData } from '../server/db/reference-data.js';
import { loadDemoDataOnce } from '../server/demo/demo-data.js';
import { seededRandom } from '../server/demo/generator.js';
import { contracts, contractSupplyPoints } from '../server/modules/contracts/contracts.schema.js';
import { createExport, createLayout, getExportFile } from '../server/modules/data-sentences/data-sentences.service.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { demoTerritories, insertRows, loadClients, type BulkTable } from './load.js';
import { loadSupplyPoints } from './load-supply-points.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    contracts: { type: 'string', default: '10000' },
    'other-contracts': { type: 'string', default: '2000' },
    json: { type: 'string' },
  },
});
const contractCount = Number(args.contracts);
const otherCount = Number(args['other-contracts']);
const say = (line: string) => process.stderr.write(`${line}\n`);
const log = pino({ level: 'silent' });

const { database, cleanup } = await openBenchDatabase({ db: args.db === 'postgres' ? 'postgres' : 'pglite', label: 'ds_' });
const db = database.db;

type Measured = { name: string; rows: number; contracts: number; ms: number; rssBeforeMb: number; rssPeakMb: number; heapGrowthMb: number; fileKb: number };


const main = async () => {
  await database.migrate();
  const system = systemContext(db, log, 'bench');
  await ensureReferenceData(system);
  await loadDemoDataOnce(system, 8);
  const territories = await demoTerritories(db);

  // Enough clients that team West alone has more (client, commodity) pairs than a few contracts each.
  const clientCount = Math.ceil((contractCount + otherCount) / 2);
  say(`loading ${clientCount} clients and ${clientCount * 2} supply points`);
  await loadClients({ db, clients: clientCount, contacts: clientCount });
  await loadSupplyPoints({ db, supplyPoints: clientCount * 2 });

  const pointsOf = async (teamId: string) => {
    const rows = await db
      .select({ id: supplyPoints.id, clientId: supplyPoints.clientId, commodity: supplyPoints.commodity, ownerId: supplyPoints.ownerId, createdBy: supplyPoints.clientCreatedBy })
      .from(supplyPoints)
      .where(eq(supplyPoints.clientTeamId, teamId));
    const groups = new Map<string, { clientId: string; ownerId: string; createdBy: string | null; commodity: 'electricity' | 'gas'; points: string[] }>();
    for (const r of rows) {
      const key = `${r.clientId}:${r.commodity}`;
      const group = groups.get(key) ?? { clientId: r.clientId, ownerId: r.ownerId, createdBy: r.createdBy, commodity: r.commodity, points: [] };
      group.points.push(r.id);
      groups.set(key, group);
    }
    return [...groups.values()];
  };

  const random = seededRandom(6_009);
  let serial = 0;
  const contractRows = async (teamId: string, count: number, supplier: string) => {
    const groups = await pointsOf(teamId);
    if (groups.length === 0) throw new Error('no supply points of the team');
    const rows: (typeof contracts.$inferInsert)[] = [];
    const links: (typeof contractSupplyPoints.$inferInsert)[] = [];
    for (let i = 0; i < count; i += 1) {
      const group = groups[i % groups.length]!;
      serial += 1;
      const number = `DS-2026-${String(serial).padStart(6, '0')}`;
      const signedAt = new Date(Date.UTC(2026, 2, 1 + Math.floor(random() * 31), 8 + Math.floor(random() * 9)));
      const id = randomUUID();
      rows.push({
        id,
        ownerId: group.ownerId,
        teamId,
        responsibleUserId: group.createdBy,
        clientId: group.clientId,
        caseId: null,
        offerId: null,
        number,
        type: 'supply',
        commodity: group.commodity,
        supplier,
        productId: null,
        productName: group.commodity === 'gas' ? 'Plyn Fix 2027' : 'Elektrina Fix 2027',
        state: 'signed',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        noticePeriodMonths: 3,
        noticeDeadline: '2027-09-30',
        signedAt,
        endedOn: null,
        note: null,
        searchText: searchable(number, supplier),
        archivedAt: null,
        createdBy: group.createdBy,
        updatedBy: group.createdBy,
        createdAt: signedAt,
        updatedAt: signedAt,
        version: 3,
      });
      for (const supplyPointId of group.points) links.push({ contractId: id, supplyPointId });
    }
    for (let i = 0; i < rows.length; i += 2000) await insertRows(db, contracts as unknown as BulkTable, rows.slice(i, i + 2000), 'json');
    for (let i = 0; i < links.length; i += 5000) await insertRows(db, contractSupplyPoints as unknown as BulkTable, links.slice(i, i + 5000), 'json');
    return { contracts: rows.length, supplyPoints: links.length };
  };
  const supplier = 'Energia Západ a.s.';
  const west = await contractRows(territories.west.teamId, contractCount, supplier);
  const east = await contractRows(territories.east.teamId, otherCount, supplier);
  say(`contracts: ${west.contracts} of team West (${west.supplyPoints} supply points), ${east.contracts} of team East`);
  await db.execute(sql`analyze`);

  const actorOf = async (email: string): Promise<ServiceContext> => {
    const [user] = await db.select({ id: users.id }).from(users).where(inArray(users.email, [email]));
    const actor = await loadActor(system, user!.id);
    return { db, actor: actor!, now: () => new Date(), log };
  };
  const admin = await actorOf('admin@demo.kilowatt');
  const sales = await actorOf('sales@demo.kilowatt');
  const field = (header: string, name: string, format?: unknown) => ({ header, source: { kind: 'field', field: name }, ...(format ? { format } : {}) });
  const layout = await createLayout(
    { ...admin, actor: { ...(admin.actor as Extract<ServiceContext['actor'], { kind: 'user' }>), ownerId: territories.west.ownerId } },
    {
      partnerName: supplier,
      partnerKind: 'supplier',
      name: 'Energia Západ – nové zmluvy',
      active: true,
      layout: DataSentenceLayout.parse({
        sheetName: 'Zmluvy',
        columns: [
          { header: 'Predajca', source: { kind: 'fixed', text: 'KW01' }, format: { kind: 'text' } },
          field('Číslo zmluvy', 'contract.number'),
          field('Dátum podpisu', 'contract.signedAt', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false }),
          field('Začiatok dodávky', 'contract.startDate', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: true }),
          field('Koniec', 'contract.endDate', { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: true }),
          field('Typ OM', 'supplyPoint.commodity', { kind: 'mapping', pairs: [{ from: 'electricity', to: 'EE' }, { from: 'gas', to: 'ZP' }], otherwise: 'error' }),
          field('EIC/POD', 'supplyPoint.identifier'),
          field('Sadzba', 'supplyPoint.distributionRate'),
          field('Spotreba MWh', 'supplyPoint.annualConsumptionMWh', { kind: 'decimal', places: 3, asText: false, decimalSeparator: ',' }),
          field('Odberateľ', 'client.name'),
          field('IČO', 'client.companyId'),
          field('Mesto', 'supplyPoint.city'),
        ],
      }),
    },
  );

  const results: Measured[] = [];
  for (const [name, ctx] of [
    ['sales@ (team West, access filter)', sales],
    ['admin@ (all contracts)', admin],
  ] as const) {
    const run = await measure(() => createExport(ctx, { layoutId: layout.id, signedFrom: '2026-03-01', signedTo: '2026-03-31', onlyPartnerContracts: true, states: ['signed'] }));
    const file = await getExportFile(ctx, run.result.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const rowsInFile = workbook.worksheets[0]!.rowCount - 1;
    if (rowsInFile !== run.result.rowCount) throw new Error(`the file has ${rowsInFile} rows, the export says ${run.result.rowCount}`);
    results.push({ name, rows: run.result.rowCount, contracts: run.result.contractCount, ms: run.ms, rssBeforeMb: run.rssBeforeMb, rssPeakMb: run.rssPeakMb, heapGrowthMb: run.heapGrowthMb, fileKb: file.content.length / 1024 });
    say(`${name}: ${run.result.contractCount} contracts, ${run.result.rowCount} rows in ${(run.ms / 1000).toFixed(2)} s`);
  }

  const f = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`Data sentence export (${database.kind}), ${contractCount} + ${otherCount} contracts signed in March 2026, Node ${process.version}, ${os.cpus().length} cores\n`);
  console.log('| export as | contracts | rows | time | RSS before → peak | JS heap growth | file |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${f(r.contracts)} | ${f(r.rows)} | ${f(r.ms / 1000, 2)} s | ${f(r.rssBeforeMb)} → ${f(r.rssPeakMb)} MB | ${f(r.heapGrowthMb)} MB | ${f(r.fileKb)} KB |`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
};

try {
  await main();
} finally {
  await database.close();
  await cleanup();
}
