import { and, eq, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../context.js';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic, skGasPod } from '../../demo/supply-point-generator.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

import { jobHandlers } from '../../jobs/index.js';
import { contracts } from './contracts.schema.js';
import { changeContractSigningState } from './contracts.service.js';

const { as, db } = await createTestApp();
const system = systemContext(db, pino({ level: 'silent' }), 'test:signi');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const random = seededRandom(4242);

/** A client of `caller` with an electricity and a gas supply point, a signing person and a contact who may not sign. */
const clientWithPoints = async (caller: Caller) => {
  const client = (await caller.post('/api/v1/clients', companyBody())).body as { id: string; name: string };
  const electricity = (await caller.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(random, 'ZS') })).body as { id: string };
  const gas = (await caller.post('/api/v1/supply-points', { clientId: client.id, commodity: 'gas', identifier: skGasPod(random) })).body as { id: string };
  const signer = (await caller.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', isSigningPerson: true })).body as { id: string };
  const clerk = (await caller.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Peter', lastName: 'Referent' })).body as { id: string };
  return { client, electricity, gas, signer, clerk };
};

const west = await clientWithPoints(sales);

const contractBody = (overrides: Record<string, unknown> = {}) => ({
  clientId: west.client.id,
  type: 'supply',
  commodity: 'electricity',
  supplier: 'Energia Západ a.s.',
  productName: 'Fix 2027',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 3,
  supplyPointIds: [west.electricity.id],
  signatoryContactIds: [west.signer.id],
  ...overrides,
});

describe('making a contract (CONTRACT-1)', () => {
  it('records client, supply points, signing persons, a generated number and the notice deadline', async () => {
    const res = await sales.post('/api/v1/contracts', contractBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId: west.client.id,
      clientName: west.client.name,
      state: 'draft',
      supplyPointIds: [west.electricity.id],
      signatories: [{ contactId: west.signer.id, name: 'Mária Konateľová', position: 1 }],
      noticeDeadline: '2027-09-30',
      version: 1,
    });
    const prefix = `KW-${businessDate(new Date()).slice(0, 4)}-`;
    expect(res.body.number).toMatch(new RegExp(`^${prefix}\\d{5}$`));
    // The rule is "one more than the company's highest this year", which the second contract shows against the
    // register as it stands, whatever else was numbered since.
    const [highest] = await db
      .select({ number: sql<string>`max(${contracts.number})` })
      .from(contracts)
      .where(and(eq(contracts.ownerId, res.body.ownerId), like(contracts.number, `${prefix}%`)));
    expect(highest!.number >= res.body.number).toBe(true);
    const next = (await sales.post('/api/v1/contracts', contractBody())).body;
    expect(next.number).toBe(`${prefix}${String(Number(highest!.number.slice(-5)) + 1).padStart(5, '0')}`);
    const history = (await sales.get(`/api/v1/contracts/${res.body.id}/history`)).body.items as { action: string }[];
    expect(history.map((h) => h.action)).toContain('create');
  });

  it.each([
    ['an end before the start', { endDate: '2026-12-31' }, 'endDate', 'end_before_start'],
    ['a gas supply point in an electricity contract', { supplyPointIds: [west.gas.id] }, 'supplyPointIds.0', 'other_commodity'],
    ['a supply point listed twice', { supplyPointIds: [west.electricity.id, west.electricity.id] }, 'supplyPointIds.1', 'duplicate'],
    ['a contact who may not sign', { signatoryContactIds: [west.clerk.id] }, 'signatoryContactIds.0', 'not_signing_person'],
    ['an unknown type', { type: 'lease' }, 'type', 'invalid_value'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_case, overrides, path, code) => {
    const before = (await sales.get(`/api/v1/contracts?clientId=${west.client.id}&limit=500`)).body.items.length;
    const res = await sales.post('/api/v1/contracts', contractBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    expect((await sales.get(`/api/v1/contracts?clientId=${west.client.id}&limit=500`)).body.items).toHaveLength(before);
  });

  it("refuses another client's supply point and signing person", async () => {
    const other = await clientWithPoints(sales);
    const res = await sales.post('/api/v1/contracts', contractBody({ supplyPointIds: [other.electricity.id], signatoryContactIds: [other.signer.id] }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'supplyPointIds.0', code: 'other_client' })]),
    );
  });

  it('gives contracts made at the same moment different numbers', async () => {
    const made = await Promise.all(Array.from({ length: 5 }, () => sales.post('/api/v1/contracts', contractBody())));
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(made.map((r) => r.body.number)).size).toBe(5);
  });

  it('refuses a number the company already uses with 409 naming the field', async () => {
    const first = (await sales.post('/api/v1/contracts', contractBody({ number: 'ZML-DUP-1' }))).body;
    expect(first.number).toBe('ZML-DUP-1');
    const second = await sales.post('/api/v1/contracts', contractBody({ number: 'ZML-DUP-1' }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('contract.duplicate_number');
    expect(second.body.errors).toContainEqual(expect.objectContaining({ path: 'number' }));
  });
});

describe('changing a contract', () => {
  it('changes a draft with the version read, and answers 409 to a stale version', async () => {
    const created = (await sales.post('/api/v1/contracts', contractBody())).body;
    const changed = await sales.patch(`/api/v1/contracts/${created.id}`, { endDate: '2028-12-31', noticePeriodMonths: 6, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ endDate: '2028-12-31', noticeDeadline: '2028-06-30', version: 2 });
    expect((await sales.patch(`/api/v1/contracts/${created.id}`, { note: 'x', version: 1 })).status).toBe(409);
  });

  it('cancels a draft with the day and reason, and terminates only a signed one', async () => {
    const created = (await sales.post('/api/v1/contracts', contractBody())).body;
    const terminate = await sales.post(`/api/v1/contracts/${created.id}/end`, { kind: 'terminate', endedOn: '2027-06-30', reason: 'Klient odstúpil', version: 1 });
    expect(terminate.status).toBe(409);
    expect(terminate.body.code).toBe('contract.wrong_state');
    const cancel = await sales.post(`/api/v1/contracts/${created.id}/end`, { kind: 'cancel', endedOn: '2026-12-15', reason: 'Klient odstúpil', version: 1 });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ state: 'cancelled', endedOn: '2026-12-15', note: 'Klient odstúpil' });
  });
});

describe('signing (CONTRACT-2)', () => {
  it('goes draft → sent → signed, then only the register fields change, and a late event never undoes the signature', async () => {
    const created = (await sales.post('/api/v1/contracts', contractBody())).body;
    await changeContractSigningState(system, created.id, 'sentForSignature', new Date());
    const signedAt = new Date('2026-11-20T10:00:00Z');
    const signed = await changeContractSigningState(system, created.id, 'signed', signedAt);
    expect(signed).toMatchObject({ state: 'signed', signedAt });
    await expect(changeContractSigningState(system, created.id, 'sentForSignature', new Date())).rejects.toMatchObject({ code: 'contract.wrong_state' });
    await expect(changeContractSigningState(system, created.id, 'rejected', new Date())).rejects.toMatchObject({ code: 'contract.wrong_state' });

    const terms = await sales.patch(`/api/v1/contracts/${created.id}`, { productName: 'Iný produkt', supplyPointIds: [], version: signed.version });
    expect(terms.status).toBe(409);
    expect(terms.body.code).toBe('contract.terms_locked');
    expect(terms.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['productName', 'supplyPointIds']);
    const register = await sales.patch(`/api/v1/contracts/${created.id}`, { noticePeriodMonths: 2, version: signed.version });
    expect(register.status).toBe(200);
    expect(register.body.noticeDeadline).toBe('2027-10-31');
    const archive = await sales.post(`/api/v1/contracts/${created.id}/archive`, { version: register.body.version });
    expect(archive.status).toBe(409);
    const terminated = await sales.post(`/api/v1/contracts/${created.id}/end`, { kind: 'terminate', endedOn: '2027-06-30', reason: 'Výpoveď klienta', version: register.body.version });
    expect(terminated.body).toMatchObject({ state: 'terminated', endedOn: '2027-06-30' });
  });
});

describe('the contract register (CONTRACT-3)', () => {
  const ready = (async () => {
    const gasBody = contractBody({ commodity: 'gas', supplyPointIds: [west.gas.id], supplier: 'Plyn Východ s.r.o.', endDate: '2029-03-31', noticePeriodMonths: 1, type: 'framework' });
    const gas = (await sales.post('/api/v1/contracts', gasBody)).body as { id: string };
    const east = await clientWithPoints(sales2);
    const foreign = (
      await sales2.post('/api/v1/contracts', { ...contractBody(), clientId: east.client.id, supplyPointIds: [east.electricity.id], signatoryContactIds: [east.signer.id], number: 'VYCHOD-1' })
    ).body as { id: string };
    return { gas, foreign };
  })();

  it('filters by type, state, supplier and end date, and sorts by end date', async () => {
    const { gas } = await ready;
    const byType = (await sales.get('/api/v1/contracts?type=framework')).body.items.map((c: { id: string }) => c.id);
    expect(byType).toContain(gas.id);
    const bySupplier = (await sales.get(`/api/v1/contracts?supplier=${encodeURIComponent('Plyn Východ s.r.o.')}`)).body.items;
    expect(bySupplier.map((c: { id: string }) => c.id)).toEqual([gas.id]);
    expect((await sales.get('/api/v1/contracts?endFrom=2029-01-01&endTo=2029-12-31')).body.items.map((c: { id: string }) => c.id)).toEqual([gas.id]);
    expect((await sales.get('/api/v1/contracts?state=cancelled')).body.items.every((c: { state: string }) => c.state === 'cancelled')).toBe(true);
    const sorted = (await sales.get('/api/v1/contracts?sort=-endDate&limit=500')).body.items.map((c: { endDate: string | null }) => c.endDate);
    expect(sorted).toEqual([...sorted].sort().reverse());
  });

  it('pages with a cursor without repeating or losing a contract', async () => {
    await ready;
    const all = (await sales.get('/api/v1/contracts?limit=500&sort=number')).body.items.map((c: { id: string }) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await sales.get(`/api/v1/contracts?limit=2&sort=number${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('exports exactly what the list shows as XLSX', async () => {
    const { gas } = await ready;
    const res = await sales.get('/api/v1/contracts/export?type=framework&language=sk');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Číslo');
    const listed = (await sales.get('/api/v1/contracts?type=framework&limit=500')).body.items as { number: string }[];
    const numbers = Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
    expect(numbers).toEqual(listed.map((c) => c.number));
    expect(sheet.getRow(numbers.indexOf(listed.find((c) => c.number)!.number) + 2).getCell(3).value).toBe('Rámcová zmluva');
    expect(listed.map((c) => c.number)).toContain((await sales.get(`/api/v1/contracts/${gas.id}`)).body.number);
  });

  it("never shows another team's contract: list, search, detail, history, export, change", async () => {
    const { foreign } = await ready;
    expect((await sales.get('/api/v1/contracts?limit=500')).body.items.map((c: { id: string }) => c.id)).not.toContain(foreign.id);
    expect((await sales.get('/api/v1/contracts?q=vychod-1')).body.items).toEqual([]);
    expect((await sales.get(`/api/v1/contracts/${foreign.id}`)).status).toBe(404);
    expect((await sales.get(`/api/v1/contracts/${foreign.id}/history`)).status).toBe(404);
    expect((await sales.patch(`/api/v1/contracts/${foreign.id}`, { note: 'x', version: 1 })).status).toBe(404);
    expect((await sales.post(`/api/v1/contracts/${foreign.id}/end`, { kind: 'cancel', endedOn: '2027-01-01', reason: 'x', version: 1 })).status).toBe(404);
    const exported = await sales.get('/api/v1/contracts/export?format=csv&limit=500');
    expect(exported.status).toBe(200);
    expect(String(exported.body)).not.toContain('VYCHOD-1');
    expect(String((await sales2.get('/api/v1/contracts/export?format=csv')).body)).toContain('VYCHOD-1');
    const adminList = (await admin.get('/api/v1/contracts?q=vychod-1')).body.items.map((c: { id: string }) => c.id);
    expect(adminList).toEqual([foreign.id]);
  });

  it('lets the legal department read the register of its whole company, and a contact centre user not export it', async () => {
    const { foreign } = await ready;
    expect((await legal.get(`/api/v1/contracts/${foreign.id}`)).status).toBe(200);
    expect(String((await legal.get('/api/v1/contracts/export?format=csv')).body)).toContain('VYCHOD-1');
    const contactCentre = await as('contactcentre@demo.kilowatt');
    expect((await contactCentre.get(`/api/v1/contracts/${foreign.id}`)).status).toBe(200);
    expect((await contactCentre.get('/api/v1/contracts/export')).status).toBe(403);
    expect((await contactCentre.post('/api/v1/contracts', contractBody())).status).toBe(403);
  });
});

describe('reminders before the end and the notice deadline (CONTRACT-3)', () => {
  // Days as the server counts them (Central European), so the hour before midnight there is no different.
  const day = (offset: number) => businessDate(new Date(Date.now() + offset * 86_400_000));

  it('the daily job reminds the responsible user once of each, and only of signed contracts', async () => {
    const body = contractBody({ startDate: day(-300), endDate: day(60), noticePeriodMonths: 1 });
    const signed = (await sales.post('/api/v1/contracts', body)).body;
    await changeContractSigningState(system, signed.id, 'sentForSignature', new Date());
    await changeContractSigningState(system, signed.id, 'signed', new Date());
    const draft = (await sales.post('/api/v1/contracts', body)).body;

    const run = jobHandlers['contracts.reminders']!;
    await run(system, {});
    await run(system, {});

    const mine = (await sales.get('/api/v1/reminders')).body.items as { kind: string; subjectId: string; dueOn: string; contractId: string | null; contractNumber: string | null }[];
    const ofSigned = mine.filter((r) => r.subjectId === signed.id);
    expect(ofSigned.map((r) => r.kind).sort()).toEqual(['contract.end', 'contract.notice_deadline']);
    expect(ofSigned.find((r) => r.kind === 'contract.end')).toMatchObject({ dueOn: day(60), contractId: signed.id, contractNumber: signed.number });
    expect(mine.filter((r) => r.subjectId === draft.id)).toEqual([]);
    const theirs = (await sales2.get('/api/v1/reminders')).body.items as { subjectId: string }[];
    expect(theirs.filter((r) => r.subjectId === signed.id)).toEqual([]);
  });
});
