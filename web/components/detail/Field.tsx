import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One value of the card under its label; an empty value shows as a dash. */
export const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm">{children || '—'}</Text>
  </Stack>
);

type SectionProps = {
  title: string;
  /** An "Edit" button beside the title, named by `edit.label` for screen readers. */
  edit?: { onClick: () => void; label: string } | null;
  children: ReactNode;
};

/** A framed part of the card with its title. */
export const Section = ({ title, edit, children }: SectionProps) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md">
      {edit ? (
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={edit.onClick}
            aria-label={edit.label}
          >
            {t('common.edit')}
          </Button>
        </Group>
      ) : (
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
      )}
      {children}
    </Paper>
  );
};
