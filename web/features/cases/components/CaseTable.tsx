import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { CaseListItem, CaseSortField } from '../api.js';
import { CaseStateBadge } from './CaseStateBadge.js';
import { sortableHeaders } from '../../../components/SortableTh.js';
import { caseOrder } from '../list-params.js';

type CaseTableProps = {
  cases: CaseListItem[];
  sort?: string | undefined;
  onSort?: ((field: CaseSortField) => void) | undefined;
  /** Hidden on the client card, where every row is of the same client. */
  showClient?: boolean;
};

export const CaseTable = ({ cases, sort, onSort, showClient = true }: CaseTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const typeLabel = useCodeLabel('caseType');
  // Without onSort (a card's embedded list) the headers are plain.
  const th = sortableHeaders(caseOrder.parse(sort), onSort);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped="even" aria-label={t('cases.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('cases.fields.name'))}
            {showClient && <Table.Th>{t('cases.fields.client')}</Table.Th>}
            <Table.Th>{t('cases.fields.type')}</Table.Th>
            <Table.Th>{t('cases.fields.stage')}</Table.Th>
            <Table.Th>{t('cases.fields.state')}</Table.Th>
            <Table.Th>{t('cases.fields.responsibleUser')}</Table.Th>
            {th('expectedCloseDate', t('cases.fields.expectedCloseDate'))}
            {th('lastActivityAt', t('cases.fields.lastActivityAt'))}
            {th('nextActivityAt', t('cases.fields.nextActivityAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((item) => (
            <Table.Tr key={item.id} onClick={() => void navigate(`/cases/${item.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/cases/${item.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                    {item.name}
                  </Anchor>
                  {item.archivedAt && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('cases.archived')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {showClient && <Table.Td>{item.clientName ?? '—'}</Table.Td>}
              <Table.Td>{typeLabel(item.type)}</Table.Td>
              <Table.Td>{item.stage?.name ?? '—'}</Table.Td>
              <Table.Td>
                <CaseStateBadge state={item.state} outcome={item.outcome} />
              </Table.Td>
              <Table.Td>{item.responsibleUser?.name ?? '—'}</Table.Td>
              <Table.Td>{format.date(item.expectedCloseDate) || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.dateTime(item.lastActivityAt) || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(item.nextActivityAt) || '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
