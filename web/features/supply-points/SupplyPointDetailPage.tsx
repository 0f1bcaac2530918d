import { Anchor, Paper, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CardTabs } from '../../components/detail/CardTabs.js';
import { ArchiveToggle, EditButton, RecordHeader } from '../../components/detail/RecordHeader.js';
import { SaveWarnings } from '../../components/detail/SaveWarnings.js';
import { WhenLoaded } from '../../components/detail/WhenLoaded.js';
import { useCan } from '../auth/api.js';
import { ArchivedBadge } from '../clients/components/ClientStatusBadge.js';
import { useArchiveSupplyPoint, useSupplyPoint, type SupplyPoint } from './api.js';
import { CommodityIcon, SupplyPointStatusBadge } from './components/SupplyPointBadges.js';
import { addressLine } from './display.js';
import { schemeName } from './supply-point-form.js';
import { SupplyPointForm, warningText } from './SupplyPointForm.js';
import { supplyPointTabs, tabFromAddress } from './tabs.js';

const Header = ({ supplyPoint, onEdit }: { supplyPoint: SupplyPoint; onEdit: () => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const archive = useArchiveSupplyPoint(supplyPoint.id);
  const archived = supplyPoint.archivedAt !== null;
  const subtitle = [
    schemeName(t, supplyPoint.identifierScheme),
    supplyPoint.name,
    addressLine(supplyPoint.address),
  ].filter(Boolean);

  return (
    <RecordHeader
      back={{ to: '/supply-points', label: t('supplyPoints.detail.back') }}
      title={
        <>
          <CommodityIcon commodity={supplyPoint.commodity} size={18} />
          <Title order={2} ff="monospace" fz="h3">
            {supplyPoint.identifier}
          </Title>
          <SupplyPointStatusBadge status={supplyPoint.status} />
          {archived && <ArchivedBadge />}
        </>
      }
      subtitle={
        <Text size="sm" c="dimmed">
          {subtitle.join(' · ')}
          {' · '}
          <Anchor component={Link} to={`/clients/${supplyPoint.clientId}`} size="sm">
            {supplyPoint.holder.name}
          </Anchor>
        </Text>
      }
      actions={
        <>
          {can('clients.write') && !archived && (
            <EditButton onClick={onEdit} />
          )}
          {can('clients.archive') && (
            <ArchiveToggle
              archived={archived}
              version={supplyPoint.version}
              archive={archive}
              texts={{
                action: t('supplyPoints.archive.action'),
                title: t('supplyPoints.archive.title'),
                text: t('supplyPoints.archive.text', { identifier: supplyPoint.identifier }),
                confirm: t('supplyPoints.archive.confirm'),
                done: t('supplyPoints.archive.done'),
                restore: t('supplyPoints.archive.restore'),
                restored: t('supplyPoints.archive.restored'),
                restoreConfirmation: {
                  title: t('supplyPoints.archive.restoreTitle'),
                  text: t('supplyPoints.archive.restoreText', { identifier: supplyPoint.identifier }),
                },
              }}
            />
          )}
        </>
      }
    />
  );
};

/** The supply-point card: header with actions, save warnings, and the tabs of `supplyPointTabs`. */
export const SupplyPointDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const supplyPoint = useSupplyPoint(id);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const later = supplyPointTabs.filter((entry) => !entry.panel);

  return (
    <WhenLoaded query={supplyPoint}>
      {(data) => (
        <>
          <Header supplyPoint={data} onEdit={openEdit} />
          <SaveWarnings
            title={t('supplyPoints.detail.warningsTitle')}
            warnings={data.warnings}
            text={(warning) => warningText(t, warning)}
          />
          <CardTabs tabs={tabFromAddress}>
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
                {t('supplyPoints.tabs.laterHint', {
                  tabs: later.map((entry) => entry.label(t)).join(', '),
                })}
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
          </CardTabs>
          <SupplyPointForm opened={editing} onClose={closeEdit} supplyPoint={data} />
        </>
      )}
    </WhenLoaded>
  );
};
