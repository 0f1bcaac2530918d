import { ListPanel } from '../../components/ListPanel.js';
import { useAddressChanges } from '../../components/address.js';
import { Anchor, Badge, Drawer, EmptyState, Table, TextInput } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useStatements } from './api.js';
import { StatementView } from './components/StatementView.js';
import { money } from './components/money.js';
import { currentPeriod, isPeriod } from './list-params.js';

/** Statements of a month (COMM-5): the approved ones and the previews still to approve; a row opens the statement. */
export const StatementsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [search] = useSearchParams();
  const requested = search.get('period');
  const period = isPeriod(requested) ? requested : currentPeriod();
  const openUser = search.get('userId');
  const list = useStatements(period);
  const set = useAddressChanges<'period' | 'userId'>();
  const statements = list.data ?? [];

  return (
    <>
      <PageHeader
        title={t('commissions.statements.title')}
        description={t('commissions.statements.description')}
      />
      <TextInput
        type="month"
        label={t('commissions.statement.period')}
        value={period}
        onChange={(event) =>
          isPeriod(event.currentTarget.value) && set({ period: event.currentTarget.value, userId: null })
        }
        w={200}
        mb="md"
      />
      <ListPanel
        query={list}
        empty={
          statements.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconFileInvoice size={28} aria-hidden />}
              title={t('commissions.statements.empty')}
              description={t('commissions.statements.emptyHint')}
            />
          ) : undefined
        }
      >
        <Table highlightOnHover aria-label={t('commissions.statements.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commissions.statement.person')}</Table.Th>
              <Table.Th>{t('commissions.statements.state')}</Table.Th>
              <Table.Th ta="right">{t('commissions.statement.lines')}</Table.Th>
              <Table.Th ta="right">{t('commissions.statement.commissionTotal')}</Table.Th>
              <Table.Th ta="right">{t('commissions.statement.clawbackTotal')}</Table.Th>
              <Table.Th ta="right">{t('commissions.statement.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.map((s) => (
              <Table.Tr
                key={s.userId}
                onClick={() => set({ userId: s.userId })}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={500}
                    aria-label={t('commissions.statements.open', { person: s.userName ?? '' })}
                  >
                    {s.userName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {s.id ? (
                    <Badge color="teal" variant="light">
                      {t('commissions.statements.approvedState')}
                    </Badge>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t('commissions.statements.previewState')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{s.lineCount}</Table.Td>
                <Table.Td ta="right">{money(format, s.commissionTotal, s.currency)}</Table.Td>
                <Table.Td ta="right">{money(format, s.clawbackTotal, s.currency)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(format, s.total, s.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListPanel>
      <Drawer
        opened={Boolean(openUser)}
        onClose={() => set({ userId: null })}
        position="right"
        size="min(1200px, 100%)"
        title={t('commissions.statement.title')}
      >
        {openUser && <StatementView userId={openUser} period={period} />}
      </Drawer>
    </>
  );
};
