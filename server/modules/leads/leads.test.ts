import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seededRandom, validIco } from '../../demo/generator.js';
import { createTestApp, type Caller } from '../../test/app.js';

const { db, as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const random = seededRandom(4242);

let serial = 0;
const leadBody = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    name: `Pekáreň Lead ${serial} s.r.o.`,
    country: 'SK',
    companyId: validIco(random),
    email: `lead${serial}@pekaren.sk`,
    phone: '0905 111 2' + String(serial).padStart(2, '0'),
    contactFirstName: 'Jana',
    contactLastName: 'Kováčová',
    address: { city: 'Trnava' },
    industry: 'manufacturing',
    source: 'manual',
    potentials: [
      {
        commodity: 'electricity',
        territoryCode: 'sk-zsd',
        quantity: '120.500',
        quantityUnit: 'MWh',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        priceModel: 'fixed',
      },
    ],
    totalDemand: '300',
    totalDemandUnit: 'MWh',
    ...overrides,
  };
};

const create = async (caller: Caller, overrides: Record<string, unknown> = {}) => {
  const res = await caller.post('/api/v1/leads', leadBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    version: number;
    name: string;
    companyId: string;
    email: string;
    phone: string;
  };
};

const errorsOf = (body: { errors?: { path: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();

const addActivity = async (
  leadId: string,
  ownerId: string,
  values: { status: 'open' | 'done'; startAt: string; completedAt?: string },
) => {
  await db.execute(sql`insert into activities (owner_id, kind, subject, start_at, due_at, status, completed_at, lead_id)
    values (${ownerId}, 'call', 'Call', ${values.startAt}::timestamptz, ${values.startAt}::timestamptz, ${values.status}, ${values.completedAt ?? null}::timestamptz, ${leadId})`);
};

describe('creating a lead', () => {
  it('stores identifiers normalised, quantities as decimal strings, and the potentials in order', async () => {
    const res = await sales.post(
      '/api/v1/leads',
      leadBody({ email: 'Info@Pekaren-Nova.SK', phone: '0905 123 777', companyId: '36 285 871' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      companyId: '36285871',
      email: 'info@pekaren-nova.sk',
      phone: '+421905123777',
      status: 'new',
      priority: 3,
      totalDemand: '300',
      totalDemandUnit: 'MWh',
      potentials: [
        {
          commodity: 'electricity',
          territoryCode: 'sk-zsd',
          quantity: '120.5',
          quantityUnit: 'MWh',
          periodFrom: '2027-01-01',
          priceModel: 'fixed',
        },
      ],
    });
    const read = await sales.get(`/api/v1/leads/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.potentials[0].quantity).toBe('120.5');
    expect(read.body.links).toEqual({
      client: null,
      convertedClient: null,
      convertedCase: null,
      mergedInto: null,
    });
  });

  it('refuses bad input with one 400 naming each field and rule, and writes nothing', async () => {
    const before = await sales.get('/api/v1/leads?q=Zlý%20lead');
    const res = await sales.post(
      '/api/v1/leads',
      leadBody({
        name: 'Zlý lead',
        companyId: '1234567',
        phone: '090512',
        totalDemand: '12',
        totalDemandUnit: null,
        potentials: [
          {
            commodity: 'electricity',
            supplyPointIdentifier: '24ZVS00000000109',
            periodFrom: '2027-06-01',
            periodTo: '2027-01-01',
          },
          { commodity: 'gas', quantity: '10', quantityUnit: 'm3' },
          { commodity: 'electricity', quantity: '10', quantityUnit: 'm3' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorsOf(res.body)).toEqual(
      [
        'companyId:length',
        'phone:invalid_phone',
        'potentials.0.periodTo:period_order',
        'potentials.0.supplyPointIdentifier:checksum',
        'potentials.2.quantityUnit:unit_not_allowed',
        'totalDemandUnit:required',
      ].sort(),
    );
    expect((await sales.get('/api/v1/leads?q=Zlý%20lead')).body.items).toEqual(before.body.items);
  });

  it('refuses schema violations and unknown code-list values by field', async () => {
    const schema = await sales.post(
      '/api/v1/leads',
      leadBody({ email: 'not-an-email', priority: 9, potentials: [{ commodity: 'water' }] }),
    );
    expect(schema.status).toBe(400);
    expect(errorsOf(schema.body)).toEqual(
      ['email:invalid_format', 'potentials.0.commodity:invalid_value', 'priority:too_big'].sort(),
    );
    const codes = await sales.post(
      '/api/v1/leads',
      leadBody({ industry: 'mining', potentials: [{ commodity: 'gas', territoryCode: 'nowhere' }] }),
    );
    expect(codes.status).toBe(400);
    expect(errorsOf(codes.body)).toEqual([
      'industry:unknown_code',
      'potentials.0.territoryCode:unknown_code',
    ]);
    const quantity = await sales.post(
      '/api/v1/leads',
      leadBody({ totalDemand: '1,5', totalDemandUnit: 'MWh' }),
    );
    expect(errorsOf(quantity.body)).toEqual(['totalDemand:invalid_decimal']);
  });

  it('links a lead only to a client the caller may see', async () => {
    const client = await sales2.post('/api/v1/clients', {
      kind: 'company',
      name: 'Východ s.r.o.',
      country: 'SK',
      companyId: validIco(random),
      relationshipType: 'customer',
    });
    expect(client.status).toBe(201);
    const res = await sales.post('/api/v1/leads', leadBody({ clientId: client.body.id }));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)).toEqual(['clientId:unknown_client']);
  });
});

describe('changing a lead', () => {
  it('patches with the version read, replaces the potentials as a set, and refuses a stale version (409)', async () => {
    const lead = await create(sales);
    const res = await sales.patch(`/api/v1/leads/${lead.id}`, {
      version: lead.version,
      priority: 1,
      potentials: [
        {
          commodity: 'gas',
          territoryCode: 'sk-sppd',
          supplyPointIdentifier: 'sksppdis000410123456',
          quantity: '50',
          quantityUnit: 'm3',
        },
        { commodity: 'service' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ priority: 1, version: lead.version + 1, companyId: lead.companyId });
    expect(
      res.body.potentials.map((p: { commodity: string; supplyPointIdentifier: string | null }) => [
        p.commodity,
        p.supplyPointIdentifier,
      ]),
    ).toEqual([
      ['gas', 'SKSPPDIS000410123456'],
      ['service', null],
    ]);
    const stale = await sales.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, priority: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect((await sales.get(`/api/v1/leads/${lead.id}`)).body.priority).toBe(1);
  });

  it('keeps the potentials when a patch leaves them out', async () => {
    const lead = await create(sales);
    const res = await sales.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, note: 'Volali sme.' });
    expect(res.body.potentials).toHaveLength(1);
  });

  it('disqualifies with a reason, requalifies, archives only after confirmation of the version, and records it all', async () => {
    const lead = await create(sales);
    const noReason = await sales.post(`/api/v1/leads/${lead.id}/disqualify`, {
      version: lead.version,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason.body)).toEqual(['reason:too_small']);
    const out = await sales.post(`/api/v1/leads/${lead.id}/disqualify`, {
      version: lead.version,
      reason: 'Má zmluvu do 2030',
    });
    expect(out.body).toMatchObject({ status: 'disqualified', disqualifiedReason: 'Má zmluvu do 2030' });
    const back = await sales.post(`/api/v1/leads/${lead.id}/qualify`, { version: out.body.version });
    expect(back.body).toMatchObject({ status: 'qualified', disqualifiedReason: null });
    const archived = await sales.post(`/api/v1/leads/${lead.id}/archive`, { version: back.body.version });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const change = await sales.patch(`/api/v1/leads/${lead.id}`, {
      version: archived.body.version,
      priority: 2,
    });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('lead.archived');

    const history = await sales.get(`/api/v1/leads/${lead.id}/history`);
    expect(history.status).toBe(200);
    const fields = history.body.items.map(
      (e: { action: string; field: string | null }) => `${e.action}:${e.field}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'create:name',
        'create:potentials',
        'update:status',
        'update:disqualifiedReason',
        'archive:archivedAt',
      ]),
    );
    expect(history.body.items[0].by.name).toBeTruthy();
    const status = history.body.items
      .filter((e: { field: string; action: string }) => e.field === 'status' && e.action === 'update')
      .map((e: { before: string; after: string }) => `${e.before}→${e.after}`);
    expect(status).toEqual(['disqualified→qualified', 'new→disqualified']);
  });
});

describe('the lead list', () => {
  const tag = `Zoznam${Date.now()}`;
  const made: Record<string, { id: string }> = {};

  it('filters by status, source, industry, priority, territory of the potentials and q over name, company ID, e-mail and phone', async () => {
    made.a = await create(sales, {
      name: `${tag} Alfa`,
      source: 'Reinet',
      priority: 1,
      industry: 'retail',
      phone: '+421905700001',
    });
    made.b = await create(sales, {
      name: `${tag} Beta`,
      source: 'Reinet',
      priority: 2,
      potentials: [{ commodity: 'gas', territoryCode: 'sk-sppd' }],
    });
    made.c = await create(sales, { name: `${tag} Gama`, priority: 3 });
    const names = async (query: string) =>
      (
        (await sales.get(`/api/v1/leads?q=${encodeURIComponent(tag)}&${query}`)).body.items as {
          name: string;
        }[]
      ).map((l) => l.name);
    expect(await names('source=Reinet')).toEqual([`${tag} Alfa`, `${tag} Beta`]);
    expect(await names('industry=retail')).toEqual([`${tag} Alfa`]);
    expect(await names('priority=2')).toEqual([`${tag} Beta`]);
    expect(await names('territoryCode=sk-sppd')).toEqual([`${tag} Beta`]);
    expect(await names('commodity=electricity')).toEqual([`${tag} Alfa`, `${tag} Gama`]);
    expect(await names('sort=-priority')).toEqual([`${tag} Gama`, `${tag} Beta`, `${tag} Alfa`]);
    const byPhone = await sales.get('/api/v1/leads?q=%2B421905700001');
    expect(byPhone.body.items.map((l: { id: string }) => l.id)).toEqual([made.a.id]);
    const lead = (await sales.get(`/api/v1/leads/${made.a.id}`)).body as { companyId: string; email: string };
    expect(
      (await sales.get(`/api/v1/leads?q=${lead.companyId}`)).body.items.map((l: { id: string }) => l.id),
    ).toEqual([made.a.id]);
    expect(
      (await sales.get(`/api/v1/leads?q=${encodeURIComponent(lead.email)}`)).body.items.map(
        (l: { id: string }) => l.id,
      ),
    ).toEqual([made.a.id]);
  });

  it('sorts by the last and next activity the database keeps (none last), and pages with a cursor', async () => {
    const me = (await sales.get('/api/v1/auth/me')).body as { owner: { id: string } };
    await addActivity(made.a!.id, me.owner.id, { status: 'open', startAt: '2030-02-01T08:00:00Z' });
    await addActivity(made.b!.id, me.owner.id, { status: 'open', startAt: '2030-01-01T08:00:00Z' });
    await addActivity(made.b!.id, me.owner.id, {
      status: 'done',
      startAt: '2026-01-01T08:00:00Z',
      completedAt: '2026-01-02T08:00:00Z',
    });
    const order = async (sort: string) =>
      (
        (await sales.get(`/api/v1/leads?q=${encodeURIComponent(tag)}&sort=${sort}`)).body.items as {
          name: string;
        }[]
      ).map((l) => l.name);
    expect(await order('nextActivityAt')).toEqual([`${tag} Beta`, `${tag} Alfa`, `${tag} Gama`]);
    // Never active counts as longest ago: the lead with a done activity comes first when newest first, last otherwise.
    expect((await order('-lastActivityAt'))[0]).toBe(`${tag} Beta`);
    expect((await order('lastActivityAt')).at(-1)).toBe(`${tag} Beta`);
    const last = await sales.get(`/api/v1/leads/${made.b!.id}`);
    expect(last.body.lastActivityAt).toBe('2026-01-02T08:00:00.000Z');
    expect(last.body.nextActivityAt).toBe('2030-01-01T08:00:00.000Z');

    const first = await sales.get(`/api/v1/leads?q=${encodeURIComponent(tag)}&sort=nextActivityAt&limit=2`);
    expect(first.body.items.map((l: { name: string }) => l.name)).toEqual([`${tag} Beta`, `${tag} Alfa`]);
    const second = await sales.get(
      `/api/v1/leads?q=${encodeURIComponent(tag)}&sort=nextActivityAt&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((l: { name: string }) => l.name)).toEqual([`${tag} Gama`]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('exports exactly what the list shows to an XLSX that reads back, and to CSV', async () => {
    const query = `q=${encodeURIComponent(tag)}&sort=-priority&source=Reinet`;
    const listed = (await sales.get(`/api/v1/leads?${query}`)).body.items.map(
      (l: { name: string }) => l.name,
    );
    const res = await sales.get(`/api/v1/leads/export?format=xlsx&language=en&${query}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Name', 'Status', 'Priority']);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(listed);
    expect(sheet.getRow(2).getCell(2).value).toBe('New');
    expect(String(sheet.getRow(3).getCell(header.indexOf('Potential') + 1).value)).toContain('Electricity');
    const csv = await sales.get(`/api/v1/leads/export?format=csv&language=sk&${query}`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.startsWith('Názov,Stav,Priorita')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(listed);
  });
});

describe('access to leads', () => {
  it('lets a team see its own leads only: list, detail, q, export, history, writes; admin sees all; legal gets 403', async () => {
    const tag = `Prístup${Date.now()}`;
    const west = await create(sales, { name: `${tag} Západ` });
    const east = await create(sales2, { name: `${tag} Východ` });
    const ids = async (caller: Caller) =>
      ((await caller.get(`/api/v1/leads?q=${encodeURIComponent(tag)}`)).body.items as { id: string }[])
        .map((l) => l.id)
        .sort();
    expect(await ids(sales)).toEqual([west.id]);
    expect(await ids(sales2)).toEqual([east.id]);
    expect(await ids(admin)).toEqual([west.id, east.id].sort());

    const table: [Caller, string, number][] = [
      [sales, `/api/v1/leads/${east.id}`, 404],
      [sales, `/api/v1/leads/${east.id}/history`, 404],
      [sales, `/api/v1/leads/${east.id}/duplicates`, 404],
      [sales2, `/api/v1/leads/${west.id}`, 404],
      [admin, `/api/v1/leads/${east.id}`, 200],
      [admin, `/api/v1/leads/${west.id}/history`, 200],
      [legal, `/api/v1/leads/${west.id}`, 403],
      [legal, '/api/v1/leads', 403],
      [legal, '/api/v1/leads/export?format=csv', 403],
    ];
    for (const [caller, url, status] of table)
      expect([url, (await caller.get(url)).status]).toEqual([url, status]);

    const exported = await sales.get(`/api/v1/leads/export?format=csv&q=${encodeURIComponent(tag)}`);
    expect(String(exported.body)).toContain(`${tag} Západ`);
    expect(String(exported.body)).not.toContain(`${tag} Východ`);

    const writes: [string, Record<string, unknown>, 'patch' | 'post'][] = [
      [`/api/v1/leads/${east.id}`, { version: east.version, priority: 1 }, 'patch'],
      [`/api/v1/leads/${east.id}/archive`, { version: east.version }, 'post'],
      [`/api/v1/leads/${east.id}/disqualify`, { version: east.version, reason: 'x' }, 'post'],
      [`/api/v1/leads/${east.id}/convert`, {}, 'post'],
      [`/api/v1/leads/${east.id}/merge`, { intoLeadId: west.id }, 'post'],
      [`/api/v1/leads/${west.id}/merge`, { intoLeadId: east.id }, 'post'],
    ];
    for (const [url, body, method] of writes) {
      const res = method === 'patch' ? await sales.patch(url, body) : await sales.post(url, body);
      expect([url, res.status]).toEqual([url, 404]);
    }
    const untouched = await sales2.get(`/api/v1/leads/${east.id}`);
    expect(untouched.body).toMatchObject({
      version: east.version,
      priority: 3,
      archivedAt: null,
      status: 'new',
    });
    expect((await legal.post('/api/v1/leads', leadBody())).status).toBe(403);
  });
});
