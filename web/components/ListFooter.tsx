import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a paged list (TanStack Query's infinite query) offers for loading its next page. */
type PagedList = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Load more" under a paged list; nothing once every page is loaded. */
export const LoadMoreButton = ({ list, ...props }: { list: PagedList } & ButtonProps) => {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} {...props}>
      {t('common.loadMore')}
    </Button>
  );
};

/** Under a paged list: how many rows it shows (read out when it changes) and "Load more". */
export const ListFooter = ({ list, children }: { list: PagedList; children: ReactNode }) => (
  <Group justify="space-between" mt="md">
    <Text size="sm" c="dimmed" aria-live="polite">
      {children}
    </Text>
    <LoadMoreButton list={list} />
  </Group>
);
