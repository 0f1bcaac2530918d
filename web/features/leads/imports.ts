import type { TFunction } from 'i18next';
import { suggestLeadMapping, type LeadTargetField } from '../../../domain/leads/import-mapping.js';
import { translateCode } from '../../components/errors.js';
import type {
  ImportRowItem,
  LeadImportMapping,
  LeadImportState,
  LeadUploadAnswer,
  RowMatch,
  SavedMapping,
} from './import-api.js';

export type Mapping = Record<LeadTargetField, string | null>;

/** The mapping saved for a source (exact name, any case), if any. */
export const savedMappingOf = (saved: readonly SavedMapping[], source: string): SavedMapping | null =>
  saved.find((m) => m.source.toLowerCase() === source.trim().toLowerCase()) ?? null;

/**
 * The mapping a source starts with: the one saved for it where the file still has its headers, the rest by the
 * headers' names (the same rule the server suggests with).
 */
export const mappingForSource = (
  upload: Pick<LeadUploadAnswer, 'headers' | 'savedMappings'>,
  source: string,
): Mapping =>
  suggestLeadMapping(upload.headers, savedMappingOf(upload.savedMappings, source)?.mapping ?? null);

/** The validate body: mapped fields only. */
export const mappingToBody = (mapping: Mapping): LeadImportMapping => {
  const body: LeadImportMapping = {};
  for (const [field, header] of Object.entries(mapping) as [LeadTargetField, string | null][])
    if (header) body[field] = header;
  return body;
};

export const missingRequired = (fields: LeadUploadAnswer['fields'], mapping: Mapping): LeadTargetField[] =>
  fields.filter((f) => f.required && !mapping[f.field]).map((f) => f.field);

/** The first few non-empty values of a column in the sample rows, shown next to its choice. */
export const columnSamples = (
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  header: string | null,
  count = 3,
): string[] => {
  const index = header ? headers.indexOf(header) : -1;
  if (index < 0) return [];
  return rows
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean)
    .slice(0, count);
};

/** What a duplicate row can become: merge needs a lead or client match; rows that only repeat the file skip or keep. */
export const mergeTargets = (matches: readonly RowMatch[]): RowMatch[] =>
  matches.filter((m) => m.type !== 'row');

/** The choice a row's control shows: the stored decision, as "merge:<type>:<id>", "skip" or "keep". */
export const decisionValue = (item: Pick<ImportRowItem, 'decision'>): string | null => {
  const d = item.decision;
  if (!d) return null;
  if (d.decision !== 'merge') return d.decision;
  return d.targetLeadId ? `merge:lead:${d.targetLeadId}` : `merge:client:${d.targetClientId}`;
};

/** A control value back to the API's decision. */
export const decisionOf = (row: number, value: string) => {
  if (value === 'skip' || value === 'keep') return { row, decision: value } as const;
  const [, type, id] = value.split(':');
  return type === 'lead'
    ? ({ row, decision: 'merge', targetLeadId: id } as const)
    : ({ row, decision: 'merge', targetClientId: id } as const);
};

/** Progress: checking the rows fills the bar to 90 %, writing (one transaction) stands at 95 %, done is 100 %. */
export const progressPercent = (
  state: Pick<LeadImportState, 'status' | 'phase' | 'processed' | 'total'>,
): number => {
  if (state.status === 'done') return 100;
  if (state.status !== 'running') return 0;
  if (state.phase === 'writing') return 95;
  return state.total > 0 ? Math.min(90, Math.round((state.processed / state.total) * 90)) : 0;
};

/** The leads list narrowed to what an import created. */
export const importedLeadsUrl = (importId: string): string =>
  `/leads?${new URLSearchParams({ importId, archived: 'all' }).toString()}`;

/** A row problem in the user's language: the rule's translation, else the server's words (which name the value). */
export const rowErrorMessage = (t: TFunction, error: { code: string; message: string }): string =>
  translateCode(t, 'leads.import.rules', error.code) ??
  translateCode(t, 'validation', error.code) ??
  error.message;

/** The target field a problem is about, as the mapping step names it. */
export const rowErrorField = (t: TFunction, path: string): string =>
  translateCode(t, 'leads.import.fields', path) ?? path;
