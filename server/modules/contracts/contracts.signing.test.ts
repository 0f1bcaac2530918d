import type { AddressInfo } from 'node:net';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../demo/generator.js';
import { skElectricityEic } from '../../demo/supply-point-generator.js';
import { createSigniClient } from '../../integrations/signi/client.js';
import { startFakeSigni, type FakeSigni } from '../../integrations/signi/fake.js';
import { companyBody, createTestApp } from '../../test/app.js';
import type { SigningSetup } from '../signature-requests/signature-requests.service.js';

let fake: FakeSigni;
const signing: SigningSetup = { client: undefined as never, webhookSecret: 'contracts-test-secret-0123456789abcdef01234567', webhookBaseUrl: 'http://127.0.0.1:1', signingDays: 30 };

beforeAll(async () => {
  fake = await startFakeSigni();
  signing.client = createSigniClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 2000 });
});
afterAll(() => fake.close());
afterEach(() => fake.setMode('ok'));

const { app, as } = await createTestApp({ signing });
await app.listen({ port: 0, host: '127.0.0.1' });
signing.webhookBaseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const random = seededRandom(9001);

const textOf = async (pdf: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;

/** A draft contract of a new client of sales@, with a signing person who has an e-mail. */
const draftContract = async (signerEmail: string | null = 'maria.konatelova@zlievaren.sk') => {
  const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Zlievareň Žiar a.s.' }))).body as { id: string; name: string };
  const point = (await sales.post('/api/v1/supply-points', { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(random, 'SS'), annualConsumption: '420.5', consumptionUnit: 'MWh' })).body as { id: string; identifier: string };
  const signer = (await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Mária', lastName: 'Konateľová', email: signerEmail, isSigningPerson: true })).body as { id: string };
  const contract = (
    await sales.post('/api/v1/contracts', {
      clientId: client.id,
      type: 'supply',
      commodity: 'electricity',
      productName: 'Fix Priemysel 2027',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      noticePeriodMonths: 3,
      supplyPointIds: [point.id],
      signatoryContactIds: [signer.id],
    })
  ).body as { id: string; number: string };
  return { client, point, contract };
};

const fakeDocumentOf = (number: string) => [...fake.documents.entries()].find(([, d]) => d.number === number);

const post = (url: string) => fetch(url, { method: 'POST', redirect: 'manual' });

describe('the contract document (CONTRACT-5)', () => {
  it('renders from the contract template with the client, the supply points and the signing person', async () => {
    const { client, point, contract } = await draftContract();
    const res = await sales.get(`/api/v1/contracts/${contract.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await textOf(res.raw);
    for (const expected of [contract.number, client.name, point.identifier, 'Mária Konateľová']) expect(text).toContain(expected);
    expect((await sales2.get(`/api/v1/contracts/${contract.id}/pdf`)).status).toBe(404);
  });
});

describe('e-signature through Signi (CONTRACT-2)', () => {
  it('sends the contract, and the signature on Signi marks it signed and keeps the signed PDF', async () => {
    const { contract } = await draftContract();
    const sent = await sales.post(`/api/v1/contracts/${contract.id}/signature`);
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('sentForSignature');
    const [signiId, document] = fakeDocumentOf(contract.number)!;
    expect(document.people.map((p) => p.email)).toEqual(['maria.konatelova@zlievaren.sk']);
    expect(await textOf(document.pdf)).toContain(contract.number);

    for (const link of fake.signingLinks(signiId)) await post(`${link.url}/sign`);
    await expect.poll(async () => (await sales.get(`/api/v1/contracts/${contract.id}`)).body.state, { timeout: 5000 }).toBe('signed');
    const detail = (await sales.get(`/api/v1/contracts/${contract.id}`)).body;
    expect(detail.signedAt).not.toBeNull();
    const requests = (await sales.get(`/api/v1/contracts/${contract.id}/signature-requests`)).body.items;
    expect(requests).toEqual([expect.objectContaining({ state: 'signed', hasSignedPdf: true })]);
    const signedPdf = await sales.get(`/api/v1/contracts/${contract.id}/signed-pdf`);
    expect(signedPdf.status).toBe(200);
    expect(signedPdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Signi delivering the same webhook again changes nothing.
    const deliveries = fake.deliveries.map((d, i) => ({ d, i })).filter(({ d }) => d.url.includes(signiId) || JSON.stringify(d.body).includes(signiId));
    expect(deliveries.length).toBeGreaterThan(0);
    for (const { i } of deliveries) expect((await fake.redeliver(i)).status).toBe(200);
    const again = (await sales.get(`/api/v1/contracts/${contract.id}`)).body;
    expect(again).toMatchObject({ state: 'signed', version: detail.version });

    // Nobody outside the contract's rights reaches any of it.
    for (const url of [`/api/v1/contracts/${contract.id}/signed-pdf`, `/api/v1/contracts/${contract.id}/signature-requests`]) expect((await sales2.get(url)).status).toBe(404);
    expect((await sales2.post(`/api/v1/contracts/${contract.id}/signature`)).status).toBe(404);
  });

  it('leaves the contract unsent and says why when Signi is down', async () => {
    const { contract } = await draftContract();
    fake.setMode('down');
    const res = await sales.post(`/api/v1/contracts/${contract.id}/signature`);
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('signature.provider_failed');
    expect(res.body.detail).toBeTruthy();
    const after = (await sales.get(`/api/v1/contracts/${contract.id}`)).body;
    expect(after).toMatchObject({ state: 'draft', version: 1 });
    expect((await sales.get(`/api/v1/contracts/${contract.id}/signature-requests`)).body.items).toEqual([]);
  });

  it('a refusal on Signi marks the contract refused, and it can be sent again', async () => {
    const { contract } = await draftContract();
    await sales.post(`/api/v1/contracts/${contract.id}/signature`);
    const [signiId] = fakeDocumentOf(contract.number)!;
    await post(`${fake.signingLinks(signiId)[0]!.url}/reject`);
    await expect.poll(async () => (await sales.get(`/api/v1/contracts/${contract.id}`)).body.state, { timeout: 5000 }).toBe('rejected');
    const again = await sales.post(`/api/v1/contracts/${contract.id}/signature`);
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('sentForSignature');
  });

  it('refuses to send a contract whose signing person has no e-mail, naming the field', async () => {
    const { contract } = await draftContract(null);
    const res = await sales.post(`/api/v1/contracts/${contract.id}/signature`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'signatoryContactIds.0', code: 'email_required' }));
    expect(fakeDocumentOf(contract.number)).toBeUndefined();
  });
});
