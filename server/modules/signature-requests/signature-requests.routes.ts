import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { signiResultStates } from '../../integrations/signi/client.js';
import { signatureStates } from './signature-requests.schema.js';
import { receiveSigniWebhook, type SigningSetup } from './signature-requests.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Signi as configured (CONTRACT-2); null when electronic signature is off. */
    signing: SigningSetup | null;
  }
}

const SigniWebhookQuery = z.object({
  request: z.uuid().describe('The signature request the address was issued for'),
  state: z.enum(signiResultStates),
  exp: z.coerce.number().int().positive().describe('Unix seconds after which the address is refused'),
  sig: z.string().min(1).max(200).describe('HMAC-SHA256 of request, state and exp under SIGNI_WEBHOOK_SECRET'),
});

/** What Signi posts (its "Results of signing" help page); unknown fields are tolerated. */
const SigniWebhookBody = z.looseObject({
  contract_id: z.union([z.number().int(), z.string().min(1).max(100)]),
  state: z.string().max(40),
  file: z.string().nullish(),
  attachments: z.array(z.unknown()).optional(),
});

const WebhookResponse = z.object({
  outcome: z.enum(['applied', 'ignored', 'duplicate']).describe('duplicate: this delivery was processed before and changed nothing now'),
  state: z.enum(signatureStates),
});

/** Webhooks from Signi: public (Signi does not sign in), verified by the signed address instead. */
export const signatureRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/webhooks/signi',
    {
      config: { public: true },
      schema: {
        tags: ['webhooks'],
        summary: 'Signi reports a signing result (completed, rejected, expired); 401 for a forged or expired address',
        security: [],
        querystring: SigniWebhookQuery,
        body: SigniWebhookBody,
        response: { 200: WebhookResponse },
      },
    },
    async (request) => {
      const ctx: ServiceContext = { db: request.server.db, actor: { kind: 'system', name: 'signi-webhook' }, now: () => new Date(), log: request.log };
      return receiveSigniWebhook(ctx, request.server.signing, { query: request.query, body: request.body });
    },
  );
};
