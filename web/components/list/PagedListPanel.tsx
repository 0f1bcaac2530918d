import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListEmptyState } from '../ListEmptyState.js';
import { ListFooter } from '../ListFooter.js';
import { ListPanel } from '../ListPanel.js';

/** A list's infinite query (TanStack Query) over the API's pages of rows. */
type PagedQuery<T> = {
  data: { pages: { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

type PagedListPanelProps<T> = {
  list: PagedQuery<T>;
  /** The list's i18n prefix: the empty state's texts (see ListEmptyState), `shown` and `shownMore`. */
  texts: string;
  /** The empty state's icon. */
  icon: ReactNode;
  filtered: boolean;
  onClearFilters: () => void;
  /** Offered when there is nothing yet (create, import). */
  emptyAction?: ReactNode;
  /** Under the rows instead of "N shown" and "Load more". */
  footer?: (rows: T[]) => ReactNode;
  /** The rows loaded so far, as the list's table. */
  children: (rows: T[]) => ReactNode;
};

/**
 * A paged list's panel: the loader, the error or the empty state, else the rows of every page loaded; under them how
 * many are shown and "Load more".
 */
export const PagedListPanel = <T,>({
  list,
  texts,
  icon,
  filtered,
  onClearFilters,
  emptyAction,
  footer,
  children,
}: PagedListPanelProps<T>) => {
  const { t } = useTranslation();
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <ListPanel
        query={list}
        empty={
          rows.length === 0 ? (
            <ListEmptyState icon={icon} texts={texts} filtered={filtered} onClearFilters={onClearFilters} action={emptyAction} />
          ) : undefined
        }
      >
        {children(rows)}
      </ListPanel>
      {rows.length > 0 &&
        (footer ? (
          footer(rows)
        ) : (
          <ListFooter list={list}>
            {t(`${texts}.${list.hasNextPage ? 'shownMore' : 'shown'}`, { count: rows.length })}
          </ListFooter>
        ))}
    </>
  );
};
