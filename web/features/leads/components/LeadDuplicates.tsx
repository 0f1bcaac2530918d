import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArrowMerge, IconCheck, IconInfoCircle, IconLink, IconTransform } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifyError, notifySuccess } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import {
  useLeadDuplicates,
  useMergeLead,
  useUpdateLead,
  type DuplicateMatch,
  type LeadDetail,
} from '../api.js';

const compared = ['name', 'companyId', 'email', 'phone', 'city', 'country', 'status'] as const;
type Compared = (typeof compared)[number];

const valueOf = (record: LeadDetail | DuplicateMatch, field: Compared): string | null => {
  if (field === 'city') return 'address' in record ? record.address.city : record.city;
  return record[field];
};

/** The lead and one match in two columns, the keys they share marked, with what can be done about it. */
const Comparison = ({
  lead,
  match,
  onKeep,
  onConvertInto,
}: {
  lead: LeadDetail;
  match: DuplicateMatch;
  onKeep: () => void;
  onConvertInto: (clientId: string) => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const can = useCan();
  const merge = useMergeLead();
  const link = useUpdateLead(lead.id);
  const shared = new Set<string>(match.matchedOn.map((m) => m.field));
  const changeable = can('sales.write') && lead.status !== 'converted' && !lead.archivedAt;
  const show = (field: Compared, value: string | null, type: 'lead' | 'client') => {
    if (!value) return '—';
    if (field === 'country') return format.country(value);
    if (field === 'status') return t(type === 'lead' ? `leads.status.${value}` : `clients.status.${value}`);
    return value;
  };

  const confirmMerge = (sourceId: string, intoId: string, keptName: string, mergedName: string) =>
    modals.openConfirmModal({
      title: t('leads.duplicates.mergeTitle'),
      children: (
        <Text size="sm">{t('leads.duplicates.mergeText', { kept: keptName, merged: mergedName })}</Text>
      ),
      labels: { confirm: t('leads.duplicates.mergeConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: () =>
        merge.mutate(
          { id: sourceId, intoLeadId: intoId },
          {
            onSuccess: (kept) => {
              notifySuccess(t('leads.duplicates.merged', { name: kept.name }));
              if (kept.id !== lead.id) void navigate(`/leads/${kept.id}`);
            },
            onError: (error) => notifyError(t, error),
          },
        ),
    });

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Badge color={match.type === 'lead' ? 'blue' : 'grape'} variant="light">
            {t(`leads.duplicates.type.${match.type}`)}
          </Badge>
          <Anchor
            component={Link}
            to={match.type === 'lead' ? `/leads/${match.id}` : `/clients/${match.id}`}
            fw={600}
          >
            {match.name}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {t('leads.duplicates.sharedKeys', {
            keys: match.matchedOn
              .map((m) => `${t(`leads.duplicates.keys.${m.field}`)} ${m.value}`)
              .join(', '),
          })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table withColumnBorders aria-label={t('leads.duplicates.compareLabel', { name: match.name })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%" />
              <Table.Th>{t('leads.duplicates.thisLead')}</Table.Th>
              <Table.Th>{t(`leads.duplicates.type.${match.type}`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {compared.map((field) => {
              const isShared = shared.has(field);
              return (
                <Table.Tr key={field} bg={isShared ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Td fw={500}>
                    {t(`leads.fields.${field}`)}
                    {isShared && (
                      <IconCheck
                        size={12}
                        aria-label={t('leads.duplicates.shared')}
                        style={{ marginLeft: 4 }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{show(field, valueOf(lead, field), 'lead')}</Table.Td>
                  <Table.Td>{show(field, valueOf(match, field), match.type)}</Table.Td>
                </Table.Tr>
              );
            })}
            {shared.has('supplyPointIdentifier') && (
              <Table.Tr bg="var(--mantine-color-orange-light)">
                <Table.Td fw={500}>{t('leads.duplicates.keys.supplyPointIdentifier')}</Table.Td>
                <Table.Td colSpan={2} ff="monospace">
                  {match.matchedOn
                    .filter((m) => m.field === 'supplyPointIdentifier')
                    .map((m) =>
                      m.supplyPointId ? (
                        <Anchor
                          key={m.value}
                          component={Link}
                          to={`/supply-points/${m.supplyPointId}`}
                          mr="sm"
                        >
                          {m.value}
                        </Anchor>
                      ) : (
                        <span key={m.value}>{m.value} </span>
                      ),
                    )}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {changeable && (
        <Group gap="sm" mt="sm">
          {match.type === 'lead' ? (
            <>
              <Button
                size="xs"
                leftSection={<IconArrowMerge size={14} aria-hidden />}
                loading={merge.isPending}
                onClick={() => confirmMerge(match.id, lead.id, lead.name, match.name)}
              >
                {t('leads.duplicates.mergeIntoThis')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={merge.isPending}
                onClick={() => confirmMerge(lead.id, match.id, match.name, lead.name)}
              >
                {t('leads.duplicates.mergeIntoOther')}
              </Button>
            </>
          ) : (
            <>
              <Button
                size="xs"
                leftSection={<IconLink size={14} aria-hidden />}
                loading={link.isPending}
                disabled={lead.clientId === match.id}
                onClick={() =>
                  link.mutate(
                    { clientId: match.id, version: lead.version },
                    {
                      onSuccess: () => notifySuccess(t('leads.duplicates.linked', { name: match.name })),
                      onError: (error) => notifyError(t, error),
                    },
                  )
                }
              >
                {t('leads.duplicates.linkClient')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconTransform size={14} aria-hidden />}
                onClick={() => onConvertInto(match.id)}
              >
                {t('leads.duplicates.convertInto')}
              </Button>
            </>
          )}
          <Button size="xs" variant="subtle" onClick={onKeep}>
            {t('leads.duplicates.keep')}
          </Button>
        </Group>
      )}
    </Paper>
  );
};

/**
 * The leads and clients that share a company ID, e-mail, phone or supply point with this lead, each side by side
 * with it: merge one lead into the other, link or convert into the client, or keep both.
 */
export const LeadDuplicates = ({
  lead,
  onConvertInto,
}: {
  lead: LeadDetail;
  onConvertInto: (clientId: string) => void;
}) => {
  const { t } = useTranslation();
  const duplicates = useLeadDuplicates(lead.id);
  const [kept, setKept] = useState<Set<string>>(new Set());
  if (duplicates.isPending) return <PageLoader />;
  if (duplicates.isError)
    return <PageError error={duplicates.error} onRetry={() => void duplicates.refetch()} />;
  const shown = duplicates.data.filter((m) => !kept.has(m.id));
  return (
    <Stack gap="md">
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {kept.size > 0 ? t('leads.duplicates.allKept') : t('leads.duplicates.none')}
        </Text>
      ) : (
        <Alert color="orange" icon={<IconInfoCircle size={18} />}>
          {t('leads.duplicates.intro', { count: shown.length })}
        </Alert>
      )}
      {shown.map((match) => (
        <Comparison
          key={`${match.type}-${match.id}`}
          lead={lead}
          match={match}
          onKeep={() => {
            setKept(new Set([...kept, match.id]));
            notifySuccess(t('leads.duplicates.keptBoth'));
          }}
          onConvertInto={onConvertInto}
        />
      ))}
    </Stack>
  );
};
