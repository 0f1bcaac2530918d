import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../http/auth-plugin.js';
import { AddressMapResponse, AddressSuggestQuery, AddressSuggestResponse } from './addresses.api.js';
import { describeAddressMap, suggestAddresses } from './addresses.service.js';

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

  app.get(
    '/addresses/map',
    {
      schema: {
        tags,
        summary: 'Whether the web can show a map of an address, and its tiles (ENERGY-3)',
        description:
          'With a Mapy.cz API key configured: `available: true`, the raster tile URL template (it carries the browser key, ' +
          'which is meant to be restricted by HTTP referer in the Mapy.cz console) and the attribution and logo the terms ' +
          'require. Without a key, and in demo mode against the local fake, `{ available: false }`.',
        response: { 200: AddressMapResponse },
      },
    },
    // Signed-in users only (the answer carries the browser key): contextOf answers 401 to anyone else.
    async (request) => {
      contextOf(request);
      return describeAddressMap(request.server.mapTiles);
    },
  );
};
