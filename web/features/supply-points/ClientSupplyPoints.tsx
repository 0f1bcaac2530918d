import { LoadMoreButton } from '../../components/ListFooter.js';
import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/errors.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import type { Client } from '../clients/api.js';
import { useSupplyPointList } from './api.js';
import { SupplyPointTable } from './components/SupplyPointTable.js';
import { SupplyPointForm } from './SupplyPointForm.js';

/** The client card's "Supply points" tab: the client's supply points and a way to add one for this client. */
export const ClientSupplyPoints = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  const can = useCan();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, { open, close }] = useDisclosure(false);
  const list = useSupplyPointList({ clientId: client.id, archived: showArchived ? 'all' : 'false' });
  const points = list.data?.pages.flatMap((page) => page.items) ?? [];
  const editable = can('clients.write') && !client.archivedAt;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('supplyPoints.title')}
        </Title>
        <Group gap="md">
          <Switch
            label={t('supplyPoints.clientTab.showArchived')}
            checked={showArchived}
            onChange={(event) => setShowArchived(event.currentTarget.checked)}
          />
          {editable && (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t('supplyPoints.list.create')}
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : points.length === 0 ? (
        <Text c="dimmed" size="sm" py="md">
          {t('supplyPoints.clientTab.empty')}
        </Text>
      ) : (
        <SupplyPointTable points={points} showClient={false} />
      )}
      <Group justify="flex-end">
        <LoadMoreButton list={list} />
      </Group>
      <SupplyPointForm
        opened={creating}
        onClose={close}
        client={client}
        onSaved={(point) => notifySuccess(t('supplyPoints.form.created', { identifier: point.identifier }))}
      />
    </Stack>
  );
};
