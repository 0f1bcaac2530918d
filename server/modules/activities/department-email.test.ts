import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../integrations/smtp/client.js';
import { startFakeSmtp } from '../../integrations/smtp/fake.js';
import { createJobHandlers } from '../../jobs/index.js';
import { jobs } from '../../jobs/jobs.schema.js';
import { createJobRunner } from '../../jobs/runner.js';
import { companyBody, createTestApp } from '../../test/app.js';

const { as, db } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const smtp = await startFakeSmtp();
const mailer = createSmtpMailer({ url: smtp.url, from: 'Kilowatt CRM <crm@kilowatt.test>' });
afterAll(async () => {
  mailer.close();
  await smtp.close();
});
const runner = createJobRunner({ db, log: pino({ level: 'silent' }), handlers: createJobHandlers({ verificationReminderDays: 60, contractReminderDays: { end: 90, noticeDeadline: 30 }, mailer }) });

const hour = 3_600_000;
const at = (h: number) => new Date(Date.now() + h * hour).toISOString();

const emailJobsOf = async (activityId: string) =>
  (await db.select().from(jobs).where(eq(jobs.name, 'email.send'))).filter((j) => (j.payload as { activityId?: string }).activityId === activityId);

describe('tasks for another department', () => {
  it('are e-mailed by the email.send job through SMTP, naming the task, the case and the client, and marked sent', async () => {
    const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Mestské teplárne Senec a.s.' }))).body;
    const kase = await sales.post('/api/v1/cases', { clientId: client.id, name: 'Dodávka plynu 2027', type: 'acquisition', commodity: 'gas' });
    expect(kase.status).toBe(201);
    const caseId = kase.body.id as string;
    const task = await sales.post('/api/v1/activities', {
      kind: 'task',
      subject: 'Overiť bonitu klienta',
      description: 'Prosím o stanovisko do piatku.',
      startAt: at(0),
      dueAt: at(48),
      clientId: client.id,
      caseId,
      departmentEmail: 'Financie@Kilowatt.test',
    });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ departmentEmail: 'financie@kilowatt.test', emailedAt: null });
    expect(await emailJobsOf(task.body.id)).toHaveLength(1);

    const before = smtp.messages.length;
    await runner.tick();
    const mail = await smtp.waitForMessage(before);
    expect(mail.to).toEqual(['financie@kilowatt.test']);
    expect(mail.from).toBe('crm@kilowatt.test');
    expect(mail.headers['reply-to']).toContain('sales@demo.kilowatt');
    expect(mail.subject).toContain('Overiť bonitu klienta');
    expect(mail.text).toContain('Úloha: Overiť bonitu klienta');
    expect(mail.text).toContain('Klient: Mestské teplárne Senec a.s.');
    expect(mail.text).toContain('Prosím o stanovisko do piatku.');
    expect(mail.text).toContain('Zadal(a): Simona Predajná');
    expect(mail.subject).toContain('Dodávka plynu 2027');
    expect(mail.text).toContain('Obchodný prípad: Dodávka plynu 2027');
    expect(mail.html).toContain('Overiť bonitu klienta');

    const after = (await sales.get(`/api/v1/activities/${task.body.id}`)).body;
    expect(after.emailedAt).not.toBeNull();
    const [job] = await emailJobsOf(task.body.id);
    expect(job).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('a refused message is retried later and the task is not marked sent', async () => {
    const task = (
      await sales.post('/api/v1/activities', { kind: 'task', subject: 'Pripraviť zmluvu', startAt: at(0), dueAt: at(24), departmentEmail: 'pravne@kilowatt.test' })
    ).body;
    smtp.setMode('reject');
    try {
      await runner.tick();
    } finally {
      smtp.setMode('accept');
    }
    const [job] = await emailJobsOf(task.id);
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    expect(job!.lastError).toMatch(/550|unavailable/i);
    expect((await sales.get(`/api/v1/activities/${task.id}`)).body.emailedAt).toBeNull();
  });

  it('nothing is queued when the task is not saved', async () => {
    const before = (await db.select().from(jobs).where(eq(jobs.name, 'email.send'))).length;
    const res = await sales.post('/api/v1/activities', { kind: 'task', subject: 'Zlý termín', startAt: at(5), dueAt: at(1), departmentEmail: 'x@kilowatt.test' });
    expect(res.status).toBe(400);
    expect((await db.select().from(jobs).where(eq(jobs.name, 'email.send'))).length).toBe(before);
  });
});
