import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl, ApiError, type FieldProblem } from '../../api/client.js';

/**
 * What the import wizard's requests need to know of one kind of import (leads, supply points): where its API
 * lives and the first part of its query keys.
 */
export type ImportKind = { path: string; key: string };

export type ImportStatus = 'uploaded' | 'validated' | 'running' | 'done' | 'failed';

/** The query keys every import kind has: all its imports, and one import's state. */
export const importKeysOf = <Key extends string>(key: Key) => ({
  all: [key] as const,
  state: (id: string) => [key, id] as const,
});

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
export const uploadImportFile = <Answer>(
  kind: ImportKind,
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(kind.path, { filename: file.name }));
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
          resolve(JSON.parse(xhr.responseText) as Answer);
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

export type UploadVariables = { file: File; onProgress: (sent: number, total: number) => void };

export const useUploadImportFile = <Answer>(kind: ImportKind) =>
  useMutation({
    mutationFn: ({ file, onProgress }: UploadVariables) => uploadImportFile<Answer>(kind, file, onProgress),
  });

/** Starts the import of a checked file in the background. */
export const useCommitImportOf = (kind: ImportKind, id: string) =>
  useMutation({
    mutationFn: () => api.post<{ id: string; status: 'running' }>(`${kind.path}/${id}/commit`),
  });

/** How often the progress is asked while the import runs. */
export const importPollMs = 700;

/** The import's state; asked again every ~700 ms for as long as `pollWhile` says of its status. */
export const useImportStateOf = <State extends { status: ImportStatus }>(
  kind: ImportKind,
  id: string,
  options: { enabled?: boolean; pollWhile: (status: ImportStatus | undefined) => boolean },
) =>
  useQuery({
    queryKey: importKeysOf(kind.key).state(id),
    queryFn: ({ signal }) => api.get<State>(`${kind.path}/${id}`, undefined, signal),
    enabled: options.enabled ?? true,
    refetchInterval: (query) =>
      query.state.status !== 'error' && options.pollWhile(query.state.data?.status) ? importPollMs : false,
    staleTime: 0,
  });
