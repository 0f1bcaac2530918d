import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useFormat } from '../../i18n/format.js';
import type { HistoryEntry } from './api.js';

type Row = HistoryEntry & { key: string };

type HistoryTableProps<R extends Row> = {
  rows: R[];
  /** The table's accessible name. */
  label?: string;
  headers: { when: string; who: string; what: string; change: string };
  /** Who made a change the server made by itself. */
  system: string;
  /** What changed: the field's label, or the action's for a whole-record line. */
  what: (row: R) => string;
  /** With a badge column: what the line is about (a contact, a meter …) before `what`; null for the record itself. */
  badge?: (row: R) => ReactNode;
  /** A field's value before or after, as the reader knows it. */
  value: (field: string, value: unknown) => string;
  /** The spoken "changed to" between before and after; without it the arrow is decoration. */
  changedTo?: string;
  /** The change cell of a whole-record line. */
  noChange?: ReactNode;
  minWidth?: number;
};

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** Who changed what and when, newest first: one line per field change, before struck through, then after. */
export const HistoryTable = <R extends Row>({
  rows,
  label,
  headers,
  system,
  what,
  badge,
  value,
  changedTo,
  noChange = dash,
  minWidth = 720,
}: HistoryTableProps<R>) => {
  const format = useFormat();
  const whatText = (row: R) => (
    <Text size="sm" fw={500}>
      {what(row)}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{headers.when}</Table.Th>
            <Table.Th>{headers.who}</Table.Th>
            <Table.Th>{headers.what}</Table.Th>
            <Table.Th>{headers.change}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(row.at)}
                </Text>
              </Table.Td>
              <Table.Td>{row.by?.name ?? system}</Table.Td>
              <Table.Td>
                {badge ? (
                  <Group gap={6} wrap="nowrap">
                    {badge(row)}
                    {whatText(row)}
                  </Group>
                ) : (
                  whatText(row)
                )}
              </Table.Td>
              <Table.Td>
                {row.field ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" td={row.before === null ? undefined : 'line-through'}>
                      {value(row.field, row.before)}
                    </Text>
                    <IconArrowRight
                      size={14}
                      {...(changedTo ? { 'aria-label': changedTo } : { 'aria-hidden': true })}
                      style={{ flexShrink: 0, marginTop: 3 }}
                    />
                    <Text size="sm">{value(row.field, row.after)}</Text>
                  </Group>
                ) : (
                  noChange
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

/** The badge of a line about a part of the record (a contact, a meter …). */
export const PartBadge = ({ children }: { children: ReactNode }) => (
  <Badge variant="light" size="sm" color="grape" style={{ textTransform: 'none' }}>
    {children}
  </Badge>
);
