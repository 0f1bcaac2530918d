import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { setImmediate as yieldToOtherRequests } from 'node:timers/promises';
import type { z } from 'zod';
import type { ServiceContext } from '../../context.js';
import { sessionCookie } from '../../http/auth-plugin.js';
import { AppError, isAppErrorCode, type FieldProblem } from '../../http/errors.js';
import { problemOf } from '../../http/problem.js';
import type { Actor } from '../auth/permissions.js';
import { emptyFile, type FileType, type SheetReader, type SheetRow } from './imports.files.js';

/*
 * What every import of a file (supply points, leads) does the same way: the upload of the raw file, who sees an
 * import, the file's rows stored and read in chunks, the mapping checked against the headers, and the failure
 * stored for the wizard. What the rows become stays with each kind.
 */

/** Rows read, checked and written per statement: bounded memory and parameters (PostgreSQL allows 65,535). */
export const chunkSize = 1000;
/** Errors the validation answer lists; the rest are paged through the import's errors or rows. */
export const errorsInAnswer = 200;

// ------------------------------------------------------------------------------------------ upload route

/** The largest file an import accepts; the body is refused while it arrives, never read beyond this. */
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

/** The content types an upload names in the API description; the content decides the kind. */
export const uploadContentTypes = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/**
 * Registers the upload route(s) in a scope of their own: the file itself is the body, whatever type it is
 * declared as (the content decides), so the JSON parser is replaced with a raw reader for every content type.
 */
export const registerFileUpload = async (app: UploadScope, routes: (upload: UploadScope) => void) =>
  app.register(async (scope) => {
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
    // Sign-in is checked after the body is read (preValidation, for every route); refuse anonymous uploads
    // before reading up to 20 MB of them.
    scope.addHook('preParsing', async (request) => {
      if (!request.headers.authorization && !request.cookies[sessionCookie])
        throw new AppError('auth.unauthenticated', 'Sign in first');
    });
    routes(scope.withTypeProvider<ZodTypeProvider>());
  });

/** The uploaded body as a buffer (an empty one when none came). */
export const uploadedFile = (request: FastifyRequest): Buffer =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

/** A Fastify instance whose routes validate with zod, as every module's routes are. */
type UploadScope = Parameters<FastifyPluginAsyncZod>[0];

// ------------------------------------------------------------------------------------------ access

type UserActor = Actor & { kind: 'user' };

export const userOf = (ctx: ServiceContext): UserActor => {
  if (ctx.actor.kind !== 'user') throw new AppError('auth.forbidden', 'Imports belong to a user');
  return ctx.actor;
};

/** SECURITY: an import is visible to the user who uploaded it and to administrators; to anyone else it does not exist. */
export const readableBy = (actor: Actor, createdBy: PgColumn): SQL | undefined =>
  actor.kind === 'system' || actor.roleKeys.includes('administrator')
    ? undefined
    : eq(createdBy, actor.userId);

export const wrongStatus = (row: { status: string }, step: string) =>
  new AppError('import.wrong_status', `The import is ${row.status}; it cannot be ${step} now`, {
    errors: [{ path: 'status', code: row.status, message: `status: the import is ${row.status}` }],
  });

/** A commit refused because rows have errors: `again` says what the user does next. */
export const invalidRowsRefusal = (row: { invalid: number; errorCount: number }, again: string) =>
  new AppError(
    'import.invalid_rows',
    `${row.invalid} rows have errors; fix the file or the mapping and ${again}`,
    {
      errors: [
        { path: 'file', code: 'invalid_rows', message: `${row.invalid} rows have ${row.errorCount} errors` },
      ],
    },
  );

/** A stored failure as problem+json; one stored before failures had codes reads as `internal`. */
export const storedFailure = (row: {
  error: string | null;
  errorCode: string | null;
  errorDetails: FieldProblem[] | null;
}) => {
  if (row.error === null && row.errorCode === null) return null;
  const code = row.errorCode !== null && isAppErrorCode(row.errorCode) ? row.errorCode : 'internal';
  return problemOf({ code, message: row.error ?? '', errors: row.errorDetails ?? undefined });
};

/** The columns a failed import is stored with (besides its version): why, with the code the UI translates. */
export const failedImport = (failure: AppError, now: Date) => ({
  status: 'failed' as const,
  phase: null,
  error: failure.message,
  errorCode: failure.code,
  errorDetails: failure.errors ?? null,
  finishedAt: now,
});

/** The import a job payload names, if it names one at all. */
export const importIdOf = (payload: Record<string, unknown>): string | null => {
  const id = String(payload.importId ?? '');
  return /^[0-9a-f-]{36}$/i.test(id) ? id : null;
};

// ------------------------------------------------------------------------------------------ the file's rows

/** The name the wizard shows: the file's own without folders, else a default by its kind. */
export const uploadedFileName = (
  fileName: string | undefined,
  fileType: FileType,
  defaults: Record<FileType, string>,
): string => (fileName?.split(/[\\/]/).pop() ?? '').trim().slice(0, 255) || defaults[fileType];

/**
 * Reads the file row by row (streaming for XLSX) and hands its rows to `write` in chunks, so a large file never
 * sits in memory as objects; answers the first rows and how many there are. A file without rows is refused.
 */
export const storeSheetRows = async (
  sheet: SheetReader,
  write: (rows: SheetRow[]) => Promise<unknown>,
): Promise<{ sampleRows: string[][]; total: number }> => {
  const sampleRows: string[][] = [];
  let total = 0;
  let batch: SheetRow[] = [];
  for await (const data of sheet.rows) {
    if (sampleRows.length < 5) sampleRows.push(data.values);
    batch.push({ rowNumber: data.rowNumber, values: data.values });
    total += 1;
    if (batch.length >= chunkSize) {
      await write(batch);
      batch = [];
      await yieldToOtherRequests();
    }
  }
  if (total === 0) throw emptyFile();
  if (batch.length > 0) await write(batch);
  return { sampleRows, total };
};

/** The import's stored rows in file order, a chunk at a time (`read` gives the rows after a row number). */
export async function* rowChunks(read: (after: number, limit: number) => Promise<SheetRow[]>) {
  let after = 0;
  for (;;) {
    const chunk = await read(after, chunkSize);
    if (chunk.length === 0) return;
    after = chunk[chunk.length - 1]!.rowNumber;
    yield chunk;
  }
}

// ------------------------------------------------------------------------------------------ checking

/** The mapping against the file's headers: every required field mapped, every header one of the file's. */
export const checkMapping = <Field extends string>(
  mapping: Partial<Record<Field, string | null>>,
  headers: string[],
  fields: readonly Field[],
  required: readonly Field[],
): { columns: Partial<Record<Field, number>>; stored: Record<string, string> } => {
  const errors: FieldProblem[] = [];
  const columns: Partial<Record<Field, number>> = {};
  const stored: Record<string, string> = {};
  for (const field of fields) {
    const header = mapping[field];
    if (header === null || header === undefined) {
      if (required.includes(field))
        errors.push({
          path: `mapping.${field}`,
          code: 'required',
          message: `mapping.${field}: choose the column that holds it`,
        });
      continue;
    }
    const index = headers.indexOf(header);
    if (index < 0)
      errors.push({
        path: `mapping.${field}`,
        code: 'unknown_header',
        message: `mapping.${field}: the file has no column "${header}"`,
      });
    columns[field] = index;
    stored[field] = header;
  }
  if (errors.length > 0)
    throw new AppError('validation', errors.map((e) => e.message).join('; '), { errors });
  return { columns, stored };
};

/** A zod issue as the API reports it (problem.ts), at the import's path: the rule a refinement names, else the issue's code. */
export const rowIssueOf = (issue: z.core.$ZodIssue, importPath: (path: string) => string) => {
  const path = importPath(issue.path.map(String).join('.'));
  const rule = (issue as { params?: { rule?: string } }).params?.rule;
  return { path, code: rule ?? issue.code, message: `${path}: ${issue.message}` };
};

/** The first errors by row, as many as `limit`. */
export const firstErrors = <E extends object>(
  errorsByRow: Map<number, E[]>,
  limit: number,
): (E & { row: number })[] => {
  const out: (E & { row: number })[] = [];
  for (const rowNumber of [...errorsByRow.keys()].sort((a, b) => a - b)) {
    for (const error of errorsByRow.get(rowNumber)!) {
      if (out.length >= limit) return out;
      out.push({ row: rowNumber, ...error });
    }
  }
  return out;
};
