import { Alert, Anchor, Button, Group, List, Menu, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import {
  IconAlertTriangle,
  IconArchive,
  IconChevronDown,
  IconCircleX,
  IconDownload,
  IconFileCheck,
  IconSignature,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CardTabs } from '../../components/detail/CardTabs.js';
import { Field, Section } from '../../components/detail/Field.js';
import { confirmAction, EditButton, RecordHeader } from '../../components/detail/RecordHeader.js';
import { WhenLoaded } from '../../components/detail/WhenLoaded.js';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import {
  contractPdfUrl,
  signedContractPdfUrl,
  useArchiveContract,
  useClientSupplyPoints,
  useContract,
  useSendForSignature,
  useSignatureRequests,
  type ContractDetail,
} from './api.js';
import { ContractForm } from './ContractForm.js';
import { ContractHistory } from './components/ContractHistory.js';
import { ContractStateBadge } from './components/ContractStateBadge.js';
import { EndContractDialog } from './components/EndContractDialog.js';
import { SignaturePanel } from './components/SignaturePanel.js';
import { allowedSteps, contractErrorMessage } from './display.js';
import { ContractCommissions } from '../commissions/ContractCommissions.js';

const tabs = ['overview', 'commissions', 'history'] as const;

const Overview = ({ detail, waiting }: { detail: ContractDetail; waiting: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const points = useClientSupplyPoints(detail.clientId, detail.commodity, 'all');
  const byId = new Map((points.data ?? []).map((p) => [p.id, p]));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Field label={t('contracts.fields.type')}>{t(`contracts.type.${detail.type}`)}</Field>
        <Field label={t('contracts.fields.commodity')}>{t(`contracts.commodity.${detail.commodity}`)}</Field>
        <Field label={t('contracts.fields.supplier')}>{detail.supplier}</Field>
        <Field label={t('contracts.fields.productName')}>{detail.productName}</Field>
        <Field label={t('contracts.fields.startDate')}>{format.date(detail.startDate)}</Field>
        <Field label={t('contracts.fields.endDate')}>{format.date(detail.endDate)}</Field>
        <Field label={t('contracts.fields.noticePeriodMonths')}>{detail.noticePeriodMonths === null ? '' : String(detail.noticePeriodMonths)}</Field>
        <Field label={t('contracts.fields.noticeDeadline')}>{format.date(detail.noticeDeadline)}</Field>
        <Field label={t('contracts.fields.signedAt')}>{format.dateTime(detail.signedAt)}</Field>
        <Field label={t('contracts.fields.endedOn')}>{format.date(detail.endedOn)}</Field>
        <Field label={t('contracts.detail.createdAt')}>{format.dateTime(detail.createdAt)}</Field>
      </SimpleGrid>
      {detail.note && <Field label={t('contracts.fields.note')}>{detail.note}</Field>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('contracts.fields.supplyPoints')}>
          {detail.supplyPointIds.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.detail.noSupplyPoints')}
            </Text>
          ) : (
            <Stack gap={4}>
              {detail.supplyPointIds.map((id) => {
                const point = byId.get(id);
                return (
                  <Anchor key={id} component={Link} to={`/supply-points/${id}`} size="sm" ff="monospace">
                    {point ? `${point.identifier}${point.name ? ` · ${point.name}` : ''}` : id}
                  </Anchor>
                );
              })}
            </Stack>
          )}
        </Section>
        <Section title={t('contracts.fields.signatories')}>
          {detail.signatories.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contracts.detail.noSignatories')}
            </Text>
          ) : (
            <List type="ordered" size="sm" aria-label={t('contracts.fields.signatories')}>
              {detail.signatories.map((s) => (
                <List.Item key={s.contactId}>
                  {s.name}{' '}
                  <Text span size="xs" c="dimmed">
                    {[s.email, s.phone].filter(Boolean).join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t('contracts.signature.title')}>
        <SignaturePanel contractId={detail.id} waiting={waiting} />
      </Section>
    </Stack>
  );
};

const Header = ({ detail, onEdit, onEnd, onSendFailed }: { detail: ContractDetail; onEdit: () => void; onEnd: () => void; onSendFailed: (error: unknown) => void }) => {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('contracts.write');
  const steps = allowedSteps(detail.state, Boolean(detail.archivedAt));
  const requests = useSignatureRequests(detail.id, detail.state === 'sentForSignature');
  const hasSignedPdf = (requests.data ?? []).some((r) => r.state === 'signed' && r.hasSignedPdf);
  const archive = useArchiveContract(detail.id, { onSuccess: () => notifySuccess(t('contracts.archive.done')) });
  const send = useSendForSignature(detail.id, { onSuccess: () => notifySuccess(t('contracts.signature.sent')) });
  const confirmArchive = () =>
    confirmAction(t, {
      title: t('contracts.archive.title'),
      text: t('contracts.archive.text', { number: detail.number }),
      confirm: t('contracts.archive.confirm'),
      danger: true,
      onConfirm: () => archive.mutate({ version: detail.version }, { onError: (error) => notifyError(t, error) }),
    });
  const confirmSend = () =>
    modals.openConfirmModal({
      title: t('contracts.signature.confirmTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('contracts.signature.confirmText', { number: detail.number })}</Text>
          <List type="ordered" size="sm">
            {detail.signatories.map((s) => (
              <List.Item key={s.contactId}>
                {s.name} {s.email ? `<${s.email}>` : `(${t('contracts.form.noEmail')})`}
              </List.Item>
            ))}
          </List>
        </Stack>
      ),
      labels: { confirm: t('contracts.signature.confirm'), cancel: t('common.cancel') },
      onConfirm: () => {
        onSendFailed(null);
        send.mutate(undefined, { onError: onSendFailed });
      },
    });
  const showMenu = canWrite && (steps.end || steps.archive);

  return (
    <RecordHeader
      back={{ to: '/contracts', label: t('contracts.detail.back') }}
      title={
        <>
          <Title order={2} ff="monospace">
            {detail.number}
          </Title>
          <ContractStateBadge state={detail.state} size="lg" />
          {detail.archivedAt && <Text c="dimmed">{t('contracts.archived')}</Text>}
        </>
      }
      subtitle={
        <Group gap="md">
          <Text size="sm">
            {detail.clientName ? (
              <Anchor component={Link} to={`/clients/${detail.clientId}?tab=contracts`}>
                {detail.clientName}
              </Anchor>
            ) : (
              t('contracts.detail.hiddenClient')
            )}
          </Text>
          {detail.caseId && (
            <Anchor component={Link} to={`/cases/${detail.caseId}`} size="sm">
              {t('contracts.detail.case')}
            </Anchor>
          )}
        </Group>
      }
      actions={
        <>
          {canWrite && steps.edit && (
            <EditButton variant="default" onClick={onEdit} />
          )}
          <Button component="a" href={contractPdfUrl(detail.id)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('contracts.detail.downloadPdf')}
          </Button>
          {hasSignedPdf && (
            <Button component="a" href={signedContractPdfUrl(detail.id)} download color="teal" leftSection={<IconFileCheck size={16} aria-hidden />}>
              {t('contracts.detail.signedPdf')}
            </Button>
          )}
          {canWrite && steps.sendForSignature && (
            <Button leftSection={<IconSignature size={16} aria-hidden />} onClick={confirmSend} loading={send.isPending}>
              {detail.state === 'draft' ? t('contracts.signature.send') : t('contracts.signature.resend')}
            </Button>
          )}
          {showMenu && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} loading={archive.isPending}>
                  {t('contracts.detail.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {steps.end && (
                  <Menu.Item leftSection={<IconCircleX size={16} aria-hidden />} onClick={onEnd}>
                    {t('contracts.end.action')}
                  </Menu.Item>
                )}
                {steps.archive && (
                  <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={confirmArchive}>
                    {t('contracts.archive.action')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </>
      }
    >
      {send.isPending && (
        <Text size="sm" c="dimmed" role="status" w="100%">
          {t('contracts.signature.sending')}
        </Text>
      )}
    </RecordHeader>
  );
};

const ContractCard = ({ detail }: { detail: ContractDetail }) => {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [ending, { open: openEnd, close: closeEnd }] = useDisclosure(false);
  const [sendFailure, setSendFailure] = useState<unknown>(null);
  const waiting = detail.state === 'sentForSignature';

  return (
    <>
      <Header detail={detail} onEdit={openEdit} onEnd={openEnd} onSendFailed={setSendFailure} />
      {Boolean(sendFailure) && (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('contracts.signature.failedTitle')} mb="md" role="alert" withCloseButton onClose={() => setSendFailure(null)}>
          {contractErrorMessage(t, sendFailure)}
        </Alert>
      )}
      <CardTabs tabs={tabs}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('contracts.tabs.overview')}</Tabs.Tab>
          {can('commissions.read') && <Tabs.Tab value="commissions">{t('commissions.contract.tab')}</Tabs.Tab>}
          <Tabs.Tab value="history">{t('contracts.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="sm">
          <Tabs.Panel value="overview">
            <Overview detail={detail} waiting={waiting} />
          </Tabs.Panel>
          {can('commissions.read') && (
            <Tabs.Panel value="commissions">
              <ContractCommissions contractId={detail.id} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="history">
            <ContractHistory contractId={detail.id} />
          </Tabs.Panel>
        </Paper>
      </CardTabs>
      <ContractForm opened={editing} onClose={closeEdit} detail={detail} />
      {ending && <EndContractDialog detail={detail} opened={ending} onClose={closeEnd} />}
    </>
  );
};

/** The contract card: terms, supply points, signing persons, the signature through Signi and the history. */
export const ContractDetailPage = () => {
  const { id = '' } = useParams();
  const query = useContract(id);
  return <WhenLoaded query={query}>{(detail) => <ContractCard detail={detail} />}</WhenLoaded>;
};
