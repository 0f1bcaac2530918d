import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { dayBounds } from '../../../domain/activities/days.js';
import { systemContext, withTx } from '../../context.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { completeFieldTasks, createActivity, getActivity } from './activities.service.js';

const { as, db } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const system = systemContext(db, pino({ level: 'silent' }), 'test');

const hour = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * hour).toISOString();
let serial = 0;
const activityBody = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return { kind: 'task', subject: `Zavolať ohľadom ponuky ${serial}`, startAt: at(1), dueAt: at(2), ...overrides };
};
const me = async (caller: typeof sales) => (await caller.get('/api/v1/auth/me')).body;

describe('creating an activity', () => {
  it('belongs to the caller and their team by default and records its creation', async () => {
    const user = await me(sales);
    const res = await sales.post('/api/v1/activities', activityBody({ kind: 'call', location: 'Telefón' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'call', status: 'open', version: 1, completedAt: null, isOverdue: false });
    expect(res.body.responsibleUserId).toBe(user.id ?? user.user?.id);
    expect(res.body.teamId).not.toBeNull();
    const history = (await sales.get(`/api/v1/activities/${res.body.id}/history`)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toContain('create');
  });

  it('records an activity that already happened as done, with completedAt', async () => {
    const res = await sales.post('/api/v1/activities', activityBody({ kind: 'visit', status: 'done', outcome: 'reached', startAt: at(-3), dueAt: at(-2) }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('done');
    expect(new Date(res.body.completedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it.each([
    ['a due date before the start', { startAt: at(5), dueAt: at(4) }, 'dueAt', 'due_before_start', 'activity.due_before_start'],
    ['an empty subject', { subject: ' ' }, 'subject', 'too_small', 'validation'],
    ['an unknown kind', { kind: 'lunch' }, 'kind', 'invalid_value', 'validation'],
    ['a date without offset', { startAt: '2026-11-20T09:00:00' }, 'startAt', 'invalid_format', 'validation'],
    ['an unknown field', { priority: 1 }, 'priority', 'unrecognized_keys', 'validation'],
    ['a department e-mail that is not one', { departmentEmail: 'billing' }, 'departmentEmail', 'invalid_format', 'validation'],
  ])('rejects %s with 400 naming the field and rule, writing nothing', async (_, overrides, path, code, problem) => {
    const body = activityBody(overrides);
    const res = await sales.post('/api/v1/activities', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe(problem);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    const list = await sales.get(`/api/v1/activities?q=${encodeURIComponent(String(body.subject).trim() || 'zzz-none')}&archived=all`);
    expect(list.body.items).toHaveLength(0);
  });

  it('refuses a link to a client outside the caller’s rights with 404 naming clientId, writing nothing', async () => {
    const foreign = (await sales2.post('/api/v1/clients', companyBody())).body;
    const body = activityBody({ clientId: foreign.id });
    const res = await sales.post('/api/v1/activities', body);
    expect(res.status).toBe(404);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'clientId', code: 'not_found' }));
    expect((await sales.get(`/api/v1/activities?q=${encodeURIComponent(body.subject)}`)).body.items).toHaveLength(0);
  });

  it('refuses a link to another team’s case or lead with 404 naming the field, writing nothing (also for events)', async () => {
    const client = (await sales2.post('/api/v1/clients', companyBody())).body;
    const foreignCase = (await sales2.post('/api/v1/cases', { clientId: client.id, name: 'Cudzí prípad', type: 'acquisition', commodity: 'gas' })).body;
    const foreignLead = (await sales2.post('/api/v1/leads', { name: 'Cudzí lead s.r.o.', country: 'SK' })).body;
    expect(foreignCase.id).toBeDefined();
    expect(foreignLead.id).toBeDefined();
    for (const [path, link] of [['caseId', { caseId: foreignCase.id }], ['leadId', { leadId: foreignLead.id }], ['caseId', { caseId: randomUUID() }]] as const) {
      const body = activityBody(link);
      const res = await sales.post('/api/v1/activities', body);
      expect(res.status).toBe(404);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code: 'not_found' }));
      expect((await admin.get(`/api/v1/activities?q=${encodeURIComponent(body.subject)}`)).body.items).toHaveLength(0);
      const event = await sales.post('/api/v1/calendar/events', { title: `Stretnutie ${body.subject}`, startAt: at(1), endAt: at(2), ...link });
      expect(event.status).toBe(404);
    }
    const own = await sales2.post('/api/v1/activities', activityBody({ caseId: foreignCase.id }));
    expect(own.status).toBe(201);
  });

  it('refuses a responsible user of another owner company', async () => {
    const users = (await admin.get('/api/v1/users')).body;
    const list = Array.isArray(users) ? users : users.items;
    const foreign = list.find((u: { email: string }) => u.email === 'sales.cz@demo.kilowatt');
    const res = await sales.post('/api/v1/activities', activityBody({ responsibleUserId: foreign.id }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'responsibleUserId', code: 'not_found' }));
  });

  it('is refused (403) for a role without sales rights', async () => {
    const res = await legal.post('/api/v1/activities', activityBody());
    expect(res.status).toBe(403);
  });
});

describe('changing an activity', () => {
  it('patches with the version read, records each field and answers 409 when stale', async () => {
    const created = (await sales.post('/api/v1/activities', activityBody({ subject: 'Stretnutie pôvodné' }))).body;
    const res = await sales.patch(`/api/v1/activities/${created.id}`, { subject: 'Stretnutie nové', dueAt: at(30), version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subject: 'Stretnutie nové', version: 2 });
    const stale = await sales.patch(`/api/v1/activities/${created.id}`, { subject: 'Neskoro', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect((await sales.get(`/api/v1/activities/${created.id}`)).body.subject).toBe('Stretnutie nové');
    const history = (await sales.get(`/api/v1/activities/${created.id}/history`)).body.items;
    expect(history).toContainEqual(expect.objectContaining({ action: 'update', field: 'subject', before: 'Stretnutie pôvodné', after: 'Stretnutie nové' }));
    expect(history[0].by.name).toBe('Simona Predajná');
  });

  it('refuses a change that would make it due before it starts, keeping it as it was', async () => {
    const created = (await sales.post('/api/v1/activities', activityBody({ startAt: at(10), dueAt: at(12) }))).body;
    const res = await sales.patch(`/api/v1/activities/${created.id}`, { dueAt: at(9), version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'dueAt', code: 'due_before_start' }));
    expect((await sales.get(`/api/v1/activities/${created.id}`)).body.version).toBe(1);
  });

  it('completes an open activity once, with its outcome', async () => {
    const created = (await sales.post('/api/v1/activities', activityBody({ kind: 'call' }))).body;
    const done = await sales.post(`/api/v1/activities/${created.id}/complete`, { version: 1, outcome: 'reached', outcomeNote: 'Pošle faktúry' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', outcome: 'reached', outcomeNote: 'Pošle faktúry', version: 2 });
    expect(done.body.completedAt).not.toBeNull();
    const again = await sales.post(`/api/v1/activities/${created.id}/complete`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('activity.not_open');
  });

  it('cancels an open activity, and archives it out of the list', async () => {
    const created = (await sales.post('/api/v1/activities', activityBody({ subject: 'Zrušiť a archivovať' }))).body;
    const cancelled = await sales.post(`/api/v1/activities/${created.id}/cancel`, { version: 1 });
    expect(cancelled.body.status).toBe('cancelled');
    const archived = await sales.post(`/api/v1/activities/${created.id}/archive`, { version: 2 });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await sales.get('/api/v1/activities?q=zrusit archivovat')).body.items).toHaveLength(0);
    expect((await sales.get('/api/v1/activities?q=zrusit archivovat&archived=true')).body.items).toHaveLength(1);
    const change = await sales.patch(`/api/v1/activities/${created.id}`, { subject: 'x', version: 3 });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('activity.archived');
  });
});

describe('the list', () => {
  const tag = `Kotolňa${Date.now()}`;
  const ready = (async () => {
    const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Teplárne Žilina a.s.' }))).body;
    const make = (subject: string, overrides: Record<string, unknown>) => sales.post('/api/v1/activities', activityBody({ subject: `${tag} ${subject}`, ...overrides }));
    await make('Alfa', { kind: 'call', startAt: at(-50), dueAt: at(-48), clientId: client.id });
    await make('Beta', { kind: 'task', startAt: at(1), dueAt: at(24) });
    await make('Gama', { kind: 'visit', startAt: at(2), dueAt: at(3), clientId: client.id });
    await make('Delta', { kind: 'task', startAt: at(-5), dueAt: at(-4), status: 'done' });
    return client;
  })();

  it('searches the subject accent-insensitively, sorts and pages with a cursor', async () => {
    await ready;
    const q = encodeURIComponent(tag.toLowerCase().replace('ň', 'n'));
    const page1 = await sales.get(`/api/v1/activities?q=${q}&sort=-subject&limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((a: { subject: string }) => a.subject)).toEqual([`${tag} Gama`, `${tag} Delta`]);
    const page2 = await sales.get(`/api/v1/activities?q=${q}&sort=-subject&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((a: { subject: string }) => a.subject)).toEqual([`${tag} Beta`, `${tag} Alfa`]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('filters by kind, status, client, due range and overdue, and names the linked client', async () => {
    const client = await ready;
    const q = encodeURIComponent(tag);
    const subjects = async (filter: string) =>
      (await sales.get(`/api/v1/activities?q=${q}&sort=subject&${filter}`)).body.items.map((a: { subject: string }) => a.subject.replace(`${tag} `, ''));
    expect(await subjects('kind=task')).toEqual(['Beta', 'Delta']);
    expect(await subjects('status=done')).toEqual(['Delta']);
    expect(await subjects(`clientId=${client.id}`)).toEqual(['Alfa', 'Gama']);
    expect(await subjects('overdue=true')).toEqual(['Alfa']);
    expect(await subjects(`dueFrom=${encodeURIComponent(at(0))}&dueTo=${encodeURIComponent(at(10))}`)).toEqual(['Gama']);
    const alfa = (await sales.get(`/api/v1/activities?q=${q}&sort=subject`)).body.items[0];
    expect(alfa.client).toEqual({ id: client.id, name: 'Teplárne Žilina a.s.' });
    expect(alfa.isOverdue).toBe(true);
    expect(alfa.responsibleUser.name).toBe('Simona Predajná');
  });

  it('exports exactly what the list shows to an XLSX that reads back', async () => {
    await ready;
    const query = `q=${encodeURIComponent(tag)}&sort=subject&status=open`;
    const res = await sales.get(`/api/v1/activities/export?format=xlsx&${query}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = sheet.getRow(1).values as string[];
    const subjectColumn = headers.indexOf('Predmet');
    expect(subjectColumn).toBeGreaterThan(0);
    const exported = sheet.getColumn(subjectColumn).values.slice(2);
    const listed = (await sales.get(`/api/v1/activities?${query}&limit=500`)).body.items.map((a: { subject: string }) => a.subject);
    expect(exported).toEqual(listed);
    expect(listed).toHaveLength(3);
    expect(sheet.getRow(2).getCell(headers.indexOf('Klient')).value).toBe('Teplárne Žilina a.s.');
  });

  it('exports CSV with the same rows', async () => {
    await ready;
    const res = await sales.get(`/api/v1/activities/export?format=csv&language=en&q=${encodeURIComponent(tag)}&sort=subject`);
    const lines = String(res.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Subject');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`${tag} Alfa`);
  });
});

describe('access', () => {
  const mine = (async () => (await sales.post('/api/v1/activities', activityBody({ subject: `Prístup ${randomUUID()}` }))).body)();

  it.each([
    ['get', (id: string) => sales2.get(`/api/v1/activities/${id}`)],
    ['history', (id: string) => sales2.get(`/api/v1/activities/${id}/history`)],
    ['patch', (id: string) => sales2.patch(`/api/v1/activities/${id}`, { subject: 'cudzie', version: 1 })],
    ['complete', (id: string) => sales2.post(`/api/v1/activities/${id}/complete`, { version: 1 })],
    ['cancel', (id: string) => sales2.post(`/api/v1/activities/${id}/cancel`, { version: 1 })],
    ['archive', (id: string) => sales2.post(`/api/v1/activities/${id}/archive`, { version: 1 })],
  ])('another team’s sales user gets 404 on %s, and nothing changes', async (_, call) => {
    const activity = await mine;
    const res = await call(activity.id);
    expect(res.status).toBe(404);
    const after = (await sales.get(`/api/v1/activities/${activity.id}`)).body;
    expect(after).toMatchObject({ version: 1, status: 'open', subject: activity.subject, archivedAt: null });
  });

  it('another team’s list, search and export do not show it; the administrator’s do', async () => {
    const activity = await mine;
    const q = encodeURIComponent(activity.subject);
    expect((await sales2.get(`/api/v1/activities?q=${q}`)).body.items).toHaveLength(0);
    expect(String((await sales2.get(`/api/v1/activities/export?format=csv&q=${q}`)).body)).not.toContain(activity.subject);
    expect((await sales.get(`/api/v1/activities?q=${q}`)).body.items).toHaveLength(1);
    expect((await admin.get(`/api/v1/activities?q=${q}`)).body.items).toHaveLength(1);
    expect((await admin.get(`/api/v1/activities/${activity.id}`)).status).toBe(200);
    expect(String((await admin.get(`/api/v1/activities/export?format=csv&q=${q}`)).body)).toContain(activity.subject);
  });

  it.each([
    ['list', '/api/v1/activities'],
    ['export', '/api/v1/activities/export'],
    ['my day', '/api/v1/activities/my-day'],
  ])('a role without sales rights gets 403 on the %s', async (_, url) => {
    expect((await legal.get(url)).status).toBe(403);
  });

  it('a role without sales rights gets 403 on one activity', async () => {
    expect((await legal.get(`/api/v1/activities/${(await mine).id}`)).status).toBe(403);
  });
});

describe('my day', () => {
  const zone = 'Europe/Bratislava';
  const { start, end } = dayBounds(new Date(), zone);
  const noon = new Date((start.getTime() + end.getTime()) / 2);
  const iso = (d: Date) => d.toISOString();
  const ready = (async () => {
    const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Mliekareň Môj Deň s.r.o.' }))).body;
    const make = (subject: string, startAt: Date, dueAt: Date, extra: Record<string, unknown> = {}) =>
      sales.post('/api/v1/activities', { kind: 'call', subject, startAt: iso(startAt), dueAt: iso(dueAt), ...extra });
    await make('MD overdue old', new Date(start.getTime() - 72 * hour), new Date(start.getTime() - 48 * hour), { clientId: client.id });
    await make('MD overdue yesterday', new Date(start.getTime() - 3 * hour), new Date(start.getTime() - 1));
    await make('MD today', noon, noon);
    await make('MD today early', start, start);
    await make('MD tomorrow', end, new Date(end.getTime() + hour));
    const done = (await make('MD today done', noon, noon)).body;
    await sales.post(`/api/v1/activities/${done.id}/complete`, { version: 1 });
    await sales2.post('/api/v1/activities', { kind: 'call', subject: 'MD other user', startAt: iso(noon), dueAt: iso(noon) });
    return client;
  })();

  it('lists the caller’s overdue and today’s open activities in order, with linked names', async () => {
    const client = await ready;
    const res = await sales.get(`/api/v1/activities/my-day?timeZone=${encodeURIComponent(zone)}`);
    expect(res.status).toBe(200);
    const subjects = (items: { subject: string }[]) => items.map((a) => a.subject).filter((s) => s.startsWith('MD '));
    expect(subjects(res.body.overdue)).toEqual(['MD overdue old', 'MD overdue yesterday']);
    expect(subjects(res.body.today)).toEqual(['MD today early', 'MD today']);
    expect(res.body.overdue[0].client).toEqual({ id: client.id, name: 'Mliekareň Môj Deň s.r.o.' });
    expect(res.body.overdueCount).toBe(res.body.overdue.length);
    expect(res.body).toMatchObject({ timeZone: zone });
    const other = await sales2.get('/api/v1/activities/my-day');
    expect(subjects(other.body.today)).toEqual(['MD other user']);
    expect(subjects(other.body.overdue)).toEqual([]);
  });

  it('counts beyond the limit and rejects an unknown time zone', async () => {
    await ready;
    const res = await sales.get('/api/v1/activities/my-day?limit=1');
    expect(res.body.overdue).toHaveLength(1);
    expect(res.body.overdueCount).toBeGreaterThanOrEqual(2);
    const bad = await sales.get('/api/v1/activities/my-day?timeZone=Mars/Olympus');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ path: 'timeZone', code: 'invalid_time_zone' }));
  });
});

describe('tasks that close themselves (completeFieldTasks)', () => {
  const caseId = randomUUID();
  const otherCase = randomUUID();
  const user = (async () => (await me(sales)))();
  const task = async (fieldKey: string | null, onCase = caseId) =>
    createActivity(system, {
      kind: 'task',
      subject: `Doplniť ${fieldKey ?? 'nič'}`,
      startAt: at(0),
      dueAt: at(48),
      caseId: onCase,
      fieldKey,
      responsibleUserId: ((await user).id ?? (await user).user.id) as string,
    });

  it('closes the open tasks of the case that ask for a filled field, and only those', async () => {
    const demand = await task('totalDemand');
    const close = await task('expectedCloseDate');
    const points = await task('supplyPointIds');
    const plain = await task(null);
    const elsewhere = await task('totalDemand', otherCase);
    const closed = await completeFieldTasks(system, caseId, ['totalDemand', 'expectedCloseDate']);
    expect(closed).toBe(2);
    for (const id of [demand.id, close.id]) {
      expect(await getActivity(system, id)).toMatchObject({ status: 'done', outcome: 'fieldFilled', version: 2 });
    }
    for (const id of [points.id, plain.id, elsewhere.id]) expect((await getActivity(system, id)).status).toBe('open');
    expect(await completeFieldTasks(system, caseId, ['totalDemand'])).toBe(0);
    const history = (await sales.get(`/api/v1/activities/${demand.id}/history`)).body.items;
    expect(history).toContainEqual(expect.objectContaining({ field: 'status', before: 'open', after: 'done' }));
  });

  it('runs in the caller’s transaction: a rollback leaves the tasks open', async () => {
    const pending = await task('securityAmount');
    await expect(
      withTx(system, async (tx) => {
        expect(await completeFieldTasks(tx, caseId, ['securityAmount'])).toBe(1);
        throw new Error('the caller fails after closing');
      }),
    ).rejects.toThrow('the caller fails');
    expect((await getActivity(system, pending.id)).status).toBe('open');
  });
});
