/**
 * SECURITY-CRITICAL. How Kilowatt knows a call to `POST /api/v1/webhooks/signi` comes from Signi.
 *
 * Signi's public pages document no signature header, no shared secret and no delivery id: the integrator gives
 * one URL per result state with each document and Signi calls it as given (docs/integrations.md). So the URL is
 * the credential: it carries the signature request, the state and an expiry, authenticated with an HMAC-SHA256
 * under SIGNI_WEBHOOK_SECRET. Nobody without the secret can forge one, a URL for "rejected" cannot be replayed
 * as "completed", and a URL stops working a while after the signing deadline (old deliveries are refused).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SigniResultState } from './client.js';

/** Days after the signing deadline that Signi may still deliver (it retries, and "expired" comes after the deadline). */
export const webhookGraceDays = 7;

export type SigniWebhookClaims = { requestId: string; state: SigniResultState; expiresAtSeconds: number };

const mac = (secret: string, claims: SigniWebhookClaims): string =>
  createHmac('sha256', secret).update(`signi.v1|${claims.requestId}|${claims.state}|${claims.expiresAtSeconds}`).digest('base64url');

/** The URL Signi calls for one result state of one signature request. */
export const signiWebhookUrl = (webhookBaseUrl: string, secret: string, claims: SigniWebhookClaims): string => {
  const url = new URL('/api/v1/webhooks/signi', webhookBaseUrl);
  url.searchParams.set('request', claims.requestId);
  url.searchParams.set('state', claims.state);
  url.searchParams.set('exp', String(claims.expiresAtSeconds));
  url.searchParams.set('sig', mac(secret, claims));
  return url.toString();
};

/** The expiry written into a request's webhook URLs: the signing deadline plus the grace period, in Unix seconds. */
export const webhookExpiry = (signingDeadline: Date): number =>
  Math.floor(signingDeadline.getTime() / 1000) + webhookGraceDays * 24 * 3600;

export type WebhookCheck = { ok: true } | { ok: false; why: 'signature' | 'expired' };

/** Checks the URL's MAC (in constant time), then its expiry. */
export const checkSigniWebhook = (secret: string, claims: SigniWebhookClaims, sig: string, now: Date): WebhookCheck => {
  const expected = Buffer.from(mac(secret, claims));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'signature' };
  if (claims.expiresAtSeconds * 1000 < now.getTime()) return { ok: false, why: 'expired' };
  return { ok: true };
};
