import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { seededRandom, validIco } from '../../demo/generator.js';
import { skElectricityEic, skGasPod } from '../../demo/supply-point-generator.js';
import { jobHandlers } from '../../jobs/index.js';
import { createJobRunner } from '../../jobs/runner.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';
import { runSupplyPointImport } from './imports.service.js';

const { app, db, as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const random = seededRandom(2718);
const log = pino({ level: 'silent' });
const runner = createJobRunner({ db, log, handlers: jobHandlers });

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const newClient = async (caller: Caller) => {
  const res = await caller.post('/api/v1/clients', companyBody());
  expect(res.status).toBe(201);
  return res.body as { id: string; companyId: string };
};
const client = await newClient(sales);
const otherTeamsClient = await newClient(sales2);

const upload = async (caller: Caller, payload: Buffer, contentType: string, filename?: string) => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/supply-point-imports${filename ? `?filename=${encodeURIComponent(filename)}` : ''}`,
    headers: { cookie: caller.cookie, 'x-requested-with': 'kilowatt', 'content-type': contentType },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
};

const xlsx = async (rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Odberné miesta');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** A Slovak-Excel CSV: BOM, semicolons, CRLF. */
const csv = (rows: string[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');

const slovakHeaders = ['IČO', 'Komodita', 'EIC', 'Ulica', 'Obec', 'PSČ', 'Ročná spotreba', 'Jednotka', 'Dodávateľ', 'Distribučná sadzba', 'IBAN'];
const mapping = {
  clientCompanyId: 'IČO',
  commodity: 'Komodita',
  identifier: 'EIC',
  street: 'Ulica',
  city: 'Obec',
  postalCode: 'PSČ',
  annualConsumption: 'Ročná spotreba',
  consumptionUnit: 'Jednotka',
  currentSupplier: 'Dodávateľ',
  distributionRate: 'Distribučná sadzba',
  iban: 'IBAN',
};
const row = (identifier: string, overrides: Partial<Record<string, string>> = {}): string[] => {
  const values: Record<string, string> = {
    IČO: client.companyId,
    Komodita: 'elektrina',
    EIC: identifier,
    Ulica: 'Hlavná 5',
    Obec: 'Košice',
    PSČ: '040 01',
    'Ročná spotreba': '12,5',
    Jednotka: 'MWh',
    Dodávateľ: 'VSE',
    'Distribučná sadzba': 'DD2',
    IBAN: 'SK31 1200 0000 1987 4263 7541',
    ...overrides,
  };
  return slovakHeaders.map((h) => values[h] ?? '');
};

const uploadAndValidate = async (file: Buffer, contentType = 'text/csv', caller: Caller = sales) => {
  const up = await upload(caller, file, contentType, 'points.csv');
  expect(up.status).toBe(201);
  const validation = await caller.post(`/api/v1/supply-point-imports/${up.body.id}/validate`, { mapping });
  expect(validation.status).toBe(200);
  return { id: up.body.id as string, validation: validation.body };
};

const runJobs = async () => {
  while ((await runner.tick()) > 0);
};

const pointsOf = async (clientId: string) => {
  const res = await sales.get(`/api/v1/supply-points?clientId=${clientId}&limit=500`);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; identifier: string; annualConsumption: string | null; consumptionUnit: string | null; addressStatus: string; commodity: string }[];
};

describe('uploading a file', () => {
  it('reads an XLSX, answers headers, the first rows and a mapping suggested from Slovak header names', async () => {
    const file = await xlsx([slovakHeaders, ...Array.from({ length: 7 }, () => row(skElectricityEic(random, 'VS')))]);
    const res = await upload(sales, file, xlsxType, 'odberne-miesta.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'odberne-miesta.xlsx', fileType: 'xlsx', headers: slovakHeaders, total: 7 });
    expect(res.body.sampleRows).toHaveLength(5);
    expect(res.body.sampleRows[0][0]).toBe(client.companyId);
    expect(res.body.suggestedMapping).toMatchObject({ ...mapping, territoryCode: null, note: null });
    expect(res.body.fields).toContainEqual({ field: 'identifier', required: true });
  });

  it('suggests English and Czech names too, and detects a comma-separated CSV without a BOM', async () => {
    const headers = ['Company ID', 'Commodity', 'Identifikátor', 'Odběrné místo název', 'Street', 'City', 'Postal code', 'Annual consumption (kWh)', 'Unit', 'Current supplier', 'Distribuční sazba', 'Způsob platby', 'Poznámka'];
    const res = await upload(sales, Buffer.from(`${headers.join(',')}\n${headers.map(() => 'x').join(',')}\n`), 'text/csv');
    expect(res.status).toBe(201);
    expect(res.body.headers).toEqual(headers);
    expect(res.body.suggestedMapping).toMatchObject({
      clientCompanyId: 'Company ID',
      commodity: 'Commodity',
      identifier: 'Identifikátor',
      street: 'Street',
      city: 'City',
      postalCode: 'Postal code',
      annualConsumption: 'Annual consumption (kWh)',
      consumptionUnit: 'Unit',
      currentSupplier: 'Current supplier',
      distributionRate: 'Distribuční sazba',
      paymentMethod: 'Způsob platby',
      note: 'Poznámka',
    });
  });

  it('decides by content: an XLSX sent as application/octet-stream is read as XLSX', async () => {
    const file = await xlsx([['EAN', 'IČO'], ['859182400100000000', '12345678']]);
    const res = await upload(sales, file, 'application/octet-stream', 'body.bin');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileType: 'xlsx', fileName: 'body.bin', total: 1, suggestedMapping: { identifier: 'EAN', clientCompanyId: 'IČO' } });
  });

  it('reads a Windows-1250 CSV as Czech and Slovak Excel writes it, and a tab-separated one', async () => {
    // "IČO;Obec\r\n12345678;Žilina" in Windows-1250: Č = 0xC8, Ž = 0x8E.
    const cp1250 = Buffer.from([0x49, 0xc8, 0x4f, 0x3b, 0x4f, 0x62, 0x65, 0x63, 0x0d, 0x0a, ...Buffer.from('12345678;'), 0x8e, ...Buffer.from('ilina\r\n')]);
    const res = await upload(sales, cp1250, 'text/csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ headers: ['IČO', 'Obec'], sampleRows: [['12345678', 'Žilina']], suggestedMapping: { clientCompanyId: 'IČO', city: 'Obec' } });
    const tabs = await upload(sales, Buffer.from('EIC\tPSČ\n24ZVS000000001\t040 01\n'), 'text/csv');
    expect(tabs.body).toMatchObject({ headers: ['EIC', 'PSČ'], sampleRows: [['24ZVS000000001', '040 01']] });
  });

  it('wants the file itself as the body, from a signed-in user', async () => {
    const multipart = await upload(sales, Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nEIC\r\n--x--'), 'multipart/form-data; boundary=x');
    expect(multipart.status).toBe(415);
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/supply-point-imports', headers: { 'content-type': 'text/csv' }, payload: 'EIC\n1\n' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses what is not a spreadsheet with 400 naming the file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e5c2b80000000049454e44ae426082', 'hex');
    const res = await upload(sales, png, 'text/csv', 'pixel.csv');
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'file', code: 'not_a_spreadsheet' }));
    const zip = await upload(sales, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), xlsxType);
    expect(zip.status).toBe(400);
    expect(zip.body.errors).toContainEqual(expect.objectContaining({ path: 'file', code: 'not_a_spreadsheet' }));
  });

  it('refuses an empty file and one with a header row only', async () => {
    const empty = await upload(sales, Buffer.alloc(0), 'text/csv');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toContainEqual(expect.objectContaining({ path: 'file', code: 'empty' }));
    const headerOnly = await upload(sales, await xlsx([slovakHeaders]), xlsxType);
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.errors).toContainEqual(expect.objectContaining({ path: 'file', code: 'empty' }));
  });

  it('answers 413 for a file over 20 MB', async () => {
    const res = await upload(sales, Buffer.alloc(25 * 1024 * 1024, 0x41), 'text/csv');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', status: 413 });
  });
});

describe('validating', () => {
  it('marks every bad row with row, field and rule, stores the errors and refuses the commit', async () => {
    const existing = await sales.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity: 'electricity',
      identifier: skElectricityEic(random, 'VS'),
    });
    expect(existing.status).toBe(201);
    const good = skElectricityEic(random, 'VS');
    const badCheck = skElectricityEic(random, 'VS');
    const wrongCheck = badCheck.slice(0, 15) + (badCheck.endsWith('A') ? 'B' : 'A');
    const repeated = skElectricityEic(random, 'VS');
    const file = csv([
      slovakHeaders,
      row(good),
      row(wrongCheck),
      row(skElectricityEic(random, 'VS'), { Jednotka: 'm³', 'Ročná spotreba': '900' }),
      row(skElectricityEic(random, 'VS'), { IČO: validIco(random) }),
      row(skElectricityEic(random, 'VS'), { IČO: otherTeamsClient.companyId }),
      row(existing.body.identifier),
      row(repeated),
      row(repeated.toLowerCase()),
    ]);
    const { id, validation } = await uploadAndValidate(file);
    expect(validation).toMatchObject({ status: 'validated', total: 8, valid: 1, invalid: 7 });
    const errors = validation.errors as { row: number; path: string; code: string; message: string; supplyPointId?: string; rows?: number[] }[];
    expect(errors.map((e) => [e.row, e.path, e.code])).toEqual([
      [3, 'identifier', 'checksum'],
      [4, 'consumptionUnit', 'unit_not_allowed'],
      [5, 'clientCompanyId', 'unknown_client'],
      [6, 'clientCompanyId', 'unknown_client'],
      [7, 'identifier', 'duplicate'],
      [8, 'identifier', 'duplicate_in_file'],
      [9, 'identifier', 'duplicate_in_file'],
    ]);
    expect(errors.find((e) => e.row === 7)!.supplyPointId).toBe(existing.body.id);
    expect(errors.find((e) => e.row === 8)!.rows).toEqual([9]);
    // Another team's client reads exactly like one that does not exist.
    expect(errors.find((e) => e.row === 6)!.message).toBe(errors.find((e) => e.row === 5)!.message.replace(/\d{8}/, otherTeamsClient.companyId));

    const paged: unknown[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await sales.get(`/api/v1/supply-point-imports/${id}/errors?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(paged).toEqual(errors);

    const state = await sales.get(`/api/v1/supply-point-imports/${id}`);
    expect(state.body).toMatchObject({ status: 'validated', total: 8, valid: 1, invalid: 7, errorCount: 7, mapping });

    const commit = await sales.post(`/api/v1/supply-point-imports/${id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.code).toBe('import.invalid_rows');
    expect((await pointsOf(client.id)).map((p) => p.identifier)).not.toContain(good);
  });

  it('names a missing required mapping and a header the file does not have', async () => {
    const up = await upload(sales, csv([slovakHeaders, row(skElectricityEic(random, 'VS'))]), 'text/csv');
    const res = await sales.post(`/api/v1/supply-point-imports/${up.body.id}/validate`, { mapping: { ...mapping, identifier: null, city: 'Mesto' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'mapping.identifier', code: 'required' }),
      expect.objectContaining({ path: 'mapping.city', code: 'unknown_header' }),
    ]);
  });
});

describe('committing', () => {
  it('imports every row of a clean file through the job, with history, unverified addresses and normalised numbers', async () => {
    const a = skElectricityEic(random, 'VS');
    const b = skElectricityEic(random, 'ZS');
    const gas = skGasPod(random);
    const file = await xlsx([
      slovakHeaders,
      row(a, { 'Ročná spotreba': '1 234,5', Jednotka: 'kwh' }),
      [...row(b, { Komodita: 'Elektrina', Jednotka: 'MWh' }).slice(0, 6), 12.5, ...row(b).slice(7)],
      row(gas, { Komodita: 'plyn', 'Ročná spotreba': '18173', Jednotka: 'kWh', 'Distribučná sadzba': '' }),
    ]);
    const { id, validation } = await uploadAndValidate(file, xlsxType);
    expect(validation).toMatchObject({ total: 3, valid: 3, invalid: 0, errors: [] });

    const commit = await sales.post(`/api/v1/supply-point-imports/${id}/commit`);
    expect(commit.status).toBe(202);
    expect(commit.body).toEqual({ id, status: 'running' });
    expect((await sales.get(`/api/v1/supply-point-imports/${id}`)).body).toMatchObject({ status: 'running', phase: 'preparing', processed: 0 });

    await runJobs();
    const state = await sales.get(`/api/v1/supply-point-imports/${id}`);
    expect(state.body).toMatchObject({ status: 'done', phase: null, total: 3, processed: 3, created: 3, errorCount: 0, error: null });

    const points = await pointsOf(client.id);
    const byIdentifier = new Map(points.map((p) => [p.identifier, p]));
    expect(byIdentifier.get(a)).toMatchObject({ annualConsumption: '1234.5', consumptionUnit: 'kWh', addressStatus: 'unverified', commodity: 'electricity' });
    expect(byIdentifier.get(b)).toMatchObject({ annualConsumption: '12.5', consumptionUnit: 'MWh' });
    expect(byIdentifier.get(gas)).toMatchObject({ commodity: 'gas', annualConsumption: '18173' });
    const historyOf = await sales.get(`/api/v1/supply-points/${byIdentifier.get(a)!.id}/history`);
    expect(historyOf.body.items).toContainEqual(expect.objectContaining({ action: 'create', field: 'identifier', after: a }));

    // The list, and its export, filtered by the import show exactly the supply points it created.
    const created = await sales.get(`/api/v1/supply-points?importId=${id}&sort=identifier`);
    expect(created.status).toBe(200);
    expect(created.body.items.map((p: { identifier: string }) => p.identifier)).toEqual([a, b, gas].sort());
    const exported = await sales.get(`/api/v1/supply-points/export?format=csv&importId=${id}`);
    expect(exported.status).toBe(200);
    const lines = String(exported.body).trim().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual([a, b, gas].sort());
    const byHand = await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(random, 'VS') });
    expect(byHand.status).toBe(201);
    expect((await sales.get(`/api/v1/supply-points?importId=${id}`)).body.items).toHaveLength(3);

    const again = await sales.post(`/api/v1/supply-point-imports/${id}/commit`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('import.wrong_status');
  });

  it('writes nothing when a duplicate appears between validation and commit', async () => {
    const first = skElectricityEic(random, 'VS');
    const second = skElectricityEic(random, 'VS');
    const { id } = await uploadAndValidate(csv([slovakHeaders, row(first), row(second)]));
    const meanwhile = await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: second });
    expect(meanwhile.status).toBe(201);
    expect((await sales.post(`/api/v1/supply-point-imports/${id}/commit`)).status).toBe(202);
    await runJobs();
    const state = await sales.get(`/api/v1/supply-point-imports/${id}`);
    expect(state.body).toMatchObject({ status: 'failed', created: 0, invalid: 1 });
    // A stable code, the field and rule of each row concerned, as problem+json; the English detail is for logs.
    expect(state.body.error).toMatchObject({
      type: 'https://kilowatt.dev/problems/import/invalid_rows',
      status: 409,
      code: 'import.invalid_rows',
      errors: [{ path: 'rows.3.identifier', code: 'duplicate', message: expect.stringContaining('row 3') }],
    });
    const identifiers = (await pointsOf(client.id)).map((p) => p.identifier);
    expect(identifiers).not.toContain(first);
    const errors = await sales.get(`/api/v1/supply-point-imports/${id}/errors`);
    expect(errors.body.items).toEqual([expect.objectContaining({ row: 3, path: 'identifier', code: 'duplicate', supplyPointId: meanwhile.body.id })]);
  });

  it('checks the identifiers again inside the writing transaction', async () => {
    const identifiers = [skElectricityEic(random, 'ZS'), skElectricityEic(random, 'ZS')];
    const { id } = await uploadAndValidate(csv([slovakHeaders, ...identifiers.map((i) => row(i))]));
    expect((await sales.post(`/api/v1/supply-point-imports/${id}/commit`)).status).toBe(202);
    let meanwhile = '';
    // Someone creates the second identifier after the rows were re-checked, just before the transaction opens.
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return async (work: (tx: Database) => Promise<unknown>) => {
          const created = await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: identifiers[1] });
          meanwhile = created.body.id;
          return target.transaction((tx) => work(tx as unknown as Database));
        };
      },
    });
    const outcome = await runSupplyPointImport(systemContext(racing, log, 'job:imports.supply-points'), { importId: id });
    expect(outcome).toEqual({ failed: 'supply_point.duplicate_identifier' });
    expect((await pointsOf(client.id)).map((p) => p.identifier)).not.toContain(identifiers[0]);
    expect((await sales.get(`/api/v1/supply-point-imports/${id}`)).body).toMatchObject({
      status: 'failed',
      created: 0,
      phase: null,
      error: {
        status: 409,
        code: 'supply_point.duplicate_identifier',
        detail: `Supply point ${identifiers[1]} was created meanwhile (${meanwhile}); nothing was imported`,
        errors: [{ path: 'identifier', code: 'duplicate', message: expect.stringContaining(identifiers[1]!) }],
      },
    });
    expect((await sales.get(`/api/v1/supply-points?importId=${id}`)).body.items).toEqual([]);
  });

  it('rolls back every row when the writing transaction fails midway', async () => {
    const identifiers = Array.from({ length: 3 }, () => skElectricityEic(random, 'SS'));
    const { id } = await uploadAndValidate(csv([slovakHeaders, ...identifiers.map((i) => row(i))]));
    expect((await sales.post(`/api/v1/supply-point-imports/${id}/commit`)).status).toBe(202);
    // The supply points are inserted, then writing their history fails inside the same transaction.
    const dialect = new PgDialect();
    const statements: string[] = [];
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (work: (tx: Database) => Promise<unknown>) =>
          target.transaction((tx) =>
            work(
              new Proxy(tx as unknown as Database, {
                get(t, p, r) {
                  if (p !== 'execute') return Reflect.get(t, p, r);
                  return (query: SQL) => {
                    const text = dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').trim();
                    statements.push(text.split(' ').slice(0, 3).join(' '));
                    if (text.startsWith('insert into "history"')) throw new Error('disk full');
                    return t.execute(query);
                  };
                },
              }),
            ),
          );
      },
    });
    const outcome = await runSupplyPointImport(systemContext(failing, log, 'job:imports.supply-points'), { importId: id });
    expect(outcome).toEqual({ failed: 'internal' });
    expect(statements).toEqual(['insert into "supply_points"', 'insert into "history"']);
    const state = await sales.get(`/api/v1/supply-point-imports/${id}`);
    expect(state.body).toMatchObject({ status: 'failed', created: 0, error: { status: 500, code: 'internal' } });
    // What went wrong inside stays in the log.
    expect(JSON.stringify(state.body.error)).not.toContain('disk full');
    const existing = (await pointsOf(client.id)).map((p) => p.identifier);
    for (const identifier of identifiers) expect(existing).not.toContain(identifier);
    await runJobs(); // the queued job finds the import failed and leaves it alone
    expect((await sales.get(`/api/v1/supply-point-imports/${id}`)).body.status).toBe('failed');
  });
});

describe('a failure the user can act on', () => {
  it('says by code that the uploader may no longer create supply points', async () => {
    const west = ((await admin.get('/api/v1/teams')).body.items as { id: string; name: string; ownerId: string }[]).find((t) => t.name === 'Predaj Západ')!;
    const created = await admin.post('/api/v1/users', {
      ownerId: west.ownerId,
      email: 'importer@demo.kilowatt',
      name: 'Importér',
      password: 'kilowatt-demo',
      roleKeys: ['sales'],
      teamIds: [west.id],
    });
    expect(created.status).toBe(201);
    const importer = await as('importer@demo.kilowatt');
    const { id } = await uploadAndValidate(csv([slovakHeaders, row(skElectricityEic(random, 'VS'))]), 'text/csv', importer);
    expect((await importer.post(`/api/v1/supply-point-imports/${id}/commit`)).status).toBe(202);
    // Between the commit and the job, an administrator leaves the user reading only.
    expect((await admin.patch(`/api/v1/users/${created.body.id}`, { roleKeys: ['legal'], version: created.body.version })).status).toBe(200);
    await runJobs();
    const state = await admin.get(`/api/v1/supply-point-imports/${id}`);
    expect(state.body).toMatchObject({ status: 'failed', created: 0, error: { status: 403, code: 'auth.forbidden' } });
  });
});

describe('the supply points of one import', () => {
  it('are filtered by it only among those the caller may see', async () => {
    // The manager sees both teams' clients, so one file holds supply points of both.
    const west = skElectricityEic(random, 'ZS');
    const east = skElectricityEic(random, 'VS');
    const { id, validation } = await uploadAndValidate(csv([slovakHeaders, row(west), row(east, { IČO: otherTeamsClient.companyId })]), 'text/csv', manager);
    expect(validation).toMatchObject({ valid: 2, invalid: 0 });
    expect((await manager.post(`/api/v1/supply-point-imports/${id}/commit`)).status).toBe(202);
    await runJobs();
    expect((await manager.get(`/api/v1/supply-point-imports/${id}`)).body).toMatchObject({ status: 'done', created: 2 });

    const listed = async (caller: Caller) =>
      ((await caller.get(`/api/v1/supply-points?importId=${id}&archived=all`)).body.items as { identifier: string }[]).map((p) => p.identifier).sort();
    const exported = async (caller: Caller) => {
      const res = await caller.get(`/api/v1/supply-points/export?format=csv&archived=all&importId=${id}`);
      expect(res.status).toBe(200);
      return String(res.body).trim().split('\r\n').slice(1).map((line) => line.split(',')[0]).sort();
    };
    expect(await listed(manager)).toEqual([west, east].sort());
    expect(await listed(sales)).toEqual([west]);
    expect(await listed(sales2)).toEqual([east]);
    expect(await exported(sales)).toEqual([west]);
    expect(await exported(sales2)).toEqual([east]);
    // The import itself stays its uploader's (and administrators'): the filter tells others nothing about it.
    expect((await sales.get(`/api/v1/supply-point-imports/${id}`)).status).toBe(404);
    expect((await sales.get(`/api/v1/supply-points?importId=${id}&q=${east}`)).body.items).toEqual([]);
  });
});

describe('access', () => {
  it('shows an import to its uploader and administrators only', async () => {
    const up = await upload(sales, csv([slovakHeaders, row(skElectricityEic(random, 'VS'))]), 'text/csv');
    expect(up.status).toBe(201);
    const url = `/api/v1/supply-point-imports/${up.body.id}`;
    expect((await sales2.get(url)).status).toBe(404);
    expect((await sales2.get(`${url}/errors`)).status).toBe(404);
    expect((await sales2.post(`${url}/validate`, { mapping })).status).toBe(404);
    expect((await sales2.post(`${url}/commit`)).status).toBe(404);
    expect((await admin.get(url)).status).toBe(200);
    // Administrators see it; validating and committing act with the uploader's rights, so only the uploader does them.
    expect((await admin.post(`${url}/validate`, { mapping })).status).toBe(403);
    expect((await sales.get(url)).body).toMatchObject({ status: 'uploaded', createdBy: expect.any(String), total: 1 });
  });
});
