import type { TFunction } from 'i18next';
import { suggestLeadMapping, type LeadTargetField } from '../../../domain/leads/import-mapping.js';
import { translateCode } from '../../components/errors.js';
import type { ColumnMapping } from '../../components/import/import-rules.js';
import type { ImportRowItem, LeadUploadAnswer, RowMatch, SavedMapping } from './import-api.js';

export type Mapping = ColumnMapping<LeadTargetField>;

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
