import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type FieldProblem } from '../../api/client.js';
import {
  importKeysOf,
  useImportStateOf,
  type ImportKind,
  type ImportStatus,
} from '../../components/import/import-api.js';
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
  status: ImportStatus;
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

export const leadImports: ImportKind = { path: '/lead-imports', key: 'leadImports' };

export const leadImportKeys = {
  ...importKeysOf(leadImports.key),
  rows: (id: string, filter: string, validatedAt: string, cursor: number | undefined) =>
    [...leadImportKeys.all, id, 'rows', filter, validatedAt, cursor ?? 0] as const,
};

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

/** The import's state; asked every ~700 ms while it runs. */
export const useLeadImportState = (id: string, poll: boolean) =>
  useImportStateOf<LeadImportState>(leadImports, id, { pollWhile: (status) => poll && status === 'running' });
