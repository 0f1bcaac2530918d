import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSigniClient, SigniError, type SigniApi, type SigniCreateInput } from './client.js';
import { startFakeSigni, type FakeSigni } from './fake.js';
import { checkSigniWebhook, signiWebhookUrl } from './webhooks.js';

const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

let fake: FakeSigni;
let client: SigniApi;
let hooks: { url: string; body: unknown }[] = [];
let hookServer: ReturnType<typeof createServer>;
let hookUrl = '';

beforeAll(async () => {
  fake = await startFakeSigni();
  client = createSigniClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 1000 });
  hookServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      hooks.push({ url: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => hookServer.close(resolve));
});
afterEach(() => {
  fake.setMode('ok');
  hooks = [];
});

const input = (overrides: Partial<SigniCreateInput> = {}): SigniCreateInput => ({
  name: 'Zmluva o dodávke elektriny',
  number: 'ZML-2026-001',
  locale: 'sk',
  fileName: 'zmluva.pdf',
  pdf: tinyPdf,
  signers: [
    { firstName: 'Jana', lastName: 'Nováková', email: 'jana@teplarne.sk', phone: '+421905111222', order: 1 },
    { firstName: 'Peter', lastName: 'Horváth', email: 'peter@teplarne.sk', phone: null, order: 2 },
  ],
  webhooks: [
    { state: 'completed', url: `${hookUrl}/done?x=1` },
    { state: 'rejected', url: `${hookUrl}/rejected` },
    { state: 'expired', url: `${hookUrl}/expired` },
  ],
  ...overrides,
});

const rejection = async (promise: Promise<unknown>): Promise<SigniError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SigniError);
    return error as SigniError;
  }
  throw new Error('expected the call to fail');
};

const signAll = async (contractId: string) => {
  for (const link of fake.signingLinks(contractId)) {
    expect((await fetch(link.url)).status).toBe(200);
    const signed = await fetch(`${link.url}/sign`, { method: 'POST', redirect: 'manual' });
    expect(signed.status).toBe(303);
  }
};

describe('Signi client against the fake', () => {
  it('creates a draft with the signers in order, sends it, reads its state and downloads the signed PDF', async () => {
    const { contractId } = await client.createDocument(input());
    expect(contractId).toMatch(/^\d+$/);
    const stored = fake.documents.get(contractId)!;
    expect(stored.people.map((p) => [p.email, p.firstName, p.lastName, p.phone, p.order])).toEqual([
      ['jana@teplarne.sk', 'Jana', 'Nováková', '+421905111222', 1],
      ['peter@teplarne.sk', 'Peter', 'Horváth', null, 2],
    ]);
    expect(stored.pdf.equals(tinyPdf)).toBe(true);
    expect((await client.getDocument(contractId)).state).toBe('draft');

    await client.sendDocument(contractId);
    expect(await client.getDocument(contractId)).toEqual({
      contractId,
      state: 'pending',
      people: [
        { email: 'jana@teplarne.sk', state: 'pending' },
        { email: 'peter@teplarne.sk', state: 'pending' },
      ],
    });
    expect((await rejection(client.downloadSignedPdf(contractId))).reason).toBe('rejected');

    await signAll(contractId);
    expect((await client.getDocument(contractId)).state).toBe('completed');
    const signed = await client.downloadSignedPdf(contractId);
    expect(signed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(signed.length).toBeGreaterThan(tinyPdf.length);
    expect(signed.toString('latin1')).toContain('Signed in fake Signi by peter@teplarne.sk');

    // Only the "completed" webhook is called, at the URL given, with the documented payload.
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.url).toBe('/done?x=1');
    expect(hooks[0]!.body).toMatchObject({ contract_id: Number(contractId), state: 'completed', attachments: [] });
    const file = (hooks[0]!.body as { file: string }).file;
    const preview = await fetch(file);
    expect(Buffer.from(await preview.arrayBuffer()).equals(signed)).toBe(true);
  });

  it('a signer who opens the page is "opened"; a rejection calls the "rejected" webhook only', async () => {
    const { contractId } = await client.createDocument(input());
    await client.sendDocument(contractId);
    const [first] = fake.signingLinks(contractId);
    const pageHtml = await (await fetch(first!.url)).text();
    expect(pageHtml).toContain('<button type="submit">Sign</button>');
    expect((await client.getDocument(contractId)).people[0]!.state).toBe('opened');
    await fetch(`${first!.url}/reject`, { method: 'POST', redirect: 'manual' });
    expect((await client.getDocument(contractId)).state).toBe('rejected');
    expect(hooks.map((h) => h.url)).toEqual(['/rejected']);
  });

  it('a wrong API key is a clear "unauthorized" error', async () => {
    const wrong = createSigniClient({ apiKey: 'nope', baseUrl: fake.url });
    const error = await rejection(wrong.createDocument(input()));
    expect(error.reason).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Signi refused the API key \(HTTP 401, creating the document\): Invalid API key\. Check SIGNI_API_KEY/);
    expect(fake.documents.size).toBeGreaterThan(0);
    const before = fake.documents.size;
    await rejection(wrong.getDocument('3000'));
    expect(fake.documents.size).toBe(before);
  });

  it('Signi down, slow or unreachable is a clear error naming what failed', async () => {
    fake.setMode('down');
    const down = await rejection(client.createDocument(input()));
    expect(down.reason).toBe('server_error');
    expect(down.message).toBe('Signi failed (HTTP 503, creating the document): Service temporarily unavailable');

    fake.setMode('slow', 1500);
    const slow = await rejection(client.getDocument('3000'));
    expect(slow.reason).toBe('timeout');
    expect(slow.message).toBe('Signi did not answer within 1 s (reading the document)');

    const closed = await startFakeSigni();
    const url = closed.url;
    await closed.close();
    const unreachable = await rejection(createSigniClient({ apiKey: 'k', baseUrl: url }).createDocument(input()));
    expect(unreachable.reason).toBe('network');
    expect(unreachable.message).toMatch(/^Signi cannot be reached \(creating the document\): ECONNREFUSED/);
  });

  it('input Signi refuses comes back with its reason; an unknown document is not_found', async () => {
    const error = await rejection(client.createDocument(input({ pdf: Buffer.from('not a pdf') })));
    expect(error.reason).toBe('rejected');
    expect(error.message).toContain('uploaded_file_key is not a PDF');
    expect((await rejection(client.getDocument('999999'))).reason).toBe('not_found');
  });
});

describe('webhook URLs', () => {
  const claims = { requestId: '4b0c6f2e-5d7a-4a51-9d55-0c1d2e3f4a5b', state: 'completed' as const, expiresAtSeconds: 2_000_000_000 };
  const now = new Date('2026-11-23T12:00:00Z');

  it('verify only with the secret, the same request, state and expiry, and only until the expiry', () => {
    const url = new URL(signiWebhookUrl('https://crm.example.sk', 'secret-1', claims));
    expect(url.pathname).toBe('/api/v1/webhooks/signi');
    const sig = url.searchParams.get('sig')!;
    expect(checkSigniWebhook('secret-1', claims, sig, now)).toEqual({ ok: true });
    expect(checkSigniWebhook('secret-2', claims, sig, now)).toEqual({ ok: false, why: 'signature' });
    expect(checkSigniWebhook('secret-1', { ...claims, state: 'rejected' }, sig, now)).toEqual({ ok: false, why: 'signature' });
    expect(checkSigniWebhook('secret-1', { ...claims, expiresAtSeconds: claims.expiresAtSeconds + 1 }, sig, now)).toEqual({ ok: false, why: 'signature' });
    expect(checkSigniWebhook('secret-1', claims, `${sig}x`, now)).toEqual({ ok: false, why: 'signature' });
    expect(checkSigniWebhook('secret-1', claims, sig, new Date(claims.expiresAtSeconds * 1000 + 1))).toEqual({ ok: false, why: 'expired' });
  });
});
