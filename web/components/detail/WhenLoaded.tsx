import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageError, PageLoader } from '../Page.js';

/**
 * A loader while the query runs; "not found" (404) or the failure with a retry when it cannot be read;
 * `children` with the data once it is there.
 */
export const WhenLoaded = <T,>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) => {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
};
