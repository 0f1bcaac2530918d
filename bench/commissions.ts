import { measure, type Measured } from './measure.js';
/**
 * Commissions benchmark (issue 7, "a commission run over 100,000 signed contracts under 30 s on PostgreSQL, memory
 * under 500 MB; the total equal to an independent recomputation to the cent"). Generates, straight into the
 * database, clients and supply points with valid identifiers (bench/load.ts, bench/load-supply-points.ts; about 2 %
 * of the points without an annual consumption), closed business cases with 1–3 participants of the owner company
 * whose shares add up to exactly 100 %, `contracts` signed contracts over 2026 (suppliers and products varied, 1–3
 * supply points, some for an indefinite period, a few of a supplier no rule covers) and a rule set of both kinds
 * (by product, supplier, client kind, MWh range and gas band; one-off, instalment and multi-stage payouts). Then:
 *
 * - the run: `generateCommissions` over every contract, in chunks of `chunkSize` ids, each chunk in its own
 *   transaction as an administrator, timed, with the process's RSS sampled every 20 ms;
 * - the floor: the same chunks by hand, in one transaction each: the facts read with one joined statement (plus the
 *   participants, rules, bands and what was done before), and the very rows the run wrote inserted again, set-based,
 *   into copies of the three tables (same indexes and foreign keys). No computation: a lower bound of the I/O;
 * - the check: the expected commissions recomputed from the stored inputs and the rules by this file's own code
 *   (rule resolution, amounts, the split and the payout stages in whole cents, bands from the code list), not the
 *   app's generation path, and compared with the sums in `commissions` and `commission_payouts` to the cent.
 *
 *   npm run bench -- --db postgres --scenarios commissions [--commission-contracts 100000] [--commission-chunk 2000]
 */
import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { sql, type SQL } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import pino from 'pino';
import { searchable } from '../domain/clients/client-rules.js';
import type { PayoutModel } from '../domain/commissions/payout.js';
import type { CommissionBasis, ConsumptionScope } from '../domain/commissions/rules.js';
import { systemContext, type ServiceContext } from '../server/context.js';
import type { Database } from '../server/db/client.js';
import { seededRandom } from '../server/demo/generator.js';
import { caseParticipants, cases } from '../server/modules/cases/cases.schema.js';
import { commissionRules } from '../server/modules/commissions/commissions.schema.js';
import { runCommissionGeneration } from '../server/modules/commissions/commissions.generation.js';
import { contracts, contractSupplyPoints } from '../server/modules/contracts/contracts.schema.js';
import { products } from '../server/modules/price-lists/price-lists.schema.js';
import { loadActor } from '../server/modules/users/users.service.js';
import { demoTerritories, insertRows, loadClients, type BulkTable } from './load.js';
import { loadSupplyPoints } from './load-supply-points.js';

export type CommissionsBenchOptions = {
  db: Database;
  /** Signed contracts to generate and run. */
  contracts: number;
  /** Contract ids per `generateCommissions` call (and transaction). */
  chunkSize?: number;
  /** Chunks generated at once on separate connections (`runCommissionGeneration`); 1 on PGlite. */
  parallel?: number;
  seed?: number;
  /** Also time the raw-SQL floor. */
  floor?: boolean;
  /** Bulk-load concurrency (PostgreSQL: 2; PGlite: 1). */
  concurrency?: number;
  /** PostgreSQL: rebuild the supply-point indexes after their load (bench/load-supply-points.ts). */
  rebuildIndexes?: boolean;
  say?: (line: string) => void;
};

type Row = Record<string, unknown>;
const rowsOf = async <T = Row>(db: Database, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

// --- the rule set ---------------------------------------------------------------------------------------------------

const elektra = 'Elektra Slovensko a.s.';
const plyn = 'Plyn Slovakia s.r.o.';
const zelena = 'Zelená Energia a.s.';
/** A supplier no rule covers: its contracts must come out as problems (no_rule), never paid. */
const uncovered = 'Nekrytá Energia s.r.o.';

const oneOff = (event: 'signature' | 'supplyStart'): PayoutModel => ({ kind: 'oneOff', trigger: { event } });
const staged: PayoutModel = {
  kind: 'multiStage',
  stages: [
    { percent: '30', trigger: { event: 'signature' } },
    { percent: '30', trigger: { event: 'supplyStart' } },
    { percent: '40', trigger: { event: 'monthsAfterSupplyStart', months: 12 } },
  ],
};
const thirds: PayoutModel = {
  kind: 'multiStage',
  stages: [
    { percent: '33.33', trigger: { event: 'signature' } },
    { percent: '33.33', trigger: { event: 'supplyStart' } },
    { percent: '33.34', trigger: { event: 'monthsAfterSupplyStart', months: 6 } },
  ],
};

type RuleSpec = {
  kind: 'sales' | 'company';
  name: string;
  product?: string;
  supplier?: string;
  clientKind?: 'company' | 'person';
  consumption?: ConsumptionScope;
  validFrom?: string;
  validTo?: string;
  basis: CommissionBasis;
  payoutModel: PayoutModel;
};
const perMWh = (amount: string): CommissionBasis => ({ kind: 'perMWh', amount });
const perPoint = (amount: string): CommissionBasis => ({ kind: 'perSupplyPoint', amount });
const mwh = (fromMWh: string, toMWh: string | null): ConsumptionScope => ({ kind: 'mwh', fromMWh, toMWh });

/** Products by code: supplier, commodity. */
const productSpecs = [
  { code: 'BEN-EL-FIX', supplier: elektra, commodity: 'electricity', name: 'Elektra Fix 2027' },
  { code: 'BEN-EL-SPOT', supplier: elektra, commodity: 'electricity', name: 'Elektra Spot' },
  { code: 'BEN-PL-FIX', supplier: plyn, commodity: 'gas', name: 'Plyn Fix 2027' },
  { code: 'BEN-ZE-GREEN', supplier: zelena, commodity: 'electricity', name: 'Zelená 100 %' },
  { code: 'BEN-ZE-GAS', supplier: zelena, commodity: 'gas', name: 'Zelený plyn' },
  { code: 'BEN-NK-FIX', supplier: uncovered, commodity: 'electricity', name: 'Nekrytá Fix' },
] as const;

/** The gas bands of the SK code list that a band rule covers (read from the code list, so the rule is valid). */
const ruleSpecs = (gasBands: { small: string[]; large: string[] }): RuleSpec[] => [
  // sales: a product beats a supplier beats nothing; then client kind; then consumption
  { kind: 'sales', name: 'Elektra Fix – 2,50 €/MWh', product: 'BEN-EL-FIX', basis: perMWh('2.50'), payoutModel: staged },
  { kind: 'sales', name: 'Elektra Fix – malí (do 20 MWh)', product: 'BEN-EL-FIX', consumption: mwh('0', '20'), basis: perPoint('45'), payoutModel: oneOff('signature') },
  { kind: 'sales', name: 'Elektra – firmy do 100 MWh (1. polrok)', supplier: elektra, clientKind: 'company', consumption: mwh('0', '100'), validTo: '2026-06-30', basis: perMWh('3.00'), payoutModel: oneOff('signature') },
  { kind: 'sales', name: 'Elektra – firmy do 100 MWh (2. polrok)', supplier: elektra, clientKind: 'company', consumption: mwh('0', '100'), validFrom: '2026-07-01', basis: perMWh('3.20'), payoutModel: oneOff('signature') },
  { kind: 'sales', name: 'Elektra – firmy od 100 MWh', supplier: elektra, clientKind: 'company', consumption: mwh('100', null), basis: perMWh('2.00'), payoutModel: { kind: 'instalments', count: 4, everyMonths: 3, trigger: { event: 'supplyStart' } } },
  { kind: 'sales', name: 'Elektra – domácnosti', supplier: elektra, clientKind: 'person', basis: perPoint('25'), payoutModel: oneOff('signature') },
  { kind: 'sales', name: 'Elektra – ostatné', supplier: elektra, basis: perMWh('1.75'), payoutModel: staged },
  { kind: 'sales', name: 'Plyn – malé pásma', supplier: plyn, consumption: { kind: 'band', bands: gasBands.small }, basis: perPoint('30'), payoutModel: oneOff('supplyStart') },
  { kind: 'sales', name: 'Plyn – veľké pásma', supplier: plyn, consumption: { kind: 'band', bands: gasBands.large }, basis: perMWh('1.20'), payoutModel: thirds },
  { kind: 'sales', name: 'Plyn – ostatné', supplier: plyn, basis: perMWh('1.00'), payoutModel: staged },
  { kind: 'sales', name: 'Zelená – firmy do 50 MWh', supplier: zelena, clientKind: 'company', consumption: mwh('0', '50'), basis: perMWh('4.00'), payoutModel: { kind: 'instalments', count: 12, everyMonths: 1, trigger: { event: 'signature' } } },
  { kind: 'sales', name: 'Zelená – ostatné', supplier: zelena, basis: perPoint('15'), payoutModel: oneOff('supplyStart') },
  { kind: 'sales', name: 'Zelená 100 % – produkt', product: 'BEN-ZE-GREEN', clientKind: 'person', basis: perPoint('35.50'), payoutModel: thirds },
  // company
  { kind: 'company', name: 'Elektra – firemná', supplier: elektra, basis: perMWh('4.00'), payoutModel: oneOff('supplyStart') },
  { kind: 'company', name: 'Elektra Spot – firemná', product: 'BEN-EL-SPOT', basis: perMWh('5.125'), payoutModel: staged },
  { kind: 'company', name: 'Plyn – firemná', supplier: plyn, basis: perMWh('1.50'), payoutModel: oneOff('supplyStart') },
  { kind: 'company', name: 'Zelená – firemná, domácnosti', supplier: zelena, clientKind: 'person', basis: perPoint('10'), payoutModel: oneOff('signature') },
  { kind: 'company', name: 'Zelená – firemná', supplier: zelena, basis: perMWh('3.00'), payoutModel: { kind: 'multiStage', stages: [{ percent: '50', trigger: { event: 'signature' } }, { percent: '50', trigger: { event: 'supplyStart' } }] } },
];

// --- generation ---------------------------------------------------------------------------------------------------

export type GeneratedCommissionsData = {
  ownerId: string;
  contractIds: string[];
  /** Contracts of the supplier no rule covers. */
  unmatchedContracts: number;
  /** Supply-point links of those contracts: each must be a no_rule problem of both kinds. */
  unmatchedPoints: number;
  supplyPoints: number;
  cases: number;
  participants: number;
  rules: number;
  ms: number;
};

export const generateCommissionsData = async (options: CommissionsBenchOptions): Promise<GeneratedCommissionsData> => {
  const started = performance.now();
  const { db } = options;
  const say = options.say ?? (() => undefined);
  const random = seededRandom(options.seed ?? 7_007);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const territories = await demoTerritories(db);
  const ownerId = territories.west.ownerId;
  const people = await rowsOf<{ id: string; email: string }>(
    db,
    sql`select id, email from users where owner_id = ${ownerId} and email in ('sales@demo.kilowatt', 'sales2@demo.kilowatt', 'manager@demo.kilowatt') order by email`,
  );
  if (people.length !== 3) throw new Error('the demo users sales@, sales2@ and manager@ are missing: run loadDemoDataOnce first');
  const [admin] = await rowsOf<{ id: string }>(db, sql`select id from users where email = 'admin@demo.kilowatt'`);

  // Clients and supply points (about 5/6 of the generated clients are Slovak, of the owner company the rules are for).
  const clientCount = Math.ceil(options.contracts / 1.6);
  say(`commissions: loading ${clientCount.toLocaleString('en')} clients and ${(2 * clientCount).toLocaleString('en')} supply points`);
  await loadClients({ db, clients: clientCount, contacts: 0, concurrency: options.concurrency ?? 1, batchSize: Math.min(1000, clientCount) });
  await loadSupplyPoints({
    db,
    supplyPoints: 2 * clientCount,
    concurrency: options.concurrency ?? 1,
    batchSize: Math.min(1000, 2 * clientCount),
    rebuildIndexes: options.rebuildIndexes ?? false,
  });

  const points = await rowsOf<{ id: string; client_id: string; commodity: 'electricity' | 'gas'; kind: 'company' | 'person'; team_id: string | null; responsible_user_id: string | null }>(
    db,
    sql`select sp.id, sp.client_id, sp.commodity, c.kind, c.team_id, c.responsible_user_id
        from supply_points sp join clients c on c.id = sp.client_id
        where sp.owner_id = ${ownerId} and sp.archived_at is null and c.archived_at is null
          and not exists (select 1 from contracts k where k.client_id = c.id)
        order by c.id, sp.commodity, sp.id`,
  );
  type Group = { clientId: string; kind: 'company' | 'person'; teamId: string | null; responsible: string | null; commodity: 'electricity' | 'gas'; points: string[] };
  const groups: Group[] = [];
  const withoutConsumption: string[] = [];
  for (const p of points) {
    const last = groups[groups.length - 1];
    if (last && last.clientId === p.client_id && last.commodity === p.commodity) last.points.push(p.id);
    else groups.push({ clientId: p.client_id, kind: p.kind, teamId: p.team_id, responsible: p.responsible_user_id, commodity: p.commodity, points: [p.id] });
    if (random() < 0.02) withoutConsumption.push(p.id);
  }
  if (groups.length === 0) throw new Error('no supply points of the owner company');
  // Some points have no annual consumption: a per-MWh rule cannot pay them (missing_annualMWh), an MWh range never matches them.
  for (let i = 0; i < withoutConsumption.length; i += 10_000) {
    await db.execute(
      sql`update supply_points set annual_consumption = null, consumption_unit = null, annual_consumption_kwh = null where id = any(${uuidArray(withoutConsumption.slice(i, i + 10_000))}::uuid[])`,
    );
  }

  // Products and rules.
  const now = new Date('2025-12-15T09:00:00Z');
  const audit = { createdAt: now, createdBy: admin?.id ?? null, updatedAt: now, updatedBy: admin?.id ?? null, version: 1 };
  const productIds = new Map<string, string>();
  const existingProducts = await rowsOf<{ id: string; code: string }>(db, sql`select id, code from products where owner_id = ${ownerId} and code like 'BEN-%'`);
  for (const p of existingProducts) productIds.set(p.code, p.id);
  const productRows = productSpecs
    .filter((p) => !productIds.has(p.code))
    .map((p) => {
      const id = randomUUID();
      productIds.set(p.code, id);
      return { id, ownerId, supplier: p.supplier, name: p.name, code: p.code, commodity: p.commodity, country: 'SK', currency: 'EUR', priceModel: 'fixed', active: true, description: null, ...audit };
    });
  if (productRows.length) await db.insert(products).values(productRows as (typeof products.$inferInsert)[]);
  const bandRows = await rowsOf<{ code: string; customer_category: string; lower_kwh: string }>(
    db,
    sql`select distinct code, customer_category, lower_kwh::text from consumption_bands where country = 'SK' and commodity = 'gas' order by lower_kwh::text`,
  );
  const byLower = [...bandRows].sort((a, b) => Number(a.lower_kwh) - Number(b.lower_kwh));
  const smallBands = [...new Set(byLower.filter((b) => Number(b.lower_kwh) < 20_000).map((b) => b.code))];
  const largeBands = [...new Set(byLower.filter((b) => Number(b.lower_kwh) >= 60_000).map((b) => b.code))].filter((c) => !smallBands.includes(c));
  const existingRules = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from commission_rules where owner_id = ${ownerId} and name like 'Elektra Fix – 2,50%'`);
  const specs = ruleSpecs({ small: smallBands, large: largeBands });
  if ((existingRules[0]?.n ?? 0) === 0) {
    await db.insert(commissionRules).values(
      specs.map((r) => ({
        ownerId,
        kind: r.kind,
        name: r.name,
        productId: r.product ? productIds.get(r.product)! : null,
        supplier: r.supplier ?? null,
        clientKind: r.clientKind ?? null,
        consumption: r.consumption ?? null,
        validFrom: r.validFrom ?? '2026-01-01',
        validTo: r.validTo ?? null,
        basis: r.basis,
        payoutModel: r.payoutModel,
        clawback: 'proRata' as const,
        archivedAt: null,
        ...audit,
      })),
    );
  }

  // Contracts, their cases and participants.
  const shareSets: Record<1 | 2 | 3, string[][]> = {
    1: [['100']],
    2: [['50', '50'], ['66.67', '33.33'], ['70', '30'], ['60', '40'], ['33.33', '66.67']],
    3: [['33.33', '33.33', '33.34'], ['50', '25', '25'], ['40', '30', '30'], ['33.34', '33.33', '33.33'], ['20.5', '40.25', '39.25']],
  };
  const suppliersOf = { electricity: [elektra, elektra, elektra, zelena, zelena], gas: [plyn, plyn, plyn, zelena] } as const;
  const productsOf = (supplier: string, commodity: string) => productSpecs.filter((p) => p.supplier === supplier && p.commodity === commodity);
  const contractIds: string[] = [];
  let unmatchedContracts = 0;
  let unmatchedPoints = 0;
  let caseCount = 0;
  let participantCount = 0;
  let linkCount = 0;
  const [serialRow] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from contracts`);
  let serial = (serialRow?.n ?? 0) + 1;
  const batch = 2000;
  for (let from = 0; from < options.contracts; from += batch) {
    const contractRows: Row[] = [];
    const caseRows: Row[] = [];
    const participantRows: Row[] = [];
    const linkRows: Row[] = [];
    for (let i = from; i < Math.min(options.contracts, from + batch); i += 1) {
      const group = groups[i % groups.length]!;
      const id = randomUUID();
      const unmatched = i % 200 === 17; // 0.5 %: a few per chunk
      const supplier = unmatched ? uncovered : pick(suppliersOf[group.commodity]);
      const candidates = productsOf(supplier, group.commodity);
      const product = candidates.length > 0 && random() < 0.5 ? pick(candidates) : null;
      const signedAt = new Date(Date.UTC(2026, 0, 5 + Math.floor(random() * 325), 8 + Math.floor(random() * 8), Math.floor(random() * 60)));
      const start = dayjs(signedAt.toISOString().slice(0, 10))
        .startOf('month')
        .add(1 + Math.floor(random() * 3), 'month')
        .add(random() < 0.1 ? 14 : 0, 'day');
      const term = random();
      const endDate = term < 0.2 ? null : start.add(term < 0.5 ? 12 : term < 0.8 ? 24 : term < 0.95 ? 36 : 18, 'month').subtract(1, 'day').format('YYYY-MM-DD');
      const count = Math.min(group.points.length, 1 + Math.floor(random() * random() * 3));
      const offset = Math.floor(random() * group.points.length);
      for (let k = 0; k < count; k += 1) linkRows.push({ contractId: id, supplyPointId: group.points[(offset + k) % group.points.length]! });
      linkCount += count;
      if (unmatched) {
        unmatchedContracts += 1;
        unmatchedPoints += count;
      }
      let caseId: string | null = null;
      if (random() < 0.92) {
        caseId = randomUUID();
        const name = `${group.commodity === 'gas' ? 'Plyn' : 'Elektrina'} 2027 – ${supplier}`;
        caseRows.push({
          id: caseId,
          ownerId,
          teamId: group.teamId,
          responsibleUserId: group.responsible,
          clientId: group.clientId,
          leadId: null,
          name,
          type: 'acquisition',
          commodity: group.commodity,
          processTemplateId: null,
          stageId: null,
          stageEnteredAt: null,
          state: 'closed',
          outcome: 'won',
          closingNote: null,
          closedAt: signedAt,
          continuationCaseId: null,
          priority: 3,
          territoryCode: null,
          expectedCloseDate: null,
          totalDemand: null,
          totalDemandUnit: null,
          securityKind: null,
          securityAmount: null,
          lastActivityAt: null,
          nextActivityAt: null,
          note: null,
          searchText: searchable(name),
          archivedAt: null,
          createdBy: group.responsible,
          updatedBy: group.responsible,
          createdAt: signedAt,
          updatedAt: signedAt,
          version: 2,
        });
        caseCount += 1;
        const size = (random() < 0.55 ? 1 : random() < 0.7 ? 2 : 3) as 1 | 2 | 3;
        const shares = pick(shareSets[size]);
        const first = Math.floor(random() * people.length);
        for (let k = 0; k < size; k += 1) participantRows.push({ caseId, userId: people[(first + k) % people.length]!.id, share: shares[k]! });
        participantCount += size;
      }
      const number = `PR-2026-${String(serial).padStart(7, '0')}`;
      serial += 1;
      contractRows.push({
        id,
        ownerId,
        teamId: group.teamId,
        responsibleUserId: group.responsible,
        clientId: group.clientId,
        caseId,
        offerId: null,
        number,
        type: 'supply',
        commodity: group.commodity,
        supplier,
        productId: product ? productIds.get(product.code)! : null,
        productName: product ? product.name : `${supplier} – štandard`,
        state: 'signed',
        startDate: start.format('YYYY-MM-DD'),
        endDate,
        noticePeriodMonths: endDate ? 3 : null,
        noticeDeadline: endDate ? dayjs(endDate).subtract(3, 'month').format('YYYY-MM-DD') : null,
        signedAt,
        endedOn: null,
        note: null,
        searchText: searchable(number, supplier),
        archivedAt: null,
        createdBy: group.responsible,
        updatedBy: group.responsible,
        createdAt: signedAt,
        updatedAt: signedAt,
        version: 3,
      });
      contractIds.push(id);
    }
    await insertRows(db, cases as unknown as BulkTable, caseRows, 'json');
    await insertRows(db, caseParticipants as unknown as BulkTable, participantRows, 'json');
    await insertRows(db, contracts as unknown as BulkTable, contractRows, 'json');
    await insertRows(db, contractSupplyPoints as unknown as BulkTable, linkRows, 'json');
  }
  await db.execute(sql`analyze`);
  say(
    `commissions: ${contractIds.length.toLocaleString('en')} signed contracts over ${linkCount.toLocaleString('en')} supply-point links, ${caseCount.toLocaleString('en')} cases, ${specs.length} rules; ${unmatchedContracts} contracts of a supplier no rule covers`,
  );
  return {
    ownerId,
    contractIds,
    unmatchedContracts,
    unmatchedPoints,
    supplyPoints: linkCount,
    cases: caseCount,
    participants: participantCount,
    rules: specs.length,
    ms: performance.now() - started,
  };
};

// --- the run --------------------------------------------------------------------------------------------------------


const chunksOf = (ids: readonly string[], size: number): string[][] => {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
};

/**
 * The raw-SQL floor of the same chunks: per chunk in one transaction, the facts by one joined statement (contracts,
 * clients, supply points), the participants, the rules, the bands and what was done before, all read to the
 * process; then the rows the run wrote inserted again, set-based, into copies of the tables with the same indexes
 * and foreign keys. The computation itself is left out: this is the I/O the run cannot go below.
 */
export const runFloor = async (db: Database, ownerId: string, contractIds: readonly string[], chunkSize: number) => {
  for (const copy of ['floor_commission_payouts', 'floor_commission_problems', 'floor_commissions']) await db.execute(sql.raw(`drop table if exists ${copy}`));
  await db.execute(sql.raw(`create table floor_commissions (like commissions including all)`));
  await db.execute(
    sql.raw(`alter table floor_commissions add foreign key (owner_id) references owners(id), add foreign key (contract_id) references contracts(id),
      add foreign key (supply_point_id) references supply_points(id), add foreign key (rule_id) references commission_rules(id), add foreign key (user_id) references users(id)`),
  );
  await db.execute(sql.raw(`create table floor_commission_payouts (like commission_payouts including all)`));
  await db.execute(sql.raw(`alter table floor_commission_payouts add foreign key (commission_id) references floor_commissions(id)`));
  await db.execute(sql.raw(`create table floor_commission_problems (like commission_problems including all)`));
  await db.execute(
    sql.raw(`alter table floor_commission_problems add foreign key (contract_id) references contracts(id), add foreign key (supply_point_id) references supply_points(id)`),
  );
  let factRows = 0;
  for (const chunk of chunksOf(contractIds, chunkSize)) {
    const ids = uuidArray(chunk);
    await db.transaction(async (tx) => {
      const facts = await rowsOf(
        tx as unknown as Database,
        sql`select k.id, k.owner_id, k.case_id, k.offer_id, k.product_id, k.supplier, k.signed_at, k.start_date, k.end_date, k.responsible_user_id,
                   c.kind, sp.id as point_id, sp.annual_consumption_kwh, sp.country, sp.commodity, sp.territory_code
            from contracts k
            join clients c on c.id = k.client_id
            join contract_supply_points csp on csp.contract_id = k.id
            join supply_points sp on sp.id = csp.supply_point_id
            where k.id = any(${ids}::uuid[]) and k.state = 'signed'
            order by k.id, sp.id`,
      );
      factRows += facts.length;
      await rowsOf(
        tx as unknown as Database,
        sql`select p.case_id, p.user_id, p.share from case_participants p
            where p.case_id in (select case_id from contracts where id = any(${ids}::uuid[])) order by p.case_id, p.user_id`,
      );
      await rowsOf(tx as unknown as Database, sql`select * from commission_rules where owner_id = ${ownerId} and archived_at is null`);
      await rowsOf(tx as unknown as Database, sql`select * from consumption_bands`);
      await rowsOf(
        tx as unknown as Database,
        sql`select contract_id, supply_point_id, kind from floor_commissions where contract_id = any(${ids}::uuid[]) and entry = 'commission'`,
      );
      await tx.execute(sql`delete from floor_commission_problems where contract_id = any(${ids}::uuid[])`);
      await tx.execute(sql`insert into floor_commissions select * from commissions where contract_id = any(${ids}::uuid[])`);
      await tx.execute(
        sql`insert into floor_commission_payouts select p.* from commission_payouts p join commissions c on c.id = p.commission_id where c.contract_id = any(${ids}::uuid[])`,
      );
      await tx.execute(sql`insert into floor_commission_problems select * from commission_problems where contract_id = any(${ids}::uuid[])`);
    });
  }
  const [counts] = await rowsOf<{ commissions: number; payouts: number; problems: number }>(
    db,
    sql`select (select count(*)::int from floor_commissions) as commissions, (select count(*)::int from floor_commission_payouts) as payouts,
               (select count(*)::int from floor_commission_problems) as problems`,
  );
  for (const copy of ['floor_commission_payouts', 'floor_commission_problems', 'floor_commissions']) await db.execute(sql.raw(`drop table ${copy}`));
  return { factRows, ...counts! };
};

// --- the independent recomputation ------------------------------------------------------------------------------------

type RuleRecord = {
  id: string;
  kind: 'sales' | 'company';
  product_id: string | null;
  supplier: string | null;
  client_kind: 'company' | 'person' | null;
  consumption: ConsumptionScope | null;
  valid_from: string;
  valid_to: string | null;
  basis: CommissionBasis;
  payout_model: PayoutModel;
};

export type Expected = {
  sales: Decimal;
  company: Decimal;
  payouts: Decimal;
  commissionRows: number;
  payoutRows: number;
  /** Problems by reason. */
  problems: Record<string, number>;
  /** Sales commissions by user. */
  byUser: Map<string, Decimal>;
  /** Payouts by trigger event. */
  byTrigger: Map<string, Decimal>;
};

/** Whole cents split by integer weights: floors, then the cents left over to the largest remainders, earlier first. */
const splitCents = (cents: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((cents * w) / sum));
  let left = cents - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, rest: (cents * w) % sum })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
};

/** "33.33" → 3333 hundredths. */
const hundredths = (value: string): number => Math.round(Number(value) * 100);

/**
 * What the run must have written, from the stored inputs (contracts, supply points, clients, participants, rules, the
 * band code list) by this file's own reading of the rules (COMM-1 to COMM-4), without the app's generation code.
 */
export const recomputeCommissions = async (db: Database, ownerId: string, contractIds: readonly string[]): Promise<Expected> => {
  const rules = await rowsOf<RuleRecord>(
    db,
    sql`select id, kind, product_id, supplier, client_kind, consumption, valid_from::text, valid_to::text, basis, payout_model
        from commission_rules where owner_id = ${ownerId} and archived_at is null`,
  );
  const bands = await rowsOf<{
    code: string;
    country: string;
    commodity: string;
    customer_category: string;
    territory_code: string | null;
    lower_kwh: string;
    upper_kwh: string | null;
    lower_inclusive: boolean;
    upper_inclusive: boolean;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    db,
    sql`select code, country, commodity, customer_category, territory_code, lower_kwh::text, upper_kwh::text, lower_inclusive, upper_inclusive,
               valid_from::text, valid_to::text from consumption_bands`,
  );
  const usesBands = rules.some((r) => r.consumption?.kind === 'band');
  const bandOf = (p: { country: string; commodity: string; category: string; territory: string | null; kWh: Decimal; on: string }): string | null => {
    const fits = bands.filter((b) => {
      if (b.country !== p.country || b.commodity !== p.commodity || b.customer_category !== p.category) return false;
      if (b.territory_code !== null && b.territory_code !== p.territory) return false;
      if ((b.valid_from !== null && b.valid_from > p.on) || (b.valid_to !== null && b.valid_to < p.on)) return false;
      const lower = new Decimal(b.lower_kwh);
      if (b.lower_inclusive ? p.kWh.lt(lower) : p.kWh.lte(lower)) return false;
      if (b.upper_kwh === null) return true;
      return b.upper_inclusive ? p.kWh.lte(b.upper_kwh) : p.kWh.lt(b.upper_kwh);
    });
    return (fits.find((b) => b.territory_code !== null) ?? fits[0])?.code ?? null;
  };
  const score = (r: RuleRecord) => (r.product_id ? 40 : r.supplier ? 20 : 0) + (r.client_kind ? 2 : 0) + (r.consumption ? 1 : 0);

  const expected: Expected = {
    sales: new Decimal(0),
    company: new Decimal(0),
    payouts: new Decimal(0),
    commissionRows: 0,
    payoutRows: 0,
    problems: {},
    byUser: new Map(),
    byTrigger: new Map(),
  };
  const problem = (reason: string) => (expected.problems[reason] = (expected.problems[reason] ?? 0) + 1);
  const addTo = (map: Map<string, Decimal>, key: string, cents: number) => map.set(key, (map.get(key) ?? new Decimal(0)).plus(new Decimal(cents).dividedBy(100)));

  for (const chunk of chunksOf(contractIds, 10_000)) {
    const facts = await rowsOf<{
      id: string;
      product_id: string | null;
      supplier: string | null;
      signed_on: string;
      start_date: string;
      end_date: string | null;
      responsible_user_id: string | null;
      client_kind: 'company' | 'person';
      kwh: string | null;
      country: string;
      commodity: string;
      territory_code: string | null;
      participants: { user_id: string; share: string }[] | null;
    }>(
      db,
      sql`select k.id, k.product_id, k.supplier, to_char(k.signed_at at time zone 'Europe/Bratislava', 'YYYY-MM-DD') as signed_on,
                 k.start_date::text, k.end_date::text, k.responsible_user_id, c.kind as client_kind,
                 sp.annual_consumption_kwh::text as kwh, sp.country, sp.commodity, sp.territory_code,
                 (select json_agg(json_build_object('user_id', p.user_id, 'share', p.share::text) order by p.user_id)
                  from case_participants p where p.case_id = k.case_id) as participants
          from contracts k
          join clients c on c.id = k.client_id
          join contract_supply_points csp on csp.contract_id = k.id
          join supply_points sp on sp.id = csp.supply_point_id
          where k.id = any(${uuidArray(chunk)}::uuid[]) and k.state = 'signed'`,
    );
    for (const f of facts) {
      const annualMWh = f.kwh === null ? null : new Decimal(f.kwh).dividedBy(1000);
      const band =
        usesBands && f.kwh !== null
          ? bandOf({ country: f.country, commodity: f.commodity, category: f.client_kind === 'person' ? 'household' : 'business', territory: f.territory_code, kWh: new Decimal(f.kwh), on: f.signed_on })
          : null;
      // Months of delivery: start to the day after the end, rounded to whole months, at least one; indefinite: 12.
      const months = f.end_date === null ? 12 : Math.max(1, Math.round(dayjs(f.end_date).add(1, 'day').diff(dayjs(f.start_date), 'month', true)));
      const participants =
        f.participants && f.participants.length > 0 ? f.participants : f.responsible_user_id ? [{ user_id: f.responsible_user_id, share: '100' }] : [];
      for (const kind of ['sales', 'company'] as const) {
        const own = rules.filter((r) => r.kind === kind);
        if (kind === 'company' && own.length === 0) continue;
        const fitting = own.filter((r) => {
          if (f.signed_on < r.valid_from || (r.valid_to !== null && f.signed_on > r.valid_to)) return false;
          if (r.product_id !== null && r.product_id !== f.product_id) return false;
          if (r.supplier !== null && r.supplier !== f.supplier) return false;
          if (r.client_kind !== null && r.client_kind !== f.client_kind) return false;
          if (r.consumption?.kind === 'band') return band !== null && r.consumption.bands.includes(band);
          if (r.consumption?.kind === 'mwh') {
            const scope = r.consumption;
            return annualMWh !== null && annualMWh.gte(scope.fromMWh) && (scope.toMWh === null || annualMWh.lt(scope.toMWh));
          }
          return true;
        });
        if (fitting.length === 0) {
          problem('no_rule');
          continue;
        }
        const best = Math.max(...fitting.map(score));
        const top = fitting.filter((r) => score(r) === best);
        if (top.length > 1) {
          problem('ambiguous');
          continue;
        }
        const rule = top[0]!;
        if (kind === 'sales' && participants.length === 0) {
          problem('no_participants');
          continue;
        }
        let amount: Decimal;
        if (rule.basis.kind === 'perSupplyPoint') amount = new Decimal(rule.basis.amount);
        else if (rule.basis.kind === 'perMWh') {
          if (annualMWh === null) {
            problem('missing_annualMWh');
            continue;
          }
          amount = annualMWh.times(months).dividedBy(12).times(rule.basis.amount);
        } else {
          problem('missing_margin');
          continue;
        }
        const cents = amount.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        const parts =
          kind === 'company'
            ? [{ user: null as string | null, cents }]
            : splitCents(cents, participants.map((p) => hundredths(p.share))).map((c, i) => ({ user: participants[i]!.user_id as string | null, cents: c }));
        for (const part of parts) {
          expected.commissionRows += 1;
          const value = new Decimal(part.cents).dividedBy(100);
          if (kind === 'company') expected.company = expected.company.plus(value);
          else {
            expected.sales = expected.sales.plus(value);
            addTo(expected.byUser, part.user!, part.cents);
          }
          const model = rule.payout_model;
          const stages =
            model.kind === 'oneOff'
              ? [{ cents: part.cents, event: model.trigger.event }]
              : model.kind === 'instalments'
                ? splitCents(part.cents, Array.from({ length: model.count }, () => 1)).map((c) => ({ cents: c, event: model.trigger.event }))
                : splitCents(part.cents, model.stages.map((s) => hundredths(s.percent))).map((c, i) => ({ cents: c, event: model.stages[i]!.trigger.event }));
          for (const stage of stages) {
            expected.payoutRows += 1;
            expected.payouts = expected.payouts.plus(new Decimal(stage.cents).dividedBy(100));
            addTo(expected.byTrigger, stage.event, stage.cents);
          }
        }
      }
    }
  }
  return expected;
};

export type Comparison = { what: string; expected: string; actual: string; ok: boolean };

/** The sums the run stored, beside the recomputation; every line must agree to the cent. */
export const compareCommissions = async (db: Database, contractIds: readonly string[], expected: Expected, unmatchedPoints: number): Promise<Comparison[]> => {
  const ids = uuidArray(contractIds);
  const [stored] = await rowsOf<{ sales: string | null; company: string | null; rows: number; payouts: string | null; payout_rows: number }>(
    db,
    sql`select (select sum(amount)::text from commissions where contract_id = any(${ids}::uuid[]) and kind = 'sales') as sales,
               (select sum(amount)::text from commissions where contract_id = any(${ids}::uuid[]) and kind = 'company') as company,
               (select count(*)::int from commissions where contract_id = any(${ids}::uuid[])) as rows,
               (select sum(p.amount)::text from commission_payouts p join commissions c on c.id = p.commission_id where c.contract_id = any(${ids}::uuid[])) as payouts,
               (select count(*)::int from commission_payouts p join commissions c on c.id = p.commission_id where c.contract_id = any(${ids}::uuid[])) as payout_rows`,
  );
  const problemRows = await rowsOf<{ reason: string; n: number }>(
    db,
    sql`select reason, count(*)::int as n from commission_problems where contract_id = any(${ids}::uuid[]) group by reason order by reason`,
  );
  const [uncoveredRow] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from commission_problems p join contracts k on k.id = p.contract_id
        where p.contract_id = any(${ids}::uuid[]) and k.supplier = ${uncovered} and p.reason = 'no_rule'`,
  );
  const [paidUncovered] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from commissions c join contracts k on k.id = c.contract_id where c.contract_id = any(${ids}::uuid[]) and k.supplier = ${uncovered}`,
  );
  const byUser = await rowsOf<{ user_id: string; email: string; total: string }>(
    db,
    sql`select c.user_id, u.email, sum(c.amount)::text as total from commissions c join users u on u.id = c.user_id
        where c.contract_id = any(${ids}::uuid[]) and c.kind = 'sales' group by c.user_id, u.email order by u.email`,
  );
  const byTrigger = await rowsOf<{ event: string; total: string }>(
    db,
    sql`select p.trigger->>'event' as event, sum(p.amount)::text as total from commission_payouts p join commissions c on c.id = p.commission_id
        where c.contract_id = any(${ids}::uuid[]) group by 1 order by 1`,
  );
  const money = (v: Decimal | string | null | undefined) => new Decimal(v ?? 0).toFixed(2);
  const lines: Comparison[] = [];
  const line = (what: string, e: string, a: string) => lines.push({ what, expected: e, actual: a, ok: e === a });
  line('sales commissions total', money(expected.sales), money(stored?.sales));
  line('company commissions total', money(expected.company), money(stored?.company));
  line('payouts total', money(expected.payouts), money(stored?.payouts));
  line('payouts total = commissions total', money(new Decimal(stored?.sales ?? 0).plus(stored?.company ?? 0)), money(stored?.payouts));
  line('commission rows', String(expected.commissionRows), String(stored?.rows ?? 0));
  line('payout rows', String(expected.payoutRows), String(stored?.payout_rows ?? 0));
  for (const u of byUser) line(`sales commissions of ${u.email}`, money(expected.byUser.get(u.user_id)), money(u.total));
  if (byUser.length !== expected.byUser.size) line('users with sales commissions', String(expected.byUser.size), String(byUser.length));
  for (const event of new Set([...expected.byTrigger.keys(), ...byTrigger.map((t) => t.event)]))
    line(`payouts due on ${event}`, money(expected.byTrigger.get(event)), money(byTrigger.find((t) => t.event === event)?.total));
  const reasons = new Set([...Object.keys(expected.problems), ...problemRows.map((p) => p.reason)]);
  for (const reason of [...reasons].sort()) line(`problems: ${reason}`, String(expected.problems[reason] ?? 0), String(problemRows.find((p) => p.reason === reason)?.n ?? 0));
  // Every supply point of the uncovered supplier's contracts: one no_rule problem per kind, and nothing paid.
  line('no_rule problems of the uncovered supplier (2 per supply point)', String(2 * unmatchedPoints), String(uncoveredRow?.n ?? 0));
  line('commissions paid on the uncovered supplier', '0', String(paidUncovered?.n ?? 0));
  return lines;
};

// --- all of it ------------------------------------------------------------------------------------------------------

export type CommissionsBenchResult = {
  data: GeneratedCommissionsData;
  chunkSize: number;
  run: Measured & { contracts: number; commissions: number; problems: number; payouts: number };
  floor: (Measured & { factRows: number; commissions: number; payouts: number; problems: number }) | null;
  comparison: Comparison[];
  matches: boolean;
};

export const runCommissionsBench = async (options: CommissionsBenchOptions): Promise<CommissionsBenchResult> => {
  const { db } = options;
  const say = options.say ?? (() => undefined);
  const chunkSize = options.chunkSize ?? 1000;
  const parallel = options.parallel ?? 1;
  const data = await generateCommissionsData(options);
  const system = systemContext(db, pino({ level: 'silent' }), 'bench');
  const [admin] = await rowsOf<{ id: string }>(db, sql`select id from users where email = 'admin@demo.kilowatt'`);
  const actor = await loadActor(system, admin!.id);
  const ctx: ServiceContext = { ...system, actor: actor! };

  say(`commissions: generateCommissions over ${data.contractIds.length.toLocaleString('en')} contracts, ${chunkSize.toLocaleString('en')} per transaction, ${parallel} at a time…`);
  const run = await measure(() => runCommissionGeneration(ctx, data.contractIds, { chunkSize, parallel }));
  const [payoutCount] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from commission_payouts p join commissions c on c.id = p.commission_id where c.contract_id = any(${uuidArray(data.contractIds)}::uuid[])`,
  );
  say(`  ${run.result.commissions.toLocaleString('en')} commissions, ${run.result.problems.toLocaleString('en')} problems in ${(run.ms / 1000).toFixed(1)} s; RSS ${run.rssBeforeMb.toFixed(0)} → ${run.rssPeakMb.toFixed(0)} MB`);

  let floor: CommissionsBenchResult['floor'] = null;
  if (options.floor ?? true) {
    say('commissions: the raw-SQL floor…');
    const measured = await measure(() => runFloor(db, data.ownerId, data.contractIds, chunkSize));
    floor = { ms: measured.ms, rssBeforeMb: measured.rssBeforeMb, rssPeakMb: measured.rssPeakMb, heapGrowthMb: measured.heapGrowthMb, ...measured.result };
    say(`  floor ${(measured.ms / 1000).toFixed(1)} s`);
  }

  say('commissions: recomputing independently…');
  const expected = await recomputeCommissions(db, data.ownerId, data.contractIds);
  const comparison = await compareCommissions(db, data.contractIds, expected, data.unmatchedPoints);
  const { result, ...measured } = run;
  return {
    data,
    chunkSize,
    run: { ...measured, ...result, payouts: payoutCount?.n ?? 0 },
    floor,
    comparison,
    matches: comparison.every((c) => c.ok),
  };
};

/** The markdown report of a run. */
export const commissionsReport = (r: CommissionsBenchResult, title: string): string => {
  const n = (v: number) => v.toLocaleString('en');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const met = [r.run.ms < 30_000 ? '' : '≥ 30 s', r.run.rssPeakMb < 500 ? '' : 'RSS ≥ 500 MB', r.matches ? '' : 'recomputation differs'].filter(Boolean).join(', ') || 'met';
  const lines = [
    `${title}: ${n(r.data.contractIds.length)} signed contracts, ${n(r.data.supplyPoints)} supply-point links, ${n(r.data.cases)} cases with ${n(r.data.participants)} participants, ${r.data.rules} rules; ${r.data.unmatchedContracts} contracts (${r.data.unmatchedPoints} supply points) of a supplier no rule covers; generated in ${s(r.data.ms)}`,
    '',
    '| what | chunk | time | contracts/s | commissions | payouts | problems | RSS before → peak | JS heap growth | targets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| generateCommissions | ${n(r.chunkSize)} | ${s(r.run.ms)} | ${n(Math.round((r.run.contracts / r.run.ms) * 1000))} | ${n(r.run.commissions)} | ${n(r.run.payouts)} | ${n(r.run.problems)} | ${mb(r.run.rssBeforeMb)} → ${mb(r.run.rssPeakMb)} | ${mb(r.run.heapGrowthMb)} | ${met} |`,
  ];
  if (r.floor)
    lines.push(
      `| raw-SQL floor (facts read + the same rows inserted) | ${n(r.chunkSize)} | ${s(r.floor.ms)} | ${n(Math.round((r.data.contractIds.length / r.floor.ms) * 1000))} | ${n(r.floor.commissions)} | ${n(r.floor.payouts)} | ${n(r.floor.problems)} | ${mb(r.floor.rssBeforeMb)} → ${mb(r.floor.rssPeakMb)} | ${mb(r.floor.heapGrowthMb)} | ${(r.run.ms / r.floor.ms).toFixed(1)}× floor |`,
    );
  lines.push('', 'Independent recomputation against the stored rows:', '', '| check | expected | stored | |', '|---|---:|---:|---|');
  for (const c of r.comparison) lines.push(`| ${c.what} | ${c.expected} | ${c.actual} | ${c.ok ? 'ok' : '**MISMATCH**'} |`);
  return lines.join('\n');
};
