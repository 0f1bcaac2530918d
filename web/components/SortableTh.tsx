import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A list's column header that sorts by its field: the sorted column shows its direction (and says it to screen
 * readers through aria-sort); a click asks the list to sort by the field.
 */
export const SortableTh = <F extends string>({
  field,
  sort,
  onSort,
  align,
  children,
}: {
  field: F;
  sort: { field: string; direction: 'asc' | 'desc' } | null | undefined;
  /** Without it the header is plain text (a list embedded where it is not sorted). */
  onSort?: ((field: F) => void) | undefined;
  align?: 'right';
  children: ReactNode;
}) => {
  if (!onSort) return <Table.Th ta={align}>{children}</Table.Th>;
  const direction = sort?.field === field ? sort.direction : null;
  const Icon = direction === null ? IconSelector : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={direction === null ? 'none' : direction === 'asc' ? 'ascending' : 'descending'} ta={align}>
      <UnstyledButton onClick={() => onSort(field)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          {children}
          <Icon size={14} aria-hidden style={{ opacity: direction === null ? 0.4 : 1 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
};

/**
 * A table's sortable headers, one call each: `const th = sortableHeaders(order, onSort)`, then `th('name', label)`.
 * Without `onSort` they are plain headers.
 */
export const sortableHeaders =
  <F extends string>(
    sort: { field: string; direction: 'asc' | 'desc' } | null | undefined,
    onSort: ((field: F) => void) | undefined,
  ) =>
  (field: F, label: ReactNode, align?: 'right') => (
    <SortableTh field={field} sort={sort} onSort={onSort} align={align}>
      {label}
    </SortableTh>
  );
