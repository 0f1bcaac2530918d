export type FieldProblem = { path: string; code: string; message: string };

/**
 * Every failure a service reports. `code` is stable: the web maps it to `errors.<code>` in i18n and
 * integrators may branch on it; the HTTP status follows from the code through `statusOf`.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

const statusByCode = {
  /** Input failed validation; `errors` names each field and rule. */
  validation: 400,
  invalid_json: 400,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  /** A cookie-authenticated state change without `X-Requested-With: kilowatt`. */
  'auth.csrf_header_missing': 403,
  'auth.too_many_attempts': 429,
  /** Not found, or outside the caller's rights: the two are never distinguished. */
  not_found: 404,
  /** The row changed since the caller read it (optimistic locking). */
  version_conflict: 409,
  /** A unique constraint the service did not name more precisely. */
  duplicate: 409,
  'client.duplicate_company_id': 409,
  'user.duplicate_email': 409,
  'client.archived': 409,
  'supply_point.duplicate_identifier': 409,
  /** Meters, readings and forecasts of an archived supply point are not changed. */
  'supply_point.archived': 409,
  /** An import with invalid rows cannot be committed; fix the file or the mapping and validate again. */
  'import.invalid_rows': 409,
  /** The import is not in a state that allows this step (not validated yet, running, or done). */
  'import.wrong_status': 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

export const statusOf = (code: AppErrorCode): number => statusByCode[code];

export const notFound = (what = 'Record'): AppError => new AppError('not_found', `${what} not found`);

export const forbidden = (): AppError => new AppError('auth.forbidden', 'Your role may not do this');

export const invalidField = (path: string, code: string, message: string): AppError =>
  new AppError('validation', `${path}: ${message}`, { errors: [{ path, code, message }] });
