import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');

describe('creating a client', () => {
  it('stores normalised identifiers and answers 201 with version 1', async () => {
    const body = companyBody({ vatId: 'sk 2022146610', taxId: '2022146610', phone: '0905 123 456' });
    const res = await sales.post('/api/v1/clients', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: body.name, vatId: 'SK2022146610', phone: '+421905123456', version: 1, status: 'active' });
    const read = await sales.get(`/api/v1/clients/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.address).toEqual(body.address);
  });

  it.each([
    ['a wrong IČ DPH check', { vatId: 'SK2022146611' }, 'vatId', 'checksum'],
    ['an e-mail that is not one', { email: 'not-an-email' }, 'email', 'invalid_format'],
    ['a phone that is not one', { phone: 'call me' }, 'phone', 'invalid_phone'],
    ['a missing name', { name: '' }, 'name', 'too_small'],
    ['too long a name', { name: 'x'.repeat(201) }, 'name', 'too_big'],
    ['an unknown code-list value', { industry: 'mining-on-mars' }, 'industry', 'unknown_code'],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour', 'unrecognized_keys'],
    ['an unknown kind', { kind: 'alien' }, 'kind', 'invalid_value'],
    ['a company without IČO in SK', { companyId: null }, 'companyId', 'required'],
    ['a CZ IČO with a wrong check digit', { country: 'CZ', companyId: '63507870' }, 'companyId', 'checksum'],
    ['a Polish NIP with a wrong check digit', { country: 'PL', companyId: '123456785', taxId: '5260250994' }, 'taxId', 'checksum'],
    ['a German USt-IdNr with a wrong check digit', { country: 'DE', companyId: 'HRB 1234', vatId: 'DE136695970' }, 'vatId', 'checksum'],
  ])('rejects %s with 400 naming the field and rule, writing nothing', async (_, overrides, path, code) => {
    const body = companyBody(overrides);
    const res = await sales.post('/api/v1/clients', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    const list = await sales.get(`/api/v1/clients?q=${encodeURIComponent(String(body.email))}`);
    expect(list.body.items).toHaveLength(0);
  });

  it('accepts a Slovak IČO that fails the Czech rule, with a warning', async () => {
    const res = await sales.post('/api/v1/clients', companyBody({ companyId: '12345678' }));
    expect(res.status).toBe(201);
    expect(res.body.warnings).toContainEqual(expect.objectContaining({ path: 'companyId', code: 'checksum' }));
  });

  it('answers 409 naming the existing client for a duplicate company ID within the owner', async () => {
    const first = await sales.post('/api/v1/clients', companyBody());
    const again = await sales.post('/api/v1/clients', companyBody({ companyId: first.body.companyId, name: 'Someone Else s.r.o.' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('client.duplicate_company_id');
    expect(again.body.detail).toContain(first.body.name);
  });

});

describe('updating a client', () => {
  it('changes fields, bumps the version and records each field in the history', async () => {
    const created = (await sales.post('/api/v1/clients', companyBody({ name: 'Mliekareň Old s.r.o.' }))).body;
    const res = await sales.patch(`/api/v1/clients/${created.id}`, { name: 'Mliekareň New s.r.o.', status: 'passive', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Mliekareň New s.r.o.', status: 'passive', version: 2 });
    const history = (await sales.get(`/api/v1/clients/${created.id}/history`)).body.items;
    expect(history[0].by.name).toBe('Simona Predajná');
    const changes = history.filter((h: { action: string }) => h.action === 'update');
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', before: 'Mliekareň Old s.r.o.', after: 'Mliekareň New s.r.o.' }),
        expect.objectContaining({ field: 'status', before: 'active', after: 'passive' }),
      ]),
    );
    expect(changes).toHaveLength(2);
  });

  it('answers 409 for a stale version and changes nothing', async () => {
    const created = (await sales.post('/api/v1/clients', companyBody())).body;
    await sales.patch(`/api/v1/clients/${created.id}`, { note: 'first', version: 1 });
    const stale = await sales.patch(`/api/v1/clients/${created.id}`, { note: 'second', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const read = (await sales.get(`/api/v1/clients/${created.id}`)).body;
    expect(read).toMatchObject({ note: 'first', version: 2 });
  });

  it('rejects an invalid change without writing history', async () => {
    const created = (await sales.post('/api/v1/clients', companyBody())).body;
    const res = await sales.patch(`/api/v1/clients/${created.id}`, { vatId: 'SK0000000001', version: 1 });
    expect(res.status).toBe(400);
    const history = (await sales.get(`/api/v1/clients/${created.id}/history`)).body.items;
    expect(history.every((h: { action: string }) => h.action === 'create')).toBe(true);
  });
});

describe('archiving', () => {
  it('archives instead of deleting, hides the client from the list and can restore it', async () => {
    const manager = await as('manager@demo.kilowatt');
    const created = (await manager.post('/api/v1/clients', companyBody({ name: 'Archivovaná firma s.r.o.' }))).body;
    const archived = await manager.post(`/api/v1/clients/${created.id}/archive`, { version: 1 });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await manager.get('/api/v1/clients?q=archivovana')).body.items).toHaveLength(0);
    expect((await manager.get('/api/v1/clients?q=archivovana&archived=true')).body.items).toHaveLength(1);
    const restored = await manager.post(`/api/v1/clients/${created.id}/restore`, { version: 2 });
    expect(restored.body.archivedAt).toBeNull();
    const actions = (await manager.get(`/api/v1/clients/${created.id}/history`)).body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['archive', 'restore']));
  });

  it('is refused (403) for a role without the permission, leaving the client as it was', async () => {
    const created = (await sales.post('/api/v1/clients', companyBody())).body;
    const res = await sales.post(`/api/v1/clients/${created.id}/archive`, { version: 1 });
    expect(res.status).toBe(403);
    expect((await sales.get(`/api/v1/clients/${created.id}`)).body.archivedAt).toBeNull();
  });
});

describe('the list', () => {
  const names = ['Alfa Žilina s.r.o.', 'Beta Žilina s.r.o.', 'Gama Žilina s.r.o.', 'Delta Žilina s.r.o.', 'Epsilon Žilina s.r.o.'];
  const ready = Promise.all(names.map((name) => sales.post('/api/v1/clients', companyBody({ name, address: { city: 'Žilina' }, status: name.startsWith('G') ? 'passive' : 'active' }))));

  it('searches accent-insensitively, sorts on the server and pages with a cursor', async () => {
    await ready;
    const page1 = await sales.get('/api/v1/clients?q=zilina&sort=-name&limit=2');
    expect(page1.body.items.map((c: { name: string }) => c.name)).toEqual(['Gama Žilina s.r.o.', 'Epsilon Žilina s.r.o.']);
    const page2 = await sales.get(`/api/v1/clients?q=zilina&sort=-name&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((c: { name: string }) => c.name)).toEqual(['Delta Žilina s.r.o.', 'Beta Žilina s.r.o.']);
    const page3 = await sales.get(`/api/v1/clients?q=zilina&sort=-name&limit=2&cursor=${page2.body.nextCursor}`);
    expect(page3.body.items.map((c: { name: string }) => c.name)).toEqual(['Alfa Žilina s.r.o.']);
    expect(page3.body.nextCursor).toBeNull();
  });

  it('filters by status', async () => {
    await ready;
    const res = await sales.get('/api/v1/clients?q=zilina&status=passive');
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['Gama Žilina s.r.o.']);
  });

  it('rejects an unknown sort field and a forged cursor with 400', async () => {
    expect((await sales.get('/api/v1/clients?sort=password')).body.errors[0]).toMatchObject({ path: 'sort' });
    expect((await sales.get('/api/v1/clients?cursor=garbage')).body.errors[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' });
  });

  it('exports exactly what the list shows to an XLSX that reads back', async () => {
    await ready;
    const res = await sales.get('/api/v1/clients/export?format=xlsx&q=zilina&sort=name&status=active');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const column = (header: string) => (sheet.getRow(1).values as string[]).indexOf(header);
    // Headers come from the user's language (Slovak for this user).
    const nameColumn = column('Názov');
    expect(nameColumn).toBeGreaterThan(0);
    const exported = sheet.getColumn(nameColumn).values.slice(2);
    const listed = (await sales.get('/api/v1/clients?q=zilina&sort=name&status=active&limit=500')).body.items.map((c: { name: string }) => c.name);
    expect(exported).toEqual(listed);
    expect(listed).toEqual(['Alfa Žilina s.r.o.', 'Beta Žilina s.r.o.', 'Delta Žilina s.r.o.', 'Epsilon Žilina s.r.o.']);
  });

  it('writes the labels the list shows, not codes, in the caller’s language or the one asked for', async () => {
    const name = 'Štítková Firma s.r.o.';
    const created = await sales.post(
      '/api/v1/clients',
      companyBody({ name, status: 'passive', relationshipType: 'prospect', businessArea: 'sk-west', industry: 'manufacturing' }),
    );
    expect(created.status).toBe(201);
    const rowOf = async (url: string) => {
      const res = await sales.get(url);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(2);
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      return Object.fromEntries(headers.map((h, i) => [h, sheet.getRow(2).getCell(i + 1).value]));
    };
    const base = `/api/v1/clients/export?format=xlsx&q=${encodeURIComponent('stitkova')}&archived=all`;
    // This user works in Slovak.
    expect(await rowOf(base)).toMatchObject({
      Názov: name,
      Typ: 'Právnická osoba',
      Krajina: 'Slovensko',
      Stav: 'Pasívny',
      'Obchodný vzťah': 'Potenciálny zákazník',
      'Obchodná oblasť': 'Západné Slovensko',
      Odvetvie: 'Výroba',
    });
    expect(await rowOf(`${base}&language=en`)).toMatchObject({
      Name: name,
      Type: 'Company',
      Country: 'Slovakia',
      Status: 'Passive',
      Relationship: 'Prospect',
      'Business area': 'Western Slovakia',
      Industry: 'Manufacturing',
    });
  });

  it('exports CSV with the same rows', async () => {
    await ready;
    const res = await sales.get('/api/v1/clients/export?format=csv&q=zilina&sort=name');
    const lines = String(res.body).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('Alfa Žilina s.r.o.');
  });
});
