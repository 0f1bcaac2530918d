import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import {
  registerFileUpload,
  uploadContentTypes,
  uploadedFile,
  uploadLimitBytes,
} from '../imports/import-runs.js';
import {
  CommitResponse,
  DecisionsBody,
  DecisionsResponse,
  LeadImportResponse,
  LeadUploadQuery,
  LeadUploadResponse,
  LeadValidateBody,
  LeadValidateResponse,
  MappingsResponse,
  RowsPage,
  RowsQuery,
} from './leads.import.api.js';
import {
  commitLeadImport,
  decideLeadImportRows,
  getLeadImport,
  listLeadImportRows,
  listSavedMappings,
  uploadLeadImport,
  validateLeadImport,
} from './leads.import.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['leads'];

export const leadImportRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerFileUpload(app, (upload) => {
    upload.post(
      '/lead-imports',
      {
        bodyLimit: uploadLimitBytes,
        schema: {
          tags,
          summary:
            "Upload a CSV or XLSX file of leads, e.g. a lead platform's export (the raw file as the body, at most 20 MB)",
          description:
            'Send the file as the body with its own Content-Type (or application/octet-stream) and ?filename=; the kind is detected ' +
            'from the content. Answers the headers, the first rows, a suggested mapping and the mappings saved per source.',
          consumes: uploadContentTypes,
          querystring: LeadUploadQuery,
          response: { 201: LeadUploadResponse },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await uploadLeadImport(contextOf(request), uploadedFile(request), {
            fileName: request.query.filename,
            source: request.query.source,
          }),
        ),
    );
  });

  app.get(
    '/lead-imports/mappings',
    {
      schema: {
        tags,
        summary: 'Column mappings saved per source for your owner company',
        response: { 200: MappingsResponse },
      },
    },
    async (request) => ({ items: await listSavedMappings(contextOf(request)) }),
  );

  app.get(
    '/lead-imports/:id',
    {
      schema: {
        tags,
        summary: 'State, progress and result of a lead import (its uploader and administrators only)',
        params: IdParams,
        response: { 200: LeadImportResponse },
      },
    },
    async (request) => getLeadImport(contextOf(request), request.params.id),
  );

  app.post(
    '/lead-imports/:id/validate',
    {
      schema: {
        tags,
        summary: 'Check every row with a mapping and find its duplicates; saves the mapping for the source',
        params: IdParams,
        body: LeadValidateBody,
        response: { 200: LeadValidateResponse },
      },
    },
    async (request) => validateLeadImport(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/lead-imports/:id/rows',
    {
      schema: {
        tags,
        summary: 'Rows of the last check with their errors, duplicates (side by side) and decisions',
        params: IdParams,
        querystring: RowsQuery,
        response: { 200: RowsPage },
      },
    },
    async (request) => listLeadImportRows(contextOf(request), request.params.id, request.query),
  );

  app.put(
    '/lead-imports/:id/decisions',
    {
      schema: {
        tags,
        summary:
          'Decide duplicate rows: merge (into the matching lead, or linked to the matching client), skip or keep',
        params: IdParams,
        body: DecisionsBody,
        response: { 200: DecisionsResponse },
      },
    },
    async (request) => decideLeadImportRows(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/lead-imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import every row of a checked file in the background, in one transaction: all rows or none',
        params: IdParams,
        response: { 202: CommitResponse },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await commitLeadImport(contextOf(request), request.params.id)),
  );
};
