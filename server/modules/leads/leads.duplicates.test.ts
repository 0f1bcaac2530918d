import { describe, expect, it } from 'vitest';
import { seededRandom, validIco } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { companyBody, createTestApp, type Caller } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const admin = await as('admin@demo.kilowatt');
const random = seededRandom(777);

let serial = 0;
const unique = () => {
  serial += 1;
  return {
    name: `Duplicita ${serial} ${Date.now()}`,
    email: `dup${serial}.${Date.now()}@mlyn.sk`,
    phone: `+4219087${String(10000 + serial).slice(-5)}`,
  };
};

const newLead = async (caller: Caller, body: Record<string, unknown>) => {
  const res = await caller.post('/api/v1/leads', { country: 'SK', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    version: number;
    duplicates: {
      type: string;
      id: string;
      matchedOn: { field: string; value: string; supplyPointId?: string }[];
    }[];
  };
};

const newClient = async (caller: Caller, overrides: Record<string, unknown> = {}) => {
  const res = await caller.post('/api/v1/clients', companyBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; companyId: string; email: string; phone: string };
};

const matchesOf = (duplicates: { type: string; id: string; matchedOn: { field: string }[] }[]) =>
  duplicates.map((d) => `${d.type}:${d.id}:${d.matchedOn.map((m) => m.field).join('+')}`);

describe('duplicates of a new lead', () => {
  it.each([
    ['companyId', (u: ReturnType<typeof unique>, ico: string) => ({ companyId: ico, name: u.name })],
    ['email', (u: ReturnType<typeof unique>) => ({ email: u.email.toUpperCase(), name: u.name })],
    ['phone', (u: ReturnType<typeof unique>) => ({ phone: `0${u.phone.slice(4)}`, name: u.name })],
  ] as const)(
    'are found among leads by %s (normalised) and listed on create, which still succeeds',
    async (field, second) => {
      const u = unique();
      const ico = validIco(random);
      const first = await newLead(sales, { name: u.name, companyId: ico, email: u.email, phone: u.phone });
      const created = await newLead(sales, second(u, ico));
      expect(matchesOf(created.duplicates)).toEqual([`lead:${first.id}:${field}`]);
      const again = await sales.get(`/api/v1/leads/${created.id}/duplicates`);
      expect(matchesOf(again.body.items)).toEqual([`lead:${first.id}:${field}`]);
    },
  );

  it('finds a lead by a supply-point identifier of its potentials', async () => {
    const eic = skElectricityEic(random, 'ZS');
    const first = await newLead(sales, {
      name: unique().name,
      potentials: [{ commodity: 'electricity', supplyPointIdentifier: eic }],
    });
    const second = await newLead(sales, {
      name: unique().name,
      potentials: [{ commodity: 'electricity', supplyPointIdentifier: eic.toLowerCase() }],
    });
    expect(matchesOf(second.duplicates)).toEqual([`lead:${first.id}:supplyPointIdentifier`]);
    expect(second.duplicates[0]!.matchedOn[0]!.value).toBe(eic);
  });

  it('finds clients by company ID, e-mail and phone, and by a supply point of the client', async () => {
    const client = await newClient(sales, { email: unique().email, phone: '+421908123321' });
    const byKeys = await newLead(sales, {
      name: unique().name,
      companyId: client.companyId,
      email: client.email,
      phone: '0908 123 321',
    });
    expect(matchesOf(byKeys.duplicates)).toEqual([`client:${client.id}:companyId+email+phone`]);

    const eic = skElectricityEic(random, 'ZS');
    const point = await sales.post('/api/v1/supply-points', {
      clientId: client.id,
      commodity: 'electricity',
      identifier: eic,
    });
    expect(point.status, JSON.stringify(point.body)).toBe(201);
    const bySupplyPoint = await newLead(sales, {
      name: unique().name,
      potentials: [{ commodity: 'electricity', supplyPointIdentifier: eic }],
    });
    expect(bySupplyPoint.duplicates).toEqual([
      expect.objectContaining({
        type: 'client',
        id: client.id,
        matchedOn: [{ field: 'supplyPointIdentifier', value: eic, supplyPointId: point.body.id }],
      }),
    ]);
  });

  it("never reports a lead or client outside the caller's rights, while one who may see it gets it", async () => {
    const u = unique();
    const ico = validIco(random);
    const hiddenLead = await newLead(sales2, { name: u.name, email: u.email });
    const hiddenClient = await newClient(sales2, { companyId: ico });
    const mine = await newLead(sales, { name: unique().name, email: u.email, companyId: ico });
    expect(mine.duplicates).toEqual([]);
    expect((await sales.get(`/api/v1/leads/${mine.id}/duplicates`)).body.items).toEqual([]);
    const seenByAdmin = await admin.get(`/api/v1/leads/${mine.id}/duplicates`);
    expect(matchesOf(seenByAdmin.body.items).sort()).toEqual(
      [`client:${hiddenClient.id}:companyId`, `lead:${hiddenLead.id}:email`].sort(),
    );
  });

  it("never reveals another team's client by e-mail, phone or supply point, nor an archived client", async () => {
    const hidden = await newClient(sales2, { email: unique().email, phone: '+421908765401' });
    const eic = skElectricityEic(random, 'VS');
    const point = await sales2.post('/api/v1/supply-points', {
      clientId: hidden.id,
      commodity: 'electricity',
      identifier: eic,
    });
    expect(point.status, JSON.stringify(point.body)).toBe(201);
    const archived = await newClient(sales, { email: unique().email, phone: '+421908765402' });
    const version = (await sales.get(`/api/v1/clients/${archived.id}`)).body.version;
    expect((await admin.post(`/api/v1/clients/${archived.id}/archive`, { version })).status).toBe(200);

    const hiddenKeys = {
      email: hidden.email,
      phone: '0908 765 401',
      potentials: [{ commodity: 'electricity', supplyPointIdentifier: eic }],
    };
    const mine = await newLead(sales, { name: unique().name, ...hiddenKeys });
    expect(mine.duplicates).toEqual([]);
    expect((await sales.get(`/api/v1/leads/${mine.id}/duplicates`)).body.items).toEqual([]);
    const seenByAdmin = await admin.get(`/api/v1/leads/${mine.id}/duplicates`);
    expect(matchesOf(seenByAdmin.body.items)).toEqual([
      `client:${hidden.id}:email+phone+supplyPointIdentifier`,
    ]);
    const ofArchived = await newLead(sales, { name: unique().name, email: archived.email, phone: archived.phone });
    expect(ofArchived.duplicates).toEqual([]);
  });

  it('does not count archived leads, nor the client the lead is linked to', async () => {
    const u = unique();
    const old = await newLead(sales, { name: u.name, email: u.email });
    await sales.post(`/api/v1/leads/${old.id}/archive`, { version: old.version });
    const client = await newClient(sales);
    const linked = await newLead(sales, {
      name: u.name,
      email: u.email,
      companyId: client.companyId,
      clientId: client.id,
    });
    expect((await sales.get(`/api/v1/leads/${linked.id}/duplicates`)).body.items).toEqual([]);
  });
});

describe('merging leads', () => {
  it("fills the kept lead's empty fields, moves the potentials, archives the merged one, and records both", async () => {
    const u = unique();
    const eicA = skElectricityEic(random, 'ZS');
    const eicB = skElectricityEic(random, 'ZS');
    const kept = await newLead(sales, {
      name: u.name,
      email: u.email,
      potentials: [
        { commodity: 'electricity', supplyPointIdentifier: eicA, quantity: '10', quantityUnit: 'MWh' },
      ],
    });
    const merged = await newLead(sales, {
      name: `${u.name} (Reinet)`,
      email: 'other@mlyn.sk',
      phone: u.phone,
      address: { city: 'Senica' },
      attributes: { Segment: 'B2B' },
      potentials: [
        { commodity: 'electricity', supplyPointIdentifier: eicA },
        { commodity: 'gas', quantity: '5.5', quantityUnit: 'MWh' },
        { commodity: 'electricity', supplyPointIdentifier: eicB },
      ],
    });
    const res = await sales.post(`/api/v1/leads/${merged.id}/merge`, {
      intoLeadId: kept.id,
      version: merged.version,
      intoVersion: kept.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: kept.id,
      name: u.name,
      email: u.email,
      phone: u.phone,
      address: { city: 'Senica' },
      attributes: { Segment: 'B2B' },
    });
    expect(
      res.body.potentials.map(
        (p: { commodity: string; supplyPointIdentifier: string | null; quantity: string | null }) => [
          p.commodity,
          p.supplyPointIdentifier,
          p.quantity,
        ],
      ),
    ).toEqual([
      ['electricity', eicA, '10'],
      ['gas', null, '5.5'],
      ['electricity', eicB, null],
    ]);
    const gone = await sales.get(`/api/v1/leads/${merged.id}`);
    expect(gone.body).toMatchObject({
      mergedIntoLeadId: kept.id,
      potentials: [],
      links: { mergedInto: { id: kept.id, name: u.name } },
    });
    expect(gone.body.archivedAt).not.toBeNull();
    const keptHistory = (await sales.get(`/api/v1/leads/${kept.id}/history`)).body.items as {
      field: string | null;
      after: unknown;
    }[];
    expect(keptHistory.find((e) => e.field === 'mergedFrom')?.after).toBe(merged.id);
    const mergedHistory = (await sales.get(`/api/v1/leads/${merged.id}/history`)).body.items as {
      action: string;
      field: string | null;
      after: unknown;
    }[];
    expect(mergedHistory.find((e) => e.field === 'mergedIntoLeadId')).toMatchObject({
      action: 'archive',
      after: kept.id,
    });
    const restore = await sales.post(`/api/v1/leads/${merged.id}/restore`, { version: gone.body.version });
    expect(restore.status).toBe(409);
  });

  it('refuses merging into itself (400), a stale version (409) and a lead of another team (404), changing nothing', async () => {
    const a = await newLead(sales, { name: unique().name });
    const b = await newLead(sales, { name: unique().name, email: unique().email });
    const self = await sales.post(`/api/v1/leads/${a.id}/merge`, { intoLeadId: a.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0]).toMatchObject({ path: 'intoLeadId', code: 'same_lead' });
    const stale = await sales.post(`/api/v1/leads/${b.id}/merge`, {
      intoLeadId: a.id,
      intoVersion: a.version + 5,
    });
    expect(stale.status).toBe(409);
    const other = await newLead(sales2, { name: unique().name });
    expect((await sales.post(`/api/v1/leads/${b.id}/merge`, { intoLeadId: other.id })).status).toBe(404);
    const after = await sales.get(`/api/v1/leads/${b.id}`);
    expect(after.body).toMatchObject({ archivedAt: null, version: b.version, mergedIntoLeadId: null });
  });
});
