import { isApiError } from '../../api/client.js';
import type { ImportStatus } from './import-api.js';

// The rules every file import (leads, supply points) follows: the file it takes, the mapping of its columns to
// the import's fields, and its progress. Each import's own rules stay in its feature.

// ------------------------------------------------------------------------------------------ the file

/** The largest file the server takes (20 MB); a larger one is refused before it is sent. */
export const uploadLimitBytes = 20 * 1024 * 1024;

/** What the file input offers: CSV and Excel workbooks (the server decides by the content). */
export const acceptedFileTypes =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type FileProblem =
  | 'not_a_spreadsheet'
  | 'empty'
  | 'payload_too_large'
  | 'malformed_csv'
  | 'too_many_columns'
  | 'too_many_rows'
  | 'unsupported_media_type';

const fileProblems = new Set<string>([
  'not_a_spreadsheet',
  'empty',
  'payload_too_large',
  'malformed_csv',
  'too_many_columns',
  'too_many_rows',
  'unsupported_media_type',
]);

/** A file the browser can already tell will be refused: empty, or over the size limit. */
export const fileProblemBeforeUpload = (file: Pick<File, 'size'>): FileProblem | null =>
  file.size === 0 ? 'empty' : file.size > uploadLimitBytes ? 'payload_too_large' : null;

/** Why the server refused the file, when it was the file (its kind, size, emptiness) and not something else. */
export const fileProblemOf = (error: unknown): FileProblem | null => {
  if (!isApiError(error)) return null;
  if (error.status === 413 || error.code === 'payload_too_large') return 'payload_too_large';
  if (error.code === 'unsupported_media_type') return 'unsupported_media_type';
  const problem = error.errors.find((p) => p.path === 'file' && fileProblems.has(p.code));
  return problem ? (problem.code as FileProblem) : null;
};

/** "1.2 MB" for the upload's progress line. */
export const formatBytes = (
  bytes: number,
  number: (n: number, o?: Intl.NumberFormatOptions) => string,
): string =>
  bytes < 1024
    ? `${number(bytes)} B`
    : bytes < 1024 * 1024
      ? `${number(bytes / 1024, { maximumFractionDigits: 0 })} kB`
      : `${number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

// ------------------------------------------------------------------------------------------ column mapping

/** For each field of the import, the file's column (its header) that fills it; null for an unmapped field. */
export type ColumnMapping<Field extends string> = Record<Field, string | null>;

/** The validate body: mapped fields only (an unmapped field stays empty on every row). */
export const mappingToBody = <Field extends string>(
  mapping: ColumnMapping<Field>,
): Partial<Record<Field, string>> => {
  const body: Partial<Record<Field, string>> = {};
  for (const [field, header] of Object.entries(mapping) as [Field, string | null][]) {
    if (header) body[field] = header;
  }
  return body;
};

/** Required fields the mapping leaves without a column. */
export const missingRequired = <Field extends string>(
  fields: readonly { field: Field; required: boolean }[],
  mapping: ColumnMapping<Field>,
): Field[] => fields.filter((f) => f.required && !mapping[f.field]).map((f) => f.field);

/** Headers chosen for more than one field: allowed, but usually a mistake worth pointing out. */
export const reusedHeaders = <Field extends string>(mapping: ColumnMapping<Field>): Set<string> => {
  const seen = new Set<string>();
  const reused = new Set<string>();
  for (const header of Object.values<string | null>(mapping)) {
    if (!header) continue;
    if (seen.has(header)) reused.add(header);
    seen.add(header);
  }
  return reused;
};

/** The first few non-empty values of a column in the sample rows, to show next to its choice. */
export const columnSamples = (
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  header: string | null,
  count = 3,
): string[] => {
  const index = header ? headers.indexOf(header) : -1;
  if (index < 0) return [];
  return sampleRows
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean)
    .slice(0, count);
};

// ------------------------------------------------------------------------------------------ progress

/** What the progress bar reads of an import's state. */
export type ImportProgress = {
  status: ImportStatus;
  phase: 'preparing' | 'writing' | null;
  processed: number;
  total: number;
};

/**
 * The progress bar's percentage: checking the rows fills it up to 90 %, writing them (one transaction, no
 * finer progress) stands at 95 %, done is 100 %.
 */
export const progressPercent = (state: ImportProgress): number => {
  if (state.status === 'done') return 100;
  if (state.status !== 'running') return 0;
  if (state.phase === 'writing') return 95;
  if (state.total <= 0) return 0;
  return Math.min(90, Math.round((state.processed / state.total) * 90));
};
