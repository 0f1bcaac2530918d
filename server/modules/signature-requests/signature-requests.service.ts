import { and, desc, eq, inArray } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { signiResultStates, SigniError, type SigniApi, type SigniCreateInput, type SigniResultState } from '../../integrations/signi/client.js';
import { checkSigniWebhook, signiWebhookUrl, webhookExpiry } from '../../integrations/signi/webhooks.js';
import { actorUserId } from '../auth/permissions.js';
import {
  signatureRequestEvents,
  signatureRequests,
  signatureWebhookDeliveries,
  type SignatureSigner,
  type SignatureState,
} from './signature-requests.schema.js';
import { canMoveSignature } from './signature-requests.states.js';

/** Signi as this server uses it: the client, and what the webhook addresses given to Signi are made of. */
export type SigningSetup = {
  client: SigniApi;
  /** SECURITY-CRITICAL: the HMAC key of the webhook addresses (server/integrations/signi/webhooks.ts). */
  webhookSecret: string;
  /** Where Signi reaches this server, e.g. https://crm.example.sk. */
  webhookBaseUrl: string;
  /** Days a signer has to sign when the caller gives no deadline. */
  signingDays: number;
};

export type SignatureStateChange = {
  signatureRequestId: string;
  recordType: string;
  recordId: string;
  from: SignatureState | null;
  to: SignatureState;
  at: Date;
  source: 'request' | 'webhook' | 'sync';
  /** Present when `to` is `signed`: the signed PDF as Signi returned it (also stored on the request). */
  signedPdf: Buffer | null;
};

type StateHandler = (ctx: ServiceContext, change: SignatureStateChange) => Promise<void>;
const handlers = new Map<string, StateHandler[]>();

/**
 * Registers what happens to a record when its signature request changes state, e.g. the contracts module marks
 * a contract signed. The handler runs inside the transaction of the change: if it throws, the change is not
 * saved (and Signi's webhook is answered 500, so Signi delivers it again). Returns a function that unregisters.
 */
export const onSignatureStateChanged = (recordType: string, handler: StateHandler): (() => void) => {
  handlers.set(recordType, [...(handlers.get(recordType) ?? []), handler]);
  return () => handlers.set(recordType, (handlers.get(recordType) ?? []).filter((h) => h !== handler));
};

export const SignatureSignerInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/, 'Use international format, e.g. +421 905 123 456')
    .nullish(),
  /** 1 signs first; defaults to the position in the list. */
  order: z.number().int().min(1).max(50).optional(),
});

export const SignatureRequestInput = z.strictObject({
  /** The kind of record signed, e.g. "contract"; handlers registered for it are called on every change. */
  recordType: z.string().regex(/^[a-z][a-z-]{1,39}$/, 'Lower-case words joined by hyphens'),
  recordId: z.uuid(),
  /** The document's title in Signi and in the signers' e-mails. */
  title: z.string().trim().min(1).max(200),
  /** Our reference shown in Signi, e.g. the contract number. */
  reference: z.string().trim().max(100).default(''),
  fileName: z.string().trim().min(1).max(200).regex(/\.pdf$/i, 'Must end with .pdf'),
  pdf: z.instanceof(Buffer),
  signers: z.array(SignatureSignerInput).min(1).max(20),
  locale: z.enum(['sk', 'cs', 'en', 'de', 'pl']).default('sk'),
  /** The signing deadline; default now + the configured signing days. */
  expiresAt: z.date().optional(),
});
export type SignatureRequestInput = z.input<typeof SignatureRequestInput>;

export type SignatureRequestView = {
  id: string;
  recordType: string;
  recordId: string;
  provider: 'signi';
  providerDocumentId: string;
  fileName: string;
  signers: SignatureSigner[];
  state: SignatureState;
  expiresAt: Date;
  stateChangedAt: Date;
  hasSignedPdf: boolean;
  createdAt: Date;
  version: number;
};

const maxPdfBytes = 20 * 1024 * 1024;
const activeStates: SignatureState[] = ['created', 'sent', 'viewed'];

type Row = typeof signatureRequests.$inferSelect;

const viewOf = (row: Row): SignatureRequestView => ({
  id: row.id,
  recordType: row.recordType,
  recordId: row.recordId,
  provider: row.provider,
  providerDocumentId: row.providerDocumentId,
  fileName: row.fileName,
  signers: row.signers,
  state: row.state,
  expiresAt: row.expiresAt,
  stateChangedAt: row.stateChangedAt,
  hasSignedPdf: row.signedPdf !== null,
  createdAt: row.createdAt,
  version: row.version,
});

const notConfigured = () =>
  new AppError('signature.not_configured', 'Electronic signature is not configured: set SIGNI_API_KEY, SIGNI_WEBHOOK_SECRET and SIGNI_WEBHOOK_BASE_URL');

const providerFailed = (what: string, error: unknown): AppError => {
  const why = error instanceof SigniError ? error.message : `Signi call failed: ${(error as Error)?.message ?? String(error)}`;
  return new AppError('signature.provider_failed', `${what}: ${why}`);
};

/** Rows of the caller's owner company only; the system actor (webhooks, jobs) sees all. */
const ownedBy = (ctx: ServiceContext) => (ctx.actor.kind === 'user' ? eq(signatureRequests.ownerId, ctx.actor.ownerId) : undefined);

const splitName = (name: string) => {
  const parts = name.trim().split(/\s+/);
  const lastName = parts.pop()!;
  return { firstName: parts.join(' '), lastName };
};

const validate = (raw: SignatureRequestInput) => {
  const parsed = SignatureRequestInput.safeParse(raw);
  const errors: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        return { path, code: issue.code, message: `${path}: ${issue.message}` };
      });
  if (parsed.success) {
    const { pdf, signers } = parsed.data;
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') errors.push({ path: 'pdf', code: 'not_pdf', message: 'pdf: The file is not a PDF' });
    if (pdf.length > maxPdfBytes) errors.push({ path: 'pdf', code: 'too_big', message: `pdf: At most ${maxPdfBytes / 1024 / 1024} MB` });
    const seen = new Set<string>();
    signers.forEach((signer, i) => {
      const email = signer.email.toLowerCase();
      if (seen.has(email)) errors.push({ path: `signers.${i}.email`, code: 'duplicate', message: `signers.${i}.email: ${signer.email} is already a signer` });
      seen.add(email);
    });
  }
  if (!parsed.success || errors.length > 0) {
    throw new AppError('validation', errors.map((e) => e.message).join('; '), { errors });
  }
  return parsed.data;
};

/** Moves a request (locked by the caller) to `to`, writes the history row and calls the record's handlers. */
const move = async (
  tx: ServiceContext,
  row: Row,
  to: SignatureState,
  source: SignatureStateChange['source'],
  detail: string | null,
  signedPdf: Buffer | null = null,
) => {
  const at = tx.now();
  const by = actorUserId(tx.actor);
  const [updated] = await tx.db
    .update(signatureRequests)
    .set({
      state: to,
      stateChangedAt: at,
      ...(signedPdf ? { signedPdf, signedPdfSha256: createHash('sha256').update(signedPdf).digest('hex') } : {}),
      updatedAt: at,
      updatedBy: by,
      version: row.version + 1,
    })
    .where(and(eq(signatureRequests.id, row.id), eq(signatureRequests.version, row.version)))
    .returning();
  if (!updated) throw new AppError('version_conflict', 'The signature request changed meanwhile');
  await tx.db.insert(signatureRequestEvents).values({ signatureRequestId: row.id, at, by, fromState: row.state, toState: to, source, detail });
  const change: SignatureStateChange = { signatureRequestId: row.id, recordType: row.recordType, recordId: row.recordId, from: row.state, to, at, source, signedPdf };
  for (const handler of handlers.get(row.recordType) ?? []) await handler(tx, change);
  return updated;
};

/**
 * Sends a PDF for signature through Signi and records the request as `sent`, calling the record type's handlers
 * in the same transaction. Signi is called first: when it refuses or cannot be reached nothing is recorded and
 * `signature.provider_failed` (502) says why, so the caller's record stays unsent. The HTTP calls run in the
 * caller's transaction if there is one; call it outside one to keep database locks short.
 */
export const requestSignature = async (
  ctx: ServiceContext,
  signing: SigningSetup | null,
  raw: SignatureRequestInput,
): Promise<SignatureRequestView> => {
  const input = validate(raw);
  if (!signing) throw notConfigured();
  if (ctx.actor.kind !== 'user') throw new AppError('auth.forbidden', 'A signature is requested by a user');
  const ownerId = ctx.actor.ownerId;

  const [active] = await ctx.db
    .select({ id: signatureRequests.id })
    .from(signatureRequests)
    .where(and(eq(signatureRequests.recordType, input.recordType), eq(signatureRequests.recordId, input.recordId), inArray(signatureRequests.state, activeStates)))
    .limit(1);
  if (active) throw new AppError('signature.already_requested', 'This record is already out for signature; wait for the result or let it expire');

  const id = randomUUID();
  const now = ctx.now();
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + signing.signingDays * 24 * 3600 * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError('validation', 'expiresAt: The deadline must be in the future', { errors: [{ path: 'expiresAt', code: 'in_past', message: 'expiresAt: The deadline must be in the future' }] });
  }
  const signers: SignatureSigner[] = input.signers.map((s, i) => ({ name: s.name, email: s.email, phone: s.phone ?? null, order: s.order ?? i + 1 }));
  const document: SigniCreateInput = {
    name: input.title,
    number: input.reference,
    locale: input.locale,
    fileName: input.fileName,
    pdf: input.pdf,
    signers: signers.map((s) => ({ ...splitName(s.name), email: s.email, phone: s.phone, order: s.order })),
    webhooks: signiResultStates.map((state) => ({
      state,
      url: signiWebhookUrl(signing.webhookBaseUrl, signing.webhookSecret, { requestId: id, state, expiresAtSeconds: webhookExpiry(expiresAt) }),
    })),
  };

  let contractId: string;
  try {
    ({ contractId } = await signing.client.createDocument(document));
  } catch (error) {
    throw providerFailed('Signi did not accept the document', error);
  }
  const discard = () =>
    signing.client.deleteDocument(contractId).catch((error: unknown) => ctx.log.warn({ err: error, contractId }, 'could not remove the unsent document from Signi'));
  try {
    await signing.client.sendDocument(contractId);
  } catch (error) {
    await discard();
    throw providerFailed('Signi took the document but did not send it', error);
  }

  try {
    return await withTx(ctx, async (tx) => {
      const by = actorUserId(tx.actor);
      const [created] = await tx.db
        .insert(signatureRequests)
        .values({
          id,
          ownerId,
          recordType: input.recordType,
          recordId: input.recordId,
          provider: 'signi',
          providerDocumentId: contractId,
          fileName: input.fileName,
          signers,
          state: 'created',
          expiresAt,
          stateChangedAt: now,
          createdBy: by,
          updatedBy: by,
        })
        .returning();
      await tx.db.insert(signatureRequestEvents).values({ signatureRequestId: id, at: now, by, fromState: null, toState: 'created', source: 'request', detail: `Signi document ${contractId}` });
      return viewOf(await move(tx, created!, 'sent', 'request', null));
    });
  } catch (error) {
    // Signi sent it but we could not record it: withdraw it rather than leave signers with a request nobody tracks.
    await discard();
    throw error;
  }
};

export const getSignatureRequest = async (ctx: ServiceContext, id: string): Promise<SignatureRequestView> => {
  const [row] = await ctx.db.select().from(signatureRequests).where(and(eq(signatureRequests.id, id), ownedBy(ctx)));
  if (!row) throw new AppError('not_found', 'Signature request not found');
  return viewOf(row);
};

/**
 * The signature requests of one record, newest first. The caller (e.g. the contracts service) has already
 * checked that the actor may see that record.
 */
export const listSignatureRequests = async (ctx: ServiceContext, recordType: string, recordId: string): Promise<SignatureRequestView[]> => {
  const rows = await ctx.db
    .select()
    .from(signatureRequests)
    .where(and(eq(signatureRequests.recordType, recordType), eq(signatureRequests.recordId, recordId), ownedBy(ctx)))
    .orderBy(desc(signatureRequests.createdAt));
  return rows.map(viewOf);
};

/** The stored signed PDF, or null before everyone signed. Same access rule as `listSignatureRequests`. */
export const getSignedPdf = async (ctx: ServiceContext, id: string): Promise<{ fileName: string; bytes: Buffer; sha256: string } | null> => {
  const [row] = await ctx.db
    .select({ fileName: signatureRequests.fileName, bytes: signatureRequests.signedPdf, sha256: signatureRequests.signedPdfSha256 })
    .from(signatureRequests)
    .where(and(eq(signatureRequests.id, id), ownedBy(ctx)));
  if (!row) throw new AppError('not_found', 'Signature request not found');
  return row.bytes && row.sha256 ? { fileName: row.fileName, bytes: row.bytes, sha256: row.sha256 } : null;
};

export type SignatureEventView = { at: Date; by: string | null; from: SignatureState | null; to: SignatureState; source: string; detail: string | null };

/** The state history of a request, newest first. */
export const listSignatureEvents = async (ctx: ServiceContext, id: string): Promise<SignatureEventView[]> => {
  await getSignatureRequest(ctx, id);
  const rows = await ctx.db.select().from(signatureRequestEvents).where(eq(signatureRequestEvents.signatureRequestId, id)).orderBy(desc(signatureRequestEvents.at), desc(signatureRequestEvents.id));
  return rows.map((r) => ({ at: r.at, by: r.by, from: r.fromState, to: r.toState, source: r.source, detail: r.detail }));
};

const stateOfResult: Record<SigniResultState, SignatureState> = { completed: 'signed', rejected: 'rejected', expired: 'expired' };

export type SigniWebhookDelivery = {
  query: { request: string; state: SigniResultState; exp: number; sig: string };
  body: { contract_id: string | number; state: string };
};

export type WebhookOutcome = { outcome: 'applied' | 'ignored' | 'duplicate'; state: SignatureState };

const refused = (code: 'webhook.invalid_signature' | 'webhook.expired', message: string, errors?: FieldProblem[]) =>
  new AppError(code, message, errors ? { errors } : {});

/**
 * SECURITY-CRITICAL. Handles one call Signi made to a webhook address (server/integrations/signi/webhooks.ts):
 * a forged, altered or expired address is refused (401) before anything is read or written; the same delivery
 * again is answered `duplicate` and changes nothing; a result that does not fit the request's state (e.g.
 * "rejected" after "signed") is recorded as `ignored`. On "completed" the signed PDF is fetched from Signi's API
 * (never from the `file` link in the body, which anyone could point elsewhere) and stored with the change.
 */
export const receiveSigniWebhook = async (ctx: ServiceContext, signing: SigningSetup | null, delivery: SigniWebhookDelivery): Promise<WebhookOutcome> => {
  if (!signing) throw notConfigured();
  const { query, body } = delivery;
  const claims = { requestId: query.request, state: query.state, expiresAtSeconds: query.exp };
  const check = checkSigniWebhook(signing.webhookSecret, claims, query.sig, ctx.now());
  if (!check.ok && check.why === 'expired') {
    throw refused('webhook.expired', 'This webhook address expired: the delivery is too old and was not processed', [
      { path: 'exp', code: 'expired', message: 'exp: The address is no longer valid' },
    ]);
  }
  if (!check.ok) {
    throw refused('webhook.invalid_signature', 'The webhook address is not signed with this server\'s SIGNI_WEBHOOK_SECRET', [
      { path: 'sig', code: 'invalid_signature', message: 'sig: Does not match the request, state and expiry' },
    ]);
  }
  if (body.state !== query.state) {
    throw refused('webhook.invalid_signature', `The body reports "${body.state}" but the address was issued for "${query.state}"`, [
      { path: 'state', code: 'mismatch', message: `state: Expected ${query.state}` },
    ]);
  }
  const [row] = await ctx.db.select().from(signatureRequests).where(eq(signatureRequests.id, query.request));
  if (!row) throw new AppError('not_found', 'Signature request not found');
  const contractId = String(body.contract_id);
  if (contractId !== row.providerDocumentId) {
    throw refused('webhook.invalid_signature', 'The body names another Signi document than this signature request', [
      { path: 'contract_id', code: 'mismatch', message: 'contract_id: Not the document of this request' },
    ]);
  }

  const deliveryKey = `${contractId}:${query.state}`;
  const isDuplicate = async (c: ServiceContext) =>
    (await c.db.select({ id: signatureWebhookDeliveries.id }).from(signatureWebhookDeliveries).where(and(eq(signatureWebhookDeliveries.provider, 'signi'), eq(signatureWebhookDeliveries.deliveryKey, deliveryKey)))).length > 0;
  if (await isDuplicate(ctx)) return { outcome: 'duplicate', state: row.state };

  const target = stateOfResult[query.state];
  let signedPdf: Buffer | null = null;
  if (target === 'signed' && canMoveSignature(row.state, 'signed')) {
    try {
      signedPdf = await signing.client.downloadSignedPdf(contractId);
    } catch (error) {
      throw providerFailed('The signed PDF could not be fetched from Signi', error);
    }
  }

  return withTx(ctx, async (tx) => {
    const [locked] = await tx.db.select().from(signatureRequests).where(eq(signatureRequests.id, row.id)).for('update');
    const current = locked!;
    const applies = canMoveSignature(current.state, target) && (target !== 'signed' || signedPdf !== null);
    const inserted = await tx.db
      .insert(signatureWebhookDeliveries)
      .values({ provider: 'signi', deliveryKey, signatureRequestId: row.id, state: query.state, outcome: applies ? 'applied' : 'ignored', receivedAt: tx.now() })
      .onConflictDoNothing()
      .returning({ id: signatureWebhookDeliveries.id });
    if (inserted.length === 0) return { outcome: 'duplicate' as const, state: current.state };
    if (!applies) {
      tx.log.warn({ signatureRequestId: row.id, from: current.state, to: target }, 'Signi webhook does not fit the state; ignored');
      return { outcome: 'ignored' as const, state: current.state };
    }
    const moved = await move(tx, current, target, 'webhook', `Signi: ${query.state}`, signedPdf);
    return { outcome: 'applied' as const, state: moved.state };
  });
};

/**
 * Asks Signi where a request stands and catches up: "viewed" once a signer opened it (Signi calls no webhook
 * for that), and any result whose webhook was missed. Returns the request as it is afterwards.
 */
export const syncSignatureRequest = async (ctx: ServiceContext, signing: SigningSetup | null, id: string): Promise<SignatureRequestView> => {
  if (!signing) throw notConfigured();
  const row = await getSignatureRequest(ctx, id);
  let document;
  try {
    document = await signing.client.getDocument(row.providerDocumentId);
  } catch (error) {
    throw providerFailed('Signi could not say where the document stands', error);
  }
  const target: SignatureState | null =
    document.state === 'completed'
      ? 'signed'
      : document.state === 'rejected' || document.state === 'expired'
        ? document.state
        : document.state === 'pending'
          ? document.people.some((p) => p.state !== 'pending') ? 'viewed' : 'sent'
          : null;
  if (!target || !canMoveSignature(row.state, target)) return row;
  let signedPdf: Buffer | null = null;
  if (target === 'signed') {
    try {
      signedPdf = await signing.client.downloadSignedPdf(row.providerDocumentId);
    } catch (error) {
      throw providerFailed('The signed PDF could not be fetched from Signi', error);
    }
  }
  return withTx(ctx, async (tx) => {
    const [locked] = await tx.db.select().from(signatureRequests).where(eq(signatureRequests.id, id)).for('update');
    if (!canMoveSignature(locked!.state, target)) return viewOf(locked!);
    return viewOf(await move(tx, locked!, target, 'sync', `Signi: ${document.state}`, signedPdf));
  });
};
