import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl, ApiError, type FieldProblem, type Page } from '../../api/client.js';

/** The fields a supply-point import fills, in the order the server lists them. */
export type TargetField =
  | 'clientCompanyId'
  | 'commodity'
  | 'identifier'
  | 'territoryCode'
  | 'name'
  | 'street'
  | 'city'
  | 'postalCode'
  | 'annualConsumption'
  | 'consumptionUnit'
  | 'currentSupplier'
  | 'currentProduct'
  | 'distributionRate'
  | 'iban'
  | 'paymentMethod'
  | 'status'
  | 'note';

export type ImportMapping = Partial<Record<TargetField, string | null>>;

export type UploadAnswer = {
  id: string;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  headers: string[];
  /** The first data rows, cells in the order of `headers`. */
  sampleRows: string[][];
  total: number;
  suggestedMapping: Partial<Record<TargetField, string | null>>;
  fields: { field: TargetField; required: boolean }[];
};

/** One problem of one row; `row` is the number a spreadsheet shows (the header row is 1). */
export type RowError = {
  row: number;
  path: string;
  code: string;
  message: string;
  /** `duplicate`: the supply point that already has the identifier. */
  supplyPointId?: string;
  /** `duplicate_in_file`: the other rows with the same identifier. */
  rows?: number[];
};

export type ValidateAnswer = {
  status: 'validated';
  total: number;
  valid: number;
  invalid: number;
  errorCount: number;
  errors: RowError[];
};

export type ImportStatus = 'uploaded' | 'validated' | 'running' | 'done' | 'failed';

/**
 * Why an import failed, as problem+json: the UI translates `code`; `errors` name field and rule, a row of the
 * file as `rows.<row>.<field>`. `detail` is the server's English, never shown.
 */
export type ImportFailure = {
  status: number;
  code: string;
  detail: string;
  errors?: FieldProblem[];
};

export type ImportState = {
  id: string;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  status: ImportStatus;
  phase: 'preparing' | 'writing' | null;
  headers: string[];
  total: number;
  processed: number;
  created: number;
  valid: number;
  invalid: number;
  errorCount: number;
  /** Why the import failed; null unless it did. */
  error: ImportFailure | null;
  validatedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  version: number;
};

export const importKeys = {
  all: ['supplyPointImports'] as const,
  state: (id: string) => [...importKeys.all, id] as const,
  errors: (id: string, validatedAt: string, cursor: string | undefined) =>
    [...importKeys.all, id, 'errors', validatedAt, cursor ?? ''] as const,
};

const problemOf = (status: number, text: string): ApiError => {
  try {
    const body = JSON.parse(text) as Partial<{
      code: string;
      detail: string;
      title: string;
      errors: FieldProblem[];
    }>;
    return new ApiError({
      status,
      code: body.code ?? `http_${status}`,
      detail: body.detail ?? body.title ?? '',
      errors: Array.isArray(body.errors) ? body.errors : [],
    });
  } catch {
    return new ApiError({
      status,
      code: status === 413 ? 'payload_too_large' : `http_${status}`,
      detail: text,
    });
  }
};

/**
 * Sends the file itself as the body (its own content type, or octet-stream) with its name in the query, and
 * reports the bytes sent so far. XMLHttpRequest, because fetch cannot tell upload progress.
 */
export const uploadImportFile = (
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/supply-point-imports', { filename: file.name }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    // The server refuses cookie-authenticated state changes without it (CSRF guard), as in api/client.ts.
    xhr.setRequestHeader('X-Requested-With', 'kilowatt');
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadAnswer);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'unknown', detail: 'unreadable answer' }));
        }
      } else reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', detail: 'upload failed' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });

export const useUploadImport = () =>
  useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (sent: number, total: number) => void }) =>
      uploadImportFile(file, onProgress),
  });

export const useValidateImport = (id: string) =>
  useMutation({
    mutationFn: (mapping: ImportMapping) =>
      api.post<ValidateAnswer>(`/supply-point-imports/${id}/validate`, { mapping }),
  });

export const useCommitImport = (id: string) =>
  useMutation({
    mutationFn: () => api.post<{ id: string; status: 'running' }>(`/supply-point-imports/${id}/commit`),
  });

/** One page of the last check's errors; `validatedAt` keys the pages, so a new check never shows old pages. */
export const useImportErrors = (id: string, validatedAt: string, cursor: string | undefined, limit: number) =>
  useQuery({
    queryKey: importKeys.errors(id, validatedAt, cursor),
    queryFn: ({ signal }) =>
      api.get<Page<RowError>>(`/supply-point-imports/${id}/errors`, { cursor, limit }, signal),
    placeholderData: (previous) => previous,
  });

/** How often the progress is asked while the import runs. */
export const importPollMs = 700;

/** The import's state, asked again every ~700 ms while it is running. */
export const useImportState = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: importKeys.state(id),
    queryFn: ({ signal }) => api.get<ImportState>(`/supply-point-imports/${id}`, undefined, signal),
    enabled,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : importPollMs;
    },
    staleTime: 0,
  });
