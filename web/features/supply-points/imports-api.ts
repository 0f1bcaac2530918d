import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type FieldProblem, type Page } from '../../api/client.js';
import {
  importKeysOf,
  useImportStateOf,
  type ImportKind,
  type ImportStatus,
} from '../../components/import/import-api.js';

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

export const supplyPointImports: ImportKind = { path: '/supply-point-imports', key: 'supplyPointImports' };

export const importKeys = {
  ...importKeysOf(supplyPointImports.key),
  errors: (id: string, validatedAt: string, cursor: string | undefined) =>
    [...importKeys.all, id, 'errors', validatedAt, cursor ?? ''] as const,
};

export const useValidateImport = (id: string) =>
  useMutation({
    mutationFn: (mapping: ImportMapping) =>
      api.post<ValidateAnswer>(`/supply-point-imports/${id}/validate`, { mapping }),
  });

/** One page of the last check's errors; `validatedAt` keys the pages, so a new check never shows old pages. */
export const useImportErrors = (id: string, validatedAt: string, cursor: string | undefined, limit: number) =>
  useQuery({
    queryKey: importKeys.errors(id, validatedAt, cursor),
    queryFn: ({ signal }) =>
      api.get<Page<RowError>>(`/supply-point-imports/${id}/errors`, { cursor, limit }, signal),
    placeholderData: (previous) => previous,
  });

/** The import's state, asked again every ~700 ms while it is running. */
export const useImportState = (id: string, enabled: boolean) =>
  useImportStateOf<ImportState>(supplyPointImports, id, {
    enabled,
    pollWhile: (status) => status !== 'done' && status !== 'failed',
  });
