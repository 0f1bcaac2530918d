import { and, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/client.js';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { systemContext } from '../../context.js';
import { createJobHandlers } from '../../jobs/index.js';
import { jobs } from '../../jobs/jobs.schema.js';
import { createJobRunner, enqueue } from '../../jobs/runner.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { reminders } from './meters.schema.js';

const { db, database, as, send } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const put = (caller: { cookie: string }, url: string, body: Record<string, unknown>) =>
  send('PUT', url, caller.cookie, body);
const random = seededRandom(5151);

const newPoint = async (clientOverrides: Record<string, unknown> = {}) => {
  const client = await sales.post('/api/v1/clients', companyBody(clientOverrides));
  expect(client.status).toBe(201);
  const point = await sales.post('/api/v1/supply-points', {
    clientId: client.body.id,
    commodity: 'electricity',
    identifier: skElectricityEic(random, 'VS'),
  });
  expect(point.status).toBe(201);
  return point.body as { id: string };
};

const meterBody = (overrides: Record<string, unknown> = {}) => ({
  number: `EM-${Math.floor(random() * 1e8)}`,
  type: 'electricity-dual',
  registers: ['VT', 'NT'],
  installedOn: '2020-01-01',
  verificationDueOn: '2031-06-30',
  ...overrides,
});

const newMeter = async (pointId: string, overrides: Record<string, unknown> = {}) => {
  const res = await sales.post(`/api/v1/supply-points/${pointId}/meters`, meterBody(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; supplyPointId: string; number: string };
};

const point = await newPoint();

describe('meters', () => {
  it('creates a meter on a supply point, lists it and records it in the supply point’s history', async () => {
    const meter = await newMeter(point.id, { note: 'In the basement' });
    expect(meter).toMatchObject({
      supplyPointId: point.id,
      registers: ['VT', 'NT'],
      installedOn: '2020-01-01',
      removedOn: null,
      version: 1,
    });
    const list = await sales.get(`/api/v1/supply-points/${point.id}/meters`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(meter.id);
    const history = await sales.get(`/api/v1/supply-points/${point.id}/history`);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({ entityType: 'meter', entityId: meter.id, action: 'create', field: 'number' }),
    );
  });

  it.each([
    ['an unknown meter type', { type: 'water-meter' }, 'type', 'unknown_code'],
    ['no registers', { registers: [] }, 'registers', 'too_small'],
    ['a register twice', { registers: ['VT', 'VT'] }, 'registers', 'not_unique'],
    ['a register that is not a short code', { registers: ['high tariff'] }, 'registers.0', 'invalid_format'],
    ['a removal before the installation', { removedOn: '2019-12-31' }, 'removedOn', 'before_installed'],
    ['an unknown field', { colour: 'grey' }, 'colour', 'unrecognized_keys'],
  ])('rejects %s with 400 naming the field and rule', async (_case, overrides, path, code) => {
    const res = await sales.post(`/api/v1/supply-points/${point.id}/meters`, meterBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('changes a meter with its version and answers 409 to a stale one', async () => {
    const meter = await newMeter(point.id);
    const changed = await sales.patch(`/api/v1/meters/${meter.id}`, {
      verificationDueOn: '2032-01-31',
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ verificationDueOn: '2032-01-31', version: 2 });
    const stale = await sales.patch(`/api/v1/meters/${meter.id}`, { note: 'late', version: 1 });
    expect(stale.status).toBe(409);
    expect((await sales.get(`/api/v1/meters/${meter.id}`)).body).toMatchObject({ note: null, version: 2 });
    const history = await sales.get(`/api/v1/supply-points/${point.id}/history`);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({
        entityType: 'meter',
        entityId: meter.id,
        action: 'update',
        field: 'verificationDueOn',
        before: '2031-06-30',
        after: '2032-01-31',
      }),
    );
  });
});

describe('readings', () => {
  const readingsOf = async (meterId: string) =>
    (await sales.get(`/api/v1/meters/${meterId}/readings`)).body.items as {
      register: string;
      value: string;
      consumption: string | null;
    }[];

  it('accepts growing readings and shows the consumption since the previous one per register', async () => {
    const meter = await newMeter(point.id);
    const post = (body: Record<string, unknown>) =>
      sales.post(`/api/v1/meters/${meter.id}/readings`, { source: 'distributor', ...body });
    expect((await post({ readOn: '2024-01-01', register: 'VT', value: '1000' })).status).toBe(201);
    expect((await post({ readOn: '2024-01-01', register: 'NT', value: '500.25' })).status).toBe(201);
    const second = await post({ readOn: '2024-07-01', register: 'VT', value: '1800.5', source: 'customer' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      register: 'VT',
      value: '1800.5',
      previousReadOn: '2024-01-01',
      consumption: '800.5',
      source: 'customer',
    });
    // an equal value is no consumption, not an error
    expect((await post({ readOn: '2024-07-01', register: 'NT', value: '500.250' })).body.consumption).toBe(
      '0',
    );
    const items = await readingsOf(meter.id);
    expect(items.map((r) => [r.register, r.value, r.consumption])).toEqual([
      ['NT', '500.25', '0'],
      ['VT', '1800.5', '800.5'],
      ['NT', '500.25', null],
      ['VT', '1000', null],
    ]);
    const history = await sales.get(`/api/v1/supply-points/${point.id}/history`);
    const valueEntry = (
      history.body.items as { entityType: string; entityId: string; field: string; after: unknown }[]
    ).find((h) => h.entityType === 'meterReading' && h.entityId === second.body.id && h.field === 'value');
    // history keeps the value as written; the driver may hand a numeric-looking JSON value back as a number
    expect(String(valueEntry?.after)).toMatch(/^1800\.50*$/);
  });

  it('rejects a value lower than the previous reading, or higher than a later one, and writes nothing', async () => {
    const meter = await newMeter(point.id);
    await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-01-01',
      register: 'VT',
      value: '1000',
      source: 'distributor',
    });
    await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-06-01',
      register: 'VT',
      value: '1200',
      source: 'distributor',
    });
    const historyBefore = (await sales.get(`/api/v1/supply-points/${point.id}/history`)).body.items.length;
    const lower = await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-09-01',
      register: 'VT',
      value: '1199.999',
      source: 'customer',
    });
    expect(lower.status).toBe(400);
    expect(lower.body.errors).toContainEqual(
      expect.objectContaining({ path: 'value', code: 'below_previous' }),
    );
    const higher = await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-03-01',
      register: 'VT',
      value: '1200.001',
      source: 'customer',
    });
    expect(higher.status).toBe(400);
    expect(higher.body.errors).toContainEqual(expect.objectContaining({ path: 'value', code: 'above_next' }));
    expect(await readingsOf(meter.id)).toHaveLength(2);
    expect((await sales.get(`/api/v1/supply-points/${point.id}/history`)).body.items).toHaveLength(
      historyBefore,
    );
  });

  it.each([
    ['a date in the future', () => ({ readOn: '2999-01-01', register: 'VT' }), 'readOn', 'in_future'],
    ['tomorrow (business date)', () => ({ readOn: tomorrow(), register: 'VT' }), 'readOn', 'in_future'],
    ['an unknown register', () => ({ readOn: '2024-01-01', register: 'T1' }), 'register', 'unknown_register'],
    [
      'a date before the installation',
      () => ({ readOn: '2019-12-31', register: 'VT' }),
      'readOn',
      'before_installed',
    ],
    [
      'a value that is not a decimal string',
      () => ({ readOn: '2024-01-01', register: 'VT', value: '1,5' }),
      'value',
      'invalid_format',
    ],
    [
      'an unknown source',
      () => ({ readOn: '2024-01-01', register: 'VT', source: 'guess' }),
      'source',
      'invalid_value',
    ],
  ])('rejects %s with 400 naming the field and rule', async (_case, body, path, code) => {
    const meter = await newMeter(point.id);
    const res = await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      value: '10',
      source: 'estimate',
      ...body(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect(await readingsOf(meter.id)).toHaveLength(0);
  });

  it('a new meter after a meter change starts again from a low value', async () => {
    const old = await newMeter(point.id, { registers: ['T1'], type: 'electricity-single' });
    await sales.post(`/api/v1/meters/${old.id}/readings`, {
      readOn: '2024-01-01',
      register: 'T1',
      value: '45210',
      source: 'distributor',
    });
    await sales.post(`/api/v1/meters/${old.id}/readings`, {
      readOn: '2024-05-14',
      register: 'T1',
      value: '46010',
      source: 'distributor',
    });
    const removed = await sales.patch(`/api/v1/meters/${old.id}`, { removedOn: '2024-05-14', version: 1 });
    expect(removed.status).toBe(200);
    const after = await sales.post(`/api/v1/meters/${old.id}/readings`, {
      readOn: '2024-06-01',
      register: 'T1',
      value: '46100',
      source: 'customer',
    });
    expect(after.body.errors).toContainEqual(
      expect.objectContaining({ path: 'readOn', code: 'after_removed' }),
    );

    const fresh = await newMeter(point.id, {
      registers: ['T1'],
      type: 'electricity-single',
      installedOn: '2024-05-14',
    });
    const first = await sales.post(`/api/v1/meters/${fresh.id}/readings`, {
      readOn: '2024-05-14',
      register: 'T1',
      value: '0.5',
      source: 'distributor',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ value: '0.5', consumption: null });
    const next = await sales.post(`/api/v1/meters/${fresh.id}/readings`, {
      readOn: '2024-06-14',
      register: 'T1',
      value: '310',
      source: 'distributor',
    });
    expect(next.body.consumption).toBe('309.5');
    const meters = (await sales.get(`/api/v1/supply-points/${point.id}/meters`)).body.items as {
      id: string;
      removedOn: string | null;
    }[];
    expect(meters.findIndex((m) => m.id === fresh.id)).toBeLessThan(meters.findIndex((m) => m.id === old.id));
  });

  it('refuses to remove a meter before its last reading or drop a register that has readings', async () => {
    const meter = await newMeter(point.id);
    await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-03-01',
      register: 'NT',
      value: '5',
      source: 'customer',
    });
    const early = await sales.patch(`/api/v1/meters/${meter.id}`, {
      removedOn: '2024-02-01',
      registers: ['VT'],
      version: 1,
    });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'removedOn', code: 'readings_after' }),
        expect.objectContaining({ path: 'registers', code: 'in_use' }),
      ]),
    );
    expect((await sales.get(`/api/v1/meters/${meter.id}`)).body).toMatchObject({
      version: 1,
      removedOn: null,
      registers: ['VT', 'NT'],
    });
  });
});

const tomorrow = () => {
  const d = new Date(`${businessDate(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('consumption forecasts', () => {
  it('replaces a business client’s year in one go', async () => {
    const url = `/api/v1/supply-points/${point.id}/forecasts`;
    const first = await put(sales, url, {
      year: 2026,
      months: [1, 2, 3].map((month) => ({ month, quantityKWh: '1000.5' })),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2026, totalKWh: '3001.5' });
    await put(sales, url, { year: 2027, months: [{ month: 1, quantityKWh: '7' }] });
    const replaced = await put(sales, url, {
      year: 2026,
      months: [
        { month: 2, quantityKWh: '1200' },
        { month: 12, quantityKWh: '900.25' },
      ],
    });
    expect(replaced.body).toEqual({
      year: 2026,
      months: [
        { month: 2, quantityKWh: '1200' },
        { month: 12, quantityKWh: '900.25' },
      ],
      totalKWh: '2100.25',
    });
    const list = await sales.get(url);
    expect(list.body.items.map((y: { year: number; totalKWh: string }) => [y.year, y.totalKWh])).toEqual([
      [2026, '2100.25'],
      [2027, '7'],
    ]);
    expect((await sales.get(`${url}?year=2027`)).body.items).toHaveLength(1);
    const history = await sales.get(`/api/v1/supply-points/${point.id}/history`);
    const text = (v: unknown) => (v === null ? null : String(v));
    const january = (
      history.body.items as {
        entityType: string;
        action: string;
        field: string;
        before: unknown;
        after: unknown;
      }[]
    )
      .filter((h) => h.entityType === 'consumptionForecast' && h.field === '2026-01')
      .map((h) => [h.action, text(h.before), text(h.after)]);
    expect(january).toEqual([
      ['update', '1000.5', null],
      ['create', null, '1000.5'],
    ]);
  });

  it.each([
    [
      'a month twice',
      {
        year: 2026,
        months: [
          { month: 1, quantityKWh: '1' },
          { month: 1, quantityKWh: '2' },
        ],
      },
      'months',
      'not_unique',
    ],
    ['month 13', { year: 2026, months: [{ month: 13, quantityKWh: '1' }] }, 'months.0.month', 'too_big'],
    [
      'a quantity that is not a decimal string',
      { year: 2026, months: [{ month: 1, quantityKWh: '-5' }] },
      'months.0.quantityKWh',
      'invalid_format',
    ],
  ])('rejects %s', async (_case, body, path, code) => {
    const res = await put(sales, `/api/v1/supply-points/${point.id}/forecasts`, body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('refuses forecasts for a household (person) client', async () => {
    const household = await newPoint({
      kind: 'person',
      name: 'Ján Malý',
      companyId: null,
      email: 'jan.maly@example.sk',
    });
    const res = await put(sales, `/api/v1/supply-points/${household.id}/forecasts`, {
      year: 2026,
      months: [{ month: 1, quantityKWh: '300' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ path: 'forecasts', code: 'business_only' }),
    );
    expect((await sales.get(`/api/v1/supply-points/${household.id}/forecasts`)).body.items).toEqual([]);
  });
});

describe('an archived supply point', () => {
  it('keeps its meters and readings but refuses changes with 409 until restored', async () => {
    const archivedPoint = await newPoint();
    const meter = await newMeter(archivedPoint.id);
    const admin = await as('admin@demo.kilowatt');
    const archived = await admin.post(`/api/v1/supply-points/${archivedPoint.id}/archive`, { version: 1 });
    expect(archived.status).toBe(200);
    const reading = await sales.post(`/api/v1/meters/${meter.id}/readings`, { readOn: '2024-01-01', register: 'VT', value: '10', source: 'customer' });
    expect(reading.status).toBe(409);
    expect(reading.body.code).toBe('supply_point.archived');
    const another = await sales.post(`/api/v1/supply-points/${archivedPoint.id}/meters`, meterBody());
    expect(another.status).toBe(409);
    expect((await sales.get(`/api/v1/meters/${meter.id}/readings`)).body).toEqual({ items: [] });
    expect((await sales.get(`/api/v1/supply-points/${archivedPoint.id}/meters`)).body.items).toHaveLength(1);
  });
});

describe('access (CORE-3)', () => {
  it("another team gets 404 on the supply point's meters, readings and forecasts and changes nothing", async () => {
    const mine = await newPoint();
    const meter = await newMeter(mine.id);
    await sales.post(`/api/v1/meters/${meter.id}/readings`, {
      readOn: '2024-01-01',
      register: 'VT',
      value: '10',
      source: 'customer',
    });
    await put(sales, `/api/v1/supply-points/${mine.id}/forecasts`, {
      year: 2026,
      months: [{ month: 1, quantityKWh: '5' }],
    });

    const attempts = [
      await sales2.get(`/api/v1/supply-points/${mine.id}/meters`),
      await sales2.post(`/api/v1/supply-points/${mine.id}/meters`, meterBody()),
      await sales2.get(`/api/v1/meters/${meter.id}`),
      await sales2.patch(`/api/v1/meters/${meter.id}`, { note: 'hijack', version: 1 }),
      await sales2.get(`/api/v1/meters/${meter.id}/readings`),
      await sales2.post(`/api/v1/meters/${meter.id}/readings`, {
        readOn: '2024-02-01',
        register: 'VT',
        value: '20',
        source: 'customer',
      }),
      await sales2.get(`/api/v1/supply-points/${mine.id}/forecasts`),
      await put(sales2, `/api/v1/supply-points/${mine.id}/forecasts`, {
        year: 2026,
        months: [{ month: 1, quantityKWh: '999' }],
      }),
    ];
    expect(attempts.map((r) => r.status)).toEqual(Array(attempts.length).fill(404));
    // the answer for a meter outside the rights is the one for a meter that does not exist
    const missing = await sales.get('/api/v1/meters/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(attempts[2]!.body.detail).toBe(missing.body.detail);

    expect((await sales.get(`/api/v1/supply-points/${mine.id}/meters`)).body.items).toHaveLength(1);
    expect((await sales.get(`/api/v1/meters/${meter.id}`)).body).toMatchObject({ note: null, version: 1 });
    expect((await sales.get(`/api/v1/meters/${meter.id}/readings`)).body.items).toHaveLength(1);
    expect((await sales.get(`/api/v1/supply-points/${mine.id}/forecasts`)).body.items).toEqual([
      { year: 2026, months: [{ month: 1, quantityKWh: '5' }], totalKWh: '5' },
    ]);
  });
});

describe('verification reminders job', () => {
  const log = pino({ level: 'silent' });
  // On PostgreSQL the second instance has its own connection pool, as a second app process would.
  const second = database.url ? openPostgres(database.url, 5) : null;
  afterAll(async () => {
    await second?.close();
  });
  const inDays = (days: number) => {
    const d = new Date(`${businessDate(new Date())}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  it('creates one reminder per meter due within N days, even run twice on two instances at once', async () => {
    const me = (await sales.get('/api/v1/auth/me')).body.user.id as string;
    const site = await newPoint();
    const soon = await newMeter(site.id, { verificationDueOn: inDays(30) });
    const edge = await newMeter(site.id, { verificationDueOn: inDays(60) });
    const overdue = await newMeter(site.id, { verificationDueOn: inDays(-5) });
    const later = await newMeter(site.id, { verificationDueOn: inDays(61) });
    const removed = await newMeter(site.id, { verificationDueOn: inDays(10), removedOn: '2024-01-01' });
    const ids = [soon.id, edge.id, overdue.id, later.id, removed.id];

    const handlers = createJobHandlers({ verificationReminderDays: 60, contractReminderDays: { end: 90, noticeDeadline: 30 } });
    const a = createJobRunner({ db, log, handlers, instanceId: 'a' });
    const b = createJobRunner({ db: second?.db ?? db, log, handlers, instanceId: 'b' });
    await enqueue({ db }, 'meters.verification-reminders');
    await enqueue({ db }, 'meters.verification-reminders');
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const runs = await db.select().from(jobs).where(eq(jobs.name, 'meters.verification-reminders'));
    expect(runs.map((j) => [j.state, j.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
    // and the handler itself racing on both connections
    const run = handlers['meters.verification-reminders']!;
    await Promise.all([
      run(systemContext(db, log, 'job:a'), {}),
      run(systemContext(second?.db ?? db, log, 'job:b'), {}),
    ]);

    const rows = await db
      .select()
      .from(reminders)
      .where(and(eq(reminders.kind, 'meter.verification_due'), inArray(reminders.subjectId, ids)));
    expect(rows.map((r) => r.subjectId).sort()).toEqual([soon.id, edge.id, overdue.id].sort());
    expect(rows.find((r) => r.subjectId === soon.id)).toMatchObject({
      subjectType: 'meter',
      dueOn: inDays(30),
      userId: me,
      doneAt: null,
    });

    const mine = (await sales.get('/api/v1/reminders')).body.items as { id: string; subjectId: string }[];
    expect(mine.filter((r) => ids.includes(r.subjectId))).toHaveLength(3);
    // Each comes with what the bell shows of it, so the UI asks for nothing more.
    const siteIdentifier = (await sales.get(`/api/v1/supply-points/${site.id}`)).body.identifier as string;
    expect(mine.find((r) => r.subjectId === soon.id)).toEqual({
      id: expect.any(String),
      kind: 'meter.verification_due',
      subjectType: 'meter',
      subjectId: soon.id,
      dueOn: inDays(30),
      supplyPointId: site.id,
      supplyPointIdentifier: siteIdentifier,
      meterNumber: soon.number,
      contractId: null,
      contractNumber: null,
      createdAt: expect.any(String),
      doneAt: null,
    });
    expect(
      ((await sales2.get('/api/v1/reminders')).body.items as { subjectId: string }[]).filter((r) =>
        ids.includes(r.subjectId),
      ),
    ).toEqual([]);

    const reminder = mine.find((r) => r.subjectId === soon.id)!;
    expect((await sales2.post(`/api/v1/reminders/${reminder.id}/done`)).status).toBe(404);
    const done = await sales.post(`/api/v1/reminders/${reminder.id}/done`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ supplyPointId: site.id, meterNumber: soon.number });
    expect(done.body.doneAt).not.toBeNull();
    const open = (await sales.get('/api/v1/reminders')).body.items as { id: string }[];
    expect(open.map((r) => r.id)).not.toContain(reminder.id);

    // a later run does not bring a done reminder back
    await run(systemContext(db, log, 'job:again'), {});
    expect(await db.select().from(reminders).where(inArray(reminders.subjectId, ids))).toHaveLength(3);
  });

  it('tells nothing of a subject that is no longer within the reminded user’s rights', async () => {
    const me = (await sales.get('/api/v1/auth/me')).body.user.id as string;
    const theirs = await sales2.post('/api/v1/clients', companyBody());
    const theirPoint = await sales2.post('/api/v1/supply-points', {
      clientId: theirs.body.id,
      commodity: 'electricity',
      identifier: skElectricityEic(random, 'VS'),
    });
    const theirMeter = await sales2.post(`/api/v1/supply-points/${theirPoint.body.id}/meters`, meterBody());
    expect(theirMeter.status).toBe(201);
    // As if the client had moved to another team after the job reminded this user of its meter.
    const [reminder] = await db
      .insert(reminders)
      .values({
        ownerId: theirMeter.body.ownerId,
        kind: 'meter.verification_due',
        subjectType: 'meter',
        subjectId: theirMeter.body.id,
        dueOn: inDays(5),
        userId: me,
      })
      .returning();
    const listed = ((await sales.get('/api/v1/reminders')).body.items as { id: string }[]).find(
      (r) => r.id === reminder!.id,
    );
    expect(listed).toMatchObject({ subjectId: theirMeter.body.id, supplyPointId: null, supplyPointIdentifier: null, meterNumber: null });
    const done = await sales.post(`/api/v1/reminders/${reminder!.id}/done`);
    expect(done.body).toMatchObject({ supplyPointId: null, meterNumber: null });
    expect(JSON.stringify(done.body)).not.toContain(theirMeter.body.number);
  });
});
