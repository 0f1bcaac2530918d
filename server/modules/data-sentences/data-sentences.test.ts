import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic, skGasPod } from '../../demo/supply-point-generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';
import { changeContractSigningState } from '../contracts/contracts.service.js';

const { as, db } = await createTestApp();
const system = systemContext(db, pino({ level: 'silent' }), 'test:signi');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const salesCz = await as('sales.cz@demo.kilowatt');
const random = seededRandom(6009);
const supplier = 'Energia Západ a.s.';

const client = async (caller: Caller) => {
  const c = (await caller.post('/api/v1/clients', companyBody())).body as { id: string; name: string; companyId: string };
  const electricity = (
    await caller.post('/api/v1/supply-points', {
      clientId: c.id,
      commodity: 'electricity',
      identifier: skElectricityEic(random, 'ZS'),
      annualConsumption: '12500.5',
      consumptionUnit: 'kWh',
      distributionRate: 'DD2',
    })
  ).body as { id: string; identifier: string };
  const gas = (
    await caller.post('/api/v1/supply-points', { clientId: c.id, commodity: 'gas', identifier: skGasPod(random), annualConsumption: '150.004', consumptionUnit: 'MWh' })
  ).body as { id: string; identifier: string };
  if (!electricity.id || !gas.id) throw new Error(JSON.stringify([electricity, gas]));
  const signer = (await caller.post(`/api/v1/clients/${c.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', isSigningPerson: true })).body as { id: string };
  return { client: c, electricity, gas, signer };
};

/** A contract signed at `signedAt` (through the signing states, as Signi's webhooks move it). */
const signedContract = async (
  caller: Caller,
  owner: Awaited<ReturnType<typeof client>>,
  commodity: 'electricity' | 'gas',
  signedAt: string,
  overrides: Record<string, unknown> = {},
) => {
  const res = await caller.post('/api/v1/contracts', {
    clientId: owner.client.id,
    type: 'supply',
    commodity,
    supplier,
    productName: 'Fix 2027',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    supplyPointIds: [commodity === 'electricity' ? owner.electricity.id : owner.gas.id],
    signatoryContactIds: [owner.signer.id],
    ...overrides,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  await changeContractSigningState(system, res.body.id, 'sentForSignature', new Date(signedAt));
  await changeContractSigningState(system, res.body.id, 'signed', new Date(signedAt));
  return res.body as { id: string; number: string };
};

const west = await client(sales);
const east = await client(sales2);
const westElectricity = await signedContract(sales, west, 'electricity', '2026-03-05T09:00:00Z');
const westGas = await signedContract(sales, west, 'gas', '2026-03-31T21:30:00Z'); // 31 March 23:30 in Bratislava
const eastElectricity = await signedContract(sales2, east, 'electricity', '2026-03-10T09:00:00Z');
const westApril = await signedContract(sales, west, 'electricity', '2026-04-01T08:00:00Z');
const westOtherSupplier = await signedContract(sales, west, 'electricity', '2026-03-06T08:00:00Z', { supplier: 'Iný dodávateľ s.r.o.' });

/** An SK supplier: text dates dd.mm.yyyy, comma decimals as text, EE/ZP codes. */
const skSupplierLayout = {
  partnerName: supplier,
  partnerKind: 'supplier',
  name: 'Energia Západ – nové zmluvy',
  layout: {
    sheetName: 'Zmluvy',
    columns: [
      { header: 'Číslo zmluvy', source: { kind: 'field', field: 'contract.number' } },
      { header: 'Dátum podpisu', source: { kind: 'field', field: 'contract.signedAt' }, format: { kind: 'date', pattern: 'DD.MM.YYYY' } },
      {
        header: 'Typ OM',
        source: { kind: 'field', field: 'supplyPoint.commodity' },
        format: { kind: 'mapping', pairs: [{ from: 'electricity', to: 'EE' }, { from: 'gas', to: 'ZP' }] },
      },
      { header: 'EIC/POD', source: { kind: 'field', field: 'supplyPoint.identifier' } },
      { header: 'Spotreba MWh', source: { kind: 'field', field: 'supplyPoint.annualConsumptionMWh' }, format: { kind: 'decimal', places: 2, asText: true, decimalSeparator: ',' } },
      { header: 'Odberateľ', source: { kind: 'field', field: 'client.name' } },
      { header: 'IČO', source: { kind: 'field', field: 'client.companyId' } },
    ],
  },
};

/** A CZ distributor: a fixed first column, Excel date cells, number cells with 3 places; electricity only. */
const czDistributorLayout = {
  partnerName: 'EG.D, a.s.',
  partnerKind: 'distributor',
  commodity: 'electricity',
  name: 'EG.D – registrace',
  layout: {
    columns: [
      { header: 'Obchodník', source: { kind: 'fixed', text: 'KW01' } },
      { header: 'Smlouva', source: { kind: 'field', field: 'contract.number' } },
      { header: 'EAN', source: { kind: 'field', field: 'supplyPoint.identifier' } },
      { header: 'Zahájení', source: { kind: 'field', field: 'contract.startDate' }, format: { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: true } },
      { header: 'Spotřeba (MWh)', source: { kind: 'field', field: 'supplyPoint.annualConsumptionMWh' }, format: { kind: 'decimal', places: 3 } },
    ],
  },
};

const readBack = async (caller: Caller, exportId: string) => {
  const res = await caller.get(`/api/v1/data-sentence-exports/${exportId}/file`);
  expect(res.status).toBe(200);
  expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
};

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

const march = { signedFrom: '2026-03-01', signedTo: '2026-03-31' };

const skLayout = (await admin.post('/api/v1/data-sentence-layouts', skSupplierLayout)).body as { id: string; version: number };
const czLayout = (await admin.post('/api/v1/data-sentence-layouts', czDistributorLayout)).body as { id: string; version: number };

describe('partner layouts', () => {
  it('are defined by administrators with history and optimistic locking; sales may read them but not define them', async () => {
    expect(skLayout.version).toBe(1);
    expect((await sales.post('/api/v1/data-sentence-layouts', skSupplierLayout)).status).toBe(403);
    const listed = (await sales.get('/api/v1/data-sentence-layouts')).body.items as { id: string }[];
    expect(listed.map((l) => l.id)).toEqual(expect.arrayContaining([skLayout.id, czLayout.id]));

    const copy = (await admin.post('/api/v1/data-sentence-layouts', { ...skSupplierLayout, name: 'copy' })).body as { id: string; version: number };
    const changed = await admin.patch(`/api/v1/data-sentence-layouts/${copy.id}`, { name: 'renamed', active: false, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'renamed', active: false, version: 2 });
    expect((await admin.patch(`/api/v1/data-sentence-layouts/${copy.id}`, { name: 'stale', version: 1 })).status).toBe(409);
    const history = (await admin.get(`/api/v1/data-sentence-layouts/${copy.id}/history`)).body.items as { action: string; field: string | null; before: unknown; after: unknown }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['create', 'update']));
    expect(history).toContainEqual(expect.objectContaining({ action: 'update', field: 'name', before: 'copy', after: 'renamed' }));

    const inactive = await sales.post('/api/v1/data-sentence-exports', { layoutId: copy.id, ...march });
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('data_sentence.layout_inactive');
  });

  const withColumns = (columns: unknown[]) => ({ ...skSupplierLayout, layout: { columns } });
  const number = { header: 'Číslo', source: { kind: 'field', field: 'contract.number' } };
  it.each([
    ['a duplicate header', withColumns([number, { ...number, header: 'číslo' }]), 'layout.columns', 'duplicate_header'],
    ['an unknown field', withColumns([number, { header: 'X', source: { kind: 'field', field: 'contract.colour' } }]), 'layout.columns.1.source.field', 'invalid_value'],
    [
      'a value mapped twice',
      withColumns([
        number,
        { header: 'A', source: { kind: 'fixed', text: 'a' } },
        { header: 'Typ', source: { kind: 'field', field: 'supplyPoint.commodity' }, format: { kind: 'mapping', pairs: [{ from: 'gas', to: 'ZP' }, { from: 'gas', to: 'PL' }] } },
      ]),
      'layout.columns.2.format.pairs',
      'duplicate_mapping',
    ],
    ['no columns', withColumns([]), 'layout.columns', 'too_small'],
    ['a date without a pattern', withColumns([{ header: 'D', source: { kind: 'field', field: 'contract.startDate' }, format: { kind: 'date' } }]), 'layout.columns.0.format.pattern', 'invalid_value'],
  ])('refuse %s with 400 naming the path, writing nothing', async (_case, body, path, code) => {
    const before = (await admin.get('/api/v1/data-sentence-layouts')).body.items.length;
    const res = await admin.post('/api/v1/data-sentence-layouts', body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect((await admin.get('/api/v1/data-sentence-layouts')).body.items).toHaveLength(before);
  });

  it('refuse a bad layout in a change too, leaving the layout as it was', async () => {
    const res = await admin.patch(`/api/v1/data-sentence-layouts/${skLayout.id}`, { layout: { columns: [number, number] }, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'layout.columns', code: 'duplicate_header' }));
    expect((await admin.get(`/api/v1/data-sentence-layouts/${skLayout.id}`)).body.version).toBe(1);
  });
});

describe('exporting a data sentence', () => {
  it("writes an SK supplier's file: its columns, headers, text dates, comma decimals and EE/ZP codes, only the partner's contracts", async () => {
    const res = await sales.post('/api/v1/data-sentence-exports', { layoutId: skLayout.id, ...march, onlyPartnerContracts: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ layoutId: skLayout.id, partnerName: supplier, supplier, signedFrom: '2026-03-01', signedTo: '2026-03-31', rowCount: 2, contractCount: 2 });
    expect(res.body.createdBy.name).toBeTruthy();

    const sheet = await readBack(sales, res.body.id);
    expect(sheet.name).toBe('Zmluvy');
    expect(sheet.columnCount).toBe(7);
    expect(sheet.rowCount).toBe(3);
    expect(rowValues(sheet, 1)).toEqual(['Číslo zmluvy', 'Dátum podpisu', 'Typ OM', 'EIC/POD', 'Spotreba MWh', 'Odberateľ', 'IČO']);
    const rows = [westElectricity, westGas].sort((a, b) => a.number.localeCompare(b.number));
    const expected = {
      [westElectricity.number]: [westElectricity.number, '05.03.2026', 'EE', west.electricity.identifier, '12,50', west.client.name, west.client.companyId],
      [westGas.number]: [westGas.number, '31.03.2026', 'ZP', west.gas.identifier, '150,00', west.client.name, west.client.companyId],
    };
    expect(rowValues(sheet, 2)).toEqual(expected[rows[0]!.number]);
    expect(rowValues(sheet, 3)).toEqual(expected[rows[1]!.number]);
    // Text stays text: no number formats, strings in the cells.
    for (const col of [2, 5]) {
      expect(typeof sheet.getRow(2).getCell(col).value).toBe('string');
      expect(sheet.getRow(2).getCell(col).numFmt).toBeUndefined();
    }

    const detail = (await sales.get(`/api/v1/data-sentence-exports/${res.body.id}`)).body;
    expect(detail.layout.columns).toHaveLength(7);
    expect(detail.rows.map((r: { contractId: string }) => r.contractId).sort()).toEqual([westElectricity.id, westGas.id].sort());
    expect(detail.rows.map((r: { supplyPointId: string }) => r.supplyPointId).sort()).toEqual([west.electricity.id, west.gas.id].sort());
  });

  it("writes a CZ distributor's file from the same contracts: a fixed column, Excel date cells and 3-place number cells, electricity only", async () => {
    const res = await sales.post('/api/v1/data-sentence-exports', { layoutId: czLayout.id, ...march });
    expect(res.status).toBe(201);
    // Electricity contracts signed in March that sales@ may see, of any supplier.
    expect(res.body).toMatchObject({ rowCount: 2, contractCount: 2, supplier: null });
    const sheet = await readBack(sales, res.body.id);
    expect(sheet.name).toBe('Data');
    expect(rowValues(sheet, 1)).toEqual(['Obchodník', 'Smlouva', 'EAN', 'Zahájení', 'Spotřeba (MWh)']);
    const numbers = [westElectricity.number, westOtherSupplier.number].sort();
    for (const [i, contractNumber] of numbers.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe('KW01');
      expect(row.getCell(2).value).toBe(contractNumber);
      expect(row.getCell(3).value).toBe(west.electricity.identifier);
      expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2027, 0, 1)));
      expect(row.getCell(4).numFmt).toBe('dd.mm.yyyy');
      expect(row.getCell(5).value).toBe(12.501);
      expect(row.getCell(5).numFmt).toBe('0.000');
    }
    expect(sheet.rowCount).toBe(3);
  });

  it('keeps every export, newest first, with period, row count, who and when; the file downloads again byte for byte', async () => {
    const list = (await sales.get(`/api/v1/data-sentence-exports?layoutId=${czLayout.id}`)).body.items as { id: string; rowCount: number; signedFrom: string; createdBy: { name: string } }[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list[0]).toMatchObject({ rowCount: 2, signedFrom: '2026-03-01' });
    const first = await sales.get(`/api/v1/data-sentence-exports/${list[0]!.id}/file`);
    const again = await sales.get(`/api/v1/data-sentence-exports/${list[0]!.id}/file`);
    expect(first.headers['x-content-sha256']).toBe(again.headers['x-content-sha256']);
    expect(Buffer.compare(first.raw, again.raw)).toBe(0);
  });

  it('refuses an unmapped value with 400 naming the contract, the column and the rule, keeping nothing', async () => {
    const electricityOnly = structuredClone(skSupplierLayout);
    (electricityOnly.layout.columns[2]!.format as { pairs: unknown[] }).pairs = [{ from: 'electricity', to: 'EE' }];
    const layout = (await admin.post('/api/v1/data-sentence-layouts', { ...electricityOnly, name: 'EE only' })).body as { id: string };
    const before = (await sales.get('/api/v1/data-sentence-exports?limit=500')).body.items.length;
    const res = await sales.post('/api/v1/data-sentence-exports', { layoutId: layout.id, ...march });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('data_sentence.unwritable_rows');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ path: 'rows.1.columns.2', code: 'unmapped_value' });
    expect(res.body.errors[0].message).toContain(westGas.number);
    expect(res.body.errors[0].message).toContain('"Typ OM"');
    expect((await sales.get('/api/v1/data-sentence-exports?limit=500')).body.items).toHaveLength(before);
    expect((await admin.get(`/api/v1/data-sentence-exports?layoutId=${layout.id}`)).body.items).toHaveLength(0);
  });

  it('refuses a period that ends before it starts and an unknown layout', async () => {
    const res = await sales.post('/api/v1/data-sentence-exports', { layoutId: skLayout.id, signedFrom: '2026-03-31', signedTo: '2026-03-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'signedTo', code: 'end_before_start' }));
    const unknown = await sales.post('/api/v1/data-sentence-exports', { layoutId: '00000000-0000-4000-8000-000000000000', ...march });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ path: 'layoutId', code: 'not_found' }));
  });
});

describe('access to data sentences', () => {
  it("never exports another team's contract; the administrator's export has it", async () => {
    const mine = (await sales.post('/api/v1/data-sentence-exports', { layoutId: skLayout.id, signedFrom: '2026-01-01', signedTo: '2026-12-31' })).body;
    const contracts = (await sales.get(`/api/v1/data-sentence-exports/${mine.id}`)).body.rows.map((r: { contractId: string }) => r.contractId);
    expect(contracts).not.toContain(eastElectricity.id);
    expect(contracts).toEqual(expect.arrayContaining([westElectricity.id, westGas.id, westApril.id, westOtherSupplier.id]));
    const sheet = await readBack(sales, mine.id);
    const identifiers = sheet.getColumn(4).values.slice(2);
    expect(identifiers).not.toContain(east.electricity.identifier);

    const all = (await admin.post('/api/v1/data-sentence-exports', { layoutId: skLayout.id, ...march })).body;
    expect((await admin.get(`/api/v1/data-sentence-exports/${all.id}`)).body.rows.map((r: { contractId: string }) => r.contractId)).toContain(eastElectricity.id);
  });

  it('hides a kept export containing a contract outside the caller\'s rights: 404 for detail and file, absent from the list', async () => {
    const all = (await admin.post('/api/v1/data-sentence-exports', { layoutId: czLayout.id, ...march })).body as { id: string; rowCount: number };
    expect(all.rowCount).toBe(3);
    const file = (await admin.get(`/api/v1/data-sentence-exports/${all.id}`)).body as { rows: unknown[] };
    expect(file.rows).toHaveLength(3);
    for (const caller of [sales, sales2]) {
      expect((await caller.get(`/api/v1/data-sentence-exports/${all.id}`)).status).toBe(404);
      expect((await caller.get(`/api/v1/data-sentence-exports/${all.id}/file`)).status).toBe(404);
      const ids = (await caller.get('/api/v1/data-sentence-exports?limit=500')).body.items.map((e: { id: string }) => e.id);
      expect(ids).not.toContain(all.id);
    }
    const westOnly = (await sales.post('/api/v1/data-sentence-exports', { layoutId: czLayout.id, ...march })).body as { id: string };
    expect((await sales2.get(`/api/v1/data-sentence-exports/${westOnly.id}`)).status).toBe(404);
    expect((await sales2.get(`/api/v1/data-sentence-exports/${westOnly.id}/file`)).status).toBe(404);
    expect((await admin.get(`/api/v1/data-sentence-exports/${westOnly.id}`)).status).toBe(200);
    const documents = await sales2.get(`/api/v1/documents?recordType=dataSentenceExport&recordId=${westOnly.id}`);
    expect(documents.status).toBe(404);
    // Those who may see every contract in it find it: the manager of the company (owner scope) too.
    expect((await manager.get(`/api/v1/data-sentence-exports/${westOnly.id}/file`)).status).toBe(200);
    expect((await manager.get('/api/v1/data-sentence-exports?limit=500')).body.items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([westOnly.id, all.id]),
    );
  });

  it("keeps layouts and exports within their owner company: another company's user gets 404 and an empty list", async () => {
    expect((await salesCz.get(`/api/v1/data-sentence-layouts/${skLayout.id}`)).status).toBe(404);
    expect((await salesCz.get('/api/v1/data-sentence-layouts')).body.items.map((l: { id: string }) => l.id)).not.toContain(skLayout.id);
    const res = await salesCz.post('/api/v1/data-sentence-exports', { layoutId: skLayout.id, ...march });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'layoutId', code: 'not_found' }));
    const empty = (await sales.post('/api/v1/data-sentence-exports', { layoutId: czLayout.id, signedFrom: '2020-01-01', signedTo: '2020-01-31' })).body as { id: string; rowCount: number };
    expect(empty.rowCount).toBe(0);
    expect((await salesCz.get(`/api/v1/data-sentence-exports/${empty.id}`)).status).toBe(404);
    expect((await sales2.get(`/api/v1/data-sentence-exports/${empty.id}`)).status).toBe(200);
  });
});
