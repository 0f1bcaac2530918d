import { inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic, skGasPod } from '../../demo/supply-point-generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';
import { changeContractSigningState } from '../contracts/contracts.service.js';
import { runCommissionGeneration } from './commissions.generation.js';
import { commissions } from './commissions.schema.js';

const { as, db } = await createTestApp();
const system = systemContext(db, pino({ level: 'silent' }), 'test:signi');
const admin = await as('admin@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const finance = await as('finance@demo.kilowatt');
const random = seededRandom(7007);
// A supplier of this test only, so the demo's rules and contracts never meet these.
const supplier = 'Provízna Energia a.s.';

const me = async (caller: Caller) => (await caller.get('/api/v1/auth/me')).body.user as { id: string; name: string };
const salesUser = await me(sales);
const managerUser = await me(manager);

const multiStage = {
  kind: 'multiStage',
  stages: [
    { percent: '30', trigger: { event: 'signature' } },
    { percent: '30', trigger: { event: 'supplyStart' } },
    { percent: '40', trigger: { event: 'monthsAfterSupplyStart', months: 12 } },
  ],
};
const salesRule = { kind: 'sales', name: 'Provízna Energia – 2 €/MWh', supplier, validFrom: '2026-01-01', basis: { kind: 'perMWh', amount: '2.00' }, payoutModel: multiStage, clawback: 'proRata' };
const companyRule = { kind: 'company', name: 'Provízna Energia – firma', supplier, validFrom: '2026-01-01', basis: { kind: 'perMWh', amount: '0.50' }, payoutModel: { kind: 'oneOff', trigger: { event: 'signature' } }, clawback: 'none' };

type ContractOptions = { supplier?: string; commodity?: 'electricity' | 'gas'; annualConsumption?: string | null };

/**
 * A contract of a case that sales@ and manager@ share 66.67 / 33.33 (unless `participants` says otherwise), for one
 * supply point of 120.5 MWh a year (by default), signed on `signedAt`.
 */
const signedContract = async (
  signedAt: string,
  participants = [{ userId: salesUser.id, share: '66.67' }, { userId: managerUser.id, share: '33.33' }],
  options: ContractOptions = {},
) => {
  const { commodity = 'electricity', annualConsumption = '120.5' } = options;
  const client = (await sales.post('/api/v1/clients', companyBody())).body as { id: string };
  const point = (
    await sales.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity,
      identifier: commodity === 'gas' ? skGasPod(random) : skElectricityEic(random, 'ZS'),
      ...(annualConsumption === null ? {} : { annualConsumption, consumptionUnit: 'MWh' }),
    })
  ).body as { id: string; identifier: string };
  const kase = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Energia 2027', type: 'acquisition', commodity, supplyPointIds: [point.id], participants })).body as { id: string };
  const signer = (await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', isSigningPerson: true })).body as { id: string };
  const res = await sales.post('/api/v1/contracts', {
    clientId: client.id,
    caseId: kase.id,
    type: 'supply',
    commodity,
    supplier: options.supplier ?? supplier,
    productName: 'Fix 2027',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    supplyPointIds: [point.id],
    signatoryContactIds: [signer.id],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  await changeContractSigningState(system, res.body.id, 'sentForSignature', new Date(signedAt));
  await changeContractSigningState(system, res.body.id, 'signed', new Date(signedAt));
  return { contract: res.body as { id: string; number: string; version: number }, point };
};

const commissionsOf = async (caller: Caller, contractId: string) => (await caller.get(`/api/v1/commissions?contractId=${contractId}`)).body;

describe('a contract no rule covers (COMM-1)', () => {
  it('is reported, not paid as zero, and a retry after a new rule computes it', async () => {
    const { contract, point } = await signedContract('2026-10-05T09:00:00Z');
    expect((await commissionsOf(finance, contract.id)).items).toEqual([]);
    const problems = (await admin.get('/api/v1/commissions/problems')).body.items;
    expect(problems).toContainEqual(expect.objectContaining({ contractId: contract.id, supplyPointId: point.id, kind: 'sales', reason: 'no_rule' }));
    expect((await sales.get('/api/v1/commissions/problems')).status).toBe(403);

    expect((await admin.post('/api/v1/commission-rules', salesRule)).status).toBe(201);
    expect((await admin.post('/api/v1/commission-rules', companyRule)).status).toBe(201);
    const retry = await admin.post('/api/v1/commissions/retry');
    expect(retry.status).toBe(200);
    expect(retry.body.commissions).toBeGreaterThanOrEqual(3);
    expect((await commissionsOf(finance, contract.id)).items.map((c: { amount: string }) => c.amount).sort()).toEqual(['160.67', '60.25', '80.33']);
    expect((await admin.get('/api/v1/commissions/problems')).body.items.filter((p: { contractId: string }) => p.contractId === contract.id)).toEqual([]);
    // Retrying again computes nothing twice.
    await admin.post('/api/v1/commissions/retry');
    expect((await commissionsOf(finance, contract.id)).items).toHaveLength(3);
  });
});

describe('rules by consumption band and what a rule cannot compute (COMM-1)', () => {
  const gasSupplier = 'Pásmový Plyn s.r.o.';
  const onlyMe = [{ userId: salesUser.id, share: '100' }];
  const problemsOf = async (contractId: string) =>
    ((await admin.get('/api/v1/commissions/problems')).body.items as { contractId: string; kind: string; reason: string; detail: string | null }[]).filter((p) => p.contractId === contractId);

  it("matches a band rule by the supply point's band on the signing day, and reports a tie with an MWh rule instead of choosing", async () => {
    const bandRule = (
      await admin.post('/api/v1/commission-rules', {
        ...salesRule,
        name: 'Plyn M7',
        supplier: gasSupplier,
        consumption: { kind: 'band', bands: ['M7'] },
        basis: { kind: 'perSupplyPoint', amount: '40' },
        payoutModel: { kind: 'oneOff', trigger: { event: 'signature' } },
      })
    ).body;
    // 150 MWh a year of a company's gas is band M7 (100–300 MWh) in Slovakia.
    const { contract } = await signedContract('2026-11-10T10:00:00Z', onlyMe, { supplier: gasSupplier, commodity: 'gas', annualConsumption: '150' });
    expect((await commissionsOf(sales, contract.id)).items).toEqual([expect.objectContaining({ ruleId: bandRule.id, band: 'M7', amount: '40.00', explanation: '1 × 40' })]);

    // An MWh range of the same supplier is another scope (not refused as an overlap) but as specific: a tie.
    const rangeRule = (await admin.post('/api/v1/commission-rules', { ...salesRule, name: 'Plyn nad 100 MWh', supplier: gasSupplier, consumption: { kind: 'mwh', fromMWh: '100', toMWh: null } })).body;
    const tie = await signedContract('2026-11-11T10:00:00Z', onlyMe, { supplier: gasSupplier, commodity: 'gas', annualConsumption: '150' });
    expect((await commissionsOf(finance, tie.contract.id)).items).toEqual([]);
    // The company commission of this supplier has no rule at all: reported too, each kind on its own.
    expect((await problemsOf(tie.contract.id)).map(({ kind, reason, detail }) => ({ kind, reason, detail }))).toEqual([
      { kind: 'company', reason: 'no_rule', detail: null },
      { kind: 'sales', reason: 'ambiguous', detail: [bandRule.id, rangeRule.id].sort().join(', ') },
    ]);
  });

  it('reports a per-MWh rule for a supply point without consumption instead of paying zero', async () => {
    const { contract } = await signedContract('2026-11-12T10:00:00Z', onlyMe, { supplier, annualConsumption: null });
    expect((await commissionsOf(finance, contract.id)).items.filter((c: { kind: string }) => c.kind === 'sales')).toEqual([]);
    expect((await problemsOf(contract.id)).map((p) => p.reason).sort()).toEqual(['missing_annualMWh', 'missing_annualMWh']);
  });
});

describe('a percentage of the margin (COMM-1, COMM-3)', () => {
  it("takes the margin of the accepted offer's line of each supply point, by the product's rule", async () => {
    const product = (
      await admin.post('/api/v1/products', { supplier: 'Maržová Energia a.s.', name: 'Marža Fix 2026', code: 'COMM-MARGIN-26', commodity: 'electricity', country: 'SK', currency: 'EUR', priceModel: 'fixed' })
    ).body as { id: string };
    await admin.post(`/api/v1/products/${product.id}/price-lists`, { validFrom: '2026-01-01', validTo: '2026-12-31', rows: [{ tariffCode: 'DD2', pricePerMWh: '129.90', monthlyFee: '1.99', purchasePerMWh: '98.50' }] });
    const rule = (
      await admin.post('/api/v1/commission-rules', { ...companyRule, name: 'Marža Fix – 40 % marže', supplier: null, productId: product.id, basis: { kind: 'marginPercent', percent: '40' } })
    ).body as { id: string };
    const client = (await sales.post('/api/v1/clients', companyBody())).body as { id: string };
    const point = (
      await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(random, 'ZS'), distributionRate: 'DD2', annualConsumption: '36.5', consumptionUnit: 'MWh' })
    ).body as { id: string };
    await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', isSigningPerson: true, email: 'maria@example.sk' });
    const kase = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Elektrina 2026', type: 'acquisition', commodity: 'electricity', supplyPointIds: [point.id] })).body as { id: string };
    const line = { supplyPointId: point.id, productId: product.id, deliveryFrom: '2026-01-01', deliveryTo: '2026-12-31', currentPricePerMWh: '150', currentMonthlyFee: '2.99' };
    const offer = (await sales.post(`/api/v1/cases/${kase.id}/offers`, { validUntil: '2026-12-31', lines: [line] })).body;
    const submitted = (await sales.post(`/api/v1/offers/${offer.id}/submit`, { version: offer.version })).body;
    const approved = (await manager.post(`/api/v1/offers/${offer.id}/approve`, { version: submitted.version })).body;
    const sent = (await sales.post(`/api/v1/offers/${offer.id}/send`, { version: approved.version })).body;
    const accepted = (await sales.post(`/api/v1/offers/${offer.id}/accept`, { version: sent.version })).body as { contractId: string };
    await changeContractSigningState(system, accepted.contractId, 'sentForSignature', new Date('2026-11-15T10:00:00Z'));
    await changeContractSigningState(system, accepted.contractId, 'signed', new Date('2026-11-15T10:00:00Z'));

    // The margin is shown to those who approve offers.
    const margin = (await manager.get(`/api/v1/offers/${offer.id}`)).body.lines[0].margin as string;
    expect(Number(margin)).toBeGreaterThan(0);
    const expected = (Math.round(Number(margin) * 40) / 100).toFixed(2);
    const company = (await commissionsOf(finance, accepted.contractId)).items.filter((c: { kind: string }) => c.kind === 'company');
    expect(company).toEqual([expect.objectContaining({ ruleId: rule.id, margin, amount: expected, explanation: `40 % × ${margin}` })]);
  });
});

describe('rules that would make resolution ambiguous or a payout wrong (bad input)', () => {
  it('refuses a rule overlapping another of the same scope, naming the field and the rule, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/commission-rules')).body.items.length;
    const res = await admin.post('/api/v1/commission-rules', { ...salesRule, name: 'Prekrývajúce sa', validFrom: '2026-06-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'validFrom', code: 'overlaps_rule', message: expect.stringContaining(salesRule.name) })]);
    expect((await admin.get('/api/v1/commission-rules')).body.items).toHaveLength(before);
  });

  it('refuses stages that do not add up to 100 %, naming the field', async () => {
    const res = await admin.post('/api/v1/commission-rules', {
      ...salesRule,
      supplier: 'Iný dodávateľ',
      payoutModel: { kind: 'multiStage', stages: [{ percent: '50', trigger: { event: 'signature' } }, { percent: '40', trigger: { event: 'supplyStart' } }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'payoutModel.stages', code: 'stages_not_100', message: expect.stringContaining('90') })]);
  });

  it('lets only an administrator define rules', async () => {
    expect((await finance.post('/api/v1/commission-rules', { ...salesRule, supplier: 'Iný' })).status).toBe(403);
    expect((await sales.get('/api/v1/commission-rules')).status).toBe(200);
  });

  it('keeps a rule in use as it was: only its name and end change', async () => {
    const rule = (await admin.get('/api/v1/commission-rules?kind=sales')).body.items.find((r: { name: string }) => r.name === salesRule.name);
    expect(rule.inUse).toBe(true);
    const refused = await admin.patch(`/api/v1/commission-rules/${rule.id}`, { basis: { kind: 'perMWh', amount: '3' }, version: rule.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('commission_rule.in_use');
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'basis' })]);
  });
});

describe('commissions generated on signing (COMM-2 to COMM-5)', () => {
  it('splits the sales commission by the shares to the cent, keeps the company commission apart, and explains each amount', async () => {
    const { contract, point } = await signedContract('2026-11-20T10:00:00Z');
    const own = (await commissionsOf(sales, contract.id)).items;
    // 120.5 MWh × 2.00 = 241.00; 66.67 % of it is 160.6747 → 160.67, and the leftover cent goes to the 33.33 % (80.3253 → 80.33).
    expect(own).toEqual([
      expect.objectContaining({
        kind: 'sales',
        entry: 'commission',
        userId: salesUser.id,
        contractNumber: contract.number,
        signedOn: '2026-11-20',
        supplyPointIdentifier: point.identifier,
        ruleName: salesRule.name,
        annualMWh: '120.5',
        deliveryMonths: 12,
        explanation: '120.5 MWh × 2.00',
        baseAmount: '241.00',
        share: '66.67',
        amount: '160.67',
        payouts: [
          expect.objectContaining({ position: 1, amount: '48.20', dueOn: '2026-11-20', event: 'signature', months: null }),
          expect.objectContaining({ position: 2, amount: '48.20', dueOn: '2027-01-01', event: 'supplyStart' }),
          expect.objectContaining({ position: 3, amount: '64.27', dueOn: '2028-01-01', event: 'monthsAfterSupplyStart', months: 12 }),
        ],
      }),
    ]);
    expect((await commissionsOf(manager, contract.id)).items.map((c: { amount: string; userId: string }) => [c.userId, c.amount])).toEqual([[managerUser.id, '80.33']]);
    const all = (await commissionsOf(finance, contract.id)).items as { kind: string; userId: string | null; amount: string }[];
    expect(all.filter((c) => c.kind === 'sales').reduce((sum, c) => sum + Math.round(Number(c.amount) * 100), 0)).toBe(24100);
    expect(all.filter((c) => c.kind === 'company')).toEqual([expect.objectContaining({ userId: null, amount: '60.25', explanation: '120.5 MWh × 0.50' })]);
  });

  it('shows a sales user only their own commissions, through the list, its total and its export', async () => {
    const { contract } = await signedContract('2026-11-21T10:00:00Z');
    expect((await commissionsOf(sales2, contract.id)).items).toEqual([]);
    const list = (await sales.get('/api/v1/commissions?limit=500')).body;
    expect(list.items.every((c: { userId: string }) => c.userId === salesUser.id)).toBe(true);
    expect(list.total).toBe(list.items.reduce((sum: number, c: { amount: string }) => sum + Number(c.amount), 0).toFixed(2));
    expect((await sales.get(`/api/v1/commissions?userId=${managerUser.id}`)).status).toBe(403);
    const csv = (await sales.get('/api/v1/commissions/export?format=csv&language=en')).raw.toString('utf8');
    expect(csv).toContain(contract.number);
    expect(csv).not.toContain('80.33');
    const everything = (await finance.get(`/api/v1/commissions?contractId=${contract.id}`)).body.items;
    expect(everything).toHaveLength(3);
  });

  it('takes back the months not delivered when a contract is terminated, split like the commission', async () => {
    const { contract } = await signedContract('2026-11-22T10:00:00Z');
    const current = (await sales.get(`/api/v1/contracts/${contract.id}`)).body;
    const ended = await sales.post(`/api/v1/contracts/${contract.id}/end`, { kind: 'terminate', endedOn: '2027-04-01', reason: 'Klient sa presťahoval', version: current.version });
    expect(ended.status).toBe(200);
    const clawbacks = (await finance.get(`/api/v1/commissions?contractId=${contract.id}&entry=clawback`)).body.items as { userId: string; amount: string; baseAmount: string; deliveredMonths: number; payouts: { amount: string; dueOn: string; cancelsPosition: number | null }[] }[];
    // 9 of 12 months not delivered: 241.00 × 9/12 = 180.75, split 66.67/33.33 with the same remainder rule; the company rule takes nothing back.
    expect(clawbacks.map((c) => [c.userId, c.amount]).sort()).toEqual([[managerUser.id, '-60.24'], [salesUser.id, '-120.51']].sort());
    expect(clawbacks.every((c) => c.baseAmount === '-180.75' && c.deliveredMonths === 3)).toBe(true);
    // The stage due a year into supply (2028-01-01) is cancelled on its day; the rest is taken back on the end day.
    const ofSales = clawbacks.find((c) => c.userId === salesUser.id)!;
    expect(ofSales.payouts.map((p) => [p.amount, p.dueOn, p.cancelsPosition])).toEqual([
      ['-56.24', '2027-04-01', null],
      ['-64.27', '2028-01-01', 3],
    ]);
  });
});

describe('a commission run over many contracts', () => {
  it('works through chunks two at a time, each in its own transaction, and computes nothing twice', async () => {
    const batchSupplier = 'Dávková Energia s.r.o.';
    const signed = [];
    for (const day of ['01', '02', '03', '04', '05']) signed.push(await signedContract(`2026-11-${day}T10:00:00Z`, undefined, { supplier: batchSupplier }));
    const ids = signed.map((s) => s.contract.id);
    expect((await db.select().from(commissions).where(inArray(commissions.contractId, ids))).length).toBe(0);
    await admin.post('/api/v1/commission-rules', { ...salesRule, name: 'Dávková – 1 €/MWh', supplier: batchSupplier, basis: { kind: 'perMWh', amount: '1.00' } });

    const result = await runCommissionGeneration(system, ids, { chunkSize: 2, parallel: 2 });
    // Five contracts of two participants each; the company commission of this supplier has no rule (a problem each).
    expect(result).toEqual({ contracts: 5, commissions: 10, problems: 5 });
    const rows = await db.select().from(commissions).where(inArray(commissions.contractId, ids));
    expect(rows.map((r) => r.amount).sort()).toEqual([...Array<string>(5).fill('40.16'), ...Array<string>(5).fill('80.34')]);
    expect(await runCommissionGeneration(system, ids, { chunkSize: 2, parallel: 2 })).toEqual({ contracts: 5, commissions: 0, problems: 5 });
  });
});

describe('the signing transaction', () => {
  it('signs a contract only together with its commissions: a failure writing them leaves it unsigned', async () => {
    await db.execute(sql`create function refuse_commissions() returns trigger language plpgsql as $$ begin raise exception 'commissions are refused for this test'; end $$`);
    await db.execute(sql`create trigger refuse_commissions before insert on commissions for each row execute function refuse_commissions()`);
    try {
      await expect(signedContract('2026-11-22T12:00:00Z')).rejects.toThrow(/insert into "?commissions\b/);
    } finally {
      await db.execute(sql`drop trigger refuse_commissions on commissions`);
      await db.execute(sql`drop function refuse_commissions()`);
    }
    const sent = (await finance.get('/api/v1/contracts?state=sentForSignature&limit=500')).body.items as { supplier: string; signedAt: string | null }[];
    expect(sent.filter((c) => c.supplier === supplier)).toEqual([expect.objectContaining({ signedAt: null })]);
  });
});

describe('statements (COMM-5)', () => {
  it('are approved by finance, then locked; a later clawback goes into the next month', async () => {
    const preview = (await finance.get(`/api/v1/commission-statements/preview?userId=${salesUser.id}&period=2026-11`)).body;
    expect(preview.id).toBeNull();
    expect(preview.lines.length).toBeGreaterThan(0);
    expect(preview.lines.every((l: { dueOn: string }) => l.dueOn <= '2026-11-30')).toBe(true);
    const month = (await finance.get('/api/v1/commission-statements?period=2026-11')).body.items;
    // The month's list and the statement total the same way, commissions and clawbacks apart.
    expect(month).toContainEqual(
      expect.objectContaining({ id: null, userId: salesUser.id, total: preview.total, commissionTotal: preview.commissionTotal, clawbackTotal: preview.clawbackTotal }),
    );

    expect((await sales.post('/api/v1/commission-statements', { userId: salesUser.id, period: '2026-11', expectedTotal: preview.total })).status).toBe(403);
    const stale = await finance.post('/api/v1/commission-statements', { userId: salesUser.id, period: '2026-11', expectedTotal: '0.01' });
    expect([stale.status, stale.body.code]).toEqual([409, 'commission_statement.changed']);
    const approved = await finance.post('/api/v1/commission-statements', { userId: salesUser.id, period: '2026-11', expectedTotal: preview.total });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ total: preview.total, lineCount: preview.lines.length, approvedByName: expect.any(String) });
    const again = await finance.post('/api/v1/commission-statements', { userId: salesUser.id, period: '2026-11', expectedTotal: preview.total });
    expect(again.body.code).toBe('commission_statement.approved');
    const earlier = await finance.post('/api/v1/commission-statements', { userId: salesUser.id, period: '2026-10', expectedTotal: '0' });
    expect(earlier.body.code).toBe('commission_statement.out_of_order');

    // A contract of November cancelled now: its clawback is due in November, but November is locked.
    const { contract } = await signedContract('2026-11-23T10:00:00Z');
    const current = (await sales.get(`/api/v1/contracts/${contract.id}`)).body;
    await sales.post(`/api/v1/contracts/${contract.id}/end`, { kind: 'cancel', endedOn: '2026-11-25', reason: 'Odstúpenie od zmluvy', version: current.version });
    const locked = (await sales.get(`/api/v1/commission-statements/${approved.body.id}`)).body;
    expect(locked).toMatchObject({ total: preview.total, lineCount: preview.lines.length });
    const linesOf = async (period: string) =>
      ((await finance.get(`/api/v1/commission-statements/preview?userId=${salesUser.id}&period=${period}`)).body.lines as { contractNumber: string; entry: string; amount: string; dueOn: string }[])
        .filter((l) => l.contractNumber === contract.number)
        .map((l) => [l.entry, l.amount, l.dueOn]);
    // 160.67 in stages of 48.20 (signature), 48.20 (start of supply) and 64.27 (a year later), all taken back as nothing
    // was delivered: the paid first stage goes into December beside its clawback, and the later stages are cancelled
    // on their own days, so no statement ever pays them.
    expect(await linesOf('2026-12')).toEqual([
      ['commission', '48.20', '2026-11-23'],
      ['clawback', '-48.20', '2026-11-25'],
    ]);
    expect(await linesOf('2028-01')).toEqual(
      expect.arrayContaining([
        ['commission', '48.20', '2027-01-01'],
        ['clawback', '-48.20', '2027-01-01'],
        ['commission', '64.27', '2028-01-01'],
        ['clawback', '-64.27', '2028-01-01'],
      ]),
    );
  });

  it('are downloaded as PDF and XLSX by their person and finance, and by nobody else', async () => {
    const [statement] = (await sales.get('/api/v1/commission-statements')).body.items;
    expect(statement).toMatchObject({ userId: salesUser.id, period: '2026-11' });
    const pdf = await sales.get(`/api/v1/commission-statements/${statement.id}/pdf?language=sk`);
    expect(pdf.status).toBe(200);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.raw)), { mergePages: true })).text;
    expect(text).toContain('Výpis provízií 2026-11');
    expect(text).toContain(statement.total);

    const xlsx = await finance.get(`/api/v1/commission-statements/${statement.id}/xlsx?language=en`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain(`${statement.total} ${statement.currency}`);
    const lastRow = sheet.getRow(sheet.rowCount);
    expect(lastRow.getCell(10).value).toBe(Number(statement.total));

    for (const caller of [sales2, manager]) {
      expect((await caller.get(`/api/v1/commission-statements/${statement.id}`)).status).toBe(404);
      expect((await caller.get(`/api/v1/commission-statements/${statement.id}/pdf`)).status).toBe(404);
    }
    expect((await manager.get(`/api/v1/commission-statements/preview?userId=${salesUser.id}&period=2026-11`)).status).toBe(403);
  });
});
