import { Table, Text, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * An administration page's table of records, named for screen readers by `label`; it scrolls sideways below
 * `minWidth`. `columns` are the headers (a false one, a column the user may not see, is left out).
 */
export const RecordTable = ({
  label,
  minWidth,
  columns,
  children,
  ...props
}: {
  label: string;
  minWidth: number;
  columns: (ReactNode | false)[];
  children: ReactNode;
} & Omit<TableProps, 'children'>) => (
  <Table.ScrollContainer minWidth={minWidth}>
    <Table aria-label={label} {...props}>
      <Table.Thead>
        <Table.Tr>
          {columns
            .filter((column) => column !== false)
            .map((column, index) => (
              <Table.Th key={index}>{column}</Table.Th>
            ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  </Table.ScrollContainer>
);

/** In place of an administration table with no records: what the page has none of yet. */
export const NoRecords = ({ children }: { children: ReactNode }) => (
  <Text c="dimmed" p="md">
    {children}
  </Text>
);
