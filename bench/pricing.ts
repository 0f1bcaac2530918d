/**
 * Pricing benchmark (issue 6, "pricing of one supply point under 1 ms in domain/"): `priceSupplyPoint` and
 * `compareCosts` from domain/pricing on realistic inputs, with no database (the function is pure; the service adds
 * one query per table, measured by the API scenarios). Like bench/run.ts: warm-up, then timed iterations, a
 * markdown report to stdout and progress to stderr.
 *
 *   npx tsx bench/pricing.ts [--iterations 20000] [--warmup 2000] [--json FILE]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { priceSupplyPoint, type PricingInput, type RegulatedCharge } from '../domain/pricing/pricing.js';
import { compareCosts } from '../domain/pricing/saving.js';

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '2000' },
    json: { type: 'string' },
  },
});
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);

const charge = (component: RegulatedCharge['component'], amount: string, extra: Partial<RegulatedCharge> = {}): RegulatedCharge => ({
  component,
  basis: 'per_mwh',
  amount,
  tariffCode: null,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...extra,
});

// The seeded 2026 shape: per-rate distribution for three rates, six country-wide components, 12 months.
const skElectricity: PricingInput = {
  currency: 'EUR',
  deliveryFrom: '2026-01-01',
  deliveryTo: '2026-12-31',
  supplyPoint: { commodity: 'electricity', annualConsumption: '3187.5', consumptionUnit: 'kWh', gasConversion: null, distributionRate: 'DD2', consumptionBand: null },
  priceRows: ['DD1', 'DD2', 'DD3', 'DD4', 'DD5', 'DD6', 'DD7', 'DD8', 'DD9'].map((tariffCode, i) => ({
    tariffCode,
    pricePerMWh: `${120 + i}.90`,
    monthlyFee: '1.99',
    purchasePerMWh: '98.50',
  })),
  regulated: [
    ...['DD1', 'DD2', 'DD3'].flatMap((tariffCode) => [
      charge('distribution', '43.1234', { tariffCode }),
      charge('distribution', '2.5789', { tariffCode, basis: 'per_month' }),
    ]),
    charge('transmission', '1.8542'),
    charge('losses', '1.6746'),
    charge('system_services', '3.0826'),
    charge('system_operation', '18.9340'),
    charge('market_operator', '0.6123'),
    charge('nuclear_fund', '3.2712'),
  ],
  vatPercent: '23',
};

// Gas in m³ over 24 months across two years' components (the conversion and the year split both work).
const skGasTwoYears: PricingInput = {
  ...skElectricity,
  deliveryFrom: '2026-01-01',
  deliveryTo: '2027-12-31',
  supplyPoint: { commodity: 'gas', annualConsumption: '1500', consumptionUnit: 'm3', gasConversion: { k: '1.005', hs: '10.5' }, distributionRate: null, consumptionBand: 'D2' },
  priceRows: ['D1', 'D2', 'D3', 'D4'].map((tariffCode) => ({ tariffCode, pricePerMWh: '49.90', monthlyFee: '2.50', purchasePerMWh: '38' })),
  regulated: ['2026', '2027'].flatMap((year) =>
    ['D1', 'D2', 'D3', 'D4'].flatMap((tariffCode) => [
      charge('distribution', '13.15', { tariffCode, validFrom: `${year}-01-01`, validTo: `${year}-12-31` }),
      charge('distribution', '4.71', { tariffCode, basis: 'per_month', validFrom: `${year}-01-01`, validTo: `${year}-12-31` }),
    ]),
  ),
};

const current = priceSupplyPoint({ ...skElectricity, priceRows: [{ tariffCode: null, pricePerMWh: '159.90', monthlyFee: '2.99', purchasePerMWh: null }] });

const scenarios: { name: string; run: () => unknown }[] = [
  { name: 'SK electricity, 12 months, 10 lines', run: () => priceSupplyPoint(skElectricity) },
  { name: 'SK gas in m³, 24 months over two years', run: () => priceSupplyPoint(skGasTwoYears) },
  { name: 'price + saving against the current cost', run: () => compareCosts(current, priceSupplyPoint(skElectricity)) },
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const results = scenarios.map((scenario) => {
  for (let i = 0; i < warmup; i++) scenario.run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    scenario.run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  process.stderr.write(`${scenario.name}: done\n`);
  return { name: scenario.name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), mean };
});

const ms = (v: number) => `${v.toFixed(3)} ms`;
console.log(`Pricing (domain/pricing), ${iterations} iterations after ${warmup} warm-up, Node ${process.version}, ${os.cpus().length} cores\n`);
console.log('| scenario | p50 | p95 | p99 | mean |');
console.log('|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.mean)} |`);
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
