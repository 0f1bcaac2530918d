import { customType, index, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Where an electronic signature request stands (CONTRACT-2). `created` exists only inside the transaction that
 * records a request Signi accepted; `signed`, `rejected` and `expired` are final.
 */
export const signatureStates = ['created', 'sent', 'viewed', 'signed', 'rejected', 'expired'] as const;
export type SignatureState = (typeof signatureStates)[number];

/** One person asked to sign, in signing order (1 signs first). */
export type SignatureSigner = { name: string; email: string; phone: string | null; order: number };

/**
 * A document sent for signature through Signi, linked to the record it belongs to (`recordType` + `recordId`,
 * e.g. a contract). The signed PDF is fetched from Signi and kept here once everyone signed.
 */
export const signatureRequests = pgTable(
  'signature_requests',
  {
    id: primaryId(),
    ownerId: uuid().notNull(),
    recordType: varchar({ length: 40 }).notNull(),
    recordId: uuid().notNull(),
    provider: varchar({ length: 20, enum: ['signi'] }).notNull(),
    /** Signi's `contract_id` of the document. */
    providerDocumentId: varchar({ length: 100 }).notNull(),
    fileName: varchar({ length: 200 }).notNull(),
    signers: jsonb().$type<SignatureSigner[]>().notNull(),
    state: varchar({ length: 12, enum: signatureStates }).notNull(),
    /** The signing deadline given to Signi; webhook addresses stop being accepted some days after it. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    stateChangedAt: timestamp({ withTimezone: true }).notNull(),
    signedPdf: bytea(),
    signedPdfSha256: varchar({ length: 64 }),
    ...auditColumns(),
  },
  (t) => [unique().on(t.provider, t.providerDocumentId), index().on(t.recordType, t.recordId)],
);

/** Every state change of a signature request: who or what caused it, from which state to which. */
export const signatureRequestEvents = pgTable(
  'signature_request_events',
  {
    id: primaryId(),
    signatureRequestId: uuid()
      .notNull()
      .references(() => signatureRequests.id),
    at: timestamp({ withTimezone: true }).notNull(),
    /** The user who asked; null for Signi's webhooks and jobs. */
    by: uuid(),
    fromState: varchar({ length: 12, enum: signatureStates }),
    toState: varchar({ length: 12, enum: signatureStates }).notNull(),
    source: varchar({ length: 12, enum: ['request', 'webhook', 'sync'] }).notNull(),
    detail: text(),
  },
  (t) => [index().on(t.signatureRequestId, t.at)],
);

/**
 * Webhook deliveries already processed, so the same delivery received again changes nothing (DESIGN: webhooks
 * are idempotent). Signi sends no delivery id; a delivery is its document and result state.
 */
export const signatureWebhookDeliveries = pgTable(
  'signature_webhook_deliveries',
  {
    id: primaryId(),
    provider: varchar({ length: 20, enum: ['signi'] }).notNull(),
    deliveryKey: varchar({ length: 200 }).notNull(),
    signatureRequestId: uuid()
      .notNull()
      .references(() => signatureRequests.id),
    state: varchar({ length: 20 }).notNull(),
    /** `applied` changed the request; `ignored` did not fit its state (e.g. "rejected" after "signed"). */
    outcome: varchar({ length: 12, enum: ['applied', 'ignored'] }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique().on(t.provider, t.deliveryKey)],
);
