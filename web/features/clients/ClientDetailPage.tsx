import { Alert, Anchor, Button, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconArchive, IconArrowLeft, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { notifyError, notifySuccess, ruleMessage } from '../../components/errors.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { ClientCases } from '../cases/ClientCases.js';
import { ClientContracts } from '../contracts/ClientContracts.js';
import { ContactList } from '../contacts/ContactList.js';
import { ClientSupplyPoints } from '../supply-points/ClientSupplyPoints.js';
import { useArchiveClient, useClient, type Client } from './api.js';
import { ClientForm } from './ClientForm.js';
import { ClientHistory } from './components/ClientHistory.js';
import { ClientOverview } from './components/ClientOverview.js';
import { ArchivedBadge, ClientStatusBadge } from './components/ClientStatusBadge.js';

const tabs = ['overview', 'contacts', 'history', 'supplyPoints', 'cases', 'contracts'] as const;
type Tab = (typeof tabs)[number];

const Warnings = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  if (client.warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('clients.detail.warningsTitle')}
      mb="md"
    >
      <List size="sm">
        {client.warnings.map((warning) => (
          <List.Item key={`${warning.path}-${warning.code}`}>
            {t('clients.detail.warning', {
              field: t(`clients.fields.${warning.path}`, { defaultValue: warning.path }),
              rule: ruleMessage(t, warning.code),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
};

const Header = ({ client, onEdit }: { client: Client; onEdit: () => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const archive = useArchiveClient(client.id);
  const archived = client.archivedAt !== null;

  const confirmArchive = () =>
    modals.openConfirmModal({
      title: t('clients.archive.title'),
      children: <Text size="sm">{t('clients.archive.text', { name: client.name })}</Text>,
      labels: { confirm: t('clients.archive.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        archive.mutate(
          { version: client.version, restore: false },
          {
            onSuccess: () => notifySuccess(t('clients.archive.done')),
            onError: (error) => notifyError(t, error),
          },
        ),
    });

  const restore = () =>
    archive.mutate(
      { version: client.version, restore: true },
      {
        onSuccess: () => notifySuccess(t('clients.archive.restored')),
        onError: (error) => notifyError(t, error),
      },
    );

  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <Stack gap={4}>
        <Anchor component={Link} to="/clients" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('clients.detail.back')}
          </Group>
        </Anchor>
        <Group gap="sm">
          <Title order={2}>{client.name}</Title>
          <ClientStatusBadge status={client.status} />
          {archived && <ArchivedBadge />}
        </Group>
        <Text size="sm" c="dimmed">
          {[
            client.kind === 'company' ? t('clients.kind.company') : t('clients.kind.person'),
            client.companyId,
            client.address.city,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      <Group gap="sm">
        {can('clients.write') && !archived && (
          <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        )}
        {can('clients.archive') &&
          (archived ? (
            <Button
              variant="default"
              leftSection={<IconRestore size={16} aria-hidden />}
              onClick={restore}
              loading={archive.isPending}
            >
              {t('clients.archive.restore')}
            </Button>
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={confirmArchive}
              loading={archive.isPending}
            >
              {t('clients.archive.action')}
            </Button>
          ))}
      </Group>
    </Group>
  );
};

/** The client card: header with actions, warnings, and tabs for everything about the client. */
export const ClientDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const client = useClient(id);
  const canSeeCases = useCan()('sales.read');
  const canSeeContracts = useCan()('contracts.read');
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const requested = search.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'overview';

  if (client.isPending) return <PageLoader />;
  if (client.isError) return <PageError error={client.error} onRetry={() => void client.refetch()} />;
  const data = client.data;

  return (
    <>
      <Header client={data} onEdit={openEdit} />
      <Warnings client={data} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearch(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('clients.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('clients.tabs.contacts')}</Tabs.Tab>
          <Tabs.Tab value="supplyPoints">{t('clients.tabs.supplyPoints')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('clients.tabs.history')}</Tabs.Tab>
          {canSeeCases && <Tabs.Tab value="cases">{t('clients.tabs.cases')}</Tabs.Tab>}
          <Tabs.Tab value="offers" disabled title={t('clients.tabs.later')}>
            {t('clients.tabs.offers')}
          </Tabs.Tab>
          {canSeeContracts && <Tabs.Tab value="contracts">{t('clients.tabs.contracts')}</Tabs.Tab>}
          <Tabs.Tab value="invoices" disabled title={t('clients.tabs.later')}>
            {t('clients.tabs.invoices')}
          </Tabs.Tab>
          <Tabs.Tab value="activities" disabled title={t('clients.tabs.later')}>
            {t('clients.tabs.activities')}
          </Tabs.Tab>
          <Tabs.Tab value="documents" disabled title={t('clients.tabs.later')}>
            {t('clients.tabs.documents')}
          </Tabs.Tab>
        </Tabs.List>
        <Text size="xs" c="dimmed" mt={6}>
          {t('clients.tabs.laterHint')}
        </Text>
        <Paper withBorder radius="md" p="md" mt="sm">
          <Tabs.Panel value="overview">
            <ClientOverview client={data} />
          </Tabs.Panel>
          <Tabs.Panel value="contacts">
            <ContactList client={data} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <ClientHistory clientId={data.id} />
          </Tabs.Panel>
          <Tabs.Panel value="supplyPoints">
            <ClientSupplyPoints client={data} />
          </Tabs.Panel>
          {canSeeCases && (
            <Tabs.Panel value="cases">
              <ClientCases client={data} />
            </Tabs.Panel>
          )}
          {canSeeContracts && (
            <Tabs.Panel value="contracts">
              <ClientContracts client={data} />
            </Tabs.Panel>
          )}
        </Paper>
      </Tabs>
      <ClientForm opened={editing} onClose={closeEdit} client={data} />
    </>
  );
};
