import { Alert, Anchor, Button, EmptyState, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useProblems, useRetry } from '../api.js';

/** Supply points of signed contracts that earned no commission, why, and computing them again after a rule change. */
export const ProblemsPanel = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const problems = useProblems();
  const retry = useRetry();
  const result = retry.data;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {t('commissions.problems.description')}
        </Text>
        <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => retry.mutate(undefined, { onError: (error) => notifyError(t, error) })} loading={retry.isPending}>
          {t('commissions.problems.retry')}
        </Button>
      </Group>
      {result && (
        <Alert color="teal" mb="sm" role="status" withCloseButton onClose={() => retry.reset()}>
          {t('commissions.problems.retried', { contracts: result.contracts, commissions: result.commissions, problems: result.problems })}
        </Alert>
      )}
      {problems.isPending ? (
        <PageLoader />
      ) : problems.isError ? (
        <PageError error={problems.error} onRetry={() => void problems.refetch()} />
      ) : problems.data.length === 0 ? (
        <EmptyState py="xl" icon={<IconCircleCheck size={28} aria-hidden />} title={t('commissions.problems.empty')} description={t('commissions.problems.emptyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped="even" aria-label={t('commissions.problems.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('commissions.fields.contract')}</Table.Th>
                <Table.Th>{t('commissions.fields.supplyPoint')}</Table.Th>
                <Table.Th>{t('commissions.fields.kind')}</Table.Th>
                <Table.Th>{t('commissions.problems.reason')}</Table.Th>
                <Table.Th>{t('commissions.problems.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${p.contractId}`} ff="monospace" size="sm">
                      {p.contractNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {p.supplyPointIdentifier}
                  </Table.Td>
                  <Table.Td>{t(`commissions.kind.${p.kind}`)}</Table.Td>
                  <Table.Td>{t(`commissions.problems.reasons.${p.reason}`)}</Table.Td>
                  <Table.Td>{format.dateTime(p.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
};
