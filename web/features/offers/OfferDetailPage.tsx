import { Alert, Anchor, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import {
  documentUrl,
  offerPdfUrl,
  useAcceptOffer,
  useOffer,
  useOfferComparison,
  useOfferStep,
  useOfferVersions,
  useUpdateOffer,
  type OfferDetail,
  type OfferStep,
} from './api.js';
import { LinesTable, OfferStateBadge, SavingText, TotalsRow, useMoney } from './components/OfferBits.js';
import { OfferHistory } from './components/OfferHistory.js';
import { Field } from '../../components/detail/Field.js';

/** Steps by state; the server decides again, the buttons only offer what may work. */
const Actions = ({ offer }: { offer: OfferDetail }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const step = useOfferStep(offer.id);
  const accept = useAcceptOffer(offer.id);
  const update = useUpdateOffer(offer.id);
  const [asking, setAsking] = useState<OfferStep | null>(null);
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState(offer.validUntil);
  const [versioning, setVersioning] = useState(false);
  const run = (name: OfferStep, withReason?: string) =>
    step.mutate(
      { step: name, version: offer.version, ...(withReason ? { reason: withReason } : {}) },
      { onSuccess: () => notifySuccess(t(`offers.done.${name}`)), onError: (e) => notifyError(t, e) },
    );
  return (
    <Group>
      {offer.state === 'draft' && <Button onClick={() => run('submit')}>{t('offers.actions.submit')}</Button>}
      {offer.canApprove && (
        <>
          <Button color="teal" onClick={() => setAsking('approve')}>
            {t('offers.actions.approve')}
          </Button>
          <Button color="red" variant="light" onClick={() => setAsking('reject')}>
            {t('offers.actions.reject')}
          </Button>
        </>
      )}
      {offer.state === 'approved' && <Button onClick={() => run('send')}>{t('offers.actions.send')}</Button>}
      {offer.state === 'sent' && (
        <>
          <Button
            color="green"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(
                { version: offer.version },
                { onSuccess: (r) => void navigate(`/contracts/${r.contractId}`), onError: (e) => notifyError(t, e) },
              )
            }
          >
            {t('offers.actions.accept')}
          </Button>
          <Button color="red" variant="light" onClick={() => setAsking('decline')}>
            {t('offers.actions.decline')}
          </Button>
        </>
      )}
      {offer.changeMode === 'newVersion' && (
        <Button variant="default" onClick={() => setVersioning(true)}>
          {t('offers.actions.newVersion')}
        </Button>
      )}
      <Button component="a" href={offerPdfUrl(offer.id)} variant="default" leftSection={<IconDownload size={16} />}>
        {t('offers.actions.pdf')}
      </Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`offers.actions.${asking}`) : ''}>
        <Stack>
          <Textarea label={t('offers.fields.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={asking === 'reject'} autosize minRows={2} />
          <Button
            disabled={asking === 'reject' && reason.trim() === ''}
            onClick={() => {
              if (asking) run(asking, reason.trim() || undefined);
              setAsking(null);
              setReason('');
            }}
          >
            {t('common.confirm')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={versioning} onClose={() => setVersioning(false)} title={t('offers.actions.newVersion')}>
        <Stack>
          <Text size="sm">{t('offers.newVersionHint')}</Text>
          <TextInput type="date" label={t('offers.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} />
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { version: offer.version, validUntil },
                { onSuccess: (next) => { setVersioning(false); void navigate(`/offers/${next.id}`); }, onError: (e) => notifyError(t, e) },
              )
            }
          >
            {t('offers.actions.newVersion')}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
};

const Versions = ({ offer }: { offer: OfferDetail }) => {
  const { t } = useTranslation();
  const money = useMoney();
  const versions = useOfferVersions(offer.id);
  const [other, setOther] = useState<string | null>(null);
  const compare = useOfferComparison(offer.id, other);
  const items = versions.data?.items ?? [];
  return (
    <Stack>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('offers.fields.version')}</Table.Th>
            <Table.Th>{t('offers.fields.state')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.offeredCost')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.saving')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                <Anchor component={Link} to={`/offers/${v.id}`}>
                  {t('offers.versionShort', { n: v.versionNumber })}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <OfferStateBadge state={v.state} />
              </Table.Td>
              <Table.Td ta="right">{money(v.totals.offeredCost, v.totals.currency)}</Table.Td>
              <Table.Td ta="right">
                <SavingText value={v.totals.saving} percent={v.totals.savingPercent} currency={v.totals.currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Select
        label={t('offers.compareWith')}
        value={other}
        onChange={setOther}
        clearable
        data={items.filter((v) => v.id !== offer.id).map((v) => ({ value: v.id, label: t('offers.versionShort', { n: v.versionNumber }) }))}
      />
      {compare.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('offers.fields.supplyPoint')}</Table.Th>
              <Table.Th ta="right">{t('offers.versionShort', { n: compare.data.left.versionNumber })}</Table.Th>
              <Table.Th ta="right">{t('offers.versionShort', { n: compare.data.right.versionNumber })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {compare.data.lines.map((l) => (
              <Table.Tr key={`${l.supplyPointId}-${l.left?.position ?? ''}-${l.right?.position ?? ''}`}>
                <Table.Td>{l.supplyPointIdentifier ?? '—'}</Table.Td>
                <Table.Td ta="right">{l.left ? `${money(l.left.offeredCost, offer.totals.currency)} / ${money(l.left.saving, offer.totals.currency)}` : '—'}</Table.Td>
                <Table.Td ta="right">{l.right ? `${money(l.right.offeredCost, offer.totals.currency)} / ${money(l.right.saving, offer.totals.currency)}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>{t('offers.difference')}</Table.Td>
              <Table.Td />
              <Table.Td ta="right" fw={600}>
                {money(compare.data.difference.offeredCost, offer.totals.currency)} / {money(compare.data.difference.saving, offer.totals.currency)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};

/** The offer card: lines with current against offered cost and the saving explained, totals, actions by state, versions. */
export const OfferDetailPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const query = useOffer(id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const offer = query.data;
  const showMargin = offer.totals.margin !== null;
  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Anchor component={Link} to={`/cases/${offer.caseId}?tab=offers`} size="sm">
            <IconArrowLeft size={14} /> {offer.caseName ?? t('offers.case')}
          </Anchor>
          <Title order={2}>
            {offer.number} · {t('offers.versionShort', { n: offer.versionNumber })}
          </Title>
          <Text c="dimmed" size="sm">
            {offer.clientName}
          </Text>
        </Stack>
        <OfferStateBadge state={offer.state} />
      </Group>
      {offer.changeMode === 'readOnly' && <Alert color="gray">{t('offers.readOnly')}</Alert>}
      {offer.contractId && (
        <Alert color="green">
          <Anchor component={Link} to={`/contracts/${offer.contractId}`}>
            {t('offers.openContract')}
          </Anchor>
        </Alert>
      )}
      <Paper withBorder radius="md" p="sm">
        <Actions offer={offer} />
      </Paper>
      <Tabs defaultValue="lines" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="lines">{t('offers.tabs.lines')}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('offers.tabs.versions')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('offers.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder radius="md" p="md" mt="sm">
          <Tabs.Panel value="lines">
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Field label={t('offers.fields.kind')}>{t(`offers.kind.${offer.kind}`)}</Field>
                <Field label={t('offers.fields.validUntil')}>{format.date(offer.validUntil)}</Field>
                <Field label={t('offers.fields.approvalRoute')}>{offer.approvalRoute ? t(`offers.route.${offer.approvalRoute}`) : ''}</Field>
                <Field label={t('offers.fields.sentAt')}>{format.dateTime(offer.sentAt)}</Field>
                {offer.closingReason && <Field label={t('offers.fields.reason')}>{offer.closingReason}</Field>}
                {offer.note && <Field label={t('offers.fields.note')}>{offer.note}</Field>}
              </SimpleGrid>
              <LinesTable lines={offer.lines} currency={offer.totals.currency} showMargin={showMargin} />
              <TotalsRow totals={offer.totals} showMargin={showMargin} />
              {offer.approvals.length > 0 && (
                <Stack gap={4}>
                  <Title order={4}>{t('offers.approvals')}</Title>
                  {offer.approvals.map((a) => (
                    <Text key={a.id} size="sm">
                      {format.dateTime(a.at)} · {a.by?.name ?? '—'} · {t(`offers.decision.${a.decision}`)} ({t(`offers.route.${a.route}`)}){a.reason ? `: ${a.reason}` : ''}
                    </Text>
                  ))}
                </Stack>
              )}
              {offer.related.length > 0 && (
                <Stack gap={4}>
                  <Title order={4}>{t('offers.related')}</Title>
                  {offer.related.map((r) => (
                    <Anchor key={r.id} component={Link} to={`/offers/${r.id}`} size="sm">
                      {r.number} · {t('offers.versionShort', { n: r.versionNumber })} · {t(`offers.state.${r.state}`)}
                    </Anchor>
                  ))}
                </Stack>
              )}
              {offer.documents.length > 0 && (
                <Stack gap={4}>
                  <Title order={4}>{t('offers.documents')}</Title>
                  {offer.documents.map((d) => (
                    <Anchor key={d.id} href={documentUrl(d.id)} size="sm">
                      {d.fileName} ({format.dateTime(d.createdAt)})
                    </Anchor>
                  ))}
                </Stack>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="versions">
            <Versions offer={offer} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <OfferHistory offerId={offer.id} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  );
};
