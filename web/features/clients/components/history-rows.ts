import type { HistoryEntry } from '../api.js';

/** Keys and links that mean nothing to a reader of the history. */
const technicalFields = new Set(['id', 'ownerId', 'clientId', 'searchText', 'version']);

/** One line of the history table: a changed field, or a whole record created / archived / restored. */
export type HistoryRow = HistoryEntry & { key: string };

/**
 * The server writes one entry per field, also when a record is created. A creation reads better as one
 * line ("Created"), so consecutive create entries of one record collapse; technical fields are left out.
 */
export const historyRows = (entries: HistoryEntry[]): HistoryRow[] => {
  const rows: HistoryRow[] = [];
  for (const entry of entries) {
    if (entry.field && technicalFields.has(entry.field)) continue;
    if (entry.action === 'create') {
      const previous = rows[rows.length - 1];
      if (previous && previous.action === 'create' && previous.entityId === entry.entityId) continue;
      rows.push({ ...entry, field: null, before: null, after: null, key: `${entry.entityId}-create` });
      continue;
    }
    if ((entry.action === 'archive' || entry.action === 'restore') && entry.field === 'archivedAt') {
      rows.push({ ...entry, field: null, key: entry.id });
      continue;
    }
    rows.push({ ...entry, key: entry.id });
  }
  return rows;
};
