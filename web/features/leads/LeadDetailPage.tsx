import { Button, Group, Menu, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArchive,
  IconChevronDown,
  IconCircleCheck,
  IconCircleX,
  IconRestore,
  IconTransform,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CardTabs } from '../../components/detail/CardTabs.js';
import { confirmAction, EditButton, RecordHeader } from '../../components/detail/RecordHeader.js';
import { SaveWarnings } from '../../components/detail/SaveWarnings.js';
import { WhenLoaded } from '../../components/detail/WhenLoaded.js';
import { notifyError, notifySuccess, ruleMessage } from '../../components/errors.js';
import { useFormat } from '../../i18n/format.js';
import { ActivityTimeline } from '../activities/ActivityTimeline.js';
import { useCan } from '../auth/api.js';
import { useLead, useLeadAction, useLeadDuplicates, type LeadDetail } from './api.js';
import { ConvertLeadModal } from './components/ConvertLeadModal.js';
import { DisqualifyModal } from './components/DisqualifyModal.js';
import { LeadDuplicates } from './components/LeadDuplicates.js';
import { LeadHistory } from './components/LeadHistory.js';
import { LeadOverview } from './components/LeadOverview.js';
import { LeadPotentials } from './components/LeadPotentials.js';
import { LeadArchivedBadge, LeadStatusBadge } from './components/LeadStatusBadge.js';
import { LeadForm } from './LeadForm.js';

const tabs = ['overview', 'potentials', 'duplicates', 'activities', 'history'] as const;

type HeaderProps = { lead: LeadDetail; onEdit: () => void; onConvert: () => void; onDisqualify: () => void };

const Header = ({ lead, onEdit, onConvert, onDisqualify }: HeaderProps) => {
  const { t } = useTranslation();
  const can = useCan();
  const action = useLeadAction(lead.id);
  const archived = lead.archivedAt !== null;
  const open = !archived && lead.status !== 'converted';
  const canWrite = can('sales.write');

  const run = (name: 'qualify' | 'archive' | 'restore', done: string) =>
    action.mutate(
      { action: name, version: lead.version },
      { onSuccess: () => notifySuccess(done), onError: (error) => notifyError(t, error) },
    );

  const confirmArchive = () =>
    confirmAction(t, {
      title: t('leads.archive.title'),
      text: t('leads.archive.text', { name: lead.name }),
      confirm: t('leads.archive.confirm'),
      danger: true,
      onConfirm: () => run('archive', t('leads.archive.done')),
    });

  return (
    <RecordHeader
      back={{ to: '/leads', label: t('leads.detail.back') }}
      title={
        <>
          <Title order={2}>{lead.name}</Title>
          <LeadStatusBadge status={lead.status} />
          {archived && <LeadArchivedBadge merged={lead.mergedIntoLeadId !== null} />}
        </>
      }
      subtitle={
        <Text size="sm" c="dimmed">
          {[
            t(`leads.kind.${lead.kind}`),
            lead.companyId,
            lead.address.city,
            t(`leads.priority.${lead.priority}`),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      }
      actions={
        canWrite && (
          <>
            {open && (
              <Button
                leftSection={<IconTransform size={16} aria-hidden />}
                onClick={onConvert}
                disabled={lead.status === 'disqualified'}
                title={lead.status === 'disqualified' ? t('leads.detail.convertDisqualified') : undefined}
              >
                {t('leads.convert.action')}
              </Button>
            )}
            {open && (
              <EditButton variant="default" onClick={onEdit} />
            )}
            {(open || archived) && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    loading={action.isPending}
                  >
                    {t('leads.detail.more')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {open && lead.status !== 'qualified' && (
                    <Menu.Item
                      leftSection={<IconCircleCheck size={16} aria-hidden />}
                      onClick={() => run('qualify', t('leads.qualify.done'))}
                    >
                      {lead.status === 'disqualified' ? t('leads.qualify.reopen') : t('leads.qualify.action')}
                    </Menu.Item>
                  )}
                  {open && lead.status !== 'disqualified' && (
                    <Menu.Item leftSection={<IconCircleX size={16} aria-hidden />} onClick={onDisqualify}>
                      {t('leads.disqualify.action')}
                    </Menu.Item>
                  )}
                  {!archived && (
                    <Menu.Item
                      color="red"
                      leftSection={<IconArchive size={16} aria-hidden />}
                      onClick={confirmArchive}
                    >
                      {t('leads.archive.action')}
                    </Menu.Item>
                  )}
                  {archived && !lead.mergedIntoLeadId && (
                    <Menu.Item
                      leftSection={<IconRestore size={16} aria-hidden />}
                      onClick={() => run('restore', t('leads.archive.restored'))}
                    >
                      {t('leads.archive.restore')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </>
        )
      }
    />
  );
};

/** Last and next activity as the database keeps them (the list sorts by them), above the lead's activities. */
const LeadActivities = ({ lead }: { lead: LeadDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <Group gap="xl">
        <Text size="sm">
          {t('leads.fields.lastActivityAt')}:{' '}
          <b>{lead.lastActivityAt ? format.dateTime(lead.lastActivityAt) : t('leads.detail.noActivity')}</b>
        </Text>
        <Text size="sm">
          {t('leads.fields.nextActivityAt')}:{' '}
          <b>{lead.nextActivityAt ? format.dateTime(lead.nextActivityAt) : t('leads.detail.noneplanned')}</b>
        </Text>
      </Group>
      <ActivityTimeline leadId={lead.id} name={lead.name} />
    </Stack>
  );
};

/** The lead card: header with actions, warnings, and tabs for details, potentials, duplicates, activities, history. */
export const LeadDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lead = useLead(id);
  const duplicates = useLeadDuplicates(id, lead.isSuccess);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [disqualifying, { open: openDisqualify, close: closeDisqualify }] = useDisclosure(false);
  const [converting, setConverting] = useState<{ clientId: string | null } | null>(null);
  const duplicateCount = duplicates.data?.length ?? 0;

  return (
    <WhenLoaded query={lead}>
      {(data) => (
        <>
          <Header
            lead={data}
            onEdit={openEdit}
            onConvert={() => setConverting({ clientId: data.clientId })}
            onDisqualify={openDisqualify}
          />
          <SaveWarnings
            title={t('leads.detail.warningsTitle')}
            warnings={data.warnings}
            text={(w) =>
              t('leads.detail.warning', {
                field: t(`leads.fields.${w.path}`, { defaultValue: w.path }),
                rule: ruleMessage(t, w.code),
              })
            }
          />
          <CardTabs tabs={tabs}>
            <Tabs.List>
              <Tabs.Tab value="overview">{t('leads.tabs.overview')}</Tabs.Tab>
              <Tabs.Tab value="potentials">
                {t('leads.tabs.potentials', { count: data.potentials.length })}
              </Tabs.Tab>
              <Tabs.Tab value="duplicates" color={duplicateCount > 0 ? 'orange' : undefined}>
                {t('leads.tabs.duplicates', { count: duplicateCount })}
              </Tabs.Tab>
              <Tabs.Tab value="activities">{t('leads.tabs.activities')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('leads.tabs.history')}</Tabs.Tab>
            </Tabs.List>
            <Paper withBorder radius="md" p="md" mt="sm">
              <Tabs.Panel value="overview">
                <LeadOverview lead={data} />
              </Tabs.Panel>
              <Tabs.Panel value="potentials">
                <LeadPotentials lead={data} />
              </Tabs.Panel>
              <Tabs.Panel value="duplicates">
                <LeadDuplicates lead={data} onConvertInto={(clientId) => setConverting({ clientId })} />
              </Tabs.Panel>
              <Tabs.Panel value="activities">
                <LeadActivities lead={data} />
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <LeadHistory leadId={data.id} />
              </Tabs.Panel>
            </Paper>
          </CardTabs>
          <LeadForm opened={editing} onClose={closeEdit} lead={data} />
          <DisqualifyModal lead={data} opened={disqualifying} onClose={closeDisqualify} />
          <ConvertLeadModal
            lead={data}
            opened={converting !== null}
            onClose={() => setConverting(null)}
            clientId={converting?.clientId ?? null}
          />
        </>
      )}
    </WhenLoaded>
  );
};
