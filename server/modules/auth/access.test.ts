import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

/**
 * Record-level access (CORE-3), one table driving every path: who created the client × who asks × what they do.
 * sales@ (team West) and sales2@ (team East) are team-scoped; manager@ sees its owner company (SK);
 * sales.cz@ works for the other owner company; admin@ sees all.
 */
const { as } = await createTestApp();
const callers: Record<string, Caller> = {};
const created: Record<string, { id: string; name: string; companyId: string }> = {};

beforeAll(async () => {
  for (const email of ['sales', 'sales2', 'manager', 'admin', 'sales.cz', 'legal']) callers[email] = await as(`${email}@demo.kilowatt`);
  for (const creator of ['sales', 'sales2', 'sales.cz']) {
    const res = await callers[creator]!.post('/api/v1/clients', companyBody({ name: `Prístup ${creator} Firma s.r.o.` }));
    expect(res.status).toBe(201);
    created[creator] = res.body;
  }
});

const sees: [creator: string, viewer: string, visible: boolean][] = [
  ['sales', 'sales', true],
  ['sales', 'sales2', false],
  ['sales2', 'sales', false],
  ['sales', 'manager', true],
  ['sales2', 'manager', true],
  ['sales', 'admin', true],
  ['sales.cz', 'admin', true],
  ['sales.cz', 'manager', false],
  ['sales', 'sales.cz', false],
  ['sales', 'legal', true],
];

const xlsxNames = async (raw: Buffer): Promise<string[]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.getColumn(1).values.slice(2).map(String);
};

describe.each(sees)('a client created by %s, asked for by %s', (creator, viewer, visible) => {
  const client = () => created[creator]!;
  const caller = () => callers[viewer]!;

  it(`detail: ${visible ? '200' : '404'}`, async () => {
    expect((await caller().get(`/api/v1/clients/${client().id}`)).status).toBe(visible ? 200 : 404);
  });

  it(`list: ${visible ? 'listed' : 'absent'}`, async () => {
    const res = await caller().get(`/api/v1/clients?q=${encodeURIComponent(client().name)}`);
    expect(res.body.items.some((c: { id: string }) => c.id === client().id)).toBe(visible);
  });

  it(`search: ${visible ? 'found' : 'not found'}, also by exact IČO`, async () => {
    for (const q of [client().name, client().companyId]) {
      const res = await caller().get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.body.items.some((h: { id: string }) => h.id === client().id)).toBe(visible);
    }
  });

  it(`export: ${visible ? 'included' : 'left out'}`, async () => {
    const res = await caller().get(`/api/v1/clients/export?format=xlsx&q=${encodeURIComponent('Prístup')}`);
    if (viewer === 'legal') return expect(res.status).toBe(403);
    expect((await xlsxNames(res.raw)).includes(client().name)).toBe(visible);
  });

  it(`history and contacts: ${visible ? '200' : '404'}`, async () => {
    expect((await caller().get(`/api/v1/clients/${client().id}/history`)).status).toBe(visible ? 200 : 404);
    expect((await caller().get(`/api/v1/clients/${client().id}/contacts`)).status).toBe(visible ? 200 : 404);
  });
});

describe('writes outside the caller’s rights change nothing', () => {
  // Sales may not archive at all, so they get 403 before any lookup: existence is not revealed either way.
  it.each([
    ['sales2', 'sales', 403],
    ['sales.cz', 'sales', 403],
    ['manager', 'sales.cz', 404],
  ])('%s updating, archiving or adding a contact to a client of %s gets 404', async (viewer, creator, archiveStatus) => {
    const caller = callers[viewer]!;
    const client = created[creator]!;
    expect((await caller.patch(`/api/v1/clients/${client.id}`, { name: 'Hijacked', version: 1 })).status).toBe(404);
    expect((await caller.post(`/api/v1/clients/${client.id}/archive`, { version: 1 })).status).toBe(archiveStatus);
    expect((await caller.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'X', lastName: 'Y' })).status).toBe(404);
    const fresh = await callers.admin!.get(`/api/v1/clients/${client.id}`);
    expect(fresh.body).toMatchObject({ name: client.name, version: 1, archivedAt: null });
    expect((await callers.admin!.get(`/api/v1/clients/${client.id}/contacts`)).body.items).toHaveLength(0);
  });

  it('a read-only role (legal) gets 403 on create and update', async () => {
    expect((await callers.legal!.post('/api/v1/clients', companyBody())).status).toBe(403);
    expect((await callers.legal!.patch(`/api/v1/clients/${created.sales!.id}`, { note: 'x', version: 1 })).status).toBe(403);
  });

  it('contacts inherit the client’s visibility', async () => {
    const contact = await callers.sales!.post(`/api/v1/clients/${created.sales!.id}/contacts`, { firstName: 'Jana', lastName: 'Skrytá' });
    expect(contact.status).toBe(201);
    expect((await callers.sales2!.get(`/api/v1/contacts/${contact.body.id}`)).status).toBe(404);
    expect((await callers.sales2!.patch(`/api/v1/contacts/${contact.body.id}`, { lastName: 'Zmenená', version: 1 })).status).toBe(404);
    expect((await callers.sales2!.get('/api/v1/search?q=skryta')).body.items).toHaveLength(0);
    expect((await callers.sales!.get('/api/v1/search?q=skryta')).body.items).toHaveLength(1);
    expect((await callers.sales!.get(`/api/v1/contacts/${contact.body.id}`)).body.lastName).toBe('Skrytá');
  });
});

describe('an administrator changes a role’s scope', () => {
  it('widening sales to the owner company lets sales2 see sales’s client on the next request', async () => {
    const roles = (await callers.admin!.get('/api/v1/roles')).body.items;
    const salesRole = roles.find((r: { key: string }) => r.key === 'sales');
    expect(salesRole.scope).toBe('team');
    const changed = await callers.admin!.patch('/api/v1/roles/sales', { scope: 'owner', version: salesRole.version });
    expect(changed.status).toBe(200);
    expect((await callers.sales2!.get(`/api/v1/clients/${created.sales!.id}`)).status).toBe(200);
    expect((await callers.sales2!.get(`/api/v1/clients/${created['sales.cz']!.id}`)).status).toBe(404);
    await callers.admin!.patch('/api/v1/roles/sales', { scope: 'team', version: changed.body.version });
    expect((await callers.sales2!.get(`/api/v1/clients/${created.sales!.id}`)).status).toBe(404);
  });

  it('a non-administrator may not change scopes', async () => {
    expect((await callers.manager!.patch('/api/v1/roles/sales', { scope: 'all', version: 1 })).status).toBe(403);
  });
});
