import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { registerFileUpload, uploadContentTypes, uploadedFile, uploadLimitBytes } from './import-runs.js';
import { CommitResponse, ErrorsPage, ErrorsQuery, ImportResponse, UploadQuery, UploadResponse, ValidateBody, ValidateResponse } from './imports.api.js';
import { commitImport, getImport, listImportErrors, uploadImport, validateImport } from './imports.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['imports'];

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerFileUpload(app, (upload) => {
    upload.post(
      '/supply-point-imports',
      {
        bodyLimit: uploadLimitBytes,
        schema: {
          tags,
          summary: 'Upload a CSV or XLSX file of supply points (the raw file as the body, at most 20 MB)',
          description:
            'Send the file as the body with Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or ' +
            'application/octet-stream, and ?filename=. The kind is detected from the content. Answers the headers, the first rows and a suggested mapping.',
          consumes: uploadContentTypes,
          querystring: UploadQuery,
          response: { 201: UploadResponse },
        },
      },
      async (request, reply) => reply.code(201).send(await uploadImport(contextOf(request), uploadedFile(request), request.query.filename)),
    );
  });

  app.get(
    '/supply-point-imports/:id',
    { schema: { tags, summary: 'State and progress of an import (its uploader and administrators only)', params: IdParams, response: { 200: ImportResponse } } },
    async (request) => getImport(contextOf(request), request.params.id),
  );

  app.post(
    '/supply-point-imports/:id/validate',
    {
      schema: {
        tags,
        summary: 'Check every row with a mapping, as creating each supply point would; duplicates are reported, never merged',
        params: IdParams,
        body: ValidateBody,
        response: { 200: ValidateResponse },
      },
    },
    async (request) => validateImport(contextOf(request), request.params.id, request.body.mapping),
  );

  app.get(
    '/supply-point-imports/:id/errors',
    { schema: { tags, summary: 'All errors of the last check, by row', params: IdParams, querystring: ErrorsQuery, response: { 200: ErrorsPage } } },
    async (request) => listImportErrors(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/supply-point-imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import every row of a validated file without errors, in the background: all rows or none',
        params: IdParams,
        response: { 202: CommitResponse },
      },
    },
    async (request, reply) => reply.code(202).send(await commitImport(contextOf(request), request.params.id)),
  );
};
