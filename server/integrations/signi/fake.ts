/**
 * A local stand-in for Signi (see client.ts for what the real API documents and what we assume), used by tests
 * and by the demo when no SIGNI_API_KEY is set. Same paths under /api/v1, the key in `x-api-key` (401 without it
 * or with a wrong one), the same multipart upload, documents kept in memory, and the same webhook calls: the URL
 * given for the result state, called as given, with `{ contract_id, state, file, attachments }`.
 *
 * People sign on a small HTML page per signer (`/sign/<token>`): opening it marks them "opened", and it has
 * "Sign" and "Reject" buttons. `GET /` lists every document with its signing pages, so a demo user can find
 * them. When the last person signs, the fake stamps the PDF (a comment after its end, so it stays a valid PDF
 * and differs from the original) and calls the "completed" webhook before answering the signer.
 * Fault injection for tests: `setMode('down')` answers 503, `setMode('slow', ms)` delays every API answer;
 * `expire(id)` lapses a document; `redeliver(i)` sends a past webhook delivery again.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { signiResultStates, type SigniDocumentState, type SigniPersonState, type SigniResultState } from './client.js';

type FakePerson = {
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  order: number;
  state: SigniPersonState;
  token: string;
};

export type FakeSigniDocument = {
  contractId: string;
  name: string;
  number: string;
  fileName: string;
  state: SigniDocumentState;
  people: FakePerson[];
  webhooks: { state: SigniResultState; url: string }[];
  pdf: Buffer;
  signedPdf: Buffer | null;
};

export type FakeSigniDelivery = { url: string; body: Record<string, unknown>; status: number | null; error: string | null };

export type FakeSigni = {
  url: string;
  apiKey: string;
  documents: Map<string, FakeSigniDocument>;
  /** The signing page of each person of a document, in signing order. */
  signingLinks: (contractId: string) => { email: string; url: string }[];
  deliveries: FakeSigniDelivery[];
  redeliver: (index: number) => Promise<FakeSigniDelivery>;
  expire: (contractId: string) => Promise<void>;
  setMode: (mode: 'ok' | 'down' | 'slow', delayMs?: number) => void;
  close: () => Promise<void>;
};

const DataJson = z.object({
  contract_name: z.string().min(1).max(200),
  number: z.string().max(100).default(''),
  locale: z.string().default('cs'),
  state: z.enum(['draft', 'pending']).default('pending'),
  people: z
    .array(
      z.object({
        is_proposer: z.boolean().default(false),
        email: z.email(),
        phone: z.string().optional(),
        first_name: z.string().default(''),
        last_name: z.string().default(''),
        contract_role: z.enum(['sign', 'approve', 'notice']).default('sign'),
        party_order: z.number().int().min(1).default(1),
      }),
    )
    .min(1),
  webhooks: z.array(z.object({ state: z.enum(signiResultStates), url: z.string() })).default([]),
});

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}</style>` +
  `</head><body>${body}</body></html>`;

const personStateText: Record<SigniPersonState, string> = {
  pending: 'Waiting for your signature',
  opened: 'Waiting for your signature',
  signed: 'You signed this document',
  rejected: 'You rejected this document',
};

export const startFakeSigni = async (options: { host?: string; port?: number; apiKey?: string } = {}): Promise<FakeSigni> => {
  const apiKey = options.apiKey ?? `fake-signi-${randomBytes(12).toString('hex')}`;
  const documents = new Map<string, FakeSigniDocument>();
  const previews = new Map<string, { contractId: string; until: number }>();
  const deliveries: FakeSigniDelivery[] = [];
  let nextId = 3000;
  let mode: 'ok' | 'down' | 'slow' = 'ok';
  let delayMs = 0;
  let baseUrl = '';

  const byToken = (token: string) => {
    for (const document of documents.values()) {
      const person = document.people.find((p) => p.token === token);
      if (person) return { document, person };
    }
    return null;
  };

  const deliver = async (url: string, body: Record<string, unknown>): Promise<FakeSigniDelivery> => {
    const delivery: FakeSigniDelivery = { url, body, status: null, error: null };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      delivery.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      delivery.error = (error as Error).message;
    }
    deliveries.push(delivery);
    return delivery;
  };

  /** Signi calls only the webhook of the result state; none when the integrator gave no URL for it. */
  const finish = async (document: FakeSigniDocument, state: SigniResultState) => {
    document.state = state;
    const hook = document.webhooks.find((w) => w.state === state);
    if (!hook?.url) return;
    let file: string | null = null;
    if (state === 'completed') {
      const hash = randomBytes(24).toString('hex');
      previews.set(hash, { contractId: document.contractId, until: Date.now() + 10 * 60_000 });
      file = `${baseUrl}/api/v1/contract/pdf/preview?hash=${hash}`;
    }
    await deliver(hook.url, { contract_id: Number(document.contractId), state, file, attachments: [] });
  };

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const pdf = (response: ServerResponse, bytes: Buffer, fileName: string) => {
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${fileName.replace(/"/g, '')}"` }).end(bytes);
  };
  const html = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };

  const documentJson = (document: FakeSigniDocument) => ({
    contract_id: Number(document.contractId),
    contract_name: document.name,
    number: document.number,
    state: document.state,
    people: document.people.map((p) => ({ email: p.email, first_name: p.firstName, last_name: p.lastName, party_order: p.order, state: p.state })),
  });

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (mode === 'down') return json(response, 503, { message: 'Service temporarily unavailable' });
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, delayMs));

    if (request.method === 'GET' && url.pathname === '/api/v1/contract/pdf/preview') {
      const preview = previews.get(url.searchParams.get('hash') ?? '');
      const document = preview && preview.until > Date.now() ? documents.get(preview.contractId) : undefined;
      if (!document?.signedPdf) return json(response, 404, { message: 'The link is unknown or expired' });
      return pdf(response, document.signedPdf, document.fileName);
    }

    if (request.headers['x-api-key'] !== apiKey) return json(response, 401, { message: 'Invalid API key' });

    if (request.method === 'GET' && url.pathname === '/api/v1/me') {
      return json(response, 200, { user: { email: 'api@fake-signi.local' }, workspace: { name: 'Fake Signi' }, token: { expiration_date: '2030-12-31' }, links: {} });
    }

    if (request.method === 'POST' && /^\/api\/v1\/contract\/?$/.test(url.pathname)) {
      if (url.searchParams.get('type') !== 'doc') return json(response, 422, { message: 'Unsupported type; use type=doc' });
      const body = await readBody(request);
      let form: FormData;
      try {
        form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      } catch {
        return json(response, 422, { message: 'Expected multipart/form-data with data and uploaded_file_key' });
      }
      const dataPart = form.get('data');
      const filePart = form.get('uploaded_file_key');
      if (!dataPart || !(filePart instanceof Blob)) return json(response, 422, { message: 'Both data and uploaded_file_key are required' });
      let raw: unknown;
      try {
        raw = JSON.parse(typeof dataPart === 'string' ? dataPart : await dataPart.text());
      } catch {
        return json(response, 422, { message: 'data is not JSON' });
      }
      const parsed = DataJson.safeParse(raw);
      if (!parsed.success) {
        return json(response, 422, { message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      }
      const bytes = Buffer.from(await filePart.arrayBuffer());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return json(response, 422, { message: 'uploaded_file_key is not a PDF' });
      const contractId = String(nextId++);
      const data = parsed.data;
      documents.set(contractId, {
        contractId,
        name: data.contract_name,
        number: data.number,
        fileName: filePart instanceof File ? filePart.name : 'document.pdf',
        state: data.state === 'pending' ? 'pending' : 'draft',
        people: data.people
          .filter((p) => p.contract_role === 'sign')
          .map((p) => ({
            email: p.email,
            firstName: p.first_name,
            lastName: p.last_name,
            phone: p.phone ?? null,
            order: p.party_order,
            state: 'pending' as const,
            token: randomBytes(16).toString('hex'),
          }))
          .sort((a, b) => a.order - b.order),
        webhooks: data.webhooks,
        pdf: bytes,
        signedPdf: null,
      });
      return json(response, 200, { contract_id: Number(contractId) });
    }

    const match = /^\/api\/v1\/contract\/(\d+)(\/send|\/pdf)?\/?$/.exec(url.pathname);
    const document = match ? documents.get(match[1]!) : undefined;
    if (!match || !document) return json(response, 404, { message: 'Not found' });
    const action = match[2];
    if (request.method === 'GET' && !action) return json(response, 200, documentJson(document));
    if (request.method === 'POST' && action === '/send') {
      if (document.state !== 'draft') return json(response, 409, { message: `The document is ${document.state}, not a draft` });
      document.state = 'pending';
      return json(response, 200, documentJson(document));
    }
    if (request.method === 'GET' && action === '/pdf') {
      if (!document.signedPdf) return json(response, 409, { message: 'The document is not signed yet' });
      return pdf(response, document.signedPdf, document.fileName);
    }
    if (request.method === 'DELETE' && !action) {
      documents.delete(document.contractId);
      response.writeHead(204).end();
      return;
    }
    return json(response, 405, { message: 'Method not allowed' });
  };

  const signingPage = (document: FakeSigniDocument, person: FakePerson) => {
    const open = document.state === 'pending' && (person.state === 'pending' || person.state === 'opened');
    const status =
      document.state === 'pending' || document.state === 'completed' ? personStateText[person.state] : `This document is ${document.state}`;
    const actions = open
      ? `<form method="post" action="/sign/${person.token}/sign" style="display:inline"><button type="submit">Sign</button></form>` +
        `<form method="post" action="/sign/${person.token}/reject" style="display:inline"><button type="submit">Reject</button></form>`
      : '';
    return page(
      `${document.name} – Signi (fake)`,
      `<h1>${escapeHtml(document.name)}</h1>` +
        `<p>For ${escapeHtml(`${person.firstName} ${person.lastName}`.trim())} &lt;${escapeHtml(person.email)}&gt;</p>` +
        `<p><a href="/sign/${person.token}/document.pdf">View the document (PDF)</a></p>` +
        `<p role="status">${escapeHtml(status)}</p>${actions}` +
        `<p><small>A local fake of Signi for tests and the demo; nothing is signed for real.</small></p>`,
    );
  };

  const signer = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const match = /^\/sign\/([0-9a-f]+)(\/document\.pdf|\/sign|\/reject)?$/.exec(url.pathname);
    const found = match ? byToken(match[1]!) : null;
    if (!match || !found) return html(response, 404, page('Not found', '<h1>This signing link is not valid</h1>'));
    const { document, person } = found;
    const action = match[2];
    if (request.method === 'GET' && !action) {
      if (document.state === 'pending' && person.state === 'pending') person.state = 'opened';
      return html(response, 200, signingPage(document, person));
    }
    if (request.method === 'GET' && action === '/document.pdf') return pdf(response, document.signedPdf ?? document.pdf, document.fileName);
    if (request.method === 'POST' && (action === '/sign' || action === '/reject')) {
      await readBody(request);
      if (document.state === 'pending' && person.state !== 'signed' && person.state !== 'rejected') {
        if (action === '/reject') {
          person.state = 'rejected';
          await finish(document, 'rejected');
        } else {
          person.state = 'signed';
          if (document.people.every((p) => p.state === 'signed')) {
            const stamp = document.people.map((p) => `% Signed in fake Signi by ${p.email} at ${new Date().toISOString()}`).join('\n');
            document.signedPdf = Buffer.concat([document.pdf, Buffer.from(`\n${stamp}\n%%EOF\n`, 'latin1')]);
            await finish(document, 'completed');
          }
        }
      }
      response.writeHead(303, { location: `/sign/${person.token}` }).end();
      return;
    }
    return html(response, 405, page('Not allowed', '<h1>Not allowed</h1>'));
  };

  const index = (response: ServerResponse) => {
    const rows = [...documents.values()]
      .reverse()
      .map(
        (d) =>
          `<li><strong>${escapeHtml(d.name)}</strong> (${escapeHtml(d.number)}) – ${d.state}<ul>` +
          d.people.map((p) => `<li><a href="/sign/${p.token}">${escapeHtml(p.email)}</a> – ${p.state}</li>`).join('') +
          '</ul></li>',
      )
      .join('');
    html(response, 200, page('Signi (fake)', `<h1>Signi (fake): documents sent for signature</h1><ul>${rows || '<li>None yet</li>'}</ul>`));
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const work = url.pathname.startsWith('/api/') ? api(request, response, url) : url.pathname === '/' ? Promise.resolve(index(response)) : signer(request, response, url);
    work.catch((error: unknown) => {
      if (!response.headersSent) json(response, 500, { message: (error as Error).message });
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}`;

  return {
    url: baseUrl,
    apiKey,
    documents,
    signingLinks: (contractId) => (documents.get(contractId)?.people ?? []).map((p) => ({ email: p.email, url: `${baseUrl}/sign/${p.token}` })),
    deliveries,
    redeliver: async (i) => {
      const past = deliveries[i];
      if (!past) throw new Error(`No delivery ${i}`);
      return deliver(past.url, past.body);
    },
    expire: async (contractId) => {
      const document = documents.get(contractId);
      if (!document || document.state !== 'pending') throw new Error(`Document ${contractId} is not pending`);
      await finish(document, 'expired');
    },
    setMode: (next, ms = 0) => {
      mode = next;
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
};
