import { Center, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageError, PageLoader } from './Page.js';

/** What a list's query tells about its state (TanStack Query). */
type ListQuery = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/**
 * A list's bordered panel: a loader while its query loads, the error with "Retry" when it fails, `empty` (the empty
 * state) when given — pass it only when there are no rows — else the rows.
 */
export const ListPanel = ({ query, empty, children }: { query: ListQuery; empty?: ReactNode; children: ReactNode }) => (
  <Paper withBorder radius="md" p={0}>
    {query.isPending ? (
      <PageLoader />
    ) : query.isError ? (
      <Center p="md">
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      </Center>
    ) : (
      (empty ?? children)
    )}
  </Paper>
);
