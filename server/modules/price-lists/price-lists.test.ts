import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { seededRandom } from '../../demo/generator.js';
import { carryRegulatedChargesInto2027, loadPricingDemo } from '../../demo/pricing-demo.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { priceLists } from './price-lists.schema.js';
import { markPriceListUsed, quoteSupplyPoint } from './price-lists.service.js';

const { db, as } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const salesCz = await as('sales.cz@demo.kilowatt');
const random = seededRandom(6161);
let serial = 0;

const newProduct = async (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  const res = await admin.post('/api/v1/products', {
    supplier: 'Energia Test, a.s.',
    name: `Fix ${serial}`,
    code: `FIX-${serial}`,
    commodity: 'electricity',
    country: 'SK',
    currency: 'EUR',
    priceModel: 'fixed',
    ...overrides,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; ownerId: string };
};

const dd2Rows = [
  { tariffCode: 'DD1', pricePerMWh: '149.90', monthlyFee: '1.49', purchasePerMWh: '98.50' },
  { tariffCode: 'DD2', pricePerMWh: '129.90', monthlyFee: '1.99', purchasePerMWh: '98.50' },
];

const newPriceList = async (productId: string, body: Record<string, unknown>) => {
  const res = await admin.post(`/api/v1/products/${productId}/price-lists`, { rows: dd2Rows, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; revision: number; seriesId: string; inUse: boolean; status: string };
};

const newPoint = async (caller = sales, overrides: Record<string, unknown> = {}) => {
  const client = await caller.post('/api/v1/clients', companyBody());
  expect(client.status).toBe(201);
  const point = await caller.post('/api/v1/supply-points', {
    clientId: client.body.id,
    commodity: 'electricity',
    identifier: skElectricityEic(random, 'ZS'),
    distributionRate: 'DD2',
    annualConsumption: '2500',
    consumptionUnit: 'kWh',
    ...overrides,
  });
  expect(point.status).toBe(201);
  return point.body as { id: string; territoryCode: string };
};

const xlsxBase64 = async (rows: (string | number | null)[][], header = ['[tariffCode]', '[pricePerMWh]', '[monthlyFee]', '[purchasePerMWh]']) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Price list');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
};

describe('products', () => {
  it('are created by pricing administration, read by every user of the owner, invisible to another owner', async () => {
    const product = await newProduct({ name: 'Viditeľný produkt' });
    const list = await sales.get('/api/v1/products?q=Viditeľný');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([product.id]);
    expect((await sales2.get(`/api/v1/products/${product.id}`)).status).toBe(200);
    // another owner company: neither in the list nor by id, nor its price lists
    expect((await salesCz.get('/api/v1/products?q=Viditeľný')).body.items).toEqual([]);
    expect((await salesCz.get(`/api/v1/products/${product.id}`)).status).toBe(404);
    expect((await salesCz.get(`/api/v1/products/${product.id}/price-lists`)).status).toBe(404);
    expect((await salesCz.get(`/api/v1/products/${product.id}/history`)).status).toBe(404);
  });

  it('may be written by admin and manager, not by sales (403), and a stale version is 409', async () => {
    const denied = await sales.post('/api/v1/products', { supplier: 'X', name: 'Y', code: 'DENIED', commodity: 'gas', country: 'SK', currency: 'EUR', priceModel: 'fixed' });
    expect(denied.status).toBe(403);
    expect((await sales.get('/api/v1/products?q=DENIED')).body.items).toEqual([]);
    const product = await newProduct();
    const changed = await manager.patch(`/api/v1/products/${product.id}`, { name: 'Fix renamed', version: product.version });
    expect(changed.status).toBe(200);
    expect((await manager.patch(`/api/v1/products/${product.id}`, { name: 'again', version: product.version })).status).toBe(409);
    const history = await admin.get(`/api/v1/products/${product.id}/history`);
    expect(history.body.items.some((h: { field: string; after: unknown }) => h.field === 'name' && h.after === 'Fix renamed')).toBe(true);
  });

  it('rejects a duplicate code naming the field', async () => {
    await newProduct({ code: 'DUP-1' });
    const res = await admin.post('/api/v1/products', { supplier: 'X', name: 'Y', code: 'DUP-1', commodity: 'gas', country: 'SK', currency: 'EUR', priceModel: 'fixed' });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'code', code: 'duplicate' })]);
  });

  it('filters, sorts and exports what the list shows', async () => {
    await newProduct({ supplier: 'Zeta Energy', name: 'Zeta Gas', code: 'ZG-1', commodity: 'gas' });
    await newProduct({ supplier: 'Zeta Energy', name: 'Alfa Gas', code: 'ZG-2', commodity: 'gas' });
    const list = await sales.get('/api/v1/products?supplier=Zeta&sort=-name');
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['Zeta Gas', 'Alfa Gas']);
    const exported = await sales.get('/api/v1/products/export?supplier=Zeta&sort=-name&format=csv');
    expect(exported.status).toBe(200);
    const lines = String(exported.body).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Zeta Gas');
  });
});

describe('price lists', () => {
  it('refuse an overlapping validity for the same product with 400 naming the field and rule, writing nothing', async () => {
    const product = await newProduct();
    await newPriceList(product.id, { validFrom: '2027-01-01', validTo: '2027-12-31' });
    const res = await admin.post(`/api/v1/products/${product.id}/price-lists`, { validFrom: '2027-06-01', validTo: '2028-05-31', rows: dd2Rows });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'validFrom', code: 'overlapping_validity' })]);
    const open = await admin.post(`/api/v1/products/${product.id}/price-lists`, { validFrom: '2020-01-01', rows: dd2Rows });
    expect(open.status).toBe(400);
    expect((await admin.get(`/api/v1/products/${product.id}/price-lists`)).body.items).toHaveLength(1);
    // adjacent is fine
    await newPriceList(product.id, { validFrom: '2028-01-01', validTo: null });
  });

  it('reject duplicate tariffs and a validity ending before it starts', async () => {
    const product = await newProduct();
    const res = await admin.post(`/api/v1/products/${product.id}/price-lists`, {
      validFrom: '2027-01-01',
      validTo: '2026-12-31',
      rows: [dd2Rows[0], dd2Rows[0]],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['validTo', 'before_valid_from'],
      ['rows.1.tariffCode', 'duplicate'],
    ]);
    const bad = await admin.post(`/api/v1/products/${product.id}/price-lists`, { validFrom: '2027-01-01', rows: [{ tariffCode: 'DD1', pricePerMWh: '-1', monthlyFee: '1' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('rows.0.pricePerMWh');
  });

  it('change in place while not in use; once used by an offer a change makes a new version and the old is read-only', async () => {
    const product = await newProduct();
    const list = await newPriceList(product.id, { validFrom: '2029-01-01', validTo: '2029-12-31' });
    expect(list).toMatchObject({ inUse: false, status: 'current', revision: 1 });
    const inPlace = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: list.version, rows: [{ tariffCode: null, pricePerMWh: '120', monthlyFee: '2' }] });
    expect(inPlace.status).toBe(200);
    expect(inPlace.body).toMatchObject({ id: list.id, revision: 1, version: 2, rows: [{ tariffCode: null, pricePerMWh: '120', monthlyFee: '2', purchasePerMWh: null }] });

    await markPriceListUsed(systemContext(db, pino({ level: 'silent' }), 'offers'), list.id);
    const used = await admin.get(`/api/v1/price-lists/${list.id}`);
    expect(used.body.inUse).toBe(true);
    const next = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: used.body.version, rows: [{ tariffCode: null, pricePerMWh: '125.5', monthlyFee: '2' }] });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ revision: 2, seriesId: list.id, status: 'current', rows: [{ pricePerMWh: '125.5' }] });
    expect(next.body.id).not.toBe(list.id);
    const old = await admin.get(`/api/v1/price-lists/${list.id}`);
    expect(old.body).toMatchObject({ status: 'replaced', replacedById: next.body.id, rows: [{ pricePerMWh: '120' }] });
    const readOnly = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: old.body.version, note: 'x' });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.code).toBe('price_list.read_only');
    const versions = await sales.get(`/api/v1/products/${product.id}/price-lists`);
    expect(versions.body.items.map((v: { revision: number; status: string }) => [v.revision, v.status])).toEqual([
      [2, 'current'],
      [1, 'replaced'],
    ]);
  });

  it('a price list whose validity has begun is in use: a change makes a new version', async () => {
    const product = await newProduct();
    const list = await newPriceList(product.id, { validFrom: '2025-01-01', validTo: '2025-12-31' });
    expect(list.inUse).toBe(true);
    const next = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: list.version, validTo: '2026-03-31' });
    expect(next.body).toMatchObject({ revision: 2, validFrom: '2025-01-01', validTo: '2026-03-31' });
    const [old] = await db.select().from(priceLists).where(eq(priceLists.id, list.id));
    expect(old!.validTo).toBe('2025-12-31');
  });

  it('sales read price lists but may not change them', async () => {
    const product = await newProduct();
    const list = await newPriceList(product.id, { validFrom: '2030-01-01', validTo: '2030-12-31' });
    expect((await sales.get(`/api/v1/price-lists/${list.id}`)).status).toBe(200);
    expect((await sales.patch(`/api/v1/price-lists/${list.id}`, { version: list.version, note: 'x' })).status).toBe(403);
    expect((await salesCz.get(`/api/v1/price-lists/${list.id}`)).status).toBe(404);
    expect((await salesCz.get(`/api/v1/price-lists/${list.id}/export`)).status).toBe(404);
  });
});

describe('price-list import and export (XLSX)', () => {
  it('previews problems naming row and column, refuses a commit with problems and writes nothing', async () => {
    const product = await newProduct();
    const file = await xlsxBase64([
      ['DD1', '149.90', '1.49', '98.5'],
      ['DD2', 'abc', '1.99', null],
      ['DD1', 120, '', null],
    ]);
    const preview = await admin.post(`/api/v1/products/${product.id}/price-lists/import`, { file, validFrom: '2031-01-01' });
    expect(preview.status).toBe(200);
    expect(preview.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'pricePerMWh', 'invalid_price'],
      [4, 'tariffCode', 'duplicate'],
      [4, 'monthlyFee', 'required'],
    ]);
    const commit = await admin.post(`/api/v1/products/${product.id}/price-lists/import`, { file, validFrom: '2031-01-01', commit: true });
    expect(commit.status).toBe(400);
    expect(commit.body.errors[0]).toMatchObject({ path: 'file.rows.3.pricePerMWh', code: 'invalid_price' });
    expect((await admin.get(`/api/v1/products/${product.id}/price-lists`)).body.items).toEqual([]);
    const missing = await admin.post(`/api/v1/products/${product.id}/price-lists/import`, { file: await xlsxBase64([['DD1', '1']], ['[tariffCode]', '[pricePerMWh]']), validFrom: '2031-01-01' });
    expect(missing.body.errors).toEqual([expect.objectContaining({ row: 1, column: 'monthlyFee', code: 'missing_column' })]);
  });

  it('imports the template’s layout in one go and exports a version that imports back unchanged', async () => {
    const product = await newProduct();
    const template = await sales.get('/api/v1/price-lists/template');
    expect(template.status).toBe(200);
    const committed = await admin.post(`/api/v1/products/${product.id}/price-lists/import`, {
      file: template.raw.toString('base64'),
      validFrom: '2031-01-01',
      validTo: '2031-12-31',
      commit: true,
    });
    expect(committed.status).toBe(200);
    expect(committed.body.priceList).toMatchObject({ validFrom: '2031-01-01', rows: dd2Rows.map((r) => ({ ...r, purchasePerMWh: '98.5', pricePerMWh: r.pricePerMWh.replace(/0$/, '') })) });
    const exported = await sales.get(`/api/v1/price-lists/${committed.body.priceList.id}/export`);
    expect(exported.status).toBe(200);
    const other = await newProduct();
    const again = await admin.post(`/api/v1/products/${other.id}/price-lists/import`, { file: exported.raw.toString('base64'), validFrom: '2031-01-01' });
    expect(again.body.errors).toEqual([]);
    expect(again.body.rows).toEqual(committed.body.priceList.rows);
    // a preview is a read: sales may not import, another owner sees nothing
    expect((await sales.post(`/api/v1/products/${product.id}/price-lists/import`, { file: exported.raw.toString('base64'), validFrom: '2032-01-01' })).status).toBe(403);
  });
});

describe('quotes of supply points', () => {
  it('price a visible supply point line by line from the price list, the seeded 2026 components and VAT (hand-checked)', async () => {
    const product = await newProduct();
    const list = await newPriceList(product.id, { validFrom: '2026-01-01', validTo: '2026-12-31' });
    const point = await newPoint();
    expect(point.territoryCode).toBe('sk-zsd');
    const quote = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: product.id, deliveryFrom: '2026-01-01', deliveryTo: '2026-12-31' });
    expect(quote.status).toBe(200);
    expect(quote.body.lines.map((l: { kind: string; basis: string; amount: string }) => [l.kind, l.basis, l.amount])).toEqual([
      ['commodity', 'per_mwh', '324.75'], //            2.5 MWh × 129.90
      ['supplier_fee', 'per_month', '23.88'], //        12 × 1.99
      ['distribution', 'per_mwh', '107.80'], //         2.5 × 43.12 (sk-zsd, DD2)
      ['distribution', 'per_month', '30.96'], //        12 × 2.58
      ['transmission', 'per_mwh', '4.64'], //           2.5 × 1.8542 = 4.6355 → 4.64
      ['system_services', 'per_mwh', '7.71'], //        2.5 × 3.0826 = 7.7065
      ['system_operation', 'per_mwh', '47.34'], //      2.5 × 18.9340 = 47.335
      ['losses', 'per_mwh', '4.19'], //                 2.5 × 1.6746 = 4.1865
      ['market_operator', 'per_mwh', '1.53'], //        2.5 × 0.6123 = 1.53075
      ['nuclear_fund', 'per_mwh', '8.18'], //           2.5 × 3.2712 = 8.178
    ]);
    expect(quote.body).toMatchObject({
      priceListId: list.id,
      territoryCode: 'sk-zsd',
      net: '560.98', // sum of the lines above
      vatPercent: '23',
      vat: '129.03', // 560.98 × 0.23 = 129.0254
      gross: '690.01',
      purchaseCost: '246.25',
      margin: '102.38',
      marginPercent: '29.37',
    });
  });

  it('are 404 for a supply point outside the caller’s rights, through the API and the service', async () => {
    const product = await newProduct();
    await newPriceList(product.id, { validFrom: '2032-01-01', validTo: '2032-12-31' });
    const point = await newPoint(sales);
    const body = { productId: product.id, deliveryFrom: '2032-01-01', deliveryTo: '2032-12-31' };
    expect((await sales2.post(`/api/v1/supply-points/${point.id}/quote`, body)).status).toBe(404);
    expect((await salesCz.post(`/api/v1/supply-points/${point.id}/quote`, body)).status).toBe(404);
    const czActor = { kind: 'user' as const, userId: crypto.randomUUID(), ownerId: crypto.randomUUID(), teamIds: [], roleKeys: ['sales' as const], scope: 'owner' as const, permissions: new Set(['clients.read' as const]) };
    await expect(quoteSupplyPoint({ ...systemContext(db, pino({ level: 'silent' }), 'x'), actor: czActor }, { supplyPointId: point.id, ...body })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('name the field and rule: period outside the price list, point without consumption, no territory', async () => {
    const product = await newProduct();
    await newPriceList(product.id, { validFrom: '2033-01-01', validTo: '2033-06-30' });
    const point = await newPoint();
    const before = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: product.id, deliveryFrom: '2032-12-01', deliveryTo: '2033-03-31' });
    expect(before.status).toBe(400);
    expect(before.body.errors).toEqual([expect.objectContaining({ path: 'deliveryFrom', code: 'outside_price_list_validity' })]);
    const after = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: product.id, deliveryFrom: '2033-01-01', deliveryTo: '2033-12-31' });
    expect(after.body.errors).toEqual([expect.objectContaining({ path: 'deliveryTo', code: 'outside_price_list_validity' })]);

    const empty = await newPoint(sales, { annualConsumption: null, consumptionUnit: null });
    const noConsumption = await sales.post(`/api/v1/supply-points/${empty.id}/quote`, { productId: product.id, deliveryFrom: '2033-01-01', deliveryTo: '2033-06-30' });
    expect(noConsumption.status).toBe(400);
    expect(noConsumption.body.errors).toEqual([expect.objectContaining({ path: 'annualConsumption', code: 'required_for_pricing' })]);

    const gasProduct = await newProduct({ commodity: 'gas' });
    await newPriceList(gasProduct.id, { validFrom: '2033-01-01', validTo: '2033-12-31' });
    const mismatch = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: gasProduct.id, deliveryFrom: '2033-01-01', deliveryTo: '2033-06-30' });
    expect(mismatch.body.errors).toEqual([expect.objectContaining({ path: 'productId', code: 'commodity_mismatch' })]);
  });
});

describe('regulated components and VAT rates', () => {
  it('are read by everyone, written only with pricing administration, with validity checked', async () => {
    const list = await sales.get('/api/v1/regulated-components?country=SK&commodity=electricity&territoryCode=sk-zsd&year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.some((c: { component: string; amount: string }) => c.component === 'transmission' && c.amount === '1.8542')).toBe(true);
    expect(list.body.items.every((c: { territoryCode: string | null }) => c.territoryCode === null || c.territoryCode === 'sk-zsd')).toBe(true);
    const body = { country: 'SK', commodity: 'gas', territoryCode: 'sk-sppd', tariffCode: 'D5', component: 'distribution', basis: 'per_mwh', amount: '9.5', currency: 'EUR', validFrom: '2026-01-01', validTo: '2026-12-31', source: 'test' };
    expect((await sales.post('/api/v1/regulated-components', body)).status).toBe(403);
    const wrong = await admin.post('/api/v1/regulated-components', { ...body, validTo: '2025-12-31' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: 'validTo', code: 'before_valid_from' })]);
    const unknownTerritory = await admin.post('/api/v1/regulated-components', { ...body, territoryCode: 'xx-none' });
    expect(unknownTerritory.status).toBe(400);
    const created = await manager.post('/api/v1/regulated-components', body);
    expect(created.status).toBe(201);
    const changed = await admin.patch(`/api/v1/regulated-components/${created.body.id}`, { amount: '9.75', version: 1 });
    expect(changed.body).toMatchObject({ amount: '9.75', version: 2 });
    const vat = await sales.get('/api/v1/vat-rates');
    expect(vat.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ country: 'SK', ratePercent: '23', validFrom: '2025-01-01' })]));
    expect((await sales.post('/api/v1/vat-rates', { country: 'PL', ratePercent: '23', validFrom: '2011-01-01', source: 'x' })).status).toBe(403);
  });
});

describe('demo price lists', () => {
  it('load for an owner and price its supply points', async () => {
    const { ownerId } = await newProduct();
    await loadPricingDemo(systemContext(db, pino({ level: 'silent' }), 'demo'), [ownerId]);
    const demo = await sales.get('/api/v1/products?q=VOL-SK-E-FIX');
    expect(demo.body.items).toHaveLength(1);
    expect((await sales.get(`/api/v1/products/${demo.body.items[0].id}/price-lists`)).body.items).toHaveLength(2);
    const point = await newPoint();
    const quote = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: demo.body.items[0].id, deliveryFrom: '2027-01-01', deliveryTo: '2027-12-31' });
    // the seeded regulated components are 2026 only: a 2027 quote names the missing charges instead of pricing without them
    expect(quote.status).toBe(400);
    expect(quote.body.errors).toEqual([expect.objectContaining({ path: 'deliveryFrom', code: 'no_regulated_components' })]);
    const priced = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: demo.body.items[0].id, deliveryFrom: '2026-01-01', deliveryTo: '2026-12-31' });
    expect(priced.status).toBe(200);
    expect(priced.body.lines.find((l: { kind: string }) => l.kind === 'commodity')).toMatchObject({ unitPrice: '131.9', amount: '329.75' }); // DD2: 139.90 − 8; 2.5 × 131.90
  });

  // After the test above loaded the demo products for the sales users' owner company.
  it('price next year in the demo with 2026 regulated charges carried over, once', async () => {
    const ctx = systemContext(db, pino({ level: 'silent' }), 'demo');
    await carryRegulatedChargesInto2027(ctx);
    const count2027 = (await sales.get('/api/v1/regulated-components?year=2027')).body.items.length;
    expect(count2027).toBeGreaterThan(0);
    await carryRegulatedChargesInto2027(ctx);
    expect((await sales.get('/api/v1/regulated-components?year=2027')).body.items).toHaveLength(count2027);
    const carried = (await sales.get('/api/v1/regulated-components?year=2027')).body.items as { validFrom: string; source: string }[];
    expect(carried.filter((r) => r.validFrom === '2027-01-01').every((r) => r.source.startsWith('Demo: 2026 carried over'))).toBe(true);

    const [demo] = (await sales.get('/api/v1/products?q=VOL-SK-E-FIX')).body.items as { id: string }[];
    expect(demo).toBeDefined();
    const point = await newPoint();
    const quote = await sales.post(`/api/v1/supply-points/${point.id}/quote`, { productId: demo!.id, deliveryFrom: '2027-01-01', deliveryTo: '2027-12-31' });
    expect(quote.status).toBe(200);
    expect(quote.body.lines.map((l: { kind: string }) => l.kind)).toContain('commodity');
  });
});
