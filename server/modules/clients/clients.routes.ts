import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { formattersFor, translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { codeLabels, type CodeLabel } from '../code-lists/code-lists.service.js';
import { userNames } from '../users/users.service.js';
import {
  ClientCreateBody,
  ClientExportQuery,
  ClientListQuery,
  ClientPage,
  ClientResponse,
  ClientUpdateBody,
  VersionBody,
} from './clients.api.js';
import {
  archiveClient,
  clientHistory,
  createClient,
  getClient,
  listClients,
  listClientsForExport,
  restoreClient,
  updateClient,
} from './clients.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['clients'];

/**
 * The list's columns, in the list's order: the export shows exactly these, with the labels the UI shows in the
 * caller's language (kind and status from the translations, country names from Intl, code lists by label).
 */
const exportColumns = (language: Language, label: CodeLabel): ExportColumn<ClientResponse>[] => {
  const h = (field: string) => translate(language, `clients.fields.${field}`);
  const format = formattersFor(language);
  return [
    { header: h('name'), value: (c) => c.name, width: 36 },
    { header: h('kind'), value: (c) => translate(language, `clients.kind.${c.kind}`) },
    { header: h('companyId'), value: (c) => c.companyId },
    { header: h('vatId'), value: (c) => c.vatId },
    { header: h('country'), value: (c) => format.country(c.country) },
    { header: h('city'), value: (c) => c.address.city },
    { header: h('status'), value: (c) => translate(language, `clients.status.${c.status}`) },
    { header: h('relationshipType'), value: (c) => label('relationshipType', c.relationshipType) },
    { header: h('businessArea'), value: (c) => label('businessArea', c.businessArea), width: 22 },
    { header: h('industry'), value: (c) => label('industry', c.industry), width: 26 },
    { header: h('email'), value: (c) => c.email, width: 28 },
    { header: h('phone'), value: (c) => c.phone },
    { header: h('updatedAt'), value: (c) => c.updatedAt, width: 20 },
  ];
};

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/clients',
    { schema: { tags, summary: 'List clients the caller may see', querystring: ClientListQuery, response: { 200: ClientPage } } },
    async (request) => listClients(contextOf(request), request.query),
  );

  app.get(
    '/clients/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: ClientExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listClientsForExport(ctx, query);
      const language = requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      const label = await codeLabels(ctx, ['relationshipType', 'businessArea', 'industry'], language);
      return sendExport(reply, { format, name: 'clients', sheet: translate(language, 'clients.title'), columns: exportColumns(language, label), rows });
    },
  );

  app.post(
    '/clients',
    { schema: { tags, summary: 'Create a client', body: ClientCreateBody, response: { 201: ClientResponse } } },
    async (request, reply) => reply.code(201).send(await createClient(contextOf(request), request.body)),
  );

  app.get(
    '/clients/:id',
    { schema: { tags, summary: 'One client (404 when outside your rights)', params: IdParams, response: { 200: ClientResponse } } },
    async (request) => getClient(contextOf(request), request.params.id),
  );

  app.patch(
    '/clients/:id',
    {
      schema: {
        tags,
        summary: 'Change a client; send the version you read (409 when stale)',
        params: IdParams,
        body: ClientUpdateBody,
        response: { 200: ClientResponse },
      },
    },
    async (request) => updateClient(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/clients/:id/archive',
    { schema: { tags, summary: 'Archive a client (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: ClientResponse } } },
    async (request) => archiveClient(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/clients/:id/restore',
    { schema: { tags, summary: 'Restore an archived client', params: IdParams, body: VersionBody, response: { 200: ClientResponse } } },
    async (request) => restoreClient(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/clients/:id/history',
    {
      schema: {
        tags,
        summary: "Changes of the client and its contacts, newest first",
        params: IdParams,
        response: { 200: HistoryPage },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await clientHistory(ctx, request.params.id));
    },
  );
};

