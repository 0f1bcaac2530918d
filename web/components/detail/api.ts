import { useQuery } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';

/** One line of a record's change log as the server keeps it: a field changed, or the record created, archived … */
export type HistoryEntry = {
  id: string;
  at: string;
  by: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
};

/** A record's history (`GET {path}/history`), newest first, under the record's own history key. */
export const useHistoryQuery = (queryKey: readonly unknown[], path: string, enabled = true) =>
  useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<ItemList<HistoryEntry>>(`${path}/history`, undefined, signal),
    select: (page) => page.items,
    enabled,
  });

export type ArchiveVariables = { version: number; restore: boolean };

/** Archives the record at `path`, or with `restore` brings it back; the answer is the record as it now is. */
export const archiveRequest =
  <T>(path: string) =>
  ({ version, restore }: ArchiveVariables) =>
    api.post<T>(`${path}/${restore ? 'restore' : 'archive'}`, { version });
