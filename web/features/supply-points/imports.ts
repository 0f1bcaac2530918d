import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.js';
import { translateCode } from '../../components/errors.js';
import type { ColumnMapping } from '../../components/import/import-rules.js';
import type { ImportFailure, ImportState, RowError, TargetField, UploadAnswer } from './imports-api.js';

export type Mapping = ColumnMapping<TargetField>;

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
    const error: RowError = {
      row: Number(match[1]),
      path: match[2] ?? '',
      code: problem.code,
      message: problem.message,
    };
    return [
      t('supplyPoints.import.run.failedRow', {
        row: error.row,
        field: rowErrorField(t, error),
        message: rowErrorMessage(t, error),
      }),
    ];
  });
