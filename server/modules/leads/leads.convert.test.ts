import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom, validIco } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const random = seededRandom(9001);

let serial = 0;
const newLead = async (caller: Caller, overrides: Record<string, unknown> = {}) => {
  serial += 1;
  const res = await caller.post('/api/v1/leads', {
    name: `Konverzia ${serial} ${Date.now()} a.s.`,
    country: 'SK',
    companyId: validIco(random),
    email: `konverzia${serial}.${Date.now()}@vodaren.sk`,
    phone: '+421907555111',
    contactFirstName: 'Milan',
    contactLastName: 'Hudec',
    contactFunction: 'Energetik',
    address: { street: 'Priemyselná 4', city: 'Žilina', postalCode: '010 01' },
    industry: 'manufacturing',
    priority: 2,
    potentials: [
      {
        commodity: 'electricity',
        territoryCode: 'sk-ssd',
        quantity: '0.1',
        quantityUnit: 'MWh',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        priceModel: 'spot',
      },
      { commodity: 'electricity', territoryCode: 'sk-ssd', quantity: '0.2', quantityUnit: 'MWh' },
    ],
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; name: string; companyId: string | null; email: string };
};

const clientsWith = async (caller: Caller, companyId: string) =>
  (
    (await caller.get(`/api/v1/clients?q=${companyId}&archived=all`)).body.items as {
      id: string;
      companyId: string;
    }[]
  ).filter((c) => c.companyId === companyId);

describe('converting a lead', () => {
  it('creates the client, its contact and a business case with the potentials and total demand, in one step', async () => {
    const lead = await newLead(sales);
    const res = await sales.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      caseName: 'Elektrina 2027',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ clientCreated: true, lead: { status: 'converted' } });
    const { clientId, contactId, caseId } = res.body as {
      clientId: string;
      contactId: string;
      caseId: string;
    };

    const client = await sales.get(`/api/v1/clients/${clientId}`);
    expect(client.body).toMatchObject({
      name: lead.name,
      companyId: lead.companyId,
      email: lead.email,
      phone: '+421907555111',
      industry: 'manufacturing',
      address: { city: 'Žilina', country: 'SK' },
    });
    const contacts = await sales.get(`/api/v1/clients/${clientId}/contacts`);
    expect(contacts.body.items).toEqual([
      expect.objectContaining({
        id: contactId,
        firstName: 'Milan',
        lastName: 'Hudec',
        function: 'energy-manager',
        isPrimary: true,
      }),
    ]);

    const businessCase = await sales.get(`/api/v1/cases/${caseId}`);
    expect(businessCase.status).toBe(200);
    expect(businessCase.body).toMatchObject({
      name: 'Elektrina 2027',
      clientId,
      leadId: lead.id,
      commodity: 'electricity',
      type: 'acquisition',
      priority: 2,
      territoryCode: 'sk-ssd',
      // No total demand on the lead: the potentials' sum carries over, exactly (0.1 + 0.2).
      totalDemand: '0.3',
      totalDemandUnit: 'MWh',
    });
    expect(
      businessCase.body.potentials.map((p: { quantity: string; priceModel: string | null }) => [
        p.quantity,
        p.priceModel,
      ]),
    ).toEqual([
      ['0.1', 'spot'],
      ['0.2', null],
    ]);

    const converted = await sales.get(`/api/v1/leads/${lead.id}`);
    expect(converted.body).toMatchObject({
      status: 'converted',
      clientId,
      convertedClientId: clientId,
      convertedCaseId: caseId,
      links: {
        convertedClient: { id: clientId, name: lead.name },
        convertedCase: { id: caseId, name: 'Elektrina 2027' },
      },
    });
    expect(converted.body.convertedAt).not.toBeNull();
    const history = (await sales.get(`/api/v1/leads/${lead.id}/history`)).body.items as {
      field: string | null;
      after: unknown;
    }[];
    expect(history.find((e) => e.field === 'status')?.after).toBe('converted');

    const again = await sales.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('lead.converted');
    expect(await clientsWith(sales, lead.companyId!)).toHaveLength(1);
  });

  it('links an existing client instead of creating one, keeps its contacts, and links its named supply points to the case', async () => {
    const existing = await sales.post('/api/v1/clients', companyBody());
    expect(existing.status).toBe(201);
    const eic = skElectricityEic(random, 'SS');
    const point = await sales.post('/api/v1/supply-points', {
      clientId: existing.body.id,
      commodity: 'electricity',
      identifier: eic,
    });
    expect(point.status).toBe(201);
    const lead = await newLead(sales, {
      companyId: null,
      totalDemand: '900',
      totalDemandUnit: 'MWh',
      potentials: [{ commodity: 'gas' }, { commodity: 'electricity', supplyPointIdentifier: eic }],
    });
    const res = await sales.post(`/api/v1/leads/${lead.id}/convert`, {
      clientId: existing.body.id,
      caseType: 'extension',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ clientCreated: false, clientId: existing.body.id });
    const businessCase = await sales.get(`/api/v1/cases/${res.body.caseId}`);
    expect(businessCase.body).toMatchObject({
      commodity: 'other',
      type: 'extension',
      totalDemand: '900',
      supplyPointIds: [point.body.id],
    });
  });

  it('converts without a case when asked', async () => {
    const lead = await newLead(sales);
    const res = await sales.post(`/api/v1/leads/${lead.id}/convert`, { createCase: false });
    expect(res.status).toBe(200);
    expect(res.body.caseId).toBeNull();
    expect((await sales.get(`/api/v1/leads/${lead.id}`)).body.convertedCaseId).toBeNull();
  });

  it('leaves nothing written when the case is refused after the client and contact were made', async () => {
    const lead = await newLead(sales);
    const res = await sales.post(`/api/v1/leads/${lead.id}/convert`, { processTemplateId: randomUUID() });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'case.processTemplateId', code: 'not_found' });
    expect(await clientsWith(sales, lead.companyId!)).toEqual([]);
    expect((await sales.get(`/api/v1/leads/${lead.id}`)).body).toMatchObject({
      status: 'new',
      version: lead.version,
      convertedClientId: null,
      clientId: null,
    });
  });

  it("refuses a client the lead's data cannot make (company ID required for a Slovak company), naming the client's field", async () => {
    const lead = await newLead(sales, { companyId: null });
    const res = await sales.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'client.companyId', code: 'required' }),
    ]);
    expect((await sales.get(`/api/v1/leads/${lead.id}`)).body.status).toBe('new');
  });

  it("refuses to link a client outside the caller's rights, a disqualified lead, and another team's lead", async () => {
    const hidden = await sales2.post('/api/v1/clients', companyBody());
    const lead = await newLead(sales);
    const foreign = await sales.post(`/api/v1/leads/${lead.id}/convert`, { clientId: hidden.body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'clientId', code: 'unknown_client' });
    const out = await sales.post(`/api/v1/leads/${lead.id}/disqualify`, {
      version: lead.version,
      reason: 'Nezáujem',
    });
    const disqualified = await sales.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(disqualified.status).toBe(409);
    expect(disqualified.body.code).toBe('lead.wrong_status');
    expect((await sales.get(`/api/v1/leads/${lead.id}`)).body.version).toBe(out.body.version);
    expect((await sales2.post(`/api/v1/leads/${lead.id}/convert`, {})).status).toBe(404);
  });
});
