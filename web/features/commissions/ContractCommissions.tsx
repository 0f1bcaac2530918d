import { LoadMoreButton } from '../../components/ListFooter.js';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { useCommissionList } from './api.js';
import { CommissionTable } from './components/CommissionTable.js';
import { money } from './components/money.js';

/** The contract card's commissions: only those the user may see (their own, or all with commissions.readAll). */
export const ContractCommissions = ({ contractId }: { contractId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const list = useCommissionList({ contractId });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const commissions = list.data.pages.flatMap((page) => page.items);
  if (commissions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('commissions.contract.empty')}
      </Text>
    );
  }
  return (
    <>
      <CommissionTable commissions={commissions} showPerson={can('commissions.readAll')} showContract={false} />
      <Group justify="space-between" mt="sm">
        <Text size="sm" fw={600}>
          {t('commissions.list.total', { amount: money(format, list.data.pages[0]?.total ?? '0', commissions[0]?.currency ?? 'EUR') })}
        </Text>
        <LoadMoreButton list={list} size="xs" />
      </Group>
    </>
  );
};
