import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymousContextOf, contextOf, sessionCookie } from '../../http/auth-plugin.js';
import { getOwner } from '../owners/owners.service.js';
import { teamIdsOfUser, listTeams } from '../teams/teams.service.js';
import { getUser } from '../users/users.service.js';
import { createApiToken, listApiTokens, login, logout, revokeApiToken } from './auth.service.js';

const LoginBody = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(500) });

const MeResponse = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.string() }),
  roles: z.array(z.object({ key: z.string(), scope: z.string() })),
  scope: z.enum(['own', 'team', 'owner', 'all']),
  permissions: z.array(z.string()),
  owner: z.object({ id: z.uuid(), name: z.string(), country: z.string(), currency: z.string() }),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const ApiTokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const authRoutes = (options: { sessionHours: number; secureCookies: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the httpOnly session cookie',
          body: LoginBody,
          response: { 200: z.object({ userId: z.uuid(), expiresAt: z.date() }) },
        },
      },
      async (request, reply) => {
        const session = await login(anonymousContextOf(request), { ...request.body, ip: request.ip }, options.sessionHours);
        reply.setCookie(sessionCookie, session.sessionToken, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          expires: session.expiresAt,
        });
        return { userId: session.userId, expiresAt: session.expiresAt };
      },
    );

    app.post(
      '/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
      async (request, reply) => {
        const token = request.cookies[sessionCookie];
        if (token) await logout(anonymousContextOf(request), token);
        reply.clearCookie(sessionCookie, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'The signed-in user, roles, scope and owner', response: { 200: MeResponse } } },
      async (request) => {
        const ctx = contextOf(request);
        const actor = request.auth!.actor;
        const [user, owner, teamIds, teams] = await Promise.all([
          getUser({ ...ctx, actor: { kind: 'system', name: 'me' } }, actor.userId),
          getOwner({ ...ctx, actor: { kind: 'system', name: 'me' } }, actor.ownerId),
          teamIdsOfUser(ctx, actor.userId),
          listTeams({ ...ctx, actor: { kind: 'system', name: 'me' } }),
        ]);
        return {
          user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
          roles: actor.roleKeys.map((key) => ({ key, scope: actor.scope })),
          scope: actor.scope,
          permissions: [...actor.permissions],
          owner,
          teams: teams.filter((t) => teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
        };
      },
    );

    app.get(
      '/auth/tokens',
      { schema: { tags: ['auth'], summary: "The caller's API tokens", response: { 200: z.object({ items: z.array(ApiTokenResponse) }) } } },
      async (request) => ({ items: await listApiTokens(contextOf(request)) }),
    );

    app.post(
      '/auth/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an API token for an integration; the secret is shown only in this response',
          body: z.strictObject({ name: z.string().trim().min(1).max(100), expiresAt: z.coerce.date().nullish() }),
          response: { 201: ApiTokenResponse.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => reply.code(201).send(await createApiToken(contextOf(request), request.body)),
    );

    app.delete(
      '/auth/tokens/:id',
      { schema: { tags: ['auth'], summary: 'Revoke an API token', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
      async (request, reply) => {
        await revokeApiToken(contextOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
