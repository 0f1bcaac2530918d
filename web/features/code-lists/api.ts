import type { CodeListItem, CodeListName } from '../../../domain/code-lists/code-lists.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ItemList } from '../../api/client.js';

export { codeListNames, type CodeListItem, type CodeListName } from '../../../domain/code-lists/code-lists.js';

export const codeListKeys = {
  all: ['codeLists'] as const,
  list: (name: CodeListName) => [...codeListKeys.all, name] as const,
};

export const useCodeList = (name: CodeListName) =>
  useQuery({
    queryKey: codeListKeys.list(name),
    queryFn: ({ signal }) => api.get<ItemList<CodeListItem>>(`/code-lists/${name}`, undefined, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });

export const labelOf = (item: CodeListItem, language: string): string =>
  item.labels[language] ?? item.labels.en ?? item.code;

/** `code → label` in the UI language; unknown codes show as themselves. */
export const useCodeLabel = (name: CodeListName): ((code: string | null | undefined) => string) => {
  const { i18n } = useTranslation();
  const { data } = useCodeList(name);
  return (code) => {
    if (!code) return '';
    const item = data?.find((i) => i.code === code);
    return item ? labelOf(item, i18n.language) : code;
  };
};

/** Options for a Select: active items, plus the record's current value even if it was deactivated since. */
export const useCodeOptions = (
  name: CodeListName,
  current?: string | null,
): { value: string; label: string }[] => {
  const { i18n } = useTranslation();
  const { data = [] } = useCodeList(name);
  return data
    .filter((item) => item.isActive || item.code === current)
    .map((item) => ({ value: item.code, label: labelOf(item, i18n.language) }));
};

export type CodeListItemCreate = { code: string; labels: Record<string, string>; sortOrder?: number };
export type CodeListItemUpdate = {
  labels?: Record<string, string>;
  sortOrder?: number;
  isActive?: boolean;
  version: number;
};

export const useCreateCodeListItem = (
  name: CodeListName,
  options: { onSuccess?: (item: CodeListItem) => void } = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CodeListItemCreate) => api.post<CodeListItem>(`/code-lists/${name}/items`, body),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: codeListKeys.list(name) });
      options.onSuccess?.(item);
    },
  });
};

export const useUpdateCodeListItem = (
  name: CodeListName,
  options: { onSuccess?: (item: CodeListItem) => void } = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CodeListItemUpdate & { id: string }) =>
      api.patch<CodeListItem>(`/code-lists/${name}/items/${id}`, body),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: codeListKeys.list(name) });
      options.onSuccess?.(item);
    },
  });
};
