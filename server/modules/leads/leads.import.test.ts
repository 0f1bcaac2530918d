import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { seededRandom, validIco } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { jobHandlers } from '../../jobs/index.js';
import { createJobRunner } from '../../jobs/runner.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { app, db, as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const salesCz = await as('sales.cz@demo.kilowatt');
const random = seededRandom(31337);
const runner = createJobRunner({ db, log: pino({ level: 'silent' }), handlers: jobHandlers });
const runJobs = async () => {
  while ((await runner.tick()) > 0);
};

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const upload = async (caller: Caller, payload: Buffer, contentType: string, query = '') => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/lead-imports?filename=reinet.xlsx${query}`,
    headers: { cookie: caller.cookie, 'x-requested-with': 'kilowatt', 'content-type': contentType },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
};

const xlsx = async (rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leady');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** A Slovak-Excel CSV: BOM, semicolons, CRLF. */
const csv = (rows: string[][]) =>
  Buffer.from('\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');

// A Reinet-style export: Slovak headers, a full name, a decimal comma, one column the mapping does not know.
const headers = [
  'Názov firmy',
  'IČO',
  'E-mail',
  'Telefón',
  'Kontaktná osoba',
  'Obec',
  'Komodita',
  'EIC',
  'Ročná spotreba (MWh)',
  'Interné ID',
];
const mapping = {
  name: 'Názov firmy',
  companyId: 'IČO',
  email: 'E-mail',
  phone: 'Telefón',
  contactName: 'Kontaktná osoba',
  city: 'Obec',
  commodity: 'Komodita',
  supplyPointIdentifier: 'EIC',
  quantity: 'Ročná spotreba (MWh)',
};

let serial = 0;
const row = (overrides: Partial<Record<string, string>> = {}): string[] => {
  serial += 1;
  const values: Record<string, string> = {
    'Názov firmy': `Import ${serial} ${Date.now()} s.r.o.`,
    IČO: validIco(random),
    'E-mail': `import${serial}.${Date.now()}@firma.sk`,
    Telefón: `0905 4${String(10000 + serial).slice(-5)}`,
    'Kontaktná osoba': 'Ing. Eva Malá',
    Obec: 'Nitra',
    Komodita: 'Elektrina',
    EIC: skElectricityEic(random, 'ZS'),
    'Ročná spotreba (MWh)': '12,5',
    'Interné ID': `R-${serial}`,
    ...overrides,
  };
  return headers.map((h) => values[h] ?? '');
};

const uploadAndValidate = async (caller: Caller, rows: string[][], source = 'Reinet') => {
  const up = await upload(caller, csv([headers, ...rows]), 'text/csv');
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const validation = await caller.post(`/api/v1/lead-imports/${up.body.id}/validate`, { source, mapping });
  expect(validation.status, JSON.stringify(validation.body)).toBe(200);
  return { id: up.body.id as string, validation: validation.body };
};

const newLead = async (caller: Caller, body: Record<string, unknown>) => {
  const res = await caller.post('/api/v1/leads', {
    name: `Existujúci ${Date.now()} ${Math.random()}`,
    country: 'SK',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; name: string };
};

const put = async (caller: Caller, url: string, body: Record<string, unknown>) => {
  const res = await app.inject({
    method: 'PUT',
    url,
    headers: { cookie: caller.cookie, 'x-requested-with': 'kilowatt' },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
};

const leadsOfImport = async (caller: Caller, id: string) =>
  (await caller.get(`/api/v1/leads?importId=${id}&limit=500&archived=all`)).body.items as {
    name: string;
    clientId: string | null;
    source: string;
    attributes: Record<string, string>;
    contactFirstName: string;
    contactLastName: string;
    potentials: {
      quantity: string;
      quantityUnit: string;
      commodity: string;
      supplyPointIdentifier: string;
    }[];
  }[];

describe('uploading a file of leads', () => {
  it('reads an XLSX and suggests a mapping from the Slovak header names', async () => {
    const res = await upload(sales, await xlsx([headers, row(), row()]), xlsxType);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileType: 'xlsx', headers, total: 2 });
    expect(res.body.suggestedMapping).toMatchObject({ ...mapping, note: null });
    expect(res.body.fields).toContainEqual({ field: 'name', required: true });
  });

  it.each([
    ['a file above 20 MB', () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 413, null],
    ['binary data', () => Buffer.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 9, 0, 0]), 400, 'not_a_spreadsheet'],
    ['a header without rows', () => csv([headers]), 400, 'empty'],
  ])('refuses %s', async (_case, file, status, code) => {
    const res = await upload(sales, file(), 'application/octet-stream');
    expect(res.status).toBe(status);
    if (code) expect(res.body.errors).toEqual([expect.objectContaining({ path: 'file', code })]);
  });

  it('is refused to a role without sales rights (403)', async () => {
    expect((await upload(legal, csv([headers, row()]), 'text/csv')).status).toBe(403);
  });
});

describe('the mapping saved per source', () => {
  it('is saved by the check and pre-fills the next file of the same source, for the same owner company only', async () => {
    const source = `Reinet ${Date.now()}`;
    const up = await upload(sales, csv([headers, row()]), 'text/csv');
    const custom = { ...mapping, note: 'Interné ID' };
    const check = await sales.post(`/api/v1/lead-imports/${up.body.id}/validate`, {
      source,
      mapping: custom,
    });
    expect(check.status).toBe(200);

    const next = await upload(
      sales2,
      csv([headers, row()]),
      'text/csv',
      `&source=${encodeURIComponent(source)}`,
    );
    expect(next.body.suggestedMapping).toMatchObject(custom);
    expect(next.body.savedMappings).toContainEqual(expect.objectContaining({ source, mapping: custom }));
    const other = await upload(sales, csv([headers, row()]), 'text/csv', '&source=Web');
    expect(other.body.suggestedMapping.note).toBeNull();
    const czech = await salesCz.get('/api/v1/lead-imports/mappings');
    expect(czech.body.items.map((m: { source: string }) => m.source)).not.toContain(source);
  });
});

describe('checking the rows', () => {
  it('marks every bad row with its field and rule, and refuses to import the file (nothing written)', async () => {
    const { id, validation } = await uploadAndValidate(sales, [
      row(),
      row({ 'Názov firmy': '', IČO: '12345', 'E-mail': 'nie-je-email' }),
      row({ EIC: '24ZVS00000000109', 'Ročná spotreba (MWh)': 'veľa' }),
    ]);
    expect(validation).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(
      validation.errors
        .map((e: { row: number; path: string; code: string }) => `${e.row}:${e.path}:${e.code}`)
        .sort(),
    ).toEqual(
      [
        '3:name:required',
        '3:companyId:length',
        '3:email:invalid_format',
        '4:supplyPointIdentifier:checksum',
        '4:quantity:invalid_decimal',
      ].sort(),
    );
    const rows = await sales.get(`/api/v1/lead-imports/${id}/rows?filter=errors`);
    expect(rows.body.items.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    const commit = await sales.post(`/api/v1/lead-imports/${id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.code).toBe('import.invalid_rows');
    await runJobs();
    expect(await leadsOfImport(sales, id)).toEqual([]);
  });
});

describe('duplicates and decisions', () => {
  it('shows each duplicate row beside its match, applies merge, link, skip and keep, and imports in one go', async () => {
    const email = `zhoda.${Date.now()}@firma.sk`;
    const mergeTarget = await newLead(sales, { email, potentials: [] });
    const skipTarget = await newLead(sales, { phone: '+421905499001' });
    const keepTarget = await newLead(sales, { phone: '+421905499002' });
    const client = await sales.post('/api/v1/clients', companyBody());
    const hiddenLead = await newLead(sales2, { phone: '+421905499003' });
    const eic = skElectricityEic(random, 'ZS');

    const rows = [
      row({ 'Kontaktná osoba': 'Ján Nový', EIC: eic }), // 2: new, and the first of an in-file pair
      row({ 'E-mail': email.toUpperCase(), Obec: 'Senec' }), // 3: merge into mergeTarget
      row({ IČO: client.body.companyId }), // 4: link to the client
      row({ Telefón: '0905 499 001' }), // 5: skip
      row({ Telefón: '+421 905 499 002' }), // 6: keep
      row({ EIC: eic }), // 7: repeats row 2
      row({ Telefón: '0905499003' }), // 8: matches only a lead of another team: not a duplicate for us
    ];
    const { id, validation } = await uploadAndValidate(sales, rows);
    expect(validation).toMatchObject({ total: 7, invalid: 0, duplicates: 5 });

    const dupes = await sales.get(`/api/v1/lead-imports/${id}/rows?filter=duplicates`);
    const shown = dupes.body.items.map(
      (r: { row: number; matches: { type: string; id?: string; row?: number; fields: string[] }[] }) => [
        r.row,
        r.matches.map((m) => `${m.type}:${m.id ?? m.row}:${m.fields.join('+')}`),
      ],
    );
    expect(shown).toEqual([
      [3, [`lead:${mergeTarget.id}:email`]],
      [4, [`client:${client.body.id}:companyId`]],
      [5, [`lead:${skipTarget.id}:phone`]],
      [6, [`lead:${keepTarget.id}:phone`]],
      [7, ['row:2:supplyPointIdentifier']],
    ]);
    expect(dupes.body.items[0].matches[0].record).toMatchObject({
      name: mergeTarget.name,
      email,
      status: 'new',
    });
    expect(dupes.body.items[0].values).toMatchObject({ email: email.toUpperCase(), city: 'Senec' });
    expect(JSON.stringify(dupes.body)).not.toContain(hiddenLead.id);

    const undecided = await sales.post(`/api/v1/lead-imports/${id}/commit`);
    expect(undecided.status).toBe(409);
    expect(undecided.body.code).toBe('import.undecided_duplicates');

    const wrong = await put(sales, `/api/v1/lead-imports/${id}/decisions`, {
      decisions: [
        { row: 2, decision: 'keep' },
        { row: 3, decision: 'merge', targetLeadId: skipTarget.id },
        { row: 7, decision: 'merge' },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'decisions.0.row:not_a_duplicate',
      'decisions.1.targetLeadId:not_a_match',
      'decisions.2.targetLeadId:merge_unavailable',
    ]);

    const decided = await put(sales, `/api/v1/lead-imports/${id}/decisions`, {
      decisions: [
        { row: 3, decision: 'merge' },
        { row: 4, decision: 'merge', targetClientId: client.body.id },
        { row: 5, decision: 'skip' },
        { row: 6, decision: 'keep' },
      ],
      rest: 'skip',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ duplicates: 5, decided: 5, undecided: 0 });

    const commit = await sales.post(`/api/v1/lead-imports/${id}/commit`);
    expect(commit.status).toBe(202);
    const running = await sales.get(`/api/v1/lead-imports/${id}`);
    expect(running.body).toMatchObject({ status: 'running', phase: 'preparing', processed: 0, total: 7 });
    await runJobs();
    const done = await sales.get(`/api/v1/lead-imports/${id}`);
    expect(done.body).toMatchObject({
      status: 'done',
      phase: null,
      processed: 7,
      created: 4,
      merged: 1,
      linked: 1,
      skipped: 2,
      error: null,
    });

    const imported = await leadsOfImport(sales, id);
    expect(imported.map((l) => l.name).sort()).toEqual(
      [rows[0]![0], rows[2]![0], rows[4]![0], rows[6]![0]].sort(),
    );
    const first = imported.find((l) => l.name === rows[0]![0])!;
    expect(first).toMatchObject({
      source: 'Reinet',
      contactFirstName: 'Ján',
      contactLastName: 'Nový',
      attributes: { 'Interné ID': rows[0]![9] },
    });
    expect(first.potentials).toEqual([
      expect.objectContaining({
        commodity: 'electricity',
        supplyPointIdentifier: eic,
        quantity: '12.5',
        quantityUnit: 'MWh',
      }),
    ]);
    expect(imported.find((l) => l.name === rows[2]![0])!.clientId).toBe(client.body.id);

    const merged = await sales.get(`/api/v1/leads/${mergeTarget.id}`);
    expect(merged.body).toMatchObject({
      name: mergeTarget.name,
      address: { city: 'Senec' },
      version: mergeTarget.version + 1,
    });
    expect(merged.body.potentials).toHaveLength(1);
    const history = (await sales.get(`/api/v1/leads/${mergeTarget.id}/history`)).body.items as {
      field: string | null;
      after: unknown;
    }[];
    expect(history.find((e) => e.field === 'mergedFromImport')?.after).toBe(id);
  });

  it("finds clients by each key in bulk, but never another team's client, by any key", async () => {
    const addPoint = async (caller: Caller, clientId: string, area: 'ZS' | 'VS') => {
      const identifier = skElectricityEic(random, area);
      const res = await caller.post('/api/v1/supply-points', { clientId, commodity: 'electricity', identifier });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return identifier;
    };
    const own = (await sales.post('/api/v1/clients', companyBody({ email: `vlastny.${Date.now()}@firma.sk`, phone: '+421905498001' }))).body;
    const ownEic = await addPoint(sales, own.id, 'ZS');
    const hidden = (await sales2.post('/api/v1/clients', companyBody({ email: `cudzi.${Date.now()}@firma.sk`, phone: '+421905498002' }))).body;
    const hiddenEic = await addPoint(sales2, hidden.id, 'VS');
    const rows = [
      row({ 'E-mail': own.email.toUpperCase() }), // 2
      row({ Telefón: '0905 498 001' }), // 3
      row({ EIC: ownEic }), // 4
      row({ IČO: hidden.companyId }), // 5: another team's client, by each key: nothing
      row({ 'E-mail': hidden.email }), // 6
      row({ Telefón: '0905 498 002' }), // 7
      row({ EIC: hiddenEic, 'E-mail': own.email }), // 8: only our client's e-mail
    ];
    const { id, validation } = await uploadAndValidate(sales, rows);
    expect(validation).toMatchObject({ total: 7, invalid: 0, duplicates: 4 });
    const dupes = await sales.get(`/api/v1/lead-imports/${id}/rows?filter=duplicates`);
    expect(
      dupes.body.items.map((r: { row: number; matches: { type: string; id?: string; row?: number; fields: string[] }[] }) => [
        r.row,
        r.matches.map((m) => `${m.type}:${m.id ?? m.row}:${m.fields.join('+')}`),
      ]),
    ).toEqual([
      [2, [`client:${own.id}:email`]],
      [3, [`client:${own.id}:phone`]],
      [4, [`client:${own.id}:supplyPointIdentifier`]],
      [8, [`client:${own.id}:email`, 'row:2:email']],
    ]);
    expect(JSON.stringify(dupes.body)).not.toContain(hidden.id);
    expect(JSON.stringify(dupes.body)).not.toContain(hidden.name);
  });

  it('writes nothing when one decided merge cannot be made at write time (all or nothing)', async () => {
    // Matched by a supply point only, so the client the conversion makes does not become a second match.
    const eic = skElectricityEic(random, 'VS');
    const target = await newLead(sales, {
      companyId: validIco(random),
      potentials: [{ commodity: 'electricity', supplyPointIdentifier: eic }],
    });
    const { id, validation } = await uploadAndValidate(sales, [row(), row(), row({ EIC: eic })]);
    expect(validation.duplicates).toBe(1);
    await put(sales, `/api/v1/lead-imports/${id}/decisions`, {
      decisions: [{ row: 4, decision: 'merge', targetLeadId: target.id }],
    });
    expect((await sales.post(`/api/v1/lead-imports/${id}/commit`)).status).toBe(202);
    // Meanwhile the lead is converted: it still matches, but it can no longer take the row.
    expect((await sales.post(`/api/v1/leads/${target.id}/convert`, { createCase: false })).status).toBe(200);
    await runJobs();
    const failed = await sales.get(`/api/v1/lead-imports/${id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      created: 0,
      error: { code: 'import.undecided_duplicates' },
    });
    expect(await leadsOfImport(sales, id)).toEqual([]);
    expect((await sales.get(`/api/v1/leads/${target.id}`)).body.status).toBe('converted');
  });

  it('stops before writing when the duplicates of a row changed after the decisions, and asks again', async () => {
    const phone = '+421905499777';
    const { id, validation } = await uploadAndValidate(sales, [row({ Telefón: phone })]);
    expect(validation.duplicates).toBe(0);
    await newLead(sales, { phone });
    expect((await sales.post(`/api/v1/lead-imports/${id}/commit`)).status).toBe(202);
    await runJobs();
    const state = await sales.get(`/api/v1/lead-imports/${id}`);
    expect(state.body).toMatchObject({
      status: 'validated',
      duplicates: 1,
      undecided: 1,
      error: { code: 'import.undecided_duplicates' },
    });
    expect(await leadsOfImport(sales, id)).toEqual([]);
  });
});

describe('access to imports', () => {
  it('shows an import and its rows to its uploader and administrators only', async () => {
    const { id } = await uploadAndValidate(sales, [row()]);
    for (const url of [`/api/v1/lead-imports/${id}`, `/api/v1/lead-imports/${id}/rows`]) {
      expect([url, (await sales2.get(url)).status]).toEqual([url, 404]);
      expect([url, (await admin.get(url)).status]).toEqual([url, 200]);
      expect([url, (await legal.get(url)).status]).toEqual([url, 403]);
    }
    expect(
      (await sales2.post(`/api/v1/lead-imports/${id}/validate`, { source: 'Reinet', mapping })).status,
    ).toBe(404);
    expect((await sales2.post(`/api/v1/lead-imports/${id}/commit`)).status).toBe(404);
    expect((await admin.post(`/api/v1/lead-imports/${id}/commit`)).status).toBe(403);
    expect((await sales.post(`/api/v1/lead-imports/${id}/commit`)).status).toBe(202);
    await runJobs();
    const [lead] = await leadsOfImport(sales, id);
    expect(lead).toBeDefined();
    expect(await leadsOfImport(sales2, id)).toEqual([]);
    expect((await leadsOfImport(admin, id)).map((l) => l.name)).toEqual([lead!.name]);
  });
});
