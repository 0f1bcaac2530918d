import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import {
  ExportCreateBody,
  ExportDetail,
  ExportListQuery,
  ExportPage,
  ExportResponse,
  LayoutCreateBody,
  LayoutList,
  LayoutListQuery,
  LayoutResponse,
  LayoutUpdateBody,
} from './data-sentences.api.js';
import {
  createExport,
  createLayout,
  getExport,
  getExportFile,
  getLayout,
  layoutHistory,
  listExports,
  listLayouts,
  updateLayout,
} from './data-sentences.service.js';
import { attachmentDisposition } from '../../http/export.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['data-sentences'];

export const dataSentenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/data-sentence-layouts',
    { schema: { tags, summary: "Partners' data sentence layouts of your owner company", querystring: LayoutListQuery, response: { 200: LayoutList } } },
    async (request) => ({ items: await listLayouts(contextOf(request), request.query) }),
  );

  app.post(
    '/data-sentence-layouts',
    {
      schema: {
        tags,
        summary: "Define a partner's layout (admin.dataSentences); a bad layout answers 400 naming the path, e.g. layout.columns.3.format.pairs",
        body: LayoutCreateBody,
        response: { 201: LayoutResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createLayout(contextOf(request), request.body)),
  );

  app.get(
    '/data-sentence-layouts/:id',
    { schema: { tags, summary: 'One layout', params: IdParams, response: { 200: LayoutResponse } } },
    async (request) => getLayout(contextOf(request), request.params.id),
  );

  app.patch(
    '/data-sentence-layouts/:id',
    { schema: { tags, summary: 'Change a layout; send the version you read (409 when stale)', params: IdParams, body: LayoutUpdateBody, response: { 200: LayoutResponse } } },
    async (request) => updateLayout(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/data-sentence-layouts/:id/history',
    { schema: { tags, summary: 'Changes of the layout, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await layoutHistory(ctx, request.params.id));
    },
  );

  app.post(
    '/data-sentence-exports',
    {
      schema: {
        tags,
        summary:
          'Export the contracts signed in a period (that you may see) in a layout and keep the export; a row that cannot be written answers 400 naming contract, column and rule, and nothing is kept',
        body: ExportCreateBody,
        response: { 201: ExportResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createExport(contextOf(request), request.body)),
  );

  app.get(
    '/data-sentence-exports',
    { schema: { tags, summary: 'Kept exports you may see (every contract in them within your rights), newest first', querystring: ExportListQuery, response: { 200: ExportPage } } },
    async (request) => listExports(contextOf(request), request.query),
  );

  app.get(
    '/data-sentence-exports/:id',
    { schema: { tags, summary: 'A kept export with its layout as exported and every contract and supply point in it', params: IdParams, response: { 200: ExportDetail } } },
    async (request) => getExport(contextOf(request), request.params.id),
  );

  app.get(
    '/data-sentence-exports/:id/file',
    { schema: { tags, summary: 'The kept XLSX, byte for byte as exported', params: IdParams, response: { 200: z.any().describe('XLSX') } } },
    async (request, reply) => {
      const file = await getExportFile(contextOf(request), request.params.id);
      return reply.type(file.mediaType).header('content-disposition', attachmentDisposition(file.fileName)).header('x-content-sha256', file.sha256).send(file.content);
    },
  );
};
