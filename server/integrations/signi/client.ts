/**
 * Signi (signi.com) e-signature client: send a PDF for signature, read its state, download the signed PDF.
 *
 * Written against Signi's public help pages (read November 2026; docs/integrations.md lists what each says):
 *  - https://helpdesk.signi.com/en/support/solutions/articles/201000062797-signi-api-call-examples
 *    (also https://signi.atlassian.net/wiki/spaces/PKNBENG/pages/686493932/Signi+API+Call+Examples)
 *  - https://helpdesk.signi.com/en/support/solutions/articles/201000062844-advanced-signi-api-call-examples
 *  - https://helpdesk.signi.com/en/support/solutions/articles/201000062791-results-of-signing
 *  - https://helpdesk.signi.com/en/support/solutions/articles/201000062743-the-signi-api-concept
 * Documented there and relied on here:
 *  - Production base URL https://api.signi.com, paths under /api/v1; the workspace's API key in the `x-api-key`
 *    header; `GET /api/v1/me` answers the workspace.
 *  - `POST /api/v1/contract/?type=doc`, multipart/form-data with `data` (the JSON below) and `uploaded_file_key`
 *    (the PDF). JSON: `contract_name`, `number`, `locale`, `state`, `settings.signing_order`, `people[]` with
 *    `is_proposer`, `email`, `contract_role` ("sign"), `party_order`, `person_type`, `first_name`, `last_name`,
 *    and `webhooks[]` of `{ state: "completed" | "rejected" | "expired", url }`.
 *  - Webhooks: only one of the three URLs is called, with `{ contract_id, state, file, attachments }`; `file` is
 *    a link to the signed PDF valid for 10 minutes.
 * NOT in the public pages (assumptions, kept in one place each so a correction is one edit):
 *  - The create response: we read `contract_id` (the name the webhook uses), also accepting `id`.
 *  - Sending a document created as `state: "draft"`: `POST /api/v1/contract/{id}/send`.
 *  - Reading a document: `GET /api/v1/contract/{id}` → `{ contract_id, state, people: [{ email, state }] }` with
 *    document states draft | pending | completed | rejected | expired and person states
 *    pending | opened | signed | rejected.
 *  - The signed PDF: `GET /api/v1/contract/{id}/pdf` (application/pdf); removing a document: `DELETE
 *    /api/v1/contract/{id}`.
 *  - Error bodies: we show `message`, `error` or `detail` when present, else the HTTP status.
 */
import { z } from 'zod';

export const signiDefaultBaseUrl = 'https://api.signi.com';
export const signiDefaultTimeoutMs = 15_000;

/** The result states Signi calls a webhook for (documented). */
export const signiResultStates = ['completed', 'rejected', 'expired'] as const;
export type SigniResultState = (typeof signiResultStates)[number];

export const signiDocumentStates = ['draft', 'pending', 'completed', 'rejected', 'expired'] as const;
export type SigniDocumentState = (typeof signiDocumentStates)[number];

export const signiPersonStates = ['pending', 'opened', 'signed', 'rejected'] as const;
export type SigniPersonState = (typeof signiPersonStates)[number];

export type SigniSignerInput = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  /** 1 signs first; equal numbers sign in any order. */
  order: number;
};

export type SigniCreateInput = {
  name: string;
  /** Our reference, shown in Signi as the document number. */
  number: string;
  locale: 'cs' | 'sk' | 'en' | 'de' | 'pl';
  fileName: string;
  pdf: Buffer;
  signers: SigniSignerInput[];
  webhooks: { state: SigniResultState; url: string }[];
};

export type SigniDocument = {
  contractId: string;
  state: SigniDocumentState;
  people: { email: string; state: SigniPersonState }[];
};

/** What the app needs from Signi; the real client implements it against the network, tests may point it at the fake. */
export type SigniApi = {
  createDocument(input: SigniCreateInput): Promise<{ contractId: string }>;
  sendDocument(contractId: string): Promise<void>;
  getDocument(contractId: string): Promise<SigniDocument>;
  downloadSignedPdf(contractId: string): Promise<Buffer>;
  deleteDocument(contractId: string): Promise<void>;
};

export type SigniFailureReason =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'rejected'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'invalid_response';

/** A call to Signi failed; `message` says why in words a user can act on, `reason` lets code branch. */
export class SigniError extends Error {
  override readonly name = 'SigniError';
  readonly reason: SigniFailureReason;
  readonly status: number | undefined;

  constructor(reason: SigniFailureReason, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }
}

export type SigniClientOptions = {
  apiKey: string;
  /** Default https://api.signi.com; tests and the demo point it at the fake server. */
  baseUrl?: string;
  /** Per request, covering connect, headers and body. Default 15 s (uploads of a large PDF). */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const ContractIdValue = z.union([z.number().int(), z.string().min(1)]).transform(String);
const CreateResponse = z.union([
  z.object({ contract_id: ContractIdValue }).transform((r) => r.contract_id),
  z.object({ id: ContractIdValue }).transform((r) => r.id),
]);
const DocumentResponse = z.object({
  contract_id: ContractIdValue,
  state: z.enum(signiDocumentStates),
  people: z.array(z.object({ email: z.string(), state: z.enum(signiPersonStates) })).default([]),
});

const errorText = async (response: Response): Promise<string | null> => {
  try {
    const body = (await response.json()) as Record<string, unknown>;
    const text = [body.message, body.error, body.detail].find((value) => typeof value === 'string' && value.trim());
    return typeof text === 'string' ? text.trim().slice(0, 300) : null;
  } catch {
    return null;
  }
};

/** The real client: one `fetch` per call, bounded by an `AbortSignal` timeout, every failure a `SigniError`. */
export const createSigniClient = (options: SigniClientOptions): SigniApi => {
  const baseUrl = (options.baseUrl ?? signiDefaultBaseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? signiDefaultTimeoutMs;
  const fetchImpl = options.fetch ?? fetch;

  const call = async (what: string, method: string, path: string, body?: FormData): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { 'x-api-key': options.apiKey, Accept: 'application/json, application/pdf' },
        ...(body ? { body } : {}),
        signal: timeout,
      });
    } catch (error) {
      if (timeout.aborted) throw new SigniError('timeout', `Signi did not answer within ${timeoutMs / 1000} s (${what})`, { cause: error });
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new SigniError('network', `Signi cannot be reached (${what}): ${cause}`, { cause: error });
    }
    if (response.ok) return response;
    const { status } = response;
    const text = await errorText(response);
    const said = text ? `: ${text}` : '';
    if (status === 401 || status === 403) {
      throw new SigniError('unauthorized', `Signi refused the API key (HTTP ${status}, ${what})${said}. Check SIGNI_API_KEY.`, { status });
    }
    if (status === 404) throw new SigniError('not_found', `Signi does not know this document (HTTP 404, ${what})${said}`, { status });
    if (status === 429) throw new SigniError('rate_limited', `Signi asks to slow down (HTTP 429, ${what})`, { status });
    if (status >= 500) throw new SigniError('server_error', `Signi failed (HTTP ${status}, ${what})${said}`, { status });
    throw new SigniError('rejected', `Signi rejected the request (HTTP ${status}, ${what})${said}`, { status });
  };

  const json = async <T>(what: string, response: Response, schema: z.ZodType<T>): Promise<T> => {
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new SigniError('invalid_response', `Signi answered ${what} with something other than JSON`, { status: response.status, cause: error });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new SigniError('invalid_response', `Signi answered ${what} in an unexpected shape`, { status: response.status, cause: parsed.error });
    }
    return parsed.data;
  };

  const idPath = (contractId: string) => `/contract/${encodeURIComponent(contractId)}`;

  return {
    createDocument: async (input) => {
      const data = {
        contract_name: input.name,
        number: input.number,
        locale: input.locale,
        state: 'draft',
        settings: { signing_order: 'all_at_once' },
        people: input.signers.map((signer) => ({
          is_proposer: false,
          email: signer.email,
          ...(signer.phone ? { phone: signer.phone } : {}),
          first_name: signer.firstName,
          last_name: signer.lastName,
          person_type: 'nature',
          contract_role: 'sign',
          party_order: signer.order,
        })),
        webhooks: input.webhooks,
      };
      const form = new FormData();
      form.append('data', new Blob([JSON.stringify(data)], { type: 'application/json' }), 'data.json');
      form.append('uploaded_file_key', new Blob([new Uint8Array(input.pdf)], { type: 'application/pdf' }), input.fileName);
      const response = await call('creating the document', 'POST', '/contract/?type=doc', form);
      return { contractId: await json('creating the document', response, CreateResponse) };
    },
    sendDocument: async (contractId) => {
      const response = await call('sending the document', 'POST', `${idPath(contractId)}/send`);
      await response.body?.cancel();
    },
    getDocument: async (contractId) => {
      const response = await call('reading the document', 'GET', idPath(contractId));
      const document = await json('reading the document', response, DocumentResponse);
      return { contractId: document.contract_id, state: document.state, people: document.people };
    },
    downloadSignedPdf: async (contractId) => {
      const response = await call('downloading the signed PDF', 'GET', `${idPath(contractId)}/pdf`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new SigniError('invalid_response', 'Signi answered the signed PDF with something that is not a PDF', { status: response.status });
      }
      return bytes;
    },
    deleteDocument: async (contractId) => {
      const response = await call('removing the document', 'DELETE', idPath(contractId));
      await response.body?.cancel();
    },
  };
};
