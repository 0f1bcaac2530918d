import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/auth-plugin.js';
import { AddressSuggestQuery, AddressSuggestResponse } from './addresses.api.js';
import { suggestAddresses } from './addresses.service.js';

const tags = ['addresses'];

export const addressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/addresses/suggest',
    {
      schema: {
        tags,
        summary: 'Address suggestions while typing (ENERGY-3)',
        description:
          'Answers 200 with `available: false` and no items when the geocoder is not configured, down or too slow; the form then accepts the address as typed.',
        querystring: AddressSuggestQuery,
        response: { 200: AddressSuggestResponse },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { q, limit, lang } = request.query;
      return suggestAddresses(request.server.geocoder, q, { limit, ...(lang ? { lang } : {}), log: ctx.log });
    },
  );
};
