import type { HistoryEntry } from './api.js';

/** Fields that mean nothing to a reader of an activity's or event's history. */
const technicalFields = new Set(['id', 'ownerId', 'version', 'processStageTaskId', 'activityId']);

export type HistoryRow = HistoryEntry & { key: string };

/**
 * The server writes one entry per field, also when a record is created; a creation reads better as one line, so
 * the create entries of a record collapse, and an archiving is one line too. Technical fields are left out.
 */
export const historyRows = (entries: HistoryEntry[]): HistoryRow[] => {
  const rows: HistoryRow[] = [];
  const created = new Set<string>();
  for (const entry of entries) {
    if (entry.field && technicalFields.has(entry.field)) continue;
    if (entry.action === 'create') {
      if (created.has(entry.entityId)) continue;
      created.add(entry.entityId);
      rows.push({ ...entry, field: null, before: null, after: null, key: `${entry.entityId}-create` });
      continue;
    }
    if (entry.action === 'archive' && entry.field === 'archivedAt') {
      rows.push({ ...entry, field: null, key: entry.id });
      continue;
    }
    rows.push({ ...entry, key: entry.id });
  }
  return rows;
};
