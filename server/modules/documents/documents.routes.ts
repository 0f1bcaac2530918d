import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { attachmentDisposition } from '../../http/export.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import {
  DocumentTemplateList,
  DocumentTemplatePreviewBody,
  DocumentTemplateResponse,
  DocumentTemplateUpdateBody,
  DocumentTypeParam,
  GeneratedDocumentList,
  GeneratedDocumentListQuery,
  GeneratedDocumentResponse,
  LetterCreateBody,
  PlaceholderList,
} from './documents.api.js';
import {
  createClientLetter,
  documentTemplateHistory,
  getDocumentFile,
  getDocumentTemplate,
  listDocumentsOf,
  listDocumentTemplates,
  listPlaceholders,
  previewDocumentTemplate,
  updateDocumentTemplate,
} from './documents.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['documents'];
const pdfResponse = z.any().describe('application/pdf');

/** `filename*` carries the UTF-8 name; the plain `filename` an ASCII fallback. */


export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/document-templates',
    { schema: { tags, summary: "The owner company's template of every document type", response: { 200: DocumentTemplateList } } },
    async (request) => ({ items: await listDocumentTemplates(contextOf(request)) }),
  );

  app.get(
    '/document-templates/:type',
    { schema: { tags, summary: 'The template of one document type (the built-in default until first saved)', params: DocumentTypeParam, response: { 200: DocumentTemplateResponse } } },
    async (request) => getDocumentTemplate(contextOf(request), request.params.type),
  );

  app.get(
    '/document-templates/:type/placeholders',
    { schema: { tags, summary: 'Placeholders a template of this type may use', params: DocumentTypeParam, response: { 200: PlaceholderList } } },
    async (request) => ({ items: listPlaceholders(contextOf(request), request.params.type) }),
  );

  app.put(
    '/document-templates/:type',
    {
      schema: {
        tags,
        summary: 'Save the template; an unknown placeholder answers 400 listing each; send the version you read (0 for the default)',
        params: DocumentTypeParam,
        body: DocumentTemplateUpdateBody,
        response: { 200: DocumentTemplateResponse },
      },
    },
    async (request) => updateDocumentTemplate(contextOf(request), request.params.type, request.body),
  );

  app.post(
    '/document-templates/:type/preview',
    {
      schema: {
        tags,
        summary: 'Render a template as typed (not saved) with sample data, as PDF',
        params: DocumentTypeParam,
        body: DocumentTemplatePreviewBody,
        response: { 200: pdfResponse },
      },
    },
    async (request, reply) => {
      const pdf = await previewDocumentTemplate(contextOf(request), request.params.type, request.body);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(`${request.params.type}-preview.pdf`)).send(pdf);
    },
  );

  app.get(
    '/document-templates/:type/history',
    { schema: { tags, summary: 'Changes of the template, newest first', params: DocumentTypeParam, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await documentTemplateHistory(ctx, request.params.type));
    },
  );

  app.get(
    '/documents',
    { schema: { tags, summary: "Generated files of a record (e.g. a client's letters)", querystring: GeneratedDocumentListQuery, response: { 200: GeneratedDocumentList } } },
    async (request) => ({ items: await listDocumentsOf(contextOf(request), request.query.recordType, request.query.recordId) }),
  );

  app.get(
    '/documents/:id/download',
    { schema: { tags, summary: 'The file; 404 unless you may see the record it belongs to', params: IdParams, response: { 200: pdfResponse } } },
    async (request, reply) => {
      const file = await getDocumentFile(contextOf(request), request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-sha256', file.sha256)
        .send(file.content);
    },
  );

  app.post(
    '/documents/letters',
    { schema: { tags, summary: 'Write a letter to a client from the letter template; the PDF is kept on the client', body: LetterCreateBody, response: { 201: GeneratedDocumentResponse } } },
    async (request, reply) => reply.code(201).send(await createClientLetter(contextOf(request), request.body)),
  );
};
