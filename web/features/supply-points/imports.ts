import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.js';
import { translateCode } from '../../components/errors.js';
import type {
  ImportFailure,
  ImportMapping,
  ImportState,
  RowError,
  TargetField,
  UploadAnswer,
} from './imports-api.js';

/** The largest file the server takes (20 MB); a larger one is refused before it is sent. */
export const uploadLimitBytes = 20 * 1024 * 1024;

/** What the file input offers: CSV and Excel workbooks (the server decides by the content). */
export const acceptedFileTypes =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Mapping = Record<TargetField, string | null>;

/**
 * The mapping the wizard starts with: the server's suggestion for each target field, where the header really
 * is one of the file's; every other field unmapped.
 */
export const initialMapping = (
  fields: UploadAnswer['fields'],
  suggested: UploadAnswer['suggestedMapping'],
  headers: readonly string[],
): Mapping => {
  const mapping = {} as Mapping;
  for (const { field } of fields) {
    const header = suggested[field] ?? null;
    mapping[field] = header !== null && headers.includes(header) ? header : null;
  }
  return mapping;
};

/** The validate body: mapped fields only (an unmapped field stays empty on every row). */
export const mappingToBody = (mapping: Mapping): ImportMapping => {
  const body: ImportMapping = {};
  for (const [field, header] of Object.entries(mapping) as [TargetField, string | null][]) {
    if (header) body[field] = header;
  }
  return body;
};

/** Required target fields the mapping leaves without a column. */
export const missingRequired = (fields: UploadAnswer['fields'], mapping: Mapping): TargetField[] =>
  fields.filter((f) => f.required && !mapping[f.field]).map((f) => f.field);

/** Headers chosen for more than one field: allowed, but usually a mistake worth pointing out. */
export const reusedHeaders = (mapping: Mapping): Set<string> => {
  const seen = new Set<string>();
  const reused = new Set<string>();
  for (const header of Object.values(mapping)) {
    if (!header) continue;
    if (seen.has(header)) reused.add(header);
    seen.add(header);
  }
  return reused;
};

/** The first few non-empty values of a column in the sample rows, to show next to its Select. */
export const columnSamples = (
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  header: string | null,
  count = 3,
): string[] => {
  if (!header) return [];
  const index = headers.indexOf(header);
  if (index < 0) return [];
  return sampleRows
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean)
    .slice(0, count);
};

/** The server's problem paths for the mapping: `mapping.identifier` → `identifier`. */
export const mappingProblems = (error: unknown): Partial<Record<TargetField, string>> => {
  const result: Partial<Record<TargetField, string>> = {};
  if (!isApiError(error)) return result;
  for (const problem of error.errors) {
    const match = /^mapping\.(\w+)$/.exec(problem.path);
    if (match) result[match[1] as TargetField] = problem.code;
  }
  return result;
};

// ------------------------------------------------------------------------------------------ file problems

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

// ------------------------------------------------------------------------------------------ row errors

export type ErrorKind = 'duplicate' | 'duplicate_in_file' | 'other';

export const errorKind = (error: Pick<RowError, 'code'>): ErrorKind =>
  error.code === 'duplicate'
    ? 'duplicate'
    : error.code === 'duplicate_in_file'
      ? 'duplicate_in_file'
      : 'other';

/**
 * A row error in the user's language when its rule has a translation (the import's own rules, then the general
 * field rules); otherwise the server's message, which names the value.
 */
export const rowErrorMessage = (t: TFunction, error: RowError): string =>
  translateCode(t, 'supplyPoints.import.rules', error.code, { rows: (error.rows ?? []).join(', ') }) ??
  translateCode(t, 'validation', error.code) ??
  error.message;

/** The target field a row error is about, as the wizard names it; `row` for the row as a whole. */
export const rowErrorField = (t: TFunction, error: Pick<RowError, 'path'>): string =>
  translateCode(t, 'supplyPoints.import.fields', error.path) ??
  translateCode(t, 'supplyPoints.fields', error.path) ??
  error.path;

// ------------------------------------------------------------------------------------------ progress

/**
 * The progress bar's percentage: checking the rows fills it up to 90 %, writing them (one transaction, no
 * finer progress) stands at 95 %, done is 100 %.
 */
export const progressPercent = (
  state: Pick<ImportState, 'status' | 'phase' | 'processed' | 'total'>,
): number => {
  if (state.status === 'done') return 100;
  if (state.status !== 'running') return 0;
  if (state.phase === 'writing') return 95;
  if (state.total <= 0) return 0;
  return Math.min(90, Math.round((state.processed / state.total) * 90));
};

/** After the import: the supply point list showing exactly the supply points this import created. */
export const importedSupplyPointsUrl = (importId: string): string =>
  `/supply-points?${new URLSearchParams({ importId }).toString()}`;

// ------------------------------------------------------------------------------------------ failure

/** Why the import failed, in the user's language by its code: the import's own wording, else the general one. */
export const importFailureMessage = (
  t: TFunction,
  failure: Pick<ImportFailure, 'code'>,
  state: Pick<ImportState, 'invalid'>,
): string =>
  translateCode(t, 'supplyPoints.import.failures', failure.code, { count: state.invalid }) ??
  translateCode(t, 'errors', failure.code) ??
  t('errors.unknown');

const rowPath = /^rows\.(\d+)\.(.+)$/;

/**
 * The rows the failure names ("Row 3, EIC/EAN code: …"), each in the user's language as the check step shows
 * row errors; problems that are not about one row are left out.
 */
export const importFailureRows = (t: TFunction, failure: Pick<ImportFailure, 'errors'>): string[] =>
  (failure.errors ?? []).flatMap((problem) => {
    const match = rowPath.exec(problem.path);
    if (!match) return [];
    const error: RowError = { row: Number(match[1]), path: match[2] ?? '', code: problem.code, message: problem.message };
    return [
      t('supplyPoints.import.run.failedRow', {
        row: error.row,
        field: rowErrorField(t, error),
        message: rowErrorMessage(t, error),
      }),
    ];
  });

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
