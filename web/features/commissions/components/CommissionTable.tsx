import { ActionIcon, Anchor, Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SortableTh } from '../../../components/SortableTh.js';
import { useFormat } from '../../../i18n/format.js';
import type { Commission } from '../api.js';
import { commissionOrder, type CommissionSortField } from '../list-params.js';
import { CommissionDetail } from './CommissionDetail.js';
import { money } from './money.js';

type Props = {
  commissions: Commission[];
  sort?: string | undefined;
  onSort?: ((field: CommissionSortField) => void) | undefined;
  /** Whose commission a row is; hidden when every row is the user's own. */
  showPerson: boolean;
  /** Hidden on the contract card, where every row is of that contract. */
  showContract?: boolean;
};

/** Commissions, each row expandable to what explains its amount. */
export const CommissionTable = ({ commissions, sort, onSort, showPerson, showContract = true }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const state = commissionOrder.parse(sort);
  const columns = 6 + (showPerson ? 1 : 0) + (showContract ? 2 : 0);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover aria-label={t('commissions.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t('commissions.list.details')}</VisuallyHidden>
            </Table.Th>
            <SortableTh field="createdAt" sort={state} onSort={onSort}>
              {t('commissions.fields.createdAt')}
            </SortableTh>
            {showPerson && <Table.Th>{t('commissions.fields.person')}</Table.Th>}
            <Table.Th>{t('commissions.fields.kind')}</Table.Th>
            {showContract && <Table.Th>{t('commissions.fields.contract')}</Table.Th>}
            {showContract && <Table.Th>{t('commissions.fields.client')}</Table.Th>}
            <Table.Th>{t('commissions.fields.supplyPoint')}</Table.Th>
            <Table.Th>{t('commissions.fields.rule')}</Table.Th>
            <SortableTh field="amount" sort={state} onSort={onSort} align="right">
              {t('commissions.fields.amount')}
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {commissions.map((c) => {
            const expanded = open.has(c.id);
            return (
              <Fragment key={c.id}>
                <Table.Tr onClick={() => toggle(c.id)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-expanded={expanded}
                      aria-label={t(expanded ? 'commissions.list.collapse' : 'commissions.list.expand', { number: c.contractNumber })}
                      onClick={(event) => {
                        event.stopPropagation();
                        toggle(c.id);
                      }}
                    >
                      {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>{format.date(c.createdAt)}</Table.Td>
                  {showPerson && <Table.Td>{c.userName ?? <Text span size="sm" c="dimmed">{t('commissions.list.company')}</Text>}</Table.Td>}
                  <Table.Td>
                    {/* The clawback badge goes under the kind: beside it, a long label ("Storno provízie") is cut off. */}
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">{t(`commissions.kind.${c.kind}`)}</Text>
                      {c.entry === 'clawback' && (
                        <Badge color="red" variant="light" size="sm" tt="none">
                          {t('commissions.entry.clawback')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  {showContract && (
                    <Table.Td>
                      <Anchor component={Link} to={`/contracts/${c.contractId}`} ff="monospace" size="sm" onClick={(event) => event.stopPropagation()}>
                        {c.contractNumber}
                      </Anchor>
                    </Table.Td>
                  )}
                  {showContract && <Table.Td>{c.clientName ?? '—'}</Table.Td>}
                  <Table.Td ff="monospace" fz="sm">
                    {c.supplyPointIdentifier}
                  </Table.Td>
                  <Table.Td>{c.ruleName}</Table.Td>
                  <Table.Td ta="right" fw={600} c={c.entry === 'clawback' ? 'red.7' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {money(format, c.amount, c.currency)}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={columns} bg="var(--mantine-color-gray-0)">
                      <CommissionDetail commission={c} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
