import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { errorMessage } from './errors.js';
import { NotFound } from './NotFound.js';

export const PageHeader = ({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) => (
  <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
    <Stack gap={2}>
      <Title order={2}>{title}</Title>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
    {actions && <Group gap="sm">{actions}</Group>}
  </Group>
);

export const PageLoader = () => {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
};

/** A record that does not exist or is outside the caller's rights (404) is a page not found, not a failure. */
export const PageError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) return <NotFound />;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('common.loadFailed')} role="alert">
      <Text size="sm">{errorMessage(t, error)}</Text>
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
};
