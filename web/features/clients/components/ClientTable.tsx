import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { Client, ClientSortField } from '../api.js';
import { ArchivedBadge, ClientStatusBadge } from './ClientStatusBadge.js';
import { SortableTh } from '../../../components/SortableTh.js';

type SortState = { field: string; direction: 'asc' | 'desc' };

export const parseSort = (sort: string | undefined): SortState =>
  sort
    ? { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' }
    : { field: 'name', direction: 'asc' };

/** Clicking the sorted column flips its direction; another column starts ascending. */
export const nextSort = (current: string | undefined, field: ClientSortField): string => {
  const state = parseSort(current);
  return state.field === field && state.direction === 'asc' ? `-${field}` : field;
};

type ClientTableProps = {
  clients: Client[];
  sort: string | undefined;
  onSort: (field: ClientSortField) => void;
};

export const ClientTable = ({ clients, sort, onSort }: ClientTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const relationshipLabel = useCodeLabel('relationshipType');
  const state = parseSort(sort);
  const th = (field: ClientSortField, label: string) => (
    <SortableTh field={field} sort={state} onSort={onSort}>
      {label}
    </SortableTh>
  );

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover striped="even" aria-label={t('clients.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('clients.fields.name'))}
            {th('companyId', t('clients.fields.companyId'))}
            {th('city', t('clients.fields.city'))}
            {th('status', t('clients.fields.status'))}
            <Table.Th>{t('clients.fields.relationshipType')}</Table.Th>
            {th('updatedAt', t('clients.fields.updatedAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr
              key={client.id}
              onClick={() => void navigate(`/clients/${client.id}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={`/clients/${client.id}`}
                    fw={500}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {client.name}
                  </Anchor>
                  {client.archivedAt && <ArchivedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {client.companyId}
                </Text>
              </Table.Td>
              <Table.Td>{client.address.city}</Table.Td>
              <Table.Td>
                <ClientStatusBadge status={client.status} />
              </Table.Td>
              <Table.Td>{relationshipLabel(client.relationshipType)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.dateTime(client.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
