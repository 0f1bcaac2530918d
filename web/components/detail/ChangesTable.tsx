import { Table } from '@mantine/core';
import { useFormat } from '../../i18n/format.js';
import type { HistoryEntry } from './api.js';

type ChangesTableProps = {
  entries: HistoryEntry[];
  /** The table's accessible name. */
  label: string;
  headers: { at: string; by: string; field: string; before: string; after: string };
  /** Who made a change the server made by itself. */
  system: string;
  /** The changed field's label, or the action's for a whole-record line (the entry for records of several parts). */
  what: (field: string | null, action: string, entry: HistoryEntry) => string;
  /** A value before or after, as the reader knows it. */
  value: (field: string | null, value: unknown) => string;
};

/** Every change of a record, newest first: when, who, which field, before and after in their own columns. */
export const ChangesTable = ({ entries, label, headers, system, what, value }: ChangesTableProps) => {
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{headers.at}</Table.Th>
            <Table.Th>{headers.by}</Table.Th>
            <Table.Th>{headers.field}</Table.Th>
            <Table.Th>{headers.before}</Table.Th>
            <Table.Th>{headers.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.by?.name ?? system}</Table.Td>
              <Table.Td>{what(entry.field, entry.action, entry)}</Table.Td>
              <Table.Td>{value(entry.field, entry.before)}</Table.Td>
              <Table.Td>{value(entry.field, entry.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
