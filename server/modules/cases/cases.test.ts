import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { seededRandom } from '../../demo/generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const random = seededRandom(777);

const me = async (caller: Caller) => (await caller.get('/api/v1/auth/me')).body.user as { id: string; name: string };
const salesUser = await me(sales);
const managerUser = await me(manager);

const newClient = async (caller: Caller = sales, overrides: Record<string, unknown> = {}) => {
  const res = await caller.post('/api/v1/clients', companyBody(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
};
const newSupplyPoint = async (clientId: string, caller: Caller = sales) => {
  const res = await caller.post('/api/v1/supply-points', { clientId, commodity: 'electricity', identifier: skElectricityEic(random, 'ZS') });
  expect(res.status).toBe(201);
  return res.body as { id: string; identifier: string };
};
const newCase = async (body: Record<string, unknown>, caller: Caller = sales) => {
  const res = await caller.post('/api/v1/cases', { name: 'Dodávka elektriny 2027', type: 'acquisition', commodity: 'electricity', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

const client = await newClient();

describe('opening a case', () => {
  it('defaults the responsible user to the caller with a 100 % share and records the history', async () => {
    const point = await newSupplyPoint(client.id);
    const created = await newCase({
      clientId: client.id,
      supplyPointIds: [point.id],
      potentials: [{ commodity: 'electricity', territoryCode: 'sk-zsd', quantity: '1500', quantityUnit: 'kWh', priceModel: 'fixed' }],
      totalDemand: '2.5',
      totalDemandUnit: 'MWh',
      securityKind: 'deposit',
      securityAmount: '1500.50',
    });
    expect(created).toMatchObject({
      clientName: client.name,
      state: 'new',
      outcome: null,
      responsibleUser: { id: salesUser.id, name: salesUser.name },
      participants: [{ userId: salesUser.id, share: '100', name: salesUser.name }],
      supplyPointIds: [point.id],
      supplyPoints: [{ id: point.id, identifier: point.identifier }],
      totalDemand: '2.5',
      securityAmount: '1500.5',
      potentialTotals: [{ commodity: 'electricity', mwh: '1.5', m3: '0' }],
      version: 1,
    });
    const history = (await sales.get(`/api/v1/cases/${created.id}/history`)).body.items;
    expect(history.map((h: { field: string }) => h.field)).toEqual(expect.arrayContaining(['name', 'participants', 'supplyPointIds', 'potentials']));
  });

  it.each([
    ['90 %', [['sales', '60'], ['manager', '30']], '90'],
    ['110 %', [['sales', '60'], ['manager', '50']], '110'],
    ['99.99 % (thirds short by a cent)', [['sales', '66.66'], ['manager', '33.33']], '99.99'],
  ])('refuses shares adding up to %s with case.shares_not_100 naming participants and the sum, writing nothing', async (_, split, sum) => {
    const ids: Record<string, string> = { sales: salesUser.id, manager: managerUser.id };
    const name = `Shares ${sum} ${Math.random()}`;
    const res = await sales.post('/api/v1/cases', {
      clientId: client.id,
      name,
      type: 'acquisition',
      commodity: 'electricity',
      participants: split.map(([who, share]) => ({ userId: ids[who!], share })),
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('case.shares_not_100');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'participants', code: 'shares_not_100' })]);
    expect(res.body.errors[0].message).toContain(`${sum} %`);
    expect((await sales.get(`/api/v1/cases?q=${encodeURIComponent(name)}`)).body.items).toHaveLength(0);
  });

  it('accepts a split of exactly 100 % in decimals', async () => {
    const created = await newCase({
      clientId: client.id,
      participants: [{ userId: salesUser.id, share: '66.67' }, { userId: managerUser.id, share: '33.33' }],
    });
    expect(created.participants.map((p: { share: string }) => p.share).sort()).toEqual(['33.33', '66.67']);
  });

  it.each([
    ['a user twice', { participants: [{ userId: 'SELF', share: '50' }, { userId: 'SELF', share: '50' }] }, 'participants.1.userId', 'duplicate'],
    ['an unknown code-list type', { type: 'mystery' }, 'type', 'unknown_code'],
    ['a quantity without unit', { potentials: [{ commodity: 'electricity', quantity: '10' }] }, 'potentials.0.quantityUnit', 'required'],
    ['electricity in m³', { potentials: [{ commodity: 'electricity', quantity: '10', quantityUnit: 'm3' }] }, 'potentials.0.quantityUnit', 'unit_not_allowed'],
    ['a float quantity', { totalDemand: 12.5 }, 'totalDemand', 'invalid_type'],
    ['a participant of no company', { participants: [{ userId: '00000000-0000-4000-8000-000000000000', share: '100' }] }, 'participants.0.userId', 'not_of_owner'],
  ])('rejects %s with 400 naming the field and rule', async (_, overrides, path, code) => {
    const body = JSON.parse(JSON.stringify(overrides).replaceAll('SELF', salesUser.id));
    const res = await sales.post('/api/v1/cases', { clientId: client.id, name: 'Bad', type: 'acquisition', commodity: 'electricity', ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("refuses a supply point of another client, and one outside the caller's rights", async () => {
    const other = await newClient();
    const foreign = await newSupplyPoint(other.id);
    const res = await sales.post('/api/v1/cases', { clientId: client.id, name: 'X', type: 'acquisition', commodity: 'electricity', supplyPointIds: [foreign.id] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'supplyPointIds.0', code: 'other_client' }));
    const eastClient = await newClient(sales2);
    const hidden = await newSupplyPoint(eastClient.id, sales2);
    const res2 = await sales.post('/api/v1/cases', { clientId: client.id, name: 'X', type: 'acquisition', commodity: 'electricity', supplyPointIds: [hidden.id] });
    expect(res2.body.errors).toContainEqual(expect.objectContaining({ path: 'supplyPointIds.0', code: 'not_found' }));
  });
});

describe('changing a case', () => {
  it('replaces participants, supply points and potentials as sets with one history entry per changed field', async () => {
    const point = await newSupplyPoint(client.id);
    const created = await newCase({ clientId: client.id });
    const res = await sales.patch(`/api/v1/cases/${created.id}`, {
      version: 1,
      name: 'Renamed case',
      supplyPointIds: [point.id],
      participants: [{ userId: salesUser.id, share: '50' }, { userId: managerUser.id, share: '50' }],
      potentials: [{ commodity: 'gas', quantity: '800', quantityUnit: 'm3' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed case', version: 2, supplyPointIds: [point.id], potentialTotals: [{ commodity: 'gas', mwh: '0', m3: '800' }] });
    expect(res.body.participants).toHaveLength(2);
    const updates = (await sales.get(`/api/v1/cases/${created.id}/history`)).body.items.filter((h: { action: string }) => h.action === 'update');
    expect(updates.map((h: { field: string }) => h.field).sort()).toEqual(['name', 'participants', 'potentials', 'supplyPointIds']);
  });

  it('answers 409 for a stale version and keeps the sets as they were', async () => {
    const created = await newCase({ clientId: client.id });
    await sales.patch(`/api/v1/cases/${created.id}`, { version: 1, note: 'first' });
    const stale = await sales.patch(`/api/v1/cases/${created.id}`, { version: 1, participants: [{ userId: managerUser.id, share: '100' }] });
    expect(stale.status).toBe(409);
    const read = (await sales.get(`/api/v1/cases/${created.id}`)).body;
    expect(read.participants.map((p: { userId: string }) => p.userId)).toEqual([salesUser.id]);
  });

  it('refuses a patch whose shares do not add up, leaving the participants unchanged', async () => {
    const created = await newCase({ clientId: client.id });
    const res = await sales.patch(`/api/v1/cases/${created.id}`, { version: 1, participants: [{ userId: salesUser.id, share: '80' }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('case.shares_not_100');
    expect((await sales.get(`/api/v1/cases/${created.id}`)).body).toMatchObject({ version: 1, participants: [{ share: '100' }] });
  });

  it('archives a case, which leaves the list', async () => {
    const created = await newCase({ clientId: client.id, name: 'Archivovaný prípad' });
    const res = await sales.post(`/api/v1/cases/${created.id}/archive`, { version: 1 });
    expect(res.status).toBe(200);
    expect((await sales.get('/api/v1/cases?q=archivovany')).body.items).toHaveLength(0);
    expect((await sales.get('/api/v1/cases?q=archivovany&archived=true')).body.items).toHaveLength(1);
  });
});

describe('closing a case', () => {
  it('closes as won with a note and continues as a linked service-support case', async () => {
    const point = await newSupplyPoint(client.id);
    const created = await newCase({ clientId: client.id, name: 'Won deal', supplyPointIds: [point.id] });
    const res = await sales.post(`/api/v1/cases/${created.id}/close`, { outcome: 'won', closingNote: 'Signed', continueAsServiceSupport: true, version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'closed', outcome: 'won', closingNote: 'Signed' });
    const continuation = (await sales.get(`/api/v1/cases/${res.body.continuationCaseId}`)).body;
    expect(continuation).toMatchObject({ type: 'serviceSupport', clientId: client.id, state: 'new', supplyPointIds: [point.id] });
    // Named in the acting user's language (Slovak for sales@).
    expect(continuation.name).toBe('Servisná podpora — Won deal');
    const again = await sales.patch(`/api/v1/cases/${created.id}`, { version: res.body.version, note: 'late' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('case.closed');
  });

  it('requires a closing note and refuses continuation of a lost case', async () => {
    const created = await newCase({ clientId: client.id });
    expect((await sales.post(`/api/v1/cases/${created.id}/close`, { outcome: 'lost', closingNote: '', version: 1 })).body.errors).toContainEqual(
      expect.objectContaining({ path: 'closingNote' }),
    );
    const res = await sales.post(`/api/v1/cases/${created.id}/close`, { outcome: 'lost', closingNote: 'Price', continueAsServiceSupport: true, version: 1 });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'continueAsServiceSupport', code: 'only_when_won' }));
    expect((await sales.get(`/api/v1/cases/${created.id}`)).body.state).toBe('new');
  });
});

describe('the account-level summary', () => {
  it('sums potentials per commodity in MWh, what was won and what remains; gas volume apart', async () => {
    const account = await newClient();
    const won = await newCase({ clientId: account.id, potentials: [{ commodity: 'electricity', quantity: '100', quantityUnit: 'MWh' }, { commodity: 'gas', quantity: '1000', quantityUnit: 'm3' }] });
    await sales.post(`/api/v1/cases/${won.id}/close`, { outcome: 'won', closingNote: 'ok', version: 1 });
    await newCase({ clientId: account.id, potentials: [{ commodity: 'electricity', quantity: '250000', quantityUnit: 'kWh' }, { commodity: 'gas', quantity: '40', quantityUnit: 'MWh' }] });
    // sales2@ may not see the client, so cannot open a case on it.
    const hidden = await sales2.post('/api/v1/cases', { clientId: account.id, name: 'East', type: 'acquisition', commodity: 'gas' });
    expect(hidden.status).toBe(404);
    const res = await sales.get(`/api/v1/clients/${account.id}/cases-summary`);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ open: 1, won: 1, lost: 0 });
    expect(res.body.potentials).toEqual([
      { commodity: 'electricity', totalDemandMWh: '350', wonMWh: '100', remainingMWh: '250', totalDemandM3: '0', wonM3: '0', remainingM3: '0' },
      { commodity: 'gas', totalDemandMWh: '40', wonMWh: '0', remainingMWh: '40', totalDemandM3: '1000', wonM3: '1000', remainingM3: '0' },
    ]);
    expect(res.body.cases).toHaveLength(2);
  });
});

const listClient = await newClient(sales, { name: 'Zoznamová firma s.r.o.' });

describe('the list', () => {
  const ready = Promise.all(
    [
      ['Alfa prípad', '2027-03-01'],
      ['Beta prípad', null],
      ['Gama prípad', '2027-01-15'],
    ].map(([name, expectedCloseDate]) => newCase({ clientId: listClient.id, name, expectedCloseDate })),
  );

  it('searches by client name, sorts by expected close date with empty ones last, and pages with a cursor', async () => {
    await ready;
    const page1 = await sales.get(`/api/v1/cases?q=zoznamova&sort=expectedCloseDate&limit=2`);
    expect(page1.body.items.map((c: { name: string }) => c.name)).toEqual(['Gama prípad', 'Alfa prípad']);
    const page2 = await sales.get(`/api/v1/cases?q=zoznamova&sort=expectedCloseDate&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((c: { name: string }) => c.name)).toEqual(['Beta prípad']);
    expect(page2.body.nextCursor).toBeNull();
    const desc = await sales.get(`/api/v1/cases?q=zoznamova&sort=-expectedCloseDate`);
    expect(desc.body.items.map((c: { name: string }) => c.name)).toEqual(['Alfa prípad', 'Gama prípad', 'Beta prípad']);
  });

  it('sorts by next activity (kept by the database) and filters by client and state', async () => {
    const [alfa] = await ready;
    const act = await sales.post(`/api/v1/cases/${alfa.id}/actions`, { action: 'task', dueAt: '2030-01-01T10:00:00Z' });
    expect(act.status, JSON.stringify(act.body)).toBe(200);
    const list = await sales.get(`/api/v1/cases?clientId=${listClient.id}&state=new&sort=nextActivityAt`);
    expect(list.body.items[0]).toMatchObject({ name: 'Alfa prípad' });
    expect(list.body.items[0].nextActivityAt).not.toBeNull();
    expect(list.body.items).toHaveLength(3);
  });

  it('exports exactly what the list shows to an XLSX that reads back', async () => {
    await ready;
    const res = await sales.get('/api/v1/cases/export?format=xlsx&q=zoznamova&sort=name');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    const nameColumn = header.indexOf('Názov');
    expect(nameColumn).toBeGreaterThan(0);
    expect(header).toContain('Klient');
    const listed = (await sales.get('/api/v1/cases?q=zoznamova&sort=name')).body.items.map((c: { name: string }) => c.name);
    expect(sheet.getColumn(nameColumn).values.slice(2)).toEqual(listed);
    expect(listed).toEqual(['Alfa prípad', 'Beta prípad', 'Gama prípad']);
  });
});
