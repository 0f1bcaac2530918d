import { Paper, Text } from '@mantine/core';
import { useState } from 'react';

/** One count of the check (rows, valid, invalid, …), big. */
export const ImportStat = ({
  label,
  value,
  color,
}: {
  label: string;
  value: string;
  color?: string | undefined;
}) => (
  <Paper withBorder radius="md" p="sm">
    <Text size="xs" c="dimmed" fw={500}>
      {label}
    </Text>
    <Text fz={24} fw={700} c={color}>
      {value}
    </Text>
  </Paper>
);

/** Pages of the check's rows by cursor, remembering the cursors seen so going back needs none of its own. */
export const useCursorPages = <Cursor,>() => {
  const [cursors, setCursors] = useState<(Cursor | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length - 1,
    next: (cursor: Cursor) => setCursors((list) => [...list, cursor]),
    previous: () => setCursors((list) => list.slice(0, -1)),
  };
};
