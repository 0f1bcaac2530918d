import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { LoadMoreButton } from '../../components/ListFooter.js';
import { Button, Group, Text } from '@mantine/core';
import { IconCoins, IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan, useMe } from '../auth/api.js';
import { commissionExportUrl, useCommissionList } from './api.js';
import { CommissionFilters } from './components/CommissionFilters.js';
import { CommissionTable } from './components/CommissionTable.js';
import { money } from './components/money.js';
import { commissionOrder, useCommissionParams } from './list-params.js';

/** Commissions (COMM-5): your own, or with commissions.readAll every one of the company; filters, sort, total, export. */
export const CommissionsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const me = useMe();
  const readAll = can('commissions.readAll');
  const { params, update, clearFilters, activeFilterCount } = useCommissionParams();
  const list = useCommissionList(params);
  const total = list.data?.pages[0]?.total ?? '0';

  return (
    <>
      <PageHeader
        title={t('commissions.title')}
        description={readAll ? t('commissions.list.descriptionAll') : t('commissions.list.descriptionOwn')}
        actions={
          <>
            <Button
              component={Link}
              to="/commissions/statements"
              variant="default"
              leftSection={<IconFileInvoice size={16} aria-hidden />}
            >
              {t('commissions.nav.statements')}
            </Button>
            <ExportMenu urlOf={(format) => commissionExportUrl(params, format)} />
          </>
        }
      />
      <CommissionFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
        byPerson={readAll}
      />
      <PagedListPanel
        list={list}
        texts="commissions.list"
        icon={<IconCoins size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        footer={(commissions) => (
          <Group justify="space-between" mt="md">
            <Text size="sm" aria-live="polite">
              {list.hasNextPage
                ? t('commissions.list.shownMore', { count: commissions.length })
                : t('commissions.list.shown', { count: commissions.length })}
              {' · '}
              <Text span fw={700} data-testid="commissions-total">
                {t('commissions.list.total', {
                  amount: money(format, total, commissions[0]?.currency ?? me.data?.owner.currency ?? 'EUR'),
                })}
              </Text>
            </Text>
            <LoadMoreButton list={list} />
          </Group>
        )}
      >
        {(commissions) => (
          <CommissionTable
            commissions={commissions}
            sort={params.sort}
            onSort={(field) => update({ sort: commissionOrder.next(params.sort, field) })}
            showPerson={readAll}
          />
        )}
      </PagedListPanel>
    </>
  );
};
