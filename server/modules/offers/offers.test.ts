import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { jobHandlers } from '../../jobs/index.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as, db, send } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const random = seededRandom(7070);

// Days as the server counts them (Central European), so the hour before midnight there is no different.
const day = (offsetDays: number) => businessDate(new Date(Date.now() + offsetDays * 86_400_000));
const validUntil = day(30);

/** A product with a 2026 price list: DD2 at 129.90 €/MWh and 1.99 €/month, purchase 98.50 €/MWh (price-lists.test.ts hand-checks it). */
const product = (
  await admin.post('/api/v1/products', {
    supplier: 'Energia Ponuky, a.s.',
    name: 'Fix Ponuka 2026',
    code: 'OFFER-FIX-26',
    commodity: 'electricity',
    country: 'SK',
    currency: 'EUR',
    priceModel: 'fixed',
  })
).body as { id: string };
const priceList = (
  await admin.post(`/api/v1/products/${product.id}/price-lists`, {
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    rows: [{ tariffCode: 'DD2', pricePerMWh: '129.90', monthlyFee: '1.99', purchasePerMWh: '98.50' }],
  })
).body as { id: string };

type Setup = { clientId: string; caseId: string; points: string[]; signerId: string; empty: string };

/** A client of `caller` with two priced supply points (2.5 and 5 MWh, DD2), one without consumption, a signing person and a case. */
const setup = async (caller: Caller = sales, clientBody: Record<string, unknown> = {}): Promise<Setup> => {
  const client = (await caller.post('/api/v1/clients', companyBody(clientBody))).body as { id: string };
  const point = async (overrides: Record<string, unknown>) => {
    const res = await caller.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity: 'electricity',
      identifier: skElectricityEic(random, 'ZS'),
      distributionRate: 'DD2',
      annualConsumption: '2500',
      consumptionUnit: 'kWh',
      ...overrides,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const points = [await point({}), await point({ annualConsumption: '5000' })];
  const empty = await point({ annualConsumption: null, consumptionUnit: null });
  const signer = (await caller.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', isSigningPerson: true, email: 'maria@example.sk' })).body;
  const kase = await caller.post('/api/v1/cases', { clientId: client.id, name: 'Elektrina 2026', type: 'acquisition', commodity: 'electricity', supplyPointIds: [...points, empty] });
  expect(kase.status, JSON.stringify(kase.body)).toBe(201);
  return { clientId: client.id, caseId: kase.body.id, points, signerId: signer.id, empty };
};

const line = (supplyPointId: string, overrides: Record<string, unknown> = {}) => ({
  supplyPointId,
  productId: product.id,
  deliveryFrom: '2026-01-01',
  deliveryTo: '2026-12-31',
  currentPricePerMWh: '150',
  currentMonthlyFee: '2.99',
  ...overrides,
});

const newOffer = async (s: Setup, body: Record<string, unknown> = {}, caller: Caller = sales) => {
  const res = await caller.post(`/api/v1/cases/${s.caseId}/offers`, { validUntil, lines: [line(s.points[0]!)], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

/** Submits (default policy: 10 % minimum, manager above it), lets the manager approve and sends. */
const sentOffer = async (s: Setup, body: Record<string, unknown> = {}) => {
  const offer = await newOffer(s, body);
  const submitted = await sales.post(`/api/v1/offers/${offer.id}/submit`, { version: offer.version });
  expect(submitted.body).toMatchObject({ state: 'awaitingApproval', approvalRoute: 'manager' });
  const approved = await manager.post(`/api/v1/offers/${offer.id}/approve`, { version: submitted.body.version });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const sent = await sales.post(`/api/v1/offers/${offer.id}/send`, { version: approved.body.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body;
};

const west = await setup();

describe('pricing an offer with the client’s saving (OFFER-2)', () => {
  it('prices each line from the price list against the entered current prices, hand-checked, and marks the price list used', async () => {
    const offer = await newOffer(west, { lines: [line(west.points[0]!), line(west.points[1]!)] });
    const [first] = offer.lines;
    // offered: 2.5 MWh × 129.90 = 324.75, 12 × 1.99 = 23.88, regulated 212.35 (sk-zsd DD2 2026) → 560.98
    // current: 2.5 MWh × 150.00 = 375.00, 12 × 2.99 = 35.88, the same regulated 212.35 → 623.23
    expect(first).toMatchObject({ currentCost: '623.23', offeredCost: '560.98', saving: '62.25', savingPercent: '9.99', quantityMWh: '2.500', priceListId: priceList.id });
    expect(first.comparison.slice(0, 2)).toEqual([
      { kind: 'commodity', basis: 'per_mwh', current: '375.00', offered: '324.75', saving: '50.25', savingPercent: '13.40' },
      { kind: 'supplier_fee', basis: 'per_month', current: '35.88', offered: '23.88', saving: '12.00', savingPercent: '33.44' },
    ]);
    expect(first.comparison.slice(2).every((c: { saving: string }) => c.saving === '0.00')).toBe(true);
    // sales does not see margins; the totals are the sums of the lines
    expect(first.margin).toBeNull();
    const [a, b] = offer.lines.map((l: { currentCost: string; offeredCost: string }) => [Number(l.currentCost) * 100, Number(l.offeredCost) * 100]);
    expect(offer.totals).toMatchObject({ currency: 'EUR', quantityMWh: '7.500', margin: null });
    expect(Math.round(Number(offer.totals.currentCost) * 100)).toBe(a![0]! + b![0]!);
    expect(Math.round(Number(offer.totals.offeredCost) * 100)).toBe(a![1]! + b![1]!);
    expect(offer).toMatchObject({ state: 'draft', versionNumber: 1, kind: 'binding', commodity: 'electricity' });
    expect(offer.number).toMatch(/^OF-\d{4}-\d{5}$/);
    // the manager sees the margin: 2.5 × (129.90 − 98.50) + 23.88 = 102.38 of 348.63 revenue = 29.37 %
    const seen = await manager.get(`/api/v1/offers/${offer.id}`);
    expect(seen.body.lines[0]).toMatchObject({ margin: '102.38', marginPercent: '29.37' });
    const list = await admin.get(`/api/v1/products/${product.id}/price-lists`);
    expect(list.body.items.find((l: { id: string }) => l.id === priceList.id).inUse).toBe(true);
  });

  it('previews the same numbers without saving anything', async () => {
    const before = (await sales.get(`/api/v1/cases/${west.caseId}/offers`)).body.items.length;
    const preview = await sales.post(`/api/v1/cases/${west.caseId}/offers/preview`, { lines: [line(west.points[0]!)] });
    expect(preview.status).toBe(200);
    expect(preview.body.totals).toMatchObject({ currentCost: '623.23', offeredCost: '560.98', saving: '62.25', savingPercent: '9.99' });
    expect((await sales.get(`/api/v1/cases/${west.caseId}/offers`)).body.items).toHaveLength(before);
  });

  it('refuses bad lines with 400 naming lines.N.<field> and the rule, writing nothing', async () => {
    const before = (await sales.get(`/api/v1/offers?caseId=${west.caseId}&allVersions=true`)).body.items.length;
    const res = await sales.post(`/api/v1/cases/${west.caseId}/offers`, {
      validUntil,
      lines: [line(west.points[0]!, { deliveryFrom: '2025-12-01' }), line(west.empty), line(west.points[1]!, { deliveryTo: '2026-12-15' })],
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'lines.0.deliveryFrom', code: 'outside_price_list_validity' }),
        expect.objectContaining({ path: 'lines.1.annualConsumption', code: 'required_for_pricing' }),
        expect.objectContaining({ path: 'lines.2.deliveryTo', code: 'not_month_end' }),
      ]),
    );
    const other = await setup();
    const cases = [
      [{ lines: [line(other.points[0]!)] }, 'lines.0.supplyPointId', 'not_in_case'],
      [{ lines: [line(west.points[0]!, { productId: crypto.randomUUID() })] }, 'lines.0.productId', 'not_found'],
      [{ lines: [line(west.points[0]!, { currentPricePerMWh: '-1' })] }, 'lines.0.currentPricePerMWh', 'invalid_format'],
      [{ validUntil: '2020-01-01' }, 'validUntil', 'in_the_past'],
      [{ contactId: other.signerId }, 'contactId', 'other_client'],
      [{ lines: [] }, 'lines', 'too_small'],
    ] as const;
    for (const [body, path, code] of cases) {
      const bad = await sales.post(`/api/v1/cases/${west.caseId}/offers`, { validUntil, lines: [line(west.points[0]!)], ...body });
      expect(bad.status, path).toBe(400);
      expect(bad.body.errors, path).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await sales.get(`/api/v1/offers?caseId=${west.caseId}&allVersions=true`)).body.items).toHaveLength(before);
  });
});

describe('versions (OFFER-3)', () => {
  it('a draft changes in place; a change after sending makes version 2 and version 1 is read-only and comparable', async () => {
    const draft = await newOffer(west);
    const changed = await sales.patch(`/api/v1/offers/${draft.id}`, { version: draft.version, note: 'Cena platí pri podpise do konca roka.' });
    expect(changed.body).toMatchObject({ id: draft.id, versionNumber: 1, version: draft.version + 1, changeMode: 'inPlace' });
    expect((await sales.patch(`/api/v1/offers/${draft.id}`, { version: draft.version, note: 'stale' })).status).toBe(409);

    const sent = await sentOffer(west);
    expect(sent.documents).toHaveLength(1);
    const pdf = await sales.get(`/api/v1/documents/${sent.documents[0].id}/download`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');

    const v2 = await sales.patch(`/api/v1/offers/${sent.id}`, { version: sent.version, lines: [line(west.points[0]!, { productId: product.id, currentPricePerMWh: '160' })] });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body).toMatchObject({ rootId: sent.id, number: sent.number, versionNumber: 2, state: 'draft', approvalRoute: null });
    expect(v2.body.id).not.toBe(sent.id);
    expect(v2.body.lines[0]).toMatchObject({ currentCost: '648.23', saving: '87.25' }); // current commodity 2.5 × 160 = 400.00

    const v1 = await sales.get(`/api/v1/offers/${sent.id}`);
    expect(v1.body).toMatchObject({ state: 'superseded', changeMode: 'readOnly' });
    const refused = await sales.patch(`/api/v1/offers/${sent.id}`, { version: v1.body.version, note: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('offer/read_only');
    expect((await sales.post(`/api/v1/offers/${sent.id}/accept`, { version: v1.body.version })).status).toBe(409);

    const versions = await sales.get(`/api/v1/offers/${v2.body.id}/versions`);
    expect(versions.body.items.map((v: { versionNumber: number; state: string }) => [v.versionNumber, v.state])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    const compare = await sales.get(`/api/v1/offers/${sent.id}/compare?with=${v2.body.id}`);
    expect(compare.status).toBe(200);
    expect(compare.body.lines).toHaveLength(1);
    expect(compare.body.lines[0].left.currentCost).toBe('623.23');
    expect(compare.body.lines[0].right.currentCost).toBe('648.23');
    expect(compare.body.difference).toEqual({ currentCost: '25.00', offeredCost: '0.00', saving: '25.00' });
    const unrelated = await newOffer(west);
    const wrong = await sales.get(`/api/v1/offers/${sent.id}/compare?with=${unrelated.id}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'with', code: 'other_offer' })]);
    // the case lists the latest version only
    const items = (await sales.get(`/api/v1/cases/${west.caseId}/offers`)).body.items.map((o: { id: string }) => o.id);
    expect(items).toContain(v2.body.id);
    expect(items).not.toContain(sent.id);
  });
});

describe('approval (OFFER-5)', () => {
  it('under the minimum margin goes to the board: a manager may not approve, the administrator may; decisions are recorded with who and why', async () => {
    const policy = (await admin.get('/api/v1/offer-approval-policy')).body;
    expect((await send('PUT', '/api/v1/offer-approval-policy', sales.cookie, { minimumMarginPercent: '30', aboveMinimum: 'none', version: policy.version }, { 'x-requested-with': 'kilowatt' })).status).toBe(403);
    const set = await send('PUT', '/api/v1/offer-approval-policy', admin.cookie, { minimumMarginPercent: '30', aboveMinimum: 'none', version: policy.version }, { 'x-requested-with': 'kilowatt' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    try {
      const offer = await newOffer(west); // margin 29.37 % < 30 %
      const submitted = await sales.post(`/api/v1/offers/${offer.id}/submit`, { version: offer.version });
      expect(submitted.body).toMatchObject({ state: 'awaitingApproval', approvalRoute: 'board' });
      expect((await sales.post(`/api/v1/offers/${offer.id}/send`, { version: submitted.body.version })).status).toBe(409);
      const byManager = await manager.post(`/api/v1/offers/${offer.id}/approve`, { version: submitted.body.version });
      expect(byManager.status).toBe(403);
      expect((await manager.get(`/api/v1/offers/${offer.id}`)).body).toMatchObject({ state: 'awaitingApproval', canApprove: false });
      const noReason = await admin.post(`/api/v1/offers/${offer.id}/reject`, { version: submitted.body.version });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toContainEqual(expect.objectContaining({ path: 'reason' }));
      const rejected = await admin.post(`/api/v1/offers/${offer.id}/reject`, { version: submitted.body.version, reason: 'Marža pod 30 %' });
      expect(rejected.body).toMatchObject({ state: 'draft', approvals: [{ decision: 'rejected', route: 'board', reason: 'Marža pod 30 %', by: { name: expect.any(String) } }] });
      const again = await sales.post(`/api/v1/offers/${offer.id}/submit`, { version: rejected.body.version });
      const approved = await admin.post(`/api/v1/offers/${offer.id}/approve`, { version: again.body.version, reason: 'Strategický klient' });
      expect(approved.body.state).toBe('approved');
      expect(approved.body.approvals.map((a: { decision: string }) => a.decision)).toEqual(['rejected', 'approved']);

      // at or above the minimum with "straight out": approved on submission
      const relaxed = await send('PUT', '/api/v1/offer-approval-policy', admin.cookie, { minimumMarginPercent: '20', aboveMinimum: 'none', version: set.body.version }, { 'x-requested-with': 'kilowatt' });
      const direct = await newOffer(west);
      const out = await sales.post(`/api/v1/offers/${direct.id}/submit`, { version: direct.version });
      expect(out.body).toMatchObject({ state: 'approved', approvalRoute: 'none' });
      expect((await manager.post(`/api/v1/offers/${direct.id}/approve`, { version: out.body.version })).status).toBe(409);
      set.body.version = relaxed.body.version;
    } finally {
      await send('PUT', '/api/v1/offer-approval-policy', admin.cookie, { minimumMarginPercent: '10', aboveMinimum: 'manager', version: set.body.version }, { 'x-requested-with': 'kilowatt' });
    }
  });
});

describe('acceptance makes the contract (CONTRACT-1)', () => {
  it('creates exactly one contract prefilled from the offer, with the signing persons, and answers its id', async () => {
    const s = await setup();
    const sent = await sentOffer(s, { lines: [line(s.points[0]!), line(s.points[1]!)] });
    const accepted = await sales.post(`/api/v1/offers/${sent.id}/accept`, { version: sent.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.offer).toMatchObject({ state: 'accepted', contractId: accepted.body.contractId, changeMode: 'readOnly' });
    const contract = await sales.get(`/api/v1/contracts/${accepted.body.contractId}`);
    expect(contract.body).toMatchObject({
      clientId: s.clientId,
      caseId: s.caseId,
      offerId: sent.id,
      productId: product.id,
      productName: 'Fix Ponuka 2026',
      supplier: 'Energia Ponuky, a.s.',
      commodity: 'electricity',
      type: 'supply',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      signatories: [expect.objectContaining({ contactId: s.signerId })],
    });
    expect([...contract.body.supplyPointIds].sort()).toEqual([...s.points].sort());
    expect((await sales.post(`/api/v1/offers/${sent.id}/accept`, { version: accepted.body.offer.version })).status).toBe(409);
    expect((await sales.get(`/api/v1/contracts?clientId=${s.clientId}`)).body.items).toHaveLength(1);
  });

  it('a failure while making the contract leaves the offer sent and no contract', async () => {
    const s = await setup();
    const sent = await sentOffer(s);
    const point = (await manager.get(`/api/v1/supply-points/${s.points[0]}`)).body;
    expect((await manager.post(`/api/v1/supply-points/${s.points[0]}/archive`, { version: point.version })).status).toBe(200);
    const refused = await sales.post(`/api/v1/offers/${sent.id}/accept`, { version: sent.version });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'supplyPointIds.0', code: 'archived' }));
    expect((await sales.get(`/api/v1/offers/${sent.id}`)).body).toMatchObject({ state: 'sent', contractId: null, version: sent.version });
    expect((await sales.get(`/api/v1/contracts?clientId=${s.clientId}`)).body.items).toHaveLength(0);
  });

  it('a declined offer keeps its reason and is out of the pipeline', async () => {
    const s = await setup();
    const sent = await sentOffer(s);
    expect((await sales.get(`/api/v1/offers/pipeline?caseId=${s.caseId}`)).body).toEqual({ value: '560.98', offerCount: 1 });
    const declined = await sales.post(`/api/v1/offers/${sent.id}/decline`, { version: sent.version, reason: 'Zostáva u súčasného dodávateľa' });
    expect(declined.body).toMatchObject({ state: 'declined', closingReason: 'Zostáva u súčasného dodávateľa' });
    expect((await sales.get(`/api/v1/offers/pipeline?caseId=${s.caseId}`)).body).toEqual({ value: '0.00', offerCount: 0 });
  });
});

describe('related offers and the pipeline', () => {
  it('related offers count once with the largest open total', async () => {
    const s = await setup();
    const small = await newOffer(s); // 560.98
    const large = await newOffer(s, { lines: [line(s.points[0]!), line(s.points[1]!)], isAlternative: true, relatedOfferId: small.id });
    expect(large.relationGroupId).not.toBeNull();
    expect((await sales.get(`/api/v1/offers/${small.id}`)).body.related).toEqual([expect.objectContaining({ id: large.id })]);
    const pipeline = (await sales.get(`/api/v1/cases/${s.caseId}/offers`)).body.pipeline;
    expect(pipeline).toEqual({ value: large.totals.offeredCost, offerCount: 2 });
    await sales.delete(`/api/v1/offers/${large.id}/relations`);
    // The client card lists the client's offers with the case each belongs to.
    const ofClient = (await sales.get(`/api/v1/offers?clientId=${s.clientId}`)).body.items as { id: string; caseId: string; caseName: string }[];
    expect(ofClient.map((o) => o.id).sort()).toEqual([small.id, large.id].sort());
    expect(ofClient.every((o) => o.caseId === s.caseId && o.caseName === 'Elektrina 2026')).toBe(true);
    const byClient = (await sales.get(`/api/v1/offers/pipeline?clientId=${s.clientId}`)).body.value;
    expect(Math.round(Number(byClient) * 100)).toBe(Math.round((Number(large.totals.offeredCost) + 560.98) * 100));
    const foreign = await setup(sales2);
    const foreignOffer = await newOffer(foreign, {}, sales2);
    const link = await sales.post(`/api/v1/offers/${small.id}/relations`, { offerId: foreignOffer.id });
    expect(link.status).toBe(400);
    expect(link.body.errors).toEqual([expect.objectContaining({ path: 'offerId', code: 'not_found' })]);
  });
});

describe('lapse job', () => {
  it('lapses open offers past their validity and leaves valid and closed ones', async () => {
    const s = await setup();
    const short = await newOffer(s, { validUntil: day(0) });
    const long = await newOffer(s, { validUntil: day(10) });
    const later = new Date(Date.now() + 2 * 86_400_000);
    await jobHandlers['offers.lapse']!({ ...systemContext(db, pino({ level: 'silent' }), 'test:lapse'), now: () => later }, {});
    expect((await sales.get(`/api/v1/offers/${short.id}`)).body.state).toBe('lapsed');
    expect((await sales.get(`/api/v1/offers/${long.id}`)).body.state).toBe('draft');
    const history = await sales.get(`/api/v1/offers/${short.id}/history`);
    expect(history.body.items).toContainEqual(expect.objectContaining({ field: 'state', before: 'draft', after: 'lapsed' }));
  });
});

describe('access', () => {
  it("keeps margins and purchase costs out of the offer's history for those who do not decide on margins", async () => {
    const offer = await newOffer(west);
    await sales.post(`/api/v1/offers/${offer.id}/submit`, { version: offer.version });
    const hidden = ['margin', 'marginPercent', 'purchaseCost'];
    const fieldsOf = (items: { field: string | null; before: unknown; after: unknown }[]) =>
      items.flatMap((item) => [item.field, ...[item.before, item.after].flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : []))]);
    const ofSales = (await sales.get(`/api/v1/offers/${offer.id}/history`)).body.items;
    expect(ofSales.length).toBeGreaterThan(1);
    expect(fieldsOf(ofSales).filter((field) => hidden.includes(field as string))).toEqual([]);
    // the manager decides on margins and reads them in the history too
    const ofManager = (await manager.get(`/api/v1/offers/${offer.id}/history`)).body.items;
    expect(fieldsOf(ofManager)).toEqual(expect.arrayContaining(['margin', 'marginPercent']));
  });

  it('an offer of another team is invisible: lists, detail, versions, compare, PDF, documents, pipeline, actions → 404', async () => {
    const sent = await sentOffer(west);
    const paths = [
      `/api/v1/offers/${sent.id}`,
      `/api/v1/offers/${sent.id}/versions`,
      `/api/v1/offers/${sent.id}/compare?with=${sent.id}`,
      `/api/v1/offers/${sent.id}/pdf`,
      `/api/v1/offers/${sent.id}/history`,
      `/api/v1/documents/${sent.documents[0].id}/download`,
      `/api/v1/offers/pipeline?caseId=${west.caseId}`,
      `/api/v1/offers/pipeline?clientId=${west.clientId}`,
      `/api/v1/cases/${west.caseId}/offers`,
    ];
    for (const path of paths) expect((await sales2.get(path)).status, path).toBe(404);
    for (const action of ['accept', 'decline', 'submit', 'send']) {
      expect((await sales2.post(`/api/v1/offers/${sent.id}/${action}`, { version: sent.version })).status, action).toBe(404);
    }
    expect((await sales2.patch(`/api/v1/offers/${sent.id}`, { version: sent.version, note: 'x' })).status).toBe(404);
    expect((await sales2.post(`/api/v1/cases/${west.caseId}/offers`, { validUntil, lines: [line(west.points[0]!)] })).status).toBe(404);
    const list = await sales2.get('/api/v1/offers?allVersions=true&limit=500');
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(sent.id);
    expect((await sales2.get(`/api/v1/documents?recordType=offer&recordId=${sent.id}`)).status).toBe(404);
    // the owner still sees it, unchanged
    expect((await sales.get(`/api/v1/offers/${sent.id}`)).body).toMatchObject({ state: 'sent', version: sent.version });
    const pdf = await sales.get(`/api/v1/offers/${sent.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });
});

// Last in the file: they change the company's offer template.
describe('the PDF of an offer', () => {
  it("gives each supply point its own address's country, not the client's", async () => {
    const s = await setup(sales, { address: { street: 'Václavské náměstí 1', city: 'Praha', postalCode: '110 00', country: 'CZ' } });
    const offer = await newOffer(s);
    const identifier = (await sales.get(`/api/v1/supply-points/${s.points[0]}`)).body.identifier as string;
    const template = (await admin.get('/api/v1/document-templates/offer')).body;
    const body = 'Klient: {{client.address.country}}\n\n{{#each supplyPoints}}Miesto {{identifier}}: {{address.country}}\n\n{{/each}}';
    const saved = await send('PUT', '/api/v1/document-templates/offer', admin.cookie, { language: template.language, body, version: template.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const pdf = await sales.get(`/api/v1/offers/${offer.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.raw)), { mergePages: true })).text;
    expect(text).toContain('Klient: CZ');
    expect(text).toContain(`Miesto ${identifier}: SK`);
  });

  it('is the one the client received, even after the template changed', async () => {
    const sent = await sentOffer(await setup());
    const kept = await sales.get(`/api/v1/documents/${sent.documents[0].id}/download`);
    const template = (await admin.get('/api/v1/document-templates/offer')).body;
    const saved = await send('PUT', '/api/v1/document-templates/offer', admin.cookie, { language: template.language, body: `${template.body}\n\nZmenená šablóna`, version: template.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const pdf = await sales.get(`/api/v1/offers/${sent.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.equals(kept.raw)).toBe(true);
  });
});
