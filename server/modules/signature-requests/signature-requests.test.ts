import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { createSigniClient } from '../../integrations/signi/client.js';
import { startFakeSigni, type FakeSigni } from '../../integrations/signi/fake.js';
import { signiWebhookUrl } from '../../integrations/signi/webhooks.js';
import { createTestApp } from '../../test/app.js';
import { userActor } from '../auth/permissions.js';
import { users } from '../users/users.schema.js';
import { signatureRequestEvents, signatureRequests, signatureStates, signatureWebhookDeliveries, type SignatureState } from './signature-requests.schema.js';
import {
  getSignedPdf,
  getSignatureRequest,
  listSignatureEvents,
  onSignatureStateChanged,
  requestSignature,
  syncSignatureRequest,
  type SignatureRequestInput,
  type SignatureStateChange,
  type SigningSetup,
} from './signature-requests.service.js';
import { canMoveSignature } from './signature-requests.states.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
const secret = 'test-secret-0123456789abcdef0123456789abcdef';

let fake: FakeSigni;
const signing: SigningSetup = { client: undefined as never, webhookSecret: secret, webhookBaseUrl: 'http://127.0.0.1:1', signingDays: 30 };
const changes: SignatureStateChange[] = [];
let failHandler = false;

beforeAll(async () => {
  fake = await startFakeSigni();
  signing.client = createSigniClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 2000 });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.setMode('ok');
  failHandler = false;
});

const unregister = onSignatureStateChanged('test-record', async (tx, change) => {
  if (failHandler) throw new Error('the record refused the change');
  // Runs in the change's transaction: the row already has the new state.
  const [row] = await tx.db.select({ state: signatureRequests.state }).from(signatureRequests).where(eq(signatureRequests.id, change.signatureRequestId));
  expect(row!.state).toBe(change.to);
  changes.push(change);
});
afterAll(unregister);

const { app, db, send } = await createTestApp({ signing });
await app.listen({ port: 0, host: '127.0.0.1' });
signing.webhookBaseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const [sales] = await db.select().from(users).where(eq(users.email, 'sales@demo.kilowatt'));
const ctx: ServiceContext = {
  db,
  actor: userActor({ userId: sales!.id, ownerId: sales!.ownerId, teamIds: [], roleKeys: ['sales'], roleScopes: ['own'] }),
  now: () => new Date(),
  log: pino({ level: 'silent' }),
};

const input = (overrides: Partial<SignatureRequestInput> = {}): SignatureRequestInput => ({
  recordType: 'test-record',
  recordId: randomUUID(),
  title: 'Zmluva o dodávke plynu',
  reference: 'ZML-1',
  fileName: 'zmluva.pdf',
  pdf,
  signers: [
    { name: 'Jana Nováková', email: 'jana@teplarne.sk', phone: '+421 905 111 222' },
    { name: 'Peter Horváth', email: 'peter@teplarne.sk' },
  ],
  ...overrides,
});

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
};

const counts = async () => ({
  requests: (await db.select().from(signatureRequests)).length,
  events: (await db.select().from(signatureRequestEvents)).length,
  deliveries: (await db.select().from(signatureWebhookDeliveries)).length,
});

const signAll = async (contractId: string) => {
  for (const link of fake.signingLinks(contractId)) {
    await fetch(link.url);
    await fetch(`${link.url}/sign`, { method: 'POST', redirect: 'manual' });
  }
};

const post = (url: string, body: Record<string, unknown>) => send('POST', url.replace(signing.webhookBaseUrl, ''), null, body);

describe('requestSignature', () => {
  it('sends the PDF to Signi with the signers in order and records the request as sent, calling the hook', async () => {
    changes.length = 0;
    const request = await requestSignature(ctx, signing, input());
    expect(request).toMatchObject({ recordType: 'test-record', provider: 'signi', state: 'sent', fileName: 'zmluva.pdf', hasSignedPdf: false });
    expect(request.signers).toEqual([
      { name: 'Jana Nováková', email: 'jana@teplarne.sk', phone: '+421 905 111 222', order: 1 },
      { name: 'Peter Horváth', email: 'peter@teplarne.sk', phone: null, order: 2 },
    ]);
    const document = fake.documents.get(request.providerDocumentId)!;
    expect(document.state).toBe('pending');
    expect(document.people.map((p) => [p.firstName, p.lastName, p.order])).toEqual([['Jana', 'Nováková', 1], ['Peter', 'Horváth', 2]]);
    expect(document.webhooks.map((w) => w.state)).toEqual(['completed', 'rejected', 'expired']);
    expect(document.webhooks[0]!.url).toContain(`${signing.webhookBaseUrl}/api/v1/webhooks/signi?request=${request.id}&state=completed`);
    expect(changes).toMatchObject([{ signatureRequestId: request.id, from: 'created', to: 'sent', source: 'request' }]);
    expect((await listSignatureEvents(ctx, request.id)).map((e) => [e.from, e.to])).toEqual([['created', 'sent'], [null, 'created']]);
  });

  it('bad input names each field and rule, and nothing reaches Signi', async () => {
    const before = fake.documents.size;
    const error = await failure(
      requestSignature(ctx, signing, input({ pdf: Buffer.from('hello'), signers: [{ name: 'A B', email: 'a@b.sk' }, { name: 'C D', email: 'A@b.sk' }] })),
    );
    expect(error.code).toBe('validation');
    expect(error.errors).toEqual([
      { path: 'pdf', code: 'not_pdf', message: 'pdf: The file is not a PDF' },
      { path: 'signers.1.email', code: 'duplicate', message: 'signers.1.email: A@b.sk is already a signer' },
    ]);
    const empty = await failure(requestSignature(ctx, signing, input({ signers: [], fileName: 'zmluva.docx' })));
    expect(empty.errors!.map((e) => [e.path, e.code])).toEqual([['fileName', 'invalid_format'], ['signers', 'too_small']]);
    expect(fake.documents.size).toBe(before);
  });

  it('Signi refusing the key, being down or the hook failing records nothing and says why', async () => {
    const before = await counts();
    const wrongKey = { ...signing, client: createSigniClient({ apiKey: 'wrong', baseUrl: fake.url }) };
    const refused = await failure(requestSignature(ctx, wrongKey, input()));
    expect(refused.code).toBe('signature.provider_failed');
    expect(refused.message).toBe('Signi did not accept the document: Signi refused the API key (HTTP 401, creating the document): Invalid API key. Check SIGNI_API_KEY.');

    fake.setMode('down');
    const down = await failure(requestSignature(ctx, signing, input()));
    expect(down.code).toBe('signature.provider_failed');
    expect(down.message).toContain('HTTP 503');
    fake.setMode('ok');

    const documentsBefore = fake.documents.size;
    failHandler = true;
    await expect(requestSignature(ctx, signing, input())).rejects.toThrow('the record refused the change');
    expect(fake.documents.size).toBe(documentsBefore); // withdrawn from Signi again
    expect(await counts()).toEqual(before);

    expect((await failure(requestSignature(ctx, null, input()))).code).toBe('signature.not_configured');
  });

  it('a record already out for signature is refused', async () => {
    const first = await requestSignature(ctx, signing, input());
    const again = await failure(requestSignature(ctx, signing, input({ recordId: first.recordId })));
    expect(again.code).toBe('signature.already_requested');
  });
});

describe('webhook POST /api/v1/webhooks/signi', () => {
  it('signing on the fake Signi marks the request signed, stores the signed PDF, and a repeat changes nothing', async () => {
    const request = await requestSignature(ctx, signing, input());
    changes.length = 0;
    await signAll(request.providerDocumentId);
    const [delivery] = fake.deliveries.filter((d) => d.body.contract_id === Number(request.providerDocumentId));
    expect(delivery!.status).toBe(200);

    const signed = await getSignatureRequest(ctx, request.id);
    expect(signed).toMatchObject({ state: 'signed', hasSignedPdf: true, version: request.version + 1 });
    const stored = await getSignedPdf(ctx, request.id);
    expect(stored!.bytes.equals(fake.documents.get(request.providerDocumentId)!.signedPdf!)).toBe(true);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ from: 'sent', to: 'signed', source: 'webhook' });
    expect(changes[0]!.signedPdf!.equals(stored!.bytes)).toBe(true);

    const before = await counts();
    const index = fake.deliveries.indexOf(delivery!);
    const repeat = await fake.redeliver(index);
    expect(repeat.status).toBe(200);
    const direct = await post(delivery!.url, delivery!.body);
    expect(direct.body).toEqual({ outcome: 'duplicate', state: 'signed' });
    expect(await counts()).toEqual(before);
    expect(await getSignatureRequest(ctx, request.id)).toEqual(signed);
    expect(changes).toHaveLength(1);
  });

  it('a forged or altered address is 401 problem+json and changes nothing', async () => {
    const request = await requestSignature(ctx, signing, input());
    const url = fake.documents.get(request.providerDocumentId)!.webhooks.find((w) => w.state === 'completed')!.url;
    const body = { contract_id: Number(request.providerDocumentId), state: 'completed', file: null, attachments: [] };
    const before = await counts();

    const forged = new URL(url);
    forged.searchParams.set('sig', signiWebhookUrl(signing.webhookBaseUrl, 'another-secret', { requestId: request.id, state: 'completed', expiresAtSeconds: Number(forged.searchParams.get('exp')) }).split('sig=')[1]!);
    const bad = await post(forged.toString(), body);
    expect(bad.status).toBe(401);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ status: 401, code: 'webhook.invalid_signature', errors: [{ path: 'sig', code: 'invalid_signature' }] });

    const rejectedAddress = fake.documents.get(request.providerDocumentId)!.webhooks.find((w) => w.state === 'rejected')!.url;
    const swapped = await post(rejectedAddress.replace('state=rejected', 'state=completed'), body);
    expect(swapped.body.code).toBe('webhook.invalid_signature');

    const otherDocument = await post(url, { ...body, contract_id: 1 });
    expect(otherDocument.body).toMatchObject({ code: 'webhook.invalid_signature', errors: [{ path: 'contract_id', code: 'mismatch' }] });

    const wrongState = await post(url, { ...body, state: 'rejected' });
    expect(wrongState.body).toMatchObject({ code: 'webhook.invalid_signature', errors: [{ path: 'state', code: 'mismatch' }] });

    const unsigned = await post(url.replace(/&sig=[^&]+/, ''), body);
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.errors[0].path).toBe('sig');

    expect(await counts()).toEqual(before);
    expect((await getSignatureRequest(ctx, request.id)).state).toBe('sent');
  });

  it('an expired (replayed old) address is 401 webhook.expired and changes nothing', async () => {
    const request = await requestSignature(ctx, signing, input({ expiresAt: new Date(Date.now() + 60_000) }));
    const url = fake.documents.get(request.providerDocumentId)!.webhooks.find((w) => w.state === 'rejected')!.url;
    const exp = Number(new URL(url).searchParams.get('exp'));
    expect(exp).toBe(Math.floor((request.expiresAt.getTime()) / 1000) + 7 * 24 * 3600);
    const before = await counts();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(exp * 1000 + 1000);
    try {
      const replay = await post(url, { contract_id: Number(request.providerDocumentId), state: 'rejected' });
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ code: 'webhook.expired', errors: [{ path: 'exp', code: 'expired' }] });
    } finally {
      vi.useRealTimers();
    }
    expect(await counts()).toEqual(before);
    expect((await getSignatureRequest(ctx, request.id)).state).toBe('sent');
  });

  it('rejected and expired results move the request; a later contrary result is recorded as ignored', async () => {
    const rejected = await requestSignature(ctx, signing, input());
    const [first] = fake.signingLinks(rejected.providerDocumentId);
    await fetch(`${first!.url}/reject`, { method: 'POST', redirect: 'manual' });
    expect((await getSignatureRequest(ctx, rejected.id)).state).toBe('rejected');

    const late = fake.documents.get(rejected.providerDocumentId)!.webhooks.find((w) => w.state === 'expired')!.url;
    const ignored = await post(late, { contract_id: Number(rejected.providerDocumentId), state: 'expired' });
    expect(ignored.body).toEqual({ outcome: 'ignored', state: 'rejected' });
    expect((await getSignatureRequest(ctx, rejected.id)).state).toBe('rejected');

    const expiring = await requestSignature(ctx, signing, input());
    await fake.expire(expiring.providerDocumentId);
    expect((await getSignatureRequest(ctx, expiring.id)).state).toBe('expired');
  });

  it('a failing record hook leaves the delivery unprocessed (500), so Signi delivering again applies it', async () => {
    const request = await requestSignature(ctx, signing, input());
    failHandler = true;
    await signAll(request.providerDocumentId);
    const delivery = fake.deliveries.find((d) => d.body.contract_id === Number(request.providerDocumentId))!;
    expect(delivery.status).toBe(500);
    expect((await getSignatureRequest(ctx, request.id)).state).toBe('sent');
    failHandler = false;
    const again = await fake.redeliver(fake.deliveries.indexOf(delivery));
    expect(again.status).toBe(200);
    expect((await getSignatureRequest(ctx, request.id)).state).toBe('signed');
  });
});

describe('syncSignatureRequest', () => {
  it('catches up "viewed" when a signer opened the page, then "signed"', async () => {
    const request = await requestSignature(ctx, signing, input());
    expect((await syncSignatureRequest(ctx, signing, request.id)).state).toBe('sent');
    await fetch(fake.signingLinks(request.providerDocumentId)[0]!.url);
    expect((await syncSignatureRequest(ctx, signing, request.id)).state).toBe('viewed');
    const document = fake.documents.get(request.providerDocumentId)!;
    document.webhooks = []; // the webhook is lost: sync must still find the result
    await signAll(request.providerDocumentId);
    const synced = await syncSignatureRequest(ctx, signing, request.id);
    expect(synced).toMatchObject({ state: 'signed', hasSignedPdf: true });
    expect((await listSignatureEvents(ctx, request.id)).map((e) => `${e.source}:${e.to}`)).toEqual(['sync:signed', 'sync:viewed', 'request:sent', 'request:created']);
  });
});

describe('the state machine', () => {
  const table: [SignatureState, SignatureState, boolean][] = signatureStates.flatMap((from) => signatureStates.map((to) => [from, to, false] as [SignatureState, SignatureState, boolean]));
  const allowed = new Set(['created>sent', 'created>viewed', 'created>signed', 'created>rejected', 'created>expired', 'sent>viewed', 'sent>signed', 'sent>rejected', 'sent>expired', 'viewed>signed', 'viewed>rejected', 'viewed>expired']);
  it.each(table.map(([from, to]) => [from, to, allowed.has(`${from}>${to}`)] as const))('%s → %s allowed: %s', (from, to, expected) => {
    expect(canMoveSignature(from, to)).toBe(expected);
  });
});
