import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');

const teamOf = async (caller: typeof sales) => (await caller.get('/api/v1/auth/me')).body.teams[0].id as string;
const westTeam = await teamOf(sales);

const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Fronta Firma s.r.o.' }))).body as { id: string };
const newCase = async (caller: typeof sales, clientId: string, name: string, priority: number, territoryCode = 'sk-zsd') => {
  const res = await caller.post('/api/v1/cases', { clientId, name, type: 'acquisition', commodity: 'electricity', priority, territoryCode });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
const urgent = await newCase(sales, client.id, 'Dodávka 2027 — Fronta', 1);
const routine = await newCase(sales, client.id, 'Plyn 2027 — Fronta', 4, 'sk-vsd');
const lead = (await sales.post('/api/v1/leads', { name: 'Nový záujemca s.r.o.', country: 'SK', phone: '+421905111222', priority: 2 })).body as { id: string };
const eastClient = (await sales2.post('/api/v1/clients', companyBody({ name: 'Východ Fronta s.r.o.' }))).body as { id: string };
const eastCase = await newCase(sales2, eastClient.id, 'Východ — Fronta', 1);

const tomorrow = () => new Date(Date.now() + 36 * 3600_000).toISOString();
const callIds = async (caller: typeof sales) => {
  const res = await caller.get('/api/v1/queues/calls');
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
};

describe('work-queue rules (admin)', () => {
  it('are defined by an administrator for a team; others may not', async () => {
    const created = await admin.post('/api/v1/queue-rules', { name: 'Západ telefonicky', channel: 'phone', teamId: westTeam, dailyCapacity: 10 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ recordTypes: ['lead', 'case'], territoryCodes: [], maxPriority: 5, version: 1 });
    expect((await sales.post('/api/v1/queue-rules', { name: 'x', channel: 'phone', teamId: westTeam })).status).toBe(403);
    expect((await sales.get('/api/v1/queue-rules')).status).toBe(403);
    const bad = await admin.post('/api/v1/queue-rules', { name: 'x', channel: 'phone', teamId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'teamId', code: 'unknown_team' });
    const stale = await admin.patch(`/api/v1/queue-rules/${created.body.id}`, { dailyCapacity: 5, version: 7 });
    expect(stale.status).toBe(409);
  });
});

describe('call list (SALES-7)', () => {
  it("queues the caller's own open cases and leads by priority; another team's never", async () => {
    const ids = await callIds(sales);
    expect(ids).toEqual([urgent.id, lead.id, routine.id]);
    expect(ids).not.toContain(eastCase.id);
    // The East team has no rule: nothing is queued, and it says so.
    const east = await sales2.get('/api/v1/queues/calls');
    expect(east.body).toMatchObject({ rules: 0, items: [] });
    expect((await legal.get('/api/v1/queues/calls')).status).toBe(403);
  });

  it('logs an outcome in one step: the call is recorded, the follow-up planned, the item leaves today’s list', async () => {
    const missing = await sales.post('/api/v1/queues/outcomes', { recordType: 'case', id: urgent.id, channel: 'phone', outcome: 'callBack' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ path: 'nextActivityAt', code: 'required_by_outcome' });

    const next = tomorrow();
    const logged = await sales.post('/api/v1/queues/outcomes', {
      recordType: 'case',
      id: urgent.id,
      channel: 'phone',
      outcome: 'callBack',
      note: 'Konateľ na dovolenke',
      nextActivityAt: next,
    });
    expect(logged.status).toBe(201);
    const call = (await sales.get(`/api/v1/activities/${logged.body.loggedActivityId}`)).body;
    expect(call).toMatchObject({ kind: 'call', status: 'done', outcome: 'callBack', outcomeNote: 'Konateľ na dovolenke' });
    expect(call.subject).toContain('Dodávka 2027 — Fronta');
    const followUp = (await sales.get(`/api/v1/activities/${logged.body.nextActivityId}`)).body;
    expect(followUp).toMatchObject({ kind: 'call', status: 'open' });
    expect(new Date(followUp.startAt).toISOString()).toBe(new Date(next).toISOString());

    const afterCase = (await sales.get(`/api/v1/cases/${urgent.id}`)).body;
    expect(new Date(afterCase.nextActivityAt).toISOString()).toBe(new Date(next).toISOString());
    expect(afterCase.lastActivityAt).not.toBeNull();
    expect(await callIds(sales)).toEqual([lead.id, routine.id]);
  });

  it('refuses an outcome on a closed case with 409, writing nothing', async () => {
    const closing = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Uzavretý — Fronta', type: 'acquisition', commodity: 'gas' })).body;
    const closed = await sales.post(`/api/v1/cases/${closing.id}/actions`, { action: 'close', outcome: 'lost', closingNote: 'Cena', version: closing.version });
    expect(closed.body.case).toMatchObject({ state: 'closed' });
    const res = await sales.post('/api/v1/queues/outcomes', { recordType: 'case', id: closing.id, channel: 'phone', outcome: 'reached' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('case.closed');
    expect((await sales.get(`/api/v1/activities?caseId=${closing.id}&limit=100`)).body.items).toHaveLength(0);
  });

  it("refuses an outcome on another team's case as not found, writing nothing", async () => {
    const res = await sales.post('/api/v1/queues/outcomes', { recordType: 'case', id: eastCase.id, channel: 'phone', outcome: 'reached' });
    expect(res.status).toBe(404);
    expect((await sales2.get(`/api/v1/cases/${eastCase.id}`)).body.lastActivityAt).toBeNull();
  });
});

describe('visit schedule (SALES-7)', () => {
  it('spreads due items over working days by the field rule’s capacity, grouped by territory', async () => {
    const rule = await admin.post('/api/v1/queue-rules', { name: 'Západ v teréne', channel: 'field', teamId: westTeam, recordTypes: ['case'], dailyCapacity: 1 });
    expect(rule.status).toBe(201);
    const schedule = await sales.get('/api/v1/queues/visits?from=2026-11-27&days=3');
    expect(schedule.status).toBe(200);
    // Friday, then Monday and Tuesday: weekends are skipped.
    expect(schedule.body.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-27', '2026-11-30', '2026-12-01']);
    const visits = schedule.body.days.map((d: { visits: { id: string }[] }) => d.visits.map((v) => v.id));
    expect(visits.flat()).toEqual(expect.arrayContaining([routine.id]));
    expect(visits.every((day: string[]) => day.length <= 1)).toBe(true);
    expect(new Set(visits.flat()).size).toBe(visits.flat().length);
  });
});
