import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');

const newClient = async (caller: Caller, name: string) => (await caller.post('/api/v1/clients', companyBody({ name }))).body as { id: string; name: string };
const westClient = await newClient(sales, 'Západná Teplárňa a.s.');
const eastClient = await newClient(sales2, 'Východná Teplárňa a.s.');

const process = (
  await admin.post('/api/v1/process-templates', {
    name: 'Board process',
    stages: [{ name: 'Lead-in' }, { name: 'Negotiation', requiredFields: ['totalDemand'] }, { name: 'Won', closesAs: 'won' }],
  })
).body as { id: string; stages: { id: string; name: string }[] };
const [leadIn, negotiation] = process.stages;

const open = async (caller: Caller, clientId: string, name: string, quantity: string) => {
  const res = await caller.post('/api/v1/cases', {
    clientId,
    name,
    type: 'acquisition',
    commodity: 'electricity',
    processTemplateId: process.id,
    potentials: [{ commodity: 'electricity', quantity, quantityUnit: 'kWh' }, { commodity: 'gas', quantity: '2', quantityUnit: 'MWh' }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; version: number };
};
const westCases = [
  await open(sales, westClient.id, 'Západ 1', '1000'),
  await open(sales, westClient.id, 'Západ 2', '2500'),
  await open(sales, westClient.id, 'Západ 3', '500'),
];
const eastCase = await open(sales2, eastClient.id, 'Východ 1', '1000');
const westCase = westCases[0]!;

describe('the kanban board', () => {
  it("shows each stage with the caller's open cases, their client, responsible user and potential", async () => {
    const res = await sales.get(`/api/v1/cases/board?processTemplateId=${process.id}`);
    expect(res.status).toBe(200);
    expect(res.body.processTemplate).toEqual({ id: process.id, name: 'Board process' });
    expect(res.body.stages.map((s: { name: string }) => s.name)).toEqual(['Lead-in', 'Negotiation', 'Won']);
    const column = res.body.stages[0];
    expect(column.total).toBe(3);
    expect(column.cards.map((c: { name: string }) => c.name).sort()).toEqual(['Západ 1', 'Západ 2', 'Západ 3']);
    expect(column.cards.find((c: { name: string }) => c.name === 'Západ 2')).toMatchObject({
      clientName: westClient.name,
      responsibleUser: { name: 'Simona Predajná' },
      potentialMWh: '4.5',
    });
    expect(res.body.stages[1]).toMatchObject({ requiredFields: ['totalDemand'], total: 0, cards: [] });
  });

  it('caps the cards per column and counts the rest', async () => {
    const res = await sales.get(`/api/v1/cases/board?processTemplateId=${process.id}&perStage=2`);
    expect(res.body.stages[0].cards).toHaveLength(2);
    expect(res.body.stages[0].total).toBe(3);
  });

  it('moves a card when the gate passes, and closed cases leave the working columns', async () => {
    const blocked = await sales.post(`/api/v1/cases/${westCases[1]!.id}/stage`, { stageId: negotiation!.id, version: westCases[1]!.version });
    expect(blocked.body.errors).toEqual([expect.objectContaining({ path: 'totalDemand', code: 'required_by_stage' })]);
    const filled = await sales.patch(`/api/v1/cases/${westCases[1]!.id}`, { version: westCases[1]!.version, totalDemand: '3', totalDemandUnit: 'MWh' });
    const moved = await sales.post(`/api/v1/cases/${westCases[1]!.id}/stage`, { stageId: negotiation!.id, version: filled.body.version });
    expect(moved.status).toBe(200);
    await sales.post(`/api/v1/cases/${westCases[2]!.id}/close`, { outcome: 'lost', closingNote: 'Too expensive', version: westCases[2]!.version });
    const board = (await sales.get(`/api/v1/cases/board?processTemplateId=${process.id}`)).body;
    expect(board.stages[0].cards.map((c: { name: string }) => c.name)).toEqual(['Západ 1']);
    expect(board.stages[1].cards.map((c: { name: string }) => c.name)).toEqual(['Západ 2']);
  });

  it('answers 400 without a process and 404 for an unknown one', async () => {
    expect((await sales.get('/api/v1/cases/board')).status).toBe(400);
    expect((await sales.get('/api/v1/cases/board?processTemplateId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('actions on a case', () => {
  it('records a call as done, named in the user\'s language and linked to case and client', async () => {
    const res = await sales.post(`/api/v1/cases/${westCase.id}/actions`, { action: 'call', outcome: 'reached', note: 'Wants an offer' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const call = (await sales.get(`/api/v1/activities/${res.body.activityId}`)).body;
    expect(call).toMatchObject({ kind: 'call', status: 'done', subject: 'Telefonát — Západ 1', caseId: westCase.id, clientId: westClient.id, outcome: 'reached' });
    expect(res.body.case.lastActivityAt).not.toBeNull();
  });

  it('creates a task with a default due date and a meeting with its calendar event', async () => {
    const task = await sales.post(`/api/v1/cases/${westCase.id}/actions`, { action: 'task' });
    expect((await sales.get(`/api/v1/activities/${task.body.activityId}`)).body).toMatchObject({ kind: 'task', status: 'open', subject: 'Úloha — Západ 1' });
    const meeting = await sales.post(`/api/v1/cases/${westCase.id}/actions`, {
      action: 'meeting',
      startAt: '2030-02-01T09:00:00Z',
      endAt: '2030-02-01T10:00:00Z',
      location: 'Nitra',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(200);
    expect(meeting.body.eventId).not.toBeNull();
    const event = (await sales.get(`/api/v1/calendar/events/${meeting.body.eventId}`)).body;
    expect(event).toMatchObject({ title: 'Stretnutie — Západ 1', location: 'Nitra', caseId: westCase.id, clientId: westClient.id, activityId: meeting.body.activityId });
  });

  it('refuses a meeting that ends before it starts, leaving no activity behind', async () => {
    const before = (await sales.get(`/api/v1/activities?caseId=${westCase.id}&limit=100`)).body.items.length;
    const res = await sales.post(`/api/v1/cases/${westCase.id}/actions`, { action: 'meeting', startAt: '2030-02-01T10:00:00Z', endAt: '2030-02-01T09:00:00Z' });
    expect(res.status).toBe(400);
    expect((await sales.get(`/api/v1/activities?caseId=${westCase.id}&limit=100`)).body.items).toHaveLength(before);
  });

  it('closes the case in one click', async () => {
    const c = await open(sales, westClient.id, 'Close by action', '1');
    const res = await sales.post(`/api/v1/cases/${c.id}/actions`, { action: 'close', outcome: 'won', closingNote: 'Signed', version: c.version });
    expect(res.body.case).toMatchObject({ state: 'closed', outcome: 'won' });
    const after = await sales.post(`/api/v1/cases/${c.id}/actions`, { action: 'call' });
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('case.closed');
  });
});

describe("access: a case outside the caller's team is not found on every path", () => {
  const paths = (id: string, clientId: string) => [
    ['detail', `/api/v1/cases/${id}`],
    ['history', `/api/v1/cases/${id}/history`],
    ['stage trace', `/api/v1/cases/${id}/stage-changes`],
    ['account summary', `/api/v1/clients/${clientId}/cases-summary`],
  ];

  it.each(paths('WEST', 'WESTCLIENT'))('sales2@ gets 404 for the %s of a sales@ case, admin gets 200', async (_, template) => {
    const url = template.replace('WESTCLIENT', westClient.id).replace('WEST', westCase.id);
    expect((await sales2.get(url)).status).toBe(404);
    expect((await sales.get(url)).status).toBe(200);
    expect((await admin.get(url)).status).toBe(200);
  });

  it.each([
    ['change', (c: Caller) => c.patch(`/api/v1/cases/${westCase.id}`, { version: 99, note: 'x' })],
    ['stage change', (c: Caller) => c.post(`/api/v1/cases/${westCase.id}/stage`, { stageId: leadIn!.id, version: 99 })],
    ['action', (c: Caller) => c.post(`/api/v1/cases/${westCase.id}/actions`, { action: 'call' })],
    ['close', (c: Caller) => c.post(`/api/v1/cases/${westCase.id}/close`, { outcome: 'lost', closingNote: 'x', version: 99 })],
    ['archive', (c: Caller) => c.post(`/api/v1/cases/${westCase.id}/archive`, { version: 99 })],
  ])('sales2@ gets 404 for a %s and nothing changes', async (_, send) => {
    const before = (await sales.get(`/api/v1/cases/${westCase.id}`)).body;
    expect((await send(sales2)).status).toBe(404);
    expect((await sales.get(`/api/v1/cases/${westCase.id}`)).body).toMatchObject({ version: before.version, state: before.state, note: before.note });
  });

  it('leaves other teams out of the list, search, board and export; admin sees both', async () => {
    const names = async (caller: Caller, q: string) => (await caller.get(`/api/v1/cases?q=${q}&limit=500`)).body.items.map((c: { name: string }) => c.name);
    expect(await names(sales, 'teplarn')).not.toContain('Východ 1');
    expect(await names(sales2, 'teplarn')).toEqual(['Východ 1']);
    expect(await names(admin, 'teplarn')).toEqual(expect.arrayContaining(['Západ 1', 'Východ 1']));
    const board = (await sales2.get(`/api/v1/cases/board?processTemplateId=${process.id}`)).body;
    expect(board.stages.flatMap((s: { cards: { id: string }[] }) => s.cards.map((c) => c.id))).toEqual([eastCase.id]);
    const adminBoard = (await admin.get(`/api/v1/cases/board?processTemplateId=${process.id}`)).body;
    expect(adminBoard.stages[0].cards.map((c: { name: string }) => c.name)).toContain('Východ 1');

    const res = await sales2.get('/api/v1/cases/export?format=xlsx&q=teplarn');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual(['Východ 1']);
  });

  it('refuses roles without sales.read with 403', async () => {
    for (const url of [
      '/api/v1/cases',
      `/api/v1/cases/${westCase.id}`,
      `/api/v1/cases/board?processTemplateId=${process.id}`,
      '/api/v1/cases/export?format=csv',
      `/api/v1/clients/${westClient.id}/cases-summary`,
    ]) {
      expect((await legal.get(url)).status, url).toBe(403);
    }
    expect((await legal.post(`/api/v1/cases/${westCase.id}/actions`, { action: 'call' })).status).toBe(403);
  });
});
