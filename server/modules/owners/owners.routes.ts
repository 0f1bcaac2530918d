import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountryCode, Version } from '../../../domain/schemas/common.js';
import { contextOf } from '../../http/auth-plugin.js';
import { createOwner, listOwners, updateOwner } from './owners.service.js';

const OwnerResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  country: z.string(),
  companyId: z.string().nullable(),
  currency: z.string(),
  version: z.number().int(),
});

const ownerFields = {
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  companyId: z.string().trim().max(30).nullish(),
  currency: z.enum(['EUR', 'CZK', 'PLN', 'RUB']),
};

export const ownerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['administration'];
  app.get(
    '/owners',
    { schema: { tags, summary: 'Owner companies you work for', response: { 200: z.object({ items: z.array(OwnerResponse) }) } } },
    async (request) => ({ items: await listOwners(contextOf(request)) }),
  );
  app.post(
    '/owners',
    {
      schema: {
        tags,
        summary: 'Create an owner company (administrator)',
        body: z.strictObject({ ...ownerFields, currency: ownerFields.currency.default('EUR') }),
        response: { 201: OwnerResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createOwner(contextOf(request), request.body)),
  );
  app.patch(
    '/owners/:id',
    {
      schema: {
        tags,
        summary: 'Change an owner company (administrator)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject(ownerFields).partial().extend({ version: Version }),
        response: { 200: OwnerResponse },
      },
    },
    async (request) => updateOwner(contextOf(request), request.params.id, request.body),
  );
};
