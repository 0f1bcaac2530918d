/**
 * Offer benchmark (issue 6, "an offer for a client with 500 supply points priced and rendered to PDF under 5 s"):
 * through the offers service as sales@ (team scope, so the access filter is in every read), a business case with
 * --points N supply points of one client is offered one product for 2026; timed: the preview (every line priced
 * from the price list and from the client's current prices, nothing saved), making the offer (the same pricing,
 * the offer and its lines written and the price list marked used, one transaction) and rendering its PDF. Like
 * bench/run.ts: a markdown report to stdout, progress to stderr.
 *
 *   npx tsx bench/offer.ts [--db postgres] [--points 500] [--runs 3] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { systemContext, type ServiceContext } from '../server/context.js';
import { openBenchDatabase } from './database.js';
import { ensureReferenceData } from '../server/db/reference-data.js';
import { loadDemoDataOnce } from '../server/demo/demo-data.js';
import { seededRandom, validIco } from '../server/demo/generator.js';
import { skElectricityEic } from '../server/demo/supply-point-generator.js';
import { CaseCreateBody } from '../server/modules/cases/cases.api.js';
import { createCase } from '../server/modules/cases/cases.service.js';
import { ClientCreateBody } from '../server/modules/clients/clients.api.js';
import { createClient } from '../server/modules/clients/clients.service.js';
import { OfferCreateBody } from '../server/modules/offers/offers.api.js';
import { createOffer, offerPdf, previewOffer } from '../server/modules/offers/offers.service.js';
import { PriceListCreateBody, ProductCreateBody } from '../server/modules/price-lists/price-lists.api.js';
import { createPriceList, createProduct } from '../server/modules/price-lists/price-lists.service.js';
import { SupplyPointCreateBody } from '../server/modules/supply-points/supply-points.api.js';
import { createSupplyPoint } from '../server/modules/supply-points/supply-points.service.js';
import { users } from '../server/modules/users/users.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    points: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});
const pointCount = Number(args.points);
const runs = Number(args.runs);
const say = (line: string) => process.stderr.write(`${line}\n`);
const log = pino({ level: 'silent' });

const { database, cleanup } = await openBenchDatabase({ db: args.db === 'postgres' ? 'postgres' : 'pglite', label: 'offer_' });
const db = database.db;

const main = async () => {
  await database.migrate();
  const system = systemContext(db, log, 'bench');
  await ensureReferenceData(system);
  await loadDemoDataOnce(system, 8);
  const actorOf = async (email: string): Promise<ServiceContext> => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return { db, actor: (await loadActor(system, user!.id))!, now: () => new Date(), log };
  };
  const admin = await actorOf('admin@demo.kilowatt');
  const sales = await actorOf('sales@demo.kilowatt');
  const random = seededRandom(500);

  const product = await createProduct(
    admin,
    ProductCreateBody.parse({ supplier: 'Energia Bench, a.s.', name: 'Fix Bench 2026', code: 'BENCH-FIX-26', commodity: 'electricity', country: 'SK', currency: 'EUR', priceModel: 'fixed' }),
    sales.actor.kind === 'user' ? sales.actor.ownerId : undefined,
  );
  await createPriceList(
    admin,
    product.id,
    PriceListCreateBody.parse({
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      rows: ['DD1', 'DD2', 'DD3'].map((tariffCode, i) => ({ tariffCode, pricePerMWh: `${139 - i * 10}.90`, monthlyFee: '1.99', purchasePerMWh: '98.50' })),
    }),
  );
  const client = await createClient(
    sales,
    ClientCreateBody.parse({ kind: 'company', name: 'Bench Sieť obchodov a.s.', country: 'SK', companyId: validIco(random), relationshipType: 'customer', address: { street: 'Hlavná 1', city: 'Nitra', postalCode: '949 01', country: 'SK' } }),
  );
  say(`creating ${pointCount} supply points`);
  const pointIds: string[] = [];
  for (let i = 0; i < pointCount; i += 1) {
    const point = await createSupplyPoint(
      sales,
      SupplyPointCreateBody.parse({
        clientId: client.id,
        commodity: 'electricity',
        identifier: skElectricityEic(random, 'ZS'),
        distributionRate: ['DD1', 'DD2', 'DD3'][i % 3],
        annualConsumption: String(1500 + Math.floor(random() * 60_000)),
        consumptionUnit: 'kWh',
      }),
    );
    pointIds.push(point.id);
  }
  const kase = await createCase(sales, CaseCreateBody.parse({ clientId: client.id, name: 'Bench 500 OM', type: 'acquisition', commodity: 'electricity', supplyPointIds: pointIds }));
  const lines = pointIds.map((supplyPointId) => ({
    supplyPointId,
    productId: product.id,
    deliveryFrom: '2026-01-01',
    deliveryTo: '2026-12-31',
    currentPricePerMWh: '155.50',
    currentMonthlyFee: '2.99',
  }));
  const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  const results: { run: number; previewMs: number; createMs: number; pdfMs: number; totalMs: number; pdfKb: number; saving: string }[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const t0 = performance.now();
    await previewOffer(sales, kase.id, lines);
    const t1 = performance.now();
    const offer = await createOffer(sales, kase.id, OfferCreateBody.parse({ validUntil, lines }));
    const t2 = performance.now();
    const { pdf } = await offerPdf(sales, offer.id);
    const t3 = performance.now();
    results.push({ run, previewMs: t1 - t0, createMs: t2 - t1, pdfMs: t3 - t2, totalMs: t3 - t1, pdfKb: pdf.length / 1024, saving: offer.totals.saving });
    say(`run ${run}: preview ${(t1 - t0).toFixed(0)} ms, create ${(t2 - t1).toFixed(0)} ms, PDF ${(t3 - t2).toFixed(0)} ms (${offer.lines.length} lines, saving ${offer.totals.saving} €)`);
  }

  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`## Offer for ${pointCount} supply points (${args.db}, Node ${process.version}, ${os.cpus().length} cores)\n`);
  console.log('| run | preview (priced, not saved) | make the offer (priced + saved) | render PDF | offer + PDF | PDF size |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.run} | ${fmt(r.previewMs)} | ${fmt(r.createMs)} | ${fmt(r.pdfMs)} | ${fmt(r.totalMs)} | ${r.pdfKb.toFixed(0)} kB |`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ db: args.db, points: pointCount, results }, null, 2));
};

try {
  await main();
} finally {
  await database.close();
  await cleanup();
}
