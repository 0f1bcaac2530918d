import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiUrl, type FieldProblem, type ItemList } from '../../api/client.js';

export const documentTypes = ['offer', 'contract', 'letter'] as const;
export type DocumentType = (typeof documentTypes)[number];
export const documentLanguages = ['sk', 'cs', 'en', 'de', 'pl', 'ru'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

export type DocumentTemplate = {
  type: DocumentType;
  ownerId: string;
  language: DocumentLanguage;
  body: string;
  isDefault: boolean;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type Placeholder = { path: string; kind: string; list: string | null };

export const documentKeys = {
  all: ['documentTemplates'] as const,
  list: () => [...documentKeys.all, 'list'] as const,
  placeholders: (type: DocumentType) => [...documentKeys.all, 'placeholders', type] as const,
};

export const useDocumentTemplates = () =>
  useQuery({
    queryKey: documentKeys.list(),
    queryFn: ({ signal }) => api.get<ItemList<DocumentTemplate>>('/document-templates', undefined, signal),
    select: (page) => page.items,
  });

export const usePlaceholders = (type: DocumentType) =>
  useQuery({
    queryKey: documentKeys.placeholders(type),
    queryFn: ({ signal }) => api.get<ItemList<Placeholder>>(`/document-templates/${type}/placeholders`, undefined, signal),
    select: (page) => page.items,
    staleTime: Infinity,
  });

export const useSaveDocumentTemplate = (type: DocumentType) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { language: DocumentLanguage; body: string; version: number }) =>
      api.put<DocumentTemplate>(`/document-templates/${type}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.list() }),
  });
};

/** A file generated for a record (a client's letter, an offer's PDF), as `GET /documents` lists it. */
export type GeneratedDocument = {
  id: string;
  recordType: string;
  recordId: string;
  documentType: DocumentType | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
};

export const generatedDocumentKeys = {
  all: ['generatedDocuments'] as const,
  of: (recordType: string, recordId: string) => [...generatedDocumentKeys.all, recordType, recordId] as const,
};

/** A record's generated files, newest first. */
export const useRecordDocuments = (recordType: string, recordId: string) =>
  useQuery({
    queryKey: generatedDocumentKeys.of(recordType, recordId),
    queryFn: ({ signal }) => api.get<ItemList<GeneratedDocument>>('/documents', { recordType, recordId }, signal),
    select: (page) => page.items,
  });

export type LetterInput = { clientId: string; subject: string; text: string };

/** Writes a letter to a client from the letter template; the PDF is kept on the client. */
export const useCreateLetter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LetterInput) => api.post<GeneratedDocument>('/documents/letters', input),
    onSuccess: (_letter, input) => queryClient.invalidateQueries({ queryKey: generatedDocumentKeys.of('client', input.clientId) }),
  });
};

export const documentDownloadUrl = (id: string): string => apiUrl(`/documents/${id}/download`);

/** The preview is a PDF, not JSON: fetched as a blob and opened as an object URL. */
export const fetchPreview = async (type: DocumentType, input: { language: DocumentLanguage; body: string }): Promise<Blob> => {
  const response = await fetch(apiUrl(`/document-templates/${type}/preview`), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'kilowatt', Accept: 'application/pdf, application/problem+json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string; errors: FieldProblem[] }>;
    throw new ApiError({ status: response.status, code: problem.code ?? `http_${response.status}`, detail: problem.detail ?? '', errors: problem.errors ?? [] });
  }
  return response.blob();
};

/** The placeholder and line a template problem names, read from the server's message (`unknown placeholder "x" (line 3)`). */
export const problemParts = (problem: FieldProblem): { placeholder: string | null; line: number | null } => {
  const placeholder = /"([^"]+)"/.exec(problem.message)?.[1] ?? null;
  const line = /line (\d+)/.exec(problem.message)?.[1];
  return { placeholder, line: line ? Number(line) : null };
};

/** What clicking a placeholder inserts: a value, or a loop block for a list. */
export const snippetOf = (placeholder: Placeholder): string =>
  placeholder.kind === 'list' ? `{{#each ${placeholder.path}}}\n\n{{/each}}` : `{{${placeholder.path}}}`;
