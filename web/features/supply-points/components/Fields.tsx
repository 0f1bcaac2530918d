import { Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

const isEmpty = (value: ReactNode) =>
  value === null || value === undefined || value === '' || value === false;

/** One labelled value of a card; an empty value shows as a dash. */
export const Field = ({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
}) => (
  <Box>
    <Text component="dt" size="xs" c="dimmed" fw={500}>
      {label}
    </Text>
    <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
      {isEmpty(children) ? '—' : children}
    </Text>
    {hint && (
      <Text component="dd" size="xs" c="dimmed" m={0}>
        {hint}
      </Text>
    )}
  </Box>
);

/** A titled group of fields, laid out as on the form. */
export const Section = ({
  title,
  cols = { base: 1, xs: 2, md: 3 },
  children,
}: {
  title: ReactNode;
  cols?: Record<string, number>;
  children: ReactNode;
}) => (
  <Stack gap="xs">
    <Title order={3} size="h5">
      {title}
    </Title>
    <SimpleGrid component="dl" cols={cols} spacing="md" verticalSpacing="sm" m={0}>
      {children}
    </SimpleGrid>
  </Stack>
);
