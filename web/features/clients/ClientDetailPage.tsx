import { Paper, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CardTabs } from '../../components/detail/CardTabs.js';
import { ArchiveToggle, EditButton, RecordHeader } from '../../components/detail/RecordHeader.js';
import { SaveWarnings } from '../../components/detail/SaveWarnings.js';
import { WhenLoaded } from '../../components/detail/WhenLoaded.js';
import { ruleMessage } from '../../components/errors.js';
import { useCan } from '../auth/api.js';
import { ActivityTimeline } from '../activities/ActivityTimeline.js';
import { ClientCases } from '../cases/ClientCases.js';
import { ClientContracts } from '../contracts/ClientContracts.js';
import { ContactList } from '../contacts/ContactList.js';
import { ClientDocuments } from '../documents/ClientDocuments.js';
import { ClientOffers } from '../offers/ClientOffers.js';
import { ClientSupplyPoints } from '../supply-points/ClientSupplyPoints.js';
import { useArchiveClient, useClient, type Client } from './api.js';
import { ClientForm } from './ClientForm.js';
import { ClientHistory } from './components/ClientHistory.js';
import { ClientOverview } from './components/ClientOverview.js';
import { ArchivedBadge, ClientStatusBadge } from './components/ClientStatusBadge.js';

const tabs = ['overview', 'contacts', 'history', 'supplyPoints', 'cases', 'offers', 'contracts', 'activities', 'documents'] as const;

const Header = ({ client, onEdit }: { client: Client; onEdit: () => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const archive = useArchiveClient(client.id);
  const archived = client.archivedAt !== null;

  return (
    <RecordHeader
      back={{ to: '/clients', label: t('clients.detail.back') }}
      title={
        <>
          <Title order={2}>{client.name}</Title>
          <ClientStatusBadge status={client.status} />
          {archived && <ArchivedBadge />}
        </>
      }
      subtitle={
        <Text size="sm" c="dimmed">
          {[
            client.kind === 'company' ? t('clients.kind.company') : t('clients.kind.person'),
            client.companyId,
            client.address.city,
          ]
            .filter(Boolean)
            .join(' · ')}
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
              version={client.version}
              archive={archive}
              texts={{
                action: t('clients.archive.action'),
                title: t('clients.archive.title'),
                text: t('clients.archive.text', { name: client.name }),
                confirm: t('clients.archive.confirm'),
                done: t('clients.archive.done'),
                restore: t('clients.archive.restore'),
                restored: t('clients.archive.restored'),
              }}
            />
          )}
        </>
      }
    />
  );
};

/** The client card: header with actions, warnings, and tabs for everything about the client. */
export const ClientDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useClient(id);
  const canSeeCases = useCan()('sales.read');
  const canSeeContracts = useCan()('contracts.read');
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);

  return (
    <WhenLoaded query={client}>
      {(data) => (
        <>
          <Header client={data} onEdit={openEdit} />
          <SaveWarnings
            title={t('clients.detail.warningsTitle')}
            warnings={data.warnings}
            text={(warning) =>
              t('clients.detail.warning', {
                field: t(`clients.fields.${warning.path}`, { defaultValue: warning.path }),
                rule: ruleMessage(t, warning.code),
              })
            }
          />
          <CardTabs tabs={tabs}>
            <Tabs.List>
              <Tabs.Tab value="overview">{t('clients.tabs.overview')}</Tabs.Tab>
              <Tabs.Tab value="contacts">{t('clients.tabs.contacts')}</Tabs.Tab>
              <Tabs.Tab value="supplyPoints">{t('clients.tabs.supplyPoints')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('clients.tabs.history')}</Tabs.Tab>
              {canSeeCases && <Tabs.Tab value="cases">{t('clients.tabs.cases')}</Tabs.Tab>}
              {canSeeCases && <Tabs.Tab value="offers">{t('clients.tabs.offers')}</Tabs.Tab>}
              {canSeeContracts && <Tabs.Tab value="contracts">{t('clients.tabs.contracts')}</Tabs.Tab>}
              <Tabs.Tab value="invoices" disabled title={t('clients.tabs.later')}>
                {t('clients.tabs.invoices')}
              </Tabs.Tab>
              {canSeeCases && <Tabs.Tab value="activities">{t('clients.tabs.activities')}</Tabs.Tab>}
              <Tabs.Tab value="documents">{t('clients.tabs.documents')}</Tabs.Tab>
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
              {canSeeCases && (
                <Tabs.Panel value="offers">
                  <ClientOffers clientId={data.id} />
                </Tabs.Panel>
              )}
              {canSeeCases && (
                <Tabs.Panel value="activities">
                  <ActivityTimeline clientId={data.id} name={data.name} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="documents">
                <ClientDocuments client={data} />
              </Tabs.Panel>
              {canSeeContracts && (
                <Tabs.Panel value="contracts">
                  <ClientContracts client={data} />
                </Tabs.Panel>
              )}
            </Paper>
          </CardTabs>
          <ClientForm opened={editing} onClose={closeEdit} client={data} />
        </>
      )}
    </WhenLoaded>
  );
};
