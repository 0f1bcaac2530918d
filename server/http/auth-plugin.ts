import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import { authenticateSession, authenticateToken, type Authenticated } from '../modules/auth/auth.service.js';
import { AppError } from './errors.js';

export const sessionCookie = 'kw_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyInstance {
    db: Database;
  }
  interface FastifyContextConfig {
    /** The route answers without sign-in (health, login, OpenAPI). */
    public?: boolean;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The service context of a signed-in request; 401 when nobody is signed in. */
export const contextOf = (request: FastifyRequest): ServiceContext => {
  if (!request.auth) throw new AppError('auth.unauthenticated', 'Sign in first');
  return { db: request.server.db, actor: request.auth.actor, now: () => new Date(), log: request.log };
};

/** A context for public routes that still need the database (login). */
export const anonymousContextOf = (request: FastifyRequest): ServiceContext => ({
  db: request.server.db,
  actor: { kind: 'system', name: 'anonymous' },
  now: () => new Date(),
  log: request.log,
});

/**
 * SECURITY-CRITICAL. Resolves who calls: an API token (`Authorization: Bearer`) or the session cookie.
 * Cookie requests that change state must carry `X-Requested-With: kilowatt`: browsers do not let another
 * site add that header without a CORS preflight, which this server never grants (CSRF guard).
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', null);
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const ctx = anonymousContextOf(request);
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.auth = await authenticateToken(ctx, header.slice('Bearer '.length).trim());
      if (!request.auth) throw new AppError('auth.unauthenticated', 'The API token is unknown, revoked or expired');
    } else {
      const token = request.cookies[sessionCookie];
      request.auth = token ? await authenticateSession(ctx, token) : null;
      if (request.auth && stateChanging.has(request.method) && request.headers['x-requested-with'] !== 'kilowatt') {
        throw new AppError('auth.csrf_header_missing', 'State-changing requests need the header X-Requested-With: kilowatt');
      }
    }
    if (!request.auth && !request.routeOptions.config.public) {
      throw new AppError('auth.unauthenticated', 'Sign in first');
    }
  });
});
