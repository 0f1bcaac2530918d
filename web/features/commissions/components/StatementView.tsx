import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDownload, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import { statementFileUrl, useApproveStatement, useStatement, type StatementDetail } from '../api.js';
import { EventLabel } from './EventLabel.js';
import { money } from './money.js';

const Total = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={600}>{children}</Text>
  </Stack>
);

const Actions = ({ statement }: { statement: StatementDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const approve = useApproveStatement();
  if (statement.id) {
    return (
      <Group gap="sm">
        <Button component="a" href={statementFileUrl(statement.id, 'pdf')} download leftSection={<IconDownload size={16} aria-hidden />}>
          {t('commissions.statements.downloadPdf')}
        </Button>
        <Button component="a" href={statementFileUrl(statement.id, 'xlsx')} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('commissions.statements.downloadXlsx')}
        </Button>
      </Group>
    );
  }
  if (!can('commissions.approve') || statement.lines.length === 0) return null;
  const confirm = () =>
    modals.openConfirmModal({
      title: t('commissions.statements.approveTitle'),
      children: (
        <Text size="sm">
          {t('commissions.statements.approveText', { person: statement.userName ?? '', period: statement.period, total: money(format, statement.total, statement.currency) })}
        </Text>
      ),
      labels: { confirm: t('commissions.statements.approveConfirm'), cancel: t('common.cancel') },
      onConfirm: () =>
        approve.mutate(
          { userId: statement.userId, period: statement.period, expectedTotal: statement.total },
          { onSuccess: () => notifySuccess(t('commissions.statements.approved')), onError: (error) => notifyError(t, error) },
        ),
    });
  return (
    <Button leftSection={<IconLock size={16} aria-hidden />} onClick={confirm} loading={approve.isPending}>
      {t('commissions.statements.approve')}
    </Button>
  );
};

/** One person's statement of a month: the approved one, or the preview of what approving would lock. */
export const StatementView = ({ userId, period }: { userId: string; period: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useStatement({ userId, period });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text fw={700} size="lg">
            {s.userName} · {s.period}
          </Text>
          {s.id ? (
            <Group gap="xs">
              <Badge color="teal" variant="light">
                {t('commissions.statements.approvedState')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('commissions.statements.approvedBadge', { name: s.approvedByName ?? '', date: format.date(s.approvedAt) })}
              </Text>
            </Group>
          ) : (
            <Badge color="orange" variant="light">
              {t('commissions.statement.draft')}
            </Badge>
          )}
        </Stack>
        <Actions statement={s} />
      </Group>
      <SimpleGrid cols={3}>
        <Total label={t('commissions.statement.commissionTotal')}>{money(format, s.commissionTotal, s.currency)}</Total>
        <Total label={t('commissions.statement.clawbackTotal')}>{money(format, s.clawbackTotal, s.currency)}</Total>
        <Total label={t('commissions.statement.total')}>
          <span data-testid="statement-total">{money(format, s.total, s.currency)}</span>
        </Total>
      </SimpleGrid>
      {s.lines.length === 0 ? (
        <Alert color="gray">{t('commissions.statement.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped="even" fz="sm" aria-label={t('commissions.statement.lines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('commissions.fields.contract')}</Table.Th>
                <Table.Th>{t('commissions.fields.client')}</Table.Th>
                <Table.Th>{t('commissions.fields.supplyPoint')}</Table.Th>
                <Table.Th>{t('commissions.fields.explanation')}</Table.Th>
                <Table.Th>{t('commissions.fields.share')}</Table.Th>
                <Table.Th>{t('commissions.fields.event')}</Table.Th>
                <Table.Th>{t('commissions.fields.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('commissions.fields.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.lines.map((line) => (
                <Table.Tr key={line.payoutId}>
                  <Table.Td ff="monospace">{line.contractNumber}</Table.Td>
                  <Table.Td>{line.clientName ?? '—'}</Table.Td>
                  <Table.Td ff="monospace">{line.supplyPointIdentifier}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{line.explanation}</Text>
                    <Text size="xs" c="dimmed">
                      {line.ruleName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{line.share === null ? '—' : `${format.number(line.share)} %`}</Table.Td>
                  <Table.Td>
                    {line.entry === 'clawback' && line.cancelsPosition === null ? (
                      t('commissions.entry.clawback')
                    ) : (
                      <EventLabel event={line.event} months={line.months} cancelsPosition={line.cancelsPosition} />
                    )}
                    {line.entry === 'commission' && ` (${line.position})`}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(line.dueOn)}</Table.Td>
                  <Table.Td ta="right" c={line.entry === 'clawback' ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {money(format, line.amount, s.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
};
