import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import type { Geocoder } from '../integrations/mapy/client.js';
import type { MapyTileSettings } from '../integrations/mapy/tiles.js';
import { activityRoutes } from '../modules/activities/activities.routes.js';
import { addressRoutes } from '../modules/addresses/addresses.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { caseRoutes } from '../modules/cases/cases.routes.js';
import { commissionRoutes } from '../modules/commissions/commissions.routes.js';
import { contractRoutes } from '../modules/contracts/contracts.routes.js';
import { clientRoutes } from '../modules/clients/clients.routes.js';
import { codeListRoutes } from '../modules/code-lists/code-lists.routes.js';
import { energyReferenceRoutes } from '../modules/code-lists/energy-reference.routes.js';
import { contactRoutes } from '../modules/contacts/contacts.routes.js';
import { dataSentenceRoutes } from '../modules/data-sentences/data-sentences.routes.js';
import { documentRoutes } from '../modules/documents/documents.routes.js';
import { importRoutes } from '../modules/imports/imports.routes.js';
import { leadImportRoutes } from '../modules/leads/leads.import.routes.js';
import { leadRoutes } from '../modules/leads/leads.routes.js';
import { meterRoutes } from '../modules/meters/meters.routes.js';
import { offerRoutes } from '../modules/offers/offers.routes.js';
import { ownerRoutes } from '../modules/owners/owners.routes.js';
import { priceListRoutes } from '../modules/price-lists/price-lists.routes.js';
import { processRoutes } from '../modules/processes/processes.routes.js';
import { queueRoutes } from '../modules/queues/queues.routes.js';
import { searchRoutes } from '../modules/search/search.routes.js';
import { signatureRequestRoutes } from '../modules/signature-requests/signature-requests.routes.js';
import type { SigningSetup } from '../modules/signature-requests/signature-requests.service.js';
import { supplyPointRoutes } from '../modules/supply-points/supply-points.routes.js';
import { teamRoutes } from '../modules/teams/teams.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import { authPlugin } from './auth-plugin.js';
import { AppError } from './errors.js';
import { handleError } from './problem.js';

export type AppOptions = {
  db: Database;
  sessionHours: number;
  secureCookies: boolean;
  /** The built web UI; when present it is served with a single-page-app fallback. */
  webRoot?: string | undefined;
  /** The app's logger (pino); tests leave it out and get a silent one. */
  logger?: FastifyBaseLogger;
  /** Address geocoder (ENERGY-3); without one, suggestions answer `available: false` and addresses stay unverified. */
  geocoder?: Geocoder | undefined;
  /** Mapy.cz map tiles (ENERGY-3), only with a real key; without them `GET /addresses/map` answers `available: false`. */
  mapTiles?: MapyTileSettings | undefined;
  /** Electronic signature through Signi (CONTRACT-2); without it signature requests answer `signature.not_configured`. */
  signing?: SigningSetup | undefined;
};

/** Request bodies above this are answered 413 before they are parsed. */
export const bodyLimitBytes = 1024 * 1024;

export const buildApp = async (options: AppOptions) => {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: bodyLimitBytes,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('db', options.db);
  app.decorate('geocoder', options.geocoder ?? null);
  app.decorate('mapTiles', options.mapTiles ?? null);
  app.decorate('signing', options.signing ?? null);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kilowatt API',
        version: '1',
        description: 'The CRM for electricity and gas sales. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kw_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes({ sessionHours: options.sessionHours, secureCookies: options.secureCookies }));
      await api.register(ownerRoutes);
      await api.register(teamRoutes);
      await api.register(userRoutes);
      await api.register(codeListRoutes);
      await api.register(energyReferenceRoutes);
      await api.register(clientRoutes);
      await api.register(contactRoutes);
      await api.register(searchRoutes);
      await api.register(addressRoutes);
      await api.register(supplyPointRoutes);
      await api.register(importRoutes);
      await api.register(meterRoutes);
      await api.register(activityRoutes);
      await api.register(calendarRoutes);
      await api.register(processRoutes);
      await api.register(caseRoutes);
      await api.register(contractRoutes);
      await api.register(commissionRoutes);
      await api.register(queueRoutes);
      await api.register(leadRoutes);
      await api.register(leadImportRoutes);
      await api.register(signatureRequestRoutes);
      await api.register(priceListRoutes);
      await api.register(offerRoutes);
      await api.register(documentRoutes);
      await api.register(dataSentenceRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request) => {
      throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    });
  }
  return app;
};

export type App = Awaited<ReturnType<typeof buildApp>>;
