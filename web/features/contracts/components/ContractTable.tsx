import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { ContractListItem, ContractSortField } from '../api.js';
import { ContractStateBadge } from './ContractStateBadge.js';
import { sortableHeaders } from '../../../components/SortableTh.js';
import { contractOrder } from '../list-params.js';

type ContractTableProps = {
  contracts: ContractListItem[];
  sort?: string | undefined;
  onSort?: ((field: ContractSortField) => void) | undefined;
  /** Hidden on the client card, where every row is of the same client. */
  showClient?: boolean;
  /** The day the user's calendar shows, to mark notice deadlines that come soon. */
  today: string;
};

/** A notice deadline within 30 days is the one to act on. */
const soon = (deadline: string | null, today: string) => {
  if (!deadline || deadline < today) return false;
  return (Date.parse(deadline) - Date.parse(today)) / 86_400_000 <= 30;
};

export const ContractTable = ({ contracts, sort, onSort, showClient = true, today }: ContractTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  // Without onSort (a card's embedded list) the headers are plain.
  const th = sortableHeaders(contractOrder.parse(sort), onSort);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped="even" aria-label={t('contracts.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('number', t('contracts.fields.number'))}
            {showClient && <Table.Th>{t('contracts.fields.client')}</Table.Th>}
            <Table.Th>{t('contracts.fields.type')}</Table.Th>
            <Table.Th>{t('contracts.fields.supplier')}</Table.Th>
            <Table.Th>{t('contracts.fields.state')}</Table.Th>
            {th('startDate', t('contracts.fields.startDate'))}
            {th('endDate', t('contracts.fields.endDate'))}
            {th('noticeDeadline', t('contracts.fields.noticeDeadline'))}
            <Table.Th ta="right">{t('contracts.fields.supplyPointCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((item) => (
            <Table.Tr key={item.id} onClick={() => void navigate(`/contracts/${item.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/contracts/${item.id}`} fw={500} ff="monospace" onClick={(event) => event.stopPropagation()}>
                    {item.number}
                  </Anchor>
                  {item.archivedAt && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('contracts.archived')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {showClient && <Table.Td>{item.clientName ?? '—'}</Table.Td>}
              <Table.Td>
                <Text size="sm">{t(`contracts.type.${item.type}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`contracts.commodity.${item.commodity}`)}
                  {item.productName ? ` · ${item.productName}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{item.supplier ?? '—'}</Table.Td>
              <Table.Td>
                <ContractStateBadge state={item.state} />
              </Table.Td>
              <Table.Td>{format.date(item.startDate)}</Table.Td>
              <Table.Td>{format.date(item.endDate) || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c={soon(item.noticeDeadline, today) ? 'orange.8' : undefined} fw={soon(item.noticeDeadline, today) ? 600 : undefined}>
                  {format.date(item.noticeDeadline) || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{item.supplyPointCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
