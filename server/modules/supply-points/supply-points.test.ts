import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { czElectricityEan, skElectricityEic, skGasPod } from '../../demo/supply-point-generator.js';
import { seededRandom } from '../../demo/generator.js';
import { companyBody, createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const random = seededRandom(4242);

const newClient = async (overrides: Record<string, unknown> = {}) => {
  const res = await sales.post('/api/v1/clients', companyBody(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; version: number };
};
const client = await newClient();
const household = await newClient({ kind: 'person', name: 'Jana Nováková', companyId: null, email: 'jana.novakova@example.sk' });

const electricity = (overrides: Record<string, unknown> = {}) => ({
  clientId: client.id,
  commodity: 'electricity',
  identifier: skElectricityEic(random, 'VS'),
  address: { street: 'Hlavná 5', city: 'Košice', postalCode: '040 01', country: 'SK' },
  annualConsumption: '12.5',
  consumptionUnit: 'MWh',
  currentSupplier: 'VSE',
  distributionRate: 'DD2',
  iban: 'SK31 1200 0000 1987 4263 7541',
  paymentMethod: 'bank_transfer',
  ...overrides,
});

describe('creating a supply point', () => {
  it('normalises the identifier, derives the territory from it and the kWh from the unit', async () => {
    const identifier = skElectricityEic(random, 'VS');
    const spaced = identifier.toLowerCase().replace(/(.{4})/g, '$1 ');
    const res = await sales.post('/api/v1/supply-points', electricity({ identifier: spaced }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      identifier,
      identifierScheme: 'eic',
      territoryCode: 'sk-vsd',
      territorySource: 'identifier',
      annualConsumptionKWh: '12500',
      iban: 'SK3112000000198742637541',
      holder: { clientId: client.id, name: client.name },
      version: 1,
    });
  });

  it('keeps a territory chosen by hand where the identifier says nothing (Czech gas)', async () => {
    const cz = await sales.post('/api/v1/clients', companyBody({ country: 'CZ', companyId: '25959671', vatId: null, taxId: null, phone: null }));
    expect(cz.status).toBe(201);
    const res = await sales.post('/api/v1/supply-points', {
      clientId: cz.body.id,
      commodity: 'gas',
      identifier: '27ZG50000000000U',
      territoryCode: 'cz-gasnet',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ territoryCode: 'cz-gasnet', territorySource: 'manual', identifierScheme: 'eic' });
  });

  it.each([
    ['a wrong check character', { identifier: '24ZVS00000000109' }, 'identifier', 'checksum'],
    ['an EIC of the wrong kind for the commodity', { commodity: 'gas', identifier: '24ZVS00000000108' }, 'identifier', 'commodity'],
    ['a party EIC instead of a metering point', { identifier: '24XSPP-DISTRIB-G' }, 'identifier', 'commodity'],
    ['electricity in m³', { consumptionUnit: 'm3' }, 'consumptionUnit', 'unit_not_allowed'],
    ['a consumption without unit', { consumptionUnit: null }, 'consumptionUnit', 'required'],
    ['a consumption that is not a decimal string', { annualConsumption: '12,5' }, 'annualConsumption', 'invalid_format'],
    ['an IBAN failing mod 97', { iban: 'SK3112000000198742637542' }, 'iban', 'checksum'],
    ['an unknown territory', { territoryCode: 'sk-atlantis' }, 'territoryCode', 'unknown_code'],
    ['an unknown distribution rate', { distributionRate: 'XX9' }, 'distributionRate', 'unknown_code'],
    ['an unknown field', { colour: 'green' }, 'colour', 'unrecognized_keys'],
  ])('rejects %s with 400 naming the field and rule, writing nothing', async (_case, overrides, path, code) => {
    const body = electricity(overrides);
    const res = await sales.post('/api/v1/supply-points', body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    const list = await sales.get(`/api/v1/supply-points?clientId=${client.id}&q=${encodeURIComponent(String(body.identifier).slice(0, 16))}`);
    expect(list.body.items).toHaveLength(0);
  });

  it('answers 409 for an identifier already in use, naming it', async () => {
    const first = await sales.post('/api/v1/supply-points', electricity());
    const again = await sales.post('/api/v1/supply-points', electricity({ identifier: first.body.identifier, clientId: household.id }));
    expect(again.status).toBe(409);
    expect(again.body.errors).toContainEqual(expect.objectContaining({ path: 'identifier', code: 'duplicate' }));
  });

  it('answers 404 for a client outside the caller’s rights and writes nothing', async () => {
    const res = await sales2.post('/api/v1/supply-points', electricity());
    expect(res.status).toBe(404);
    const list = await sales.get(`/api/v1/supply-points?clientId=${client.id}&currentSupplier=x`);
    expect(list.status).toBe(200);
  });
});

describe('derived parameters (ENERGY-2)', () => {
  it('puts a household gas point into its band by annual consumption', async () => {
    const res = await sales.post('/api/v1/supply-points', {
      clientId: household.id,
      commodity: 'gas',
      identifier: skGasPod(random),
      annualConsumption: '18173',
      consumptionUnit: 'kWh',
    });
    expect(res.status).toBe(201);
    expect(res.body.territoryCode).toBe('sk-sppd');
    const derived = await sales.get(`/api/v1/supply-points/${res.body.id}/derived`);
    expect(derived.status).toBe(200);
    expect(derived.body.consumptionBand).toMatchObject({ code: 'D2', customerCategory: 'household' });
    expect(derived.body.consumption).toMatchObject({ kWh: '18173', MWh: '18.173' });
  });

  it('converts m³ with the municipality coefficient and the calorific value, and a business gets an M band', async () => {
    const res = await sales.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity: 'gas',
      identifier: skGasPod(random),
      address: { street: 'Štúrova 1', city: 'Bratislava', postalCode: '811 02', country: 'SK' },
      annualConsumption: '1000',
      consumptionUnit: 'm3',
    });
    expect(res.status).toBe(201);
    // 1000 m³ × k 1.005 (Bratislava) × Hs 10.743 kWh/m³ (seeded reference values)
    expect(res.body.annualConsumptionKWh).toBe('10796.715');
    const derived = await sales.get(`/api/v1/supply-points/${res.body.id}/derived`);
    expect(derived.body.gasConversion).toEqual({ k: '1.005', kSource: 'municipality', hs: '10.743', hsSource: 'reference' });
    expect(derived.body.consumption.m3).toBe('1000');
    expect(derived.body.consumptionBand.code).toBe('M2');
  });

  it('keeps a gas volume it cannot convert, with a warning instead of a guess', async () => {
    const res = await sales.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity: 'gas',
      identifier: skGasPod(random),
      address: { street: 'Hlavná 1', city: 'Senica', country: 'SK' },
      annualConsumption: '500',
      consumptionUnit: 'm3',
    });
    expect(res.status).toBe(201);
    expect(res.body.annualConsumptionKWh).toBeNull();
    expect(res.body.warnings).toContainEqual(expect.objectContaining({ path: 'annualConsumption', code: 'conversion_missing' }));
  });
});

describe('list, export and history', () => {
  const cz = czElectricityEan(random, '3');
  it('filters by commodity, territory, supplier and consumption range, and sorts', async () => {
    const mine = await newClient({ name: 'Filtrovaná Firma s.r.o.' });
    await sales.post('/api/v1/supply-points', electricity({ clientId: mine.id, annualConsumption: '5000', consumptionUnit: 'kWh', currentSupplier: 'ZSE Energia', identifier: skElectricityEic(random, 'ZS') }));
    await sales.post('/api/v1/supply-points', electricity({ clientId: mine.id, annualConsumption: '50', consumptionUnit: 'MWh', currentSupplier: 'ZSE Energia', identifier: skElectricityEic(random, 'ZS') }));
    await sales.post('/api/v1/supply-points', electricity({ clientId: mine.id, annualConsumption: '80', consumptionUnit: 'MWh', currentSupplier: 'SSE', identifier: skElectricityEic(random, 'SS') }));
    const base = `/api/v1/supply-points?clientId=${mine.id}`;
    const zsd = await sales.get(`${base}&territoryCode=sk-zsd&supplier=zse&sort=-annualConsumptionKWh`);
    expect(zsd.body.items.map((p: { annualConsumptionKWh: string }) => p.annualConsumptionKWh)).toEqual(['50000', '5000']);
    const range = await sales.get(`${base}&commodity=electricity&minConsumptionKWh=10000&maxConsumptionKWh=60000`);
    expect(range.body.items.map((p: { annualConsumptionKWh: string }) => p.annualConsumptionKWh)).toEqual(['50000']);
    const paged = await sales.get(`${base}&limit=2&sort=annualConsumptionKWh`);
    expect(paged.body.items).toHaveLength(2);
    const next = await sales.get(`${base}&limit=2&sort=annualConsumptionKWh&cursor=${paged.body.nextCursor}`);
    expect(next.body.items.map((p: { annualConsumptionKWh: string }) => p.annualConsumptionKWh)).toEqual(['80000']);
  });

  it('exports exactly what the list shows to XLSX', async () => {
    const res = await sales.get(`/api/v1/supply-points/export?format=xlsx&territoryCode=sk-zsd&supplier=zse&sort=-annualConsumptionKWh`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const list = await sales.get(`/api/v1/supply-points?territoryCode=sk-zsd&supplier=zse&sort=-annualConsumptionKWh&limit=500`);
    const identifiers = sheet.getColumn(1).values.slice(2);
    expect(identifiers).toEqual(list.body.items.map((p: { identifier: string }) => p.identifier));
    expect(identifiers.length).toBeGreaterThanOrEqual(2);
  });

  it('writes the labels the list shows, not codes, in the caller’s language or the one asked for', async () => {
    const labelled = await newClient({ name: 'Exportná Firma s.r.o.' });
    const power = skElectricityEic(random, 'ZS');
    const gas = skGasPod(random);
    expect((await sales.post('/api/v1/supply-points', electricity({ clientId: labelled.id, identifier: power, distributionRate: 'DD2' }))).status).toBe(201);
    expect(
      (await sales.post('/api/v1/supply-points', { clientId: labelled.id, commodity: 'gas', identifier: gas, status: 'inactive', paymentMethod: 'direct_debit' })).status,
    ).toBe(201);
    const rowsOf = async (url: string) => {
      const res = await sales.get(url);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, number) => {
        if (number > 1) rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
      });
      return { name: sheet.name, rows };
    };
    const base = `/api/v1/supply-points/export?format=xlsx&clientId=${labelled.id}&archived=all&sort=identifier`;

    // This user works in Slovak.
    const sk = await rowsOf(base);
    expect(sk.name).toBe('Odberné miesta');
    expect(sk.rows).toHaveLength(2);
    expect(sk.rows.find((r) => r['EIC/EAN kód'] === power)).toMatchObject({
      Komodita: 'Elektrina',
      'Distribučné územie': 'Západoslovenská distribučná (ZSD)',
      'Distribučná sadzba': 'DD2 jednotarif',
      Stav: 'Aktívne',
    });
    expect(sk.rows.find((r) => r['EIC/EAN kód'] === gas)).toMatchObject({
      Komodita: 'Plyn',
      'Distribučné územie': 'SPP - distribúcia',
      'Distribučná sadzba': null,
      Stav: 'Neaktívne',
    });

    const en = await rowsOf(`${base}&language=en`);
    expect(en.name).toBe('Supply points');
    const powerRow = en.rows.find((r) => r['EIC/EAN code'] === power);
    const gasRow = en.rows.find((r) => r['EIC/EAN code'] === gas);
    expect(powerRow).toMatchObject({ Commodity: 'Electricity', 'Distribution territory': 'Západoslovenská distribučná (ZSD)', 'Distribution rate': 'DD2 single-rate', Status: 'Active' });
    expect(gasRow).toMatchObject({ Commodity: 'Gas', Status: 'Inactive' });

    const csv = await sales.get(`${base.replace('format=xlsx', 'format=csv')}&language=en`);
    expect(String(csv.body)).toContain('Electricity');
    expect(String(csv.body)).not.toMatch(/,electricity,|,active,|,sk-zsd,|,DD2,/);
    expect((await sales.get(`${base}&language=de`)).status).toBe(400);
  });

  it('records every change in the history and refuses a stale version', async () => {
    const created = await sales.post('/api/v1/supply-points', electricity({ identifier: cz, clientId: (await sales.post('/api/v1/clients', companyBody({ country: 'CZ', companyId: '12345679', vatId: null, taxId: null, phone: null }))).body.id }));
    expect(created.status).toBe(201);
    expect(created.body.territoryCode).toBe('cz-pred');
    const updated = await sales.patch(`/api/v1/supply-points/${created.body.id}`, { currentSupplier: 'Pražská energetika', version: 1 });
    expect(updated.status).toBe(200);
    const stale = await sales.patch(`/api/v1/supply-points/${created.body.id}`, { currentSupplier: 'Someone', version: 1 });
    expect(stale.status).toBe(409);
    const history = await sales.get(`/api/v1/supply-points/${created.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ field: 'currentSupplier', before: 'VSE', after: 'Pražská energetika' });
    const read = await sales.get(`/api/v1/supply-points/${created.body.id}`);
    expect(read.body.currentSupplier).toBe('Pražská energetika');
  });
});

describe("the holder's data are the client's (ENERGY-4)", () => {
  it('an edit on the supply point is one change of the client, seen in both places', async () => {
    const holder = await newClient();
    const point = await sales.post('/api/v1/supply-points', electricity({ clientId: holder.id }));
    const res = await sales.patch(`/api/v1/supply-points/${point.body.id}/holder`, {
      name: 'Nový Názov s.r.o.',
      email: 'fakturacia@novy.sk',
      version: point.body.holder.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.holder).toMatchObject({ name: 'Nový Názov s.r.o.', email: 'fakturacia@novy.sk' });
    const clientRead = await sales.get(`/api/v1/clients/${holder.id}`);
    expect(clientRead.body).toMatchObject({ name: 'Nový Názov s.r.o.', email: 'fakturacia@novy.sk', version: holder.version + 1 });
    const history = await sales.get(`/api/v1/clients/${holder.id}/history`);
    const nameChanges = history.body.items.filter((h: { field: string; action: string }) => h.field === 'name' && h.action === 'update');
    expect(nameChanges).toEqual([expect.objectContaining({ before: holder.name, after: 'Nový Názov s.r.o.' })]);
    // and the other way round: the client edited on its card is what the supply point shows
    await sales.patch(`/api/v1/clients/${holder.id}`, { phone: '+421905000111', version: holder.version + 1 });
    const again = await sales.get(`/api/v1/supply-points/${point.body.id}`);
    expect(again.body.holder.phone).toBe('+421905000111');
  });
});

describe('access (CORE-3)', () => {
  it("keeps another team's supply point out of list, detail, derived, history, export and changes", async () => {
    const point = await sales.post('/api/v1/supply-points', electricity());
    const id = point.body.id as string;
    expect((await sales2.get(`/api/v1/supply-points/${id}`)).status).toBe(404);
    expect((await sales2.get(`/api/v1/supply-points/${id}/derived`)).status).toBe(404);
    expect((await sales2.get(`/api/v1/supply-points/${id}/history`)).status).toBe(404);
    const list = await sales2.get(`/api/v1/supply-points?q=${point.body.identifier}`);
    expect(list.body.items).toHaveLength(0);
    const exported = await sales2.get(`/api/v1/supply-points/export?format=csv&q=${point.body.identifier}`);
    expect(exported.status).toBe(200);
    expect(String(exported.body)).not.toContain(point.body.identifier);
    const change = await sales2.patch(`/api/v1/supply-points/${id}`, { currentSupplier: 'Hijack', version: 1 });
    expect(change.status).toBe(404);
    const holder = await sales2.patch(`/api/v1/supply-points/${id}/holder`, { name: 'Hijack', version: 1 });
    expect(holder.status).toBe(404);
    const read = await sales.get(`/api/v1/supply-points/${id}`);
    expect(read.body).toMatchObject({ currentSupplier: 'VSE', version: 1, holder: { name: client.name } });
  });
});

describe('access follows the client (CORE-3, migration 0010)', () => {
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);

  it("moves a client's supply points with the client's team: gone for the old team, there for the new one, in list and search", async () => {
    // Created by the administrator for the West team: sales@ sees it through the team only, not as its creator.
    const admin = await as('admin@demo.kilowatt');
    const teamOf = async (email: string) => (await (await as(email)).get('/api/v1/auth/me')).body.teams[0].id as string;
    const [westTeam, eastTeam] = [await teamOf('sales@demo.kilowatt'), await teamOf('sales2@demo.kilowatt')];
    const created = await admin.post('/api/v1/clients', companyBody({ name: 'Sťahujúca sa Firma s.r.o.', teamId: westTeam }));
    expect(created.status).toBe(201);
    const moving = created.body as { id: string };
    const point = await sales.post('/api/v1/supply-points', electricity({ clientId: moving.id }));
    expect(point.status).toBe(201);
    const byClient = `/api/v1/supply-points?clientId=${moving.id}`;
    const byName = '/api/v1/supply-points?q=stahujuca';
    expect(ids(await sales.get(byClient))).toEqual([point.body.id]);
    expect(ids(await sales.get(byName))).toEqual([point.body.id]);
    expect(ids(await sales2.get(byClient))).toEqual([]);

    const current = (await admin.get(`/api/v1/clients/${moving.id}`)).body;
    const moved = await admin.patch(`/api/v1/clients/${moving.id}`, { teamId: eastTeam, version: current.version });
    expect(moved.status).toBe(200);

    expect(ids(await sales.get(byClient))).toEqual([]);
    expect(ids(await sales.get(byName))).toEqual([]);
    expect((await sales.get(`/api/v1/supply-points/${point.body.id}`)).status).toBe(404);
    expect(ids(await sales2.get(byClient))).toEqual([point.body.id]);
    expect(ids(await sales2.get(byName))).toEqual([point.body.id]);
  });

  it('pages a team list through every visible point exactly once, in identifier order', async () => {
    for (let i = 0; i < 4; i += 1) expect((await sales.post('/api/v1/supply-points', electricity())).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/supply-points?sort=identifier&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await sales.get(url);
      seen.push(...page.body.items.map((item: { identifier: string }) => item.identifier));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    const all = await sales.get('/api/v1/supply-points?sort=identifier&limit=500');
    expect(all.body.items.map((item: { identifier: string }) => item.identifier)).toEqual(seen);
  });
});

describe('global search (CORE-8)', () => {
  it('finds a supply point by its whole identifier, typed with spaces, and by an address fragment', async () => {
    const identifier = skElectricityEic(random, 'ZS');
    const point = await sales.post('/api/v1/supply-points', electricity({ identifier, address: { street: 'Priemyselná 44', city: 'Trnava', postalCode: '917 01', country: 'SK' } }));
    expect(point.status).toBe(201);
    const spaced = identifier.toLowerCase().replace(/(.{4})/g, '$1 ');
    const exact = await sales.get(`/api/v1/search?q=${encodeURIComponent(spaced)}`);
    expect(exact.body.items[0]).toMatchObject({ type: 'supplyPoint', id: point.body.id, title: identifier, url: `/supply-points/${point.body.id}` });
    const byStreet = await sales.get(`/api/v1/search?q=${encodeURIComponent('priemyselna 44')}`);
    expect(byStreet.body.items.map((h: { id: string }) => h.id)).toContain(point.body.id);
  });

  it('shows another team nothing of it', async () => {
    const identifier = skElectricityEic(random, 'ZS');
    await sales.post('/api/v1/supply-points', electricity({ identifier }));
    const res = await sales2.get(`/api/v1/search?q=${identifier}`);
    expect(res.status).toBe(200);
    expect(res.body.items.filter((h: { title: string }) => h.title === identifier)).toEqual([]);
  });
});
