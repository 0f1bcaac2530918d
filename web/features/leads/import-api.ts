import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, ApiError, type FieldProblem } from '../../api/client.js';
import type { DuplicateKeyField } from '../../../domain/leads/duplicate-keys.js';
import type { LeadTargetField } from '../../../domain/leads/import-mapping.js';

export type LeadImportMapping = Partial<Record<LeadTargetField, string>>;
export type SavedMapping = { source: string; mapping: Record<string, string>; updatedAt: string };

export type LeadUploadAnswer = {
  id: string;
  fileName: string;
  fileType: 'csv' | 'xlsx';
  headers: string[];
  sampleRows: string[][];
  total: number;
  suggestedMapping: Partial<Record<LeadTargetField, string | null>>;
  fields: { field: LeadTargetField; required: boolean }[];
  savedMappings: SavedMapping[];
};

export type LeadRowError = { row: number; path: string; code: string; message: string };

export type LeadValidateAnswer = {
  status: 'validated';
  source: string;
  total: number;
  valid: number;
  invalid: number;
  errorCount: number;
  duplicates: number;
  errors: LeadRowError[];
};

export type MatchedRecord = {
  name: string;
  country: string | null;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: string | null;
};
export type RowMatch = {
  type: 'lead' | 'client' | 'row';
  id?: string;
  row?: number;
  fields: DuplicateKeyField[];
  record: MatchedRecord;
};
export type RowDecision = {
  decision: 'merge' | 'skip' | 'keep';
  targetLeadId: string | null;
  targetClientId: string | null;
};

export type ImportRowItem = {
  row: number;
  values: Record<string, string>;
  errors: { path: string; code: string; message: string }[];
  matches: RowMatch[];
  decision: RowDecision | null;
};

export type ImportFailure = { code: string; detail: string; status: number; errors?: FieldProblem[] };

export type LeadImportState = {
  id: string;
  source: string | null;
  fileName: string;
  status: 'uploaded' | 'validated' | 'running' | 'done' | 'failed';
  phase: 'preparing' | 'writing' | null;
  total: number;
  processed: number;
  created: number;
  merged: number;
  linked: number;
  skipped: number;
  valid: number;
  invalid: number;
  errorCount: number;
  duplicates: number;
  undecided: number;
  error: ImportFailure | null;
  validatedAt: string | null;
};

export type DecisionInput = {
  row: number;
  decision: 'merge' | 'skip' | 'keep';
  targetLeadId?: string | null;
  targetClientId?: string | null;
};

export const leadImportKeys = {
  all: ['leadImports'] as const,
  state: (id: string) => [...leadImportKeys.all, id] as const,
  rows: (id: string, filter: string, validatedAt: string, cursor: number | undefined) =>
    [...leadImportKeys.all, id, 'rows', filter, validatedAt, cursor ?? 0] as const,
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
 * Sends the file itself as the body with its name in the query, and reports the bytes sent so far.
 * XMLHttpRequest, because fetch cannot tell upload progress.
 */
export const uploadLeadFile = (
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<LeadUploadAnswer> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/lead-imports', { filename: file.name }));
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
          resolve(JSON.parse(xhr.responseText) as LeadUploadAnswer);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'unknown', detail: 'unreadable answer' }));
        }
      } else reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', detail: 'upload failed' }));
    xhr.send(file);
  });

export const useUploadLeadFile = () =>
  useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (sent: number, total: number) => void }) =>
      uploadLeadFile(file, onProgress),
  });

export const useValidateLeadImport = (id: string) =>
  useMutation({
    mutationFn: (body: { source: string; mapping: LeadImportMapping }) =>
      api.post<LeadValidateAnswer>(`/lead-imports/${id}/validate`, body),
  });

/** Decisions change the import's undecided count: its state is asked again after each. */
export const useDecideRows = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decisions: DecisionInput[]; rest?: 'skip' | 'keep' }) =>
      api.put<{ duplicates: number; decided: number; undecided: number }>(
        `/lead-imports/${id}/decisions`,
        body,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: leadImportKeys.state(id) });
      await queryClient.invalidateQueries({ queryKey: [...leadImportKeys.all, id, 'rows'] });
    },
  });
};

export const useCommitLeadImport = (id: string) =>
  useMutation({
    mutationFn: () => api.post<{ id: string; status: 'running' }>(`/lead-imports/${id}/commit`),
  });

export const useImportRows = (
  id: string,
  filter: 'errors' | 'duplicates',
  validatedAt: string,
  cursor: number | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: leadImportKeys.rows(id, filter, validatedAt, cursor),
    queryFn: ({ signal }) =>
      api.get<{ items: ImportRowItem[]; nextCursor: number | null }>(
        `/lead-imports/${id}/rows`,
        { filter, cursor, limit },
        signal,
      ),
    placeholderData: (previous) => previous,
  });

/** How often the progress is asked while the import runs. */
export const importPollMs = 700;

/** The import's state; asked every ~700 ms while it runs. */
export const useLeadImportState = (id: string, poll: boolean) =>
  useQuery({
    queryKey: leadImportKeys.state(id),
    queryFn: ({ signal }) => api.get<LeadImportState>(`/lead-imports/${id}`, undefined, signal),
    refetchInterval: (query) =>
      poll && query.state.status !== 'error' && query.state.data?.status === 'running' ? importPollMs : false,
    staleTime: 0,
  });
