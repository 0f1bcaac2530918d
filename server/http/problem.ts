import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusOf, type FieldProblem } from './errors.js';

const problemType = (code: string) => `https://kilowatt.dev/problems/${code.replace(/\./g, '/')}`;

const titles: Record<number, string> = {
  400: 'Invalid input',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  502: 'Bad gateway',
  503: 'Service unavailable',
  500: 'Internal error',
};

export type Problem = { type: string; title: string; status: number; code: string; detail: string; errors?: FieldProblem[] };

const problem = (status: number, code: string, detail: string, errors?: FieldProblem[]): Problem => ({
  type: problemType(code),
  title: titles[status] ?? 'Error',
  status,
  code,
  detail,
  ...(errors ? { errors } : {}),
});

/**
 * The problem+json body of an AppError that is not answered at once but kept, e.g. why a background import
 * failed: the same shape, code and status as if a request had been refused with it.
 */
export const problemOf = (error: Pick<AppError, 'code' | 'message' | 'errors'>): Problem =>
  problem(statusOf(error.code), error.code, error.message, error.errors);

const send = (reply: FastifyReply, status: number, code: string, detail: string, errors?: FieldProblem[]) =>
  reply.code(status).type('application/problem+json').send(problem(status, code, detail, errors));

type ZodLikeIssue = { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> };

/** One zod issue → one problem per field; unknown keys are reported one per key, each by its name. */
const fieldProblems = (issue: ZodLikeIssue): FieldProblem[] => {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const keys = issue.params?.keys;
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    return keys.map((key) => {
      const full = path ? `${path}.${String(key)}` : String(key);
      return { path: full, code: 'unrecognized_keys', message: `${full}: unknown field` };
    });
  }
  const rule = typeof issue.params?.params === 'object' && issue.params.params ? (issue.params.params as { rule?: string }).rule : undefined;
  const code = rule ?? (issue.params?.format ? `invalid_format` : issue.keyword);
  return [{ path, code, message: `${path || 'body'}: ${issue.message ?? code}` }];
};

/** The one place every error becomes RFC 9457 problem+json. */
export const handleError = (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return send(reply, statusOf(error.code), error.code, error.message, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.flatMap((issue) => fieldProblems(issue as unknown as ZodLikeIssue));
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    return send(reply, 400, 'validation', `Invalid ${where}: ${errors.map((e) => e.message).join('; ')}`, errors);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(reply, 413, 'payload_too_large', 'The request body is larger than the limit of 1 MiB');
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, 415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json');
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && fastifyError.statusCode === 400)) {
    return send(reply, 400, 'invalid_json', 'The request body is not valid JSON', [
      { path: 'body', code: 'invalid_json', message: 'body: not valid JSON' },
    ]);
  }
  if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return send(reply, 400, 'invalid_json', 'The request body is empty', [{ path: 'body', code: 'required', message: 'body: required' }]);
  }
  const pgCode = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (pgCode === '23505') return send(reply, 409, 'duplicate', 'A record with these values already exists');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return send(reply, fastifyError.statusCode, 'invalid_request', fastifyError.message);
  }
  // Unknown failures keep their detail in the log only.
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, 'internal', 'Something went wrong; the error was logged');
};
