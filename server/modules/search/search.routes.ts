import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { search, searchHitTypes } from './search.service.js';

const SearchHit = z.object({ type: z.enum(searchHitTypes), id: z.uuid(), title: z.string(), subtitle: z.string().nullable(), url: z.string() });

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'One search over every record type you may see',
        querystring: z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.object({ items: z.array(SearchHit) }) },
      },
    },
    async (request) => ({ items: await search(contextOf(request), request.query.q, request.query.limit) }),
  );
};
