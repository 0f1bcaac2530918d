import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, sessionCookie } from '../../http/auth-plugin.js';
import { AppError } from '../../http/errors.js';
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

/** The largest file a lead import accepts, as for supply points; the body is refused while it arrives. */
export const uploadLimitBytes = 20 * 1024 * 1024;

const tooLarge = () =>
  new AppError(
    'payload_too_large',
    `The file is larger than the limit of ${uploadLimitBytes / 1024 / 1024} MB`,
  );

/** Reads the raw body up to the limit: a declared length above it is refused before reading, a stream stopped at it. */
const readBody = (request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > uploadLimitBytes) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > uploadLimitBytes) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });

export const leadImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload takes the file itself as the body, whatever type it is declared as (the content decides).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      if (
        String(request.headers['content-type'] ?? '')
          .toLowerCase()
          .startsWith('multipart/')
      ) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file itself as the request body, not as multipart form data',
        );
      }
      return readBody(request, payload);
    });
    // Refuse anonymous uploads before reading up to 20 MB of them (sign-in is checked after the body otherwise).
    scope.addHook('preParsing', async (request) => {
      if (!request.headers.authorization && !request.cookies[sessionCookie])
        throw new AppError('auth.unauthenticated', 'Sign in first');
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
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
          consumes: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/octet-stream',
          ],
          querystring: LeadUploadQuery,
          response: { 201: LeadUploadResponse },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .code(201)
          .send(
            await uploadLeadImport(contextOf(request), body, {
              fileName: request.query.filename,
              source: request.query.source,
            }),
          );
      },
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
