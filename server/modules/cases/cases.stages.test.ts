import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { seededRandom } from '../../demo/generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as, db } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const random = seededRandom(31337);

const client = (await sales.post('/api/v1/clients', companyBody())).body as { id: string; name: string };

const template = {
  name: 'Industrial customer',
  stages: [
    {
      name: 'Qualification',
      tasks: [
        { title: 'Collect the supply points', fieldKey: 'supplyPointIds', dueInDays: 2 },
        { title: 'Check creditworthiness', departmentEmail: 'Finance@Kilowatt.example', dueInDays: 5 },
      ],
    },
    {
      name: 'Offer',
      requiredFields: ['supplyPointIds', 'totalDemand', 'expectedCloseDate'],
      tasks: [
        { title: 'Ask for the security', fieldKey: 'securityKind', dueInDays: 3 },
        { title: 'Note the offer', fieldKey: 'note', dueInDays: 1 },
      ],
    },
    { name: 'Won', requiredFields: ['securityKind'], closesAs: 'won' },
    { name: 'Lost', closesAs: 'lost' },
  ],
};

const created = await admin.post('/api/v1/process-templates', template);
const process = created.body as { id: string; version: number; stages: { id: string; name: string; tasks: { id: string }[] }[] };
const stage = (name: string) => process.stages.find((s) => s.name === name)!;

const tasksOf = async (caller: Caller, caseId: string) =>
  (await caller.get(`/api/v1/activities?caseId=${caseId}&limit=100`)).body.items as { subject: string; status: string; fieldKey: string | null; dueAt: string }[];

describe('process templates', () => {
  it('are created by an administrator with ordered stages, gates and tasks', () => {
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(process.stages.map((s) => s.name)).toEqual(['Qualification', 'Offer', 'Won', 'Lost']);
    expect(created.body.stages[1]).toMatchObject({ position: 1, requiredFields: ['supplyPointIds', 'totalDemand', 'expectedCloseDate'] });
    expect(created.body.stages[0].tasks[1]).toMatchObject({ departmentEmail: 'finance@kilowatt.example', dueInDays: 5 });
  });

  it('publish the catalogue of gate fields', async () => {
    const res = await sales.get('/api/v1/process-templates/gate-fields');
    expect(res.body.items).toContainEqual({ key: 'totalDemand', labelKey: 'processes.gateFields.totalDemand' });
  });

  it.each([
    ['an unknown gate field', { stages: [{ name: 'A', requiredFields: ['favouriteColour'] }] }, 'stages.0.requiredFields.0'],
    ['no stages', { stages: [] }, 'stages'],
    ['a task e-mail that is not one', { stages: [{ name: 'A', tasks: [{ title: 'x', departmentEmail: 'nope' }] }] }, 'stages.0.tasks.0.departmentEmail'],
  ])('reject %s naming the field', async (_, body, path) => {
    const res = await admin.post('/api/v1/process-templates', { name: 'Bad', ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path }));
  });

  it('are read by sales staff but changed only with admin.processes (403 otherwise)', async () => {
    expect((await sales.get(`/api/v1/process-templates/${process.id}`)).status).toBe(200);
    expect((await sales.post('/api/v1/process-templates', template)).status).toBe(403);
    expect((await sales.patch(`/api/v1/process-templates/${process.id}`, { name: 'x', version: 1 })).status).toBe(403);
    expect((await legal.get('/api/v1/process-templates')).status).toBe(403);
  });

  it('keep stage ids when reordered and record the change', async () => {
    const own = (await admin.post('/api/v1/process-templates', { name: 'Municipal utility', stages: [{ name: 'One' }, { name: 'Two' }] })).body;
    const [one, two] = own.stages;
    const res = await admin.patch(`/api/v1/process-templates/${own.id}`, {
      version: 1,
      stages: [{ id: two.id, name: 'Two' }, { id: one.id, name: 'One renamed' }, { name: 'Three', requiredFields: ['note'] }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stages.map((s: { id: string; name: string }) => [s.id, s.name])).toEqual([
      [two.id, 'Two'],
      [one.id, 'One renamed'],
      [res.body.stages[2].id, 'Three'],
    ]);
    const history = (await admin.get(`/api/v1/process-templates/${own.id}/history`)).body.items;
    expect(history.map((h: { field: string }) => h.field)).toContain('stages');
  });
});

describe('a case moving through a gated process', () => {
  it('enters the first stage on creation and creates its tasks, queueing the department e-mail', async () => {
    const c = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Gated', type: 'acquisition', commodity: 'electricity', processTemplateId: process.id })).body;
    expect(c.stage).toMatchObject({ id: stage('Qualification').id, name: 'Qualification' });
    expect(c.processTemplateName).toBe('Industrial customer');
    const tasks = await tasksOf(sales, c.id);
    expect(tasks.map((t) => t.subject).sort()).toEqual(['Check creditworthiness', 'Collect the supply points']);
    expect(tasks.every((t) => t.status === 'open')).toBe(true);
    const queued = await db.execute(sql`select payload from jobs where name = 'email.send' and payload->>'to' is not null`);
    const payloads = ((queued as unknown as { rows: { payload: unknown }[] }).rows).map((r) => JSON.stringify(r.payload));
    expect(payloads.some((p) => p.includes('finance@kilowatt.example'))).toBe(true);
  });

  it('refuses a gate listing each missing field, then passes once they are filled; a field task closes itself', async () => {
    const c = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Gate test', type: 'acquisition', commodity: 'electricity', processTemplateId: process.id })).body;
    const blocked = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: stage('Offer').id, version: c.version });
    expect(blocked.status).toBe(400);
    expect(blocked.body.code).toBe('case.gate_unmet');
    expect(blocked.body.errors).toEqual([
      expect.objectContaining({ path: 'supplyPointIds', code: 'required_by_stage' }),
      expect.objectContaining({ path: 'totalDemand', code: 'required_by_stage' }),
      expect.objectContaining({ path: 'expectedCloseDate', code: 'required_by_stage' }),
    ]);
    // Nothing moved: same stage, same version, one trace entry (the creation).
    expect((await sales.get(`/api/v1/cases/${c.id}`)).body).toMatchObject({ version: c.version, stage: { name: 'Qualification' } });
    expect((await sales.get(`/api/v1/cases/${c.id}/stage-changes`)).body.items).toHaveLength(1);

    const point = (await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(random, 'ZS') })).body;
    const filled = await sales.patch(`/api/v1/cases/${c.id}`, { version: c.version, supplyPointIds: [point.id], totalDemand: '120', totalDemandUnit: 'MWh' });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    const afterPatch = await tasksOf(sales, c.id);
    expect(afterPatch.find((t) => t.fieldKey === 'supplyPointIds')?.status).toBe('done');
    expect(afterPatch.find((t) => t.subject === 'Check creditworthiness')?.status).toBe('open');

    const stillBlocked = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: stage('Offer').id, version: filled.body.version });
    expect(stillBlocked.body.errors.map((e: { path: string }) => e.path)).toEqual(['expectedCloseDate']);

    const dated = await sales.patch(`/api/v1/cases/${c.id}`, { version: filled.body.version, expectedCloseDate: '2027-06-30', note: 'Offer prepared' });
    const moved = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: stage('Offer').id, version: dated.body.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stage).toMatchObject({ name: 'Offer' });
    // Entering Offer created the security task but not the note task, whose field was filled already.
    const tasks = await tasksOf(sales, c.id);
    expect(tasks.filter((t) => t.fieldKey === 'securityKind')).toHaveLength(1);
    expect(tasks.filter((t) => t.fieldKey === 'note')).toHaveLength(0);
    const trace = (await sales.get(`/api/v1/cases/${c.id}/stage-changes`)).body.items;
    expect(trace[0]).toMatchObject({ fromStage: { name: 'Qualification' }, toStage: { name: 'Offer' }, by: { name: 'Simona Predajná' } });
    const history = (await sales.get(`/api/v1/cases/${c.id}/history`)).body.items;
    expect(history).toContainEqual(expect.objectContaining({ field: 'stageId', before: stage('Qualification').id, after: stage('Offer').id }));

    const secured = await sales.patch(`/api/v1/cases/${c.id}`, { version: moved.body.version, securityKind: 'deposit', securityAmount: '5000' });
    expect((await tasksOf(sales, c.id)).find((t) => t.fieldKey === 'securityKind')?.status).toBe('done');

    const noNote = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: stage('Won').id, version: secured.body.version });
    expect(noNote.body.errors).toContainEqual(expect.objectContaining({ path: 'closingNote', code: 'required' }));
    const won = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: stage('Won').id, version: secured.body.version, closingNote: 'Signed' });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    expect(won.body).toMatchObject({ state: 'closed', outcome: 'won', stage: { name: 'Won' }, closingNote: 'Signed' });
  });

  it('refuses a stage of another process and a stage removed while cases stand in it', async () => {
    const other = (await admin.post('/api/v1/process-templates', { name: 'Other', stages: [{ name: 'Elsewhere' }] })).body;
    const c = (await sales.post('/api/v1/cases', { clientId: client.id, name: 'Wrong stage', type: 'acquisition', commodity: 'electricity', processTemplateId: process.id })).body;
    const res = await sales.post(`/api/v1/cases/${c.id}/stage`, { stageId: other.stages[0].id, version: c.version });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'stageId', code: 'other_process' }));
    const current = (await admin.get(`/api/v1/process-templates/${process.id}`)).body;
    const removal = await admin.patch(`/api/v1/process-templates/${process.id}`, {
      version: current.version,
      stages: current.stages.slice(1).map((s: { id: string; name: string; requiredFields: string[]; closesAs: string | null; tasks: { id: string; title: string }[] }) => ({
        id: s.id,
        name: s.name,
        requiredFields: s.requiredFields,
        closesAs: s.closesAs,
        tasks: s.tasks.map((t) => ({ id: t.id, title: t.title })),
      })),
    });
    expect(removal.status).toBe(409);
    expect(removal.body.code).toBe('process.stage_in_use');
    expect((await admin.get(`/api/v1/process-templates/${process.id}`)).body.stages).toHaveLength(4);
  });
});
