import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, sessionCookie } from '../../http/auth-plugin.js';
import { AppError } from '../../http/errors.js';
import { CommitResponse, ErrorsPage, ErrorsQuery, ImportResponse, UploadQuery, UploadResponse, ValidateBody, ValidateResponse } from './imports.api.js';
import { commitImport, getImport, listImportErrors, uploadImport, validateImport } from './imports.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['imports'];

/** The largest file an import accepts; the body is refused while it arrives, never read beyond this. */
export const uploadLimitBytes = 20 * 1024 * 1024;

const tooLarge = () => new AppError('payload_too_large', `The file is larger than the limit of ${uploadLimitBytes / 1024 / 1024} MB`);

/** Reads the raw body up to the limit: a declared length above it is refused before reading, a stream stopped at it. */
const readBody = (request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const limit = uploadLimitBytes;
    if (Number(request.headers['content-length']) > limit) {
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
      if (size > limit) {
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

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload takes the file itself as the body, whatever type it is declared as (the content decides):
  // its own scope replaces the JSON parser with a raw reader for every content type.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request: FastifyRequest, payload: NodeJS.ReadableStream) => {
      if (String(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) {
        throw new AppError('unsupported_media_type', 'Send the file itself as the request body, not as multipart form data');
      }
      return readBody(request, payload);
    });
    // Sign-in is checked after the body is read (preValidation, for every route); refuse anonymous uploads
    // before reading up to 20 MB of them.
    scope.addHook('preParsing', async (request) => {
      if (!request.headers.authorization && !request.cookies[sessionCookie]) throw new AppError('auth.unauthenticated', 'Sign in first');
    });
    const upload = scope.withTypeProvider<ZodTypeProvider>();
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
          consumes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
          querystring: UploadQuery,
          response: { 201: UploadResponse },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.code(201).send(await uploadImport(contextOf(request), body, request.query.filename));
      },
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
