import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CardTabs } from '../../components/detail/CardTabs.js';
import { Field, Section } from '../../components/detail/Field.js';
import { ArchiveButton, confirmAction, EditButton, RecordHeader } from '../../components/detail/RecordHeader.js';
import { WhenLoaded } from '../../components/detail/WhenLoaded.js';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { useFormat } from '../../i18n/format.js';
import { ActivityTimeline } from '../activities/ActivityTimeline.js';
import { CaseOffers } from '../offers/CaseOffers.js';
import { useCan } from '../auth/api.js';
import { useCodeLabel } from '../code-lists/api.js';
import { useArchiveCase, useCase, type CaseDetail } from './api.js';
import { CaseForm } from './CaseForm.js';
import { CaseActions } from './components/CaseActions.js';
import { CaseHistory } from './components/CaseHistory.js';
import { CaseStateBadge } from './components/CaseStateBadge.js';
import { ParticipantsEditor } from './components/ParticipantsEditor.js';
import { PotentialsEditor } from './components/PotentialsEditor.js';
import { StageBar } from './components/StageBar.js';
import { SupplyPointsEditor } from './components/SupplyPointsEditor.js';

const tabs = ['overview', 'offers', 'activities', 'history'] as const;

const Overview = ({ detail, editable }: { detail: CaseDetail; editable: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useCodeLabel('caseType');
  const territoryLabel = useCodeLabel('distributionTerritory');
  const [participants, participantsEditor] = useDisclosure(false);
  const [points, pointsEditor] = useDisclosure(false);
  const [potentials, potentialsEditor] = useDisclosure(false);
  const editSection = (section: string, onClick: () => void) => ({
    onClick,
    label: t('cases.detail.editSection', { section }),
  });
  const quantity = (value: string | null, unit: string | null) => (value ? `${format.number(value, { maximumFractionDigits: 3 })} ${unit ? t(`cases.units.${unit}`) : ''}` : '');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Field label={t('cases.fields.type')}>{typeLabel(detail.type)}</Field>
        <Field label={t('cases.fields.commodity')}>{t(`cases.commodity.${detail.commodity}`)}</Field>
        <Field label={t('cases.fields.responsibleUser')}>{detail.responsibleUser?.name}</Field>
        <Field label={t('cases.fields.priority')}>{String(detail.priority)}</Field>
        <Field label={t('cases.fields.territoryCode')}>{territoryLabel(detail.territoryCode)}</Field>
        <Field label={t('cases.fields.expectedCloseDate')}>{format.date(detail.expectedCloseDate)}</Field>
        <Field label={t('cases.fields.totalDemand')}>{quantity(detail.totalDemand, detail.totalDemandUnit)}</Field>
        <Field label={t('cases.fields.securityKind')}>{detail.securityKind ? t(`cases.securityKind.${detail.securityKind}`) : ''}</Field>
        <Field label={t('cases.fields.securityAmount')}>{detail.securityAmount ? format.number(detail.securityAmount, { minimumFractionDigits: 2 }) : ''}</Field>
        <Field label={t('cases.fields.lastActivityAt')}>{format.dateTime(detail.lastActivityAt)}</Field>
        <Field label={t('cases.fields.nextActivityAt')}>{format.dateTime(detail.nextActivityAt)}</Field>
        <Field label={t('cases.fields.createdAt')}>{format.dateTime(detail.createdAt)}</Field>
      </SimpleGrid>
      {detail.note && <Field label={t('cases.fields.note')}>{detail.note}</Field>}
      {detail.state === 'closed' && (
        <Alert color={detail.outcome === 'won' ? 'teal' : 'red'} title={t('cases.detail.closedTitle', { date: format.date(detail.closedAt) })}>
          <Text size="sm">{detail.closingNote}</Text>
          {detail.continuationCaseId && (
            <Anchor component={Link} to={`/cases/${detail.continuationCaseId}`} size="sm">
              {t('cases.detail.continuation')}
            </Anchor>
          )}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('cases.participants.title')} edit={editable ? editSection(t('cases.participants.title'), participantsEditor.open) : null}>
          <Table>
            <Table.Tbody>
              {detail.participants.map((p) => (
                <Table.Tr key={p.userId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td ta="right">{format.number(p.share, { maximumFractionDigits: 2 })} %</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('cases.supplyPoints.title')} edit={editable ? editSection(t('cases.supplyPoints.title'), pointsEditor.open) : null}>
          {detail.supplyPoints.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('cases.supplyPoints.empty')}
            </Text>
          ) : (
            <Stack gap={4}>
              {detail.supplyPoints.map((p) => (
                <Anchor key={p.id} component={Link} to={`/supply-points/${p.id}`} size="sm" ff="monospace">
                  {p.identifier}
                  {p.name ? ` · ${p.name}` : ''}
                </Anchor>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t('cases.potentials.title')} edit={editable ? editSection(t('cases.potentials.title'), potentialsEditor.open) : null}>
        {detail.potentials.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.potentials.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('cases.potentials.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.potentials.commodity')}</Table.Th>
                  <Table.Th>{t('cases.fields.territoryCode')}</Table.Th>
                  <Table.Th>{t('cases.potentials.period')}</Table.Th>
                  <Table.Th>{t('cases.potentials.priceModel')}</Table.Th>
                  <Table.Th ta="right">{t('cases.potentials.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.potentials.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{t(`cases.potentials.commodities.${p.commodity}`)}</Table.Td>
                    <Table.Td>{territoryLabel(p.territoryCode)}</Table.Td>
                    <Table.Td>{[format.date(p.periodFrom), format.date(p.periodTo)].filter(Boolean).join(' – ')}</Table.Td>
                    <Table.Td>{p.priceModel ? t(`cases.potentials.priceModels.${p.priceModel}`) : ''}</Table.Td>
                    <Table.Td ta="right">{quantity(p.quantity, p.quantityUnit)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {detail.potentialTotals.length > 0 && (
          <Text size="sm" fw={500} mt="xs">
            {t('cases.potentials.totals', {
              totals: detail.potentialTotals
                .map((total) =>
                  [
                    t(`cases.potentials.commodities.${total.commodity}`, { defaultValue: total.commodity }),
                    `${format.number(total.mwh, { maximumFractionDigits: 3 })} ${t('cases.units.MWh')}`,
                    total.m3 !== '0' ? `${format.number(total.m3, { maximumFractionDigits: 3 })} ${t('cases.units.m3')}` : null,
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
                .join(' · '),
            })}
          </Text>
        )}
      </Section>
      <ParticipantsEditor detail={detail} opened={participants} onClose={participantsEditor.close} />
      <SupplyPointsEditor detail={detail} opened={points} onClose={pointsEditor.close} />
      <PotentialsEditor detail={detail} opened={potentials} onClose={potentialsEditor.close} />
    </Stack>
  );
};

const Header = ({ detail, onEdit, editable }: { detail: CaseDetail; onEdit: () => void; editable: boolean }) => {
  const { t } = useTranslation();
  const archive = useArchiveCase(detail.id, { onSuccess: () => notifySuccess(t('cases.archive.done')) });
  const confirmArchive = () =>
    confirmAction(t, {
      title: t('cases.archive.title'),
      text: t('cases.archive.text', { name: detail.name }),
      confirm: t('cases.archive.confirm'),
      danger: true,
      onConfirm: () => archive.mutate({ version: detail.version }, { onError: (error) => notifyError(t, error) }),
    });
  return (
    <RecordHeader
      back={{ to: '/cases', label: t('cases.detail.back') }}
      title={
        <>
          <Title order={2}>{detail.name}</Title>
          <CaseStateBadge state={detail.state} outcome={detail.outcome} />
          {detail.archivedAt && <Text c="dimmed">{t('cases.archived')}</Text>}
        </>
      }
      subtitle={
        <Text size="sm">
          {detail.clientName ? (
            <Anchor component={Link} to={`/clients/${detail.clientId}?tab=cases`}>
              {detail.clientName}
            </Anchor>
          ) : (
            t('cases.detail.hiddenClient')
          )}
        </Text>
      }
      actions={
        editable && (
          <>
            <EditButton onClick={onEdit} />
            <ArchiveButton onClick={confirmArchive} loading={archive.isPending}>
              {t('cases.archive.action')}
            </ArchiveButton>
          </>
        )
      }
    />
  );
};

const CaseCard = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const editable = can('sales.write') && detail.state === 'new' && !detail.archivedAt;

  return (
    <>
      <Header detail={detail} onEdit={openEdit} editable={editable} />
      <StageBar detail={detail} editable={editable} />
      {editable && (
        <Paper withBorder radius="md" p="sm" mb="md">
          <CaseActions detail={detail} />
        </Paper>
      )}
      <CardTabs tabs={tabs}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('cases.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="offers">{t('offers.tab')}</Tabs.Tab>
          <Tabs.Tab value="activities">{t('cases.tabs.activities')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('cases.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="sm">
          <Tabs.Panel value="overview">
            <Overview detail={detail} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="offers">
            <CaseOffers detail={detail} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="activities">
            <ActivityTimeline caseId={detail.id} name={detail.name} clientLink={{ id: detail.clientId, name: detail.clientName }} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <CaseHistory caseId={detail.id} />
          </Tabs.Panel>
        </Paper>
      </CardTabs>
      <CaseForm opened={editing} onClose={closeEdit} detail={detail} />
    </>
  );
};

/** The case card: header, stage bar with gate hints, one-click actions and tabs for details, activities and history. */
export const CaseDetailPage = () => {
  const { id = '' } = useParams();
  const query = useCase(id);
  return <WhenLoaded query={query}>{(detail) => <CaseCard detail={detail} />}</WhenLoaded>;
};
