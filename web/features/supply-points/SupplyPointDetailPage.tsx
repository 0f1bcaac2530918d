import { Alert, Anchor, Button, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconArchive, IconArrowLeft, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { ArchivedBadge } from '../clients/components/ClientStatusBadge.js';
import { useArchiveSupplyPoint, useSupplyPoint, type SupplyPoint } from './api.js';
import { CommodityIcon, SupplyPointStatusBadge } from './components/SupplyPointBadges.js';
import { addressLine } from './display.js';
import { schemeName } from './supply-point-form.js';
import { SupplyPointForm, warningText } from './SupplyPointForm.js';
import { supplyPointTabs, tabFromAddress } from './tabs.js';

const Warnings = ({ supplyPoint }: { supplyPoint: SupplyPoint }) => {
  const { t } = useTranslation();
  if (supplyPoint.warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title={t('supplyPoints.detail.warningsTitle')}
      mb="md"
    >
      <List size="sm">
        {supplyPoint.warnings.map((warning) => (
          <List.Item key={`${warning.path}-${warning.code}`}>{warningText(t, warning)}</List.Item>
        ))}
      </List>
    </Alert>
  );
};

const Header = ({ supplyPoint, onEdit }: { supplyPoint: SupplyPoint; onEdit: () => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const archive = useArchiveSupplyPoint(supplyPoint.id);
  const archived = supplyPoint.archivedAt !== null;

  const confirmArchive = () =>
    modals.openConfirmModal({
      title: t('supplyPoints.archive.title'),
      children: (
        <Text size="sm">{t('supplyPoints.archive.text', { identifier: supplyPoint.identifier })}</Text>
      ),
      labels: { confirm: t('supplyPoints.archive.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        archive.mutate(
          { version: supplyPoint.version, restore: false },
          {
            onSuccess: () => notifySuccess(t('supplyPoints.archive.done')),
            onError: (error) => notifyError(t, error),
          },
        ),
    });

  const confirmRestore = () =>
    modals.openConfirmModal({
      title: t('supplyPoints.archive.restoreTitle'),
      children: (
        <Text size="sm">{t('supplyPoints.archive.restoreText', { identifier: supplyPoint.identifier })}</Text>
      ),
      labels: { confirm: t('supplyPoints.archive.restore'), cancel: t('common.cancel') },
      onConfirm: () =>
        archive.mutate(
          { version: supplyPoint.version, restore: true },
          {
            onSuccess: () => notifySuccess(t('supplyPoints.archive.restored')),
            onError: (error) => notifyError(t, error),
          },
        ),
    });

  const subtitle = [
    schemeName(t, supplyPoint.identifierScheme),
    supplyPoint.name,
    addressLine(supplyPoint.address),
  ].filter(Boolean);

  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <Stack gap={4}>
        <Anchor component={Link} to="/supply-points" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('supplyPoints.detail.back')}
          </Group>
        </Anchor>
        <Group gap="sm">
          <CommodityIcon commodity={supplyPoint.commodity} size={18} />
          <Title order={2} ff="monospace" fz="h3">
            {supplyPoint.identifier}
          </Title>
          <SupplyPointStatusBadge status={supplyPoint.status} />
          {archived && <ArchivedBadge />}
        </Group>
        <Text size="sm" c="dimmed">
          {subtitle.join(' · ')}
          {' · '}
          <Anchor component={Link} to={`/clients/${supplyPoint.clientId}`} size="sm">
            {supplyPoint.holder.name}
          </Anchor>
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
              onClick={confirmRestore}
              loading={archive.isPending}
            >
              {t('supplyPoints.archive.restore')}
            </Button>
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={confirmArchive}
              loading={archive.isPending}
            >
              {t('supplyPoints.archive.action')}
            </Button>
          ))}
      </Group>
    </Group>
  );
};

/** The supply-point card: header with actions, save warnings, and the tabs of `supplyPointTabs`. */
export const SupplyPointDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const supplyPoint = useSupplyPoint(id);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const tab = tabFromAddress(search.get('tab'));

  if (supplyPoint.isPending) return <PageLoader />;
  if (supplyPoint.isError)
    return <PageError error={supplyPoint.error} onRetry={() => void supplyPoint.refetch()} />;
  const data = supplyPoint.data;
  const later = supplyPointTabs.filter((entry) => !entry.panel);

  return (
    <>
      <Header supplyPoint={data} onEdit={openEdit} />
      <Warnings supplyPoint={data} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearch(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          {supplyPointTabs.map((entry) => (
            <Tabs.Tab
              key={entry.value}
              value={entry.value}
              disabled={!entry.panel}
              title={entry.panel ? undefined : t('supplyPoints.tabs.later')}
            >
              {entry.label(t)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {later.length > 0 && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('supplyPoints.tabs.laterHint', { tabs: later.map((entry) => entry.label(t)).join(', ') })}
          </Text>
        )}
        <Paper withBorder radius="md" p="md" mt="sm">
          {supplyPointTabs.map(({ value, panel: Panel }) =>
            Panel ? (
              <Tabs.Panel key={value} value={value}>
                <Panel supplyPoint={data} />
              </Tabs.Panel>
            ) : null,
          )}
        </Paper>
      </Tabs>
      <SupplyPointForm opened={editing} onClose={closeEdit} supplyPoint={data} />
    </>
  );
};
