import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type ItemList, type Page } from '../../api/client.js';
import type { DataSentenceLayout, LayoutColumn } from '../../../domain/data-sentences/layout.js';

export { dataSentenceFieldKinds, dataSentenceFields, datePatterns } from '../../../domain/data-sentences/layout.js';
export type { ColumnFormat, DataSentenceField, DataSentenceLayout, LayoutColumn } from '../../../domain/data-sentences/layout.js';

export const partnerKinds = ['supplier', 'distributor'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** A partner's Excel layout (CONTRACT-4) as the server keeps it. */
export type Layout = {
  id: string;
  ownerId: string;
  partnerName: string;
  partnerKind: PartnerKind;
  commodity: 'electricity' | 'gas' | null;
  name: string;
  layout: DataSentenceLayout;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type LayoutBody = Pick<Layout, 'partnerName' | 'partnerKind' | 'commodity' | 'name' | 'layout' | 'active'>;

export type KeptExport = {
  id: string;
  layoutId: string;
  layoutName: string | null;
  layoutVersion: number;
  partnerName: string;
  supplier: string | null;
  signedFrom: string;
  signedTo: string;
  states: string[];
  rowCount: number;
  contractCount: number;
  fileName: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
};

export type ExportBody = { layoutId: string; signedFrom: string; signedTo: string; onlyPartnerContracts: boolean };

export const dataSentenceKeys = {
  all: ['dataSentences'] as const,
  layouts: () => [...dataSentenceKeys.all, 'layouts'] as const,
  exports: (layoutId: string | null) => [...dataSentenceKeys.all, 'exports', layoutId] as const,
};

export const useLayouts = () =>
  useQuery({
    queryKey: dataSentenceKeys.layouts(),
    queryFn: ({ signal }) => api.get<ItemList<Layout>>('/data-sentence-layouts', undefined, signal),
    select: (list) => list.items,
  });

export const useSaveLayout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: LayoutBody; version: number }) =>
      id ? api.patch<Layout>(`/data-sentence-layouts/${id}`, { ...body, version }) : api.post<Layout>('/data-sentence-layouts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataSentenceKeys.layouts() }),
  });
};

export const useExports = (layoutId: string | null) =>
  useInfiniteQuery({
    queryKey: dataSentenceKeys.exports(layoutId),
    queryFn: ({ signal, pageParam }) =>
      api.get<Page<KeptExport>>('/data-sentence-exports', { layoutId: layoutId ?? undefined, cursor: pageParam ?? undefined, limit: 50 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useCreateExport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportBody) => api.post<KeptExport>('/data-sentence-exports', { ...body, states: ['signed'] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...dataSentenceKeys.all, 'exports'] }),
  });
};

export const exportFileUrl = (id: string) => apiUrl(`/data-sentence-exports/${id}/file`);

/** A new, empty column: a text column of the contract number, the one every partner wants. */
export const newColumn = (n: number): LayoutColumn => ({ header: `Column ${n}`, source: { kind: 'field', field: 'contract.number' }, format: { kind: 'text' } });

/** Moves the column at `from` one place up (-1) or down (+1); the same array when it cannot move. */
export const moveColumn = <T>(columns: readonly T[], from: number, step: -1 | 1): T[] => {
  const to = from + step;
  if (to < 0 || to >= columns.length) return [...columns];
  const next = [...columns];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
};

/** Problems of a layout form by column index, from the server's paths (`layout.columns.3.format.pairs`). */
export const problemsByColumn = <P extends { path: string; code: string }>(problems: P[]) => {
  const byColumn = new Map<number, P[]>();
  const other: P[] = [];
  for (const problem of problems) {
    const match = /^layout\.columns\.(\d+)(\..*)?$/.exec(problem.path);
    if (match) byColumn.set(Number(match[1]), [...(byColumn.get(Number(match[1])) ?? []), problem]);
    else other.push(problem);
  }
  return { byColumn, other };
};
