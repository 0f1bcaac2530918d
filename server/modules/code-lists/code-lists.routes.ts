import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Version } from '../../../domain/schemas/common.js';
import { contextOf } from '../../http/auth-plugin.js';
import { codeListNames, createCodeListItem, listCodeList, updateCodeListItem } from './code-lists.service.js';

const Item = z.object({
  id: z.uuid(),
  list: z.string(),
  code: z.string(),
  labels: z.record(z.string(), z.string()),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
const Labels = z.partialRecord(z.enum(['en', 'sk', 'cs', 'de', 'pl', 'ru']), z.string().trim().min(1).max(100)).refine((l) => Boolean(l.en), {
  message: 'an English label is required',
  path: ['en'],
});
const ListParams = z.object({ list: z.enum(codeListNames) });

export const codeListRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['code lists'];
  app.get(
    '/code-lists',
    { schema: { tags, summary: 'Names of the administrable code lists', response: { 200: z.object({ items: z.array(z.string()) }) } } },
    async (request) => {
      contextOf(request);
      return { items: [...codeListNames] };
    },
  );
  app.get(
    '/code-lists/:list',
    { schema: { tags, summary: 'Items of one code list', params: ListParams, response: { 200: z.object({ items: z.array(Item) }) } } },
    async (request) => ({ items: await listCodeList(contextOf(request), request.params.list) }),
  );
  app.post(
    '/code-lists/:list/items',
    {
      schema: {
        tags,
        summary: 'Add an item (administrator)',
        params: ListParams,
        body: z.strictObject({ code: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _, starting with a letter'), labels: Labels, sortOrder: z.number().int().min(0).max(10_000).optional() }),
        response: { 201: Item },
      },
    },
    async (request, reply) => reply.code(201).send(await createCodeListItem(contextOf(request), request.params.list, request.body)),
  );
  app.patch(
    '/code-lists/:list/items/:id',
    {
      schema: {
        tags,
        summary: 'Relabel, reorder or deactivate an item (administrator); codes never change',
        params: ListParams.extend({ id: z.uuid() }),
        body: z.strictObject({ labels: Labels.optional(), sortOrder: z.number().int().min(0).max(10_000).optional(), isActive: z.boolean().optional(), version: Version }),
        response: { 200: Item },
      },
    },
    async (request) => updateCodeListItem(contextOf(request), request.params.list, request.params.id, request.body),
  );
};
