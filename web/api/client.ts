/**
 * The one fetch client of the web UI. Every call goes to `/api/v1` with the session cookie; every
 * failure becomes an `ApiError` built from the server's `application/problem+json` body, so screens
 * branch on `code` and translate it (`errors.<code>`), never showing the server's English.
 */

export type FieldProblem = { path: string; code: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  /** Stable problem code, e.g. `version_conflict`, `client.duplicate_company_id`; `network` when offline. */
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** Seconds from the `Retry-After` header (429), when given. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    errors?: FieldProblem[];
    retryAfterSeconds?: number | null;
  }) {
    super(init.detail || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export const apiBase = '/api/v1';

/** Leaves out empty values so `?status=` never reaches the server as an empty filter. */
export const toQueryString = (params: QueryParams = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const apiUrl = (path: string, params?: QueryParams): string =>
  `${apiBase}${path}${toQueryString(params)}`;

// Security: the server refuses cookie-authenticated state changes without this header (CSRF guard).
const stateChanging = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const csrfHeader = { 'X-Requested-With': 'kilowatt' };

const redirectToLogin = () => {
  if (window.location.pathname.startsWith('/login')) return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
};

let unauthorizedHandler: () => void = redirectToLogin;

/** The router registers a soft redirect here; without it a 401 reloads the sign-in page. */
export const setUnauthorizedHandler = (handler: (() => void) | null): void => {
  unauthorizedHandler = handler ?? redirectToLogin;
};

const readProblem = async (response: Response): Promise<ApiError> => {
  const type = response.headers.get('content-type') ?? '';
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<{
        code: string;
        detail: string;
        title: string;
        errors: FieldProblem[];
      }>;
      return new ApiError({
        status: response.status,
        code: body.code ?? `http_${response.status}`,
        detail: body.detail ?? body.title ?? '',
        errors: Array.isArray(body.errors) ? body.errors : [],
        retryAfterSeconds,
      });
    } catch {
      // Fall through to the generic error below: the body was not the JSON it claimed to be.
    }
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    detail: response.statusText,
    retryAfterSeconds,
  });
};

type RequestOptions = { query?: QueryParams; body?: unknown; signal?: AbortSignal | undefined };

const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (stateChanging.has(method)) Object.assign(headers, csrfHeader);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', detail: String(cause) });
  }
  if (!response.ok) {
    const error = await readProblem(response);
    // A wrong password is also 401; only an expired or missing session sends the user to sign in.
    if (response.status === 401 && error.code !== 'auth.invalid_credentials') unauthorizedHandler();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
};

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Lists share one shape: a page of items and the cursor of the next page (null on the last). */
export type Page<T> = { items: T[]; nextCursor: string | null };
export type ItemList<T> = { items: T[] };
