import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { Client, ClientSortField } from '../api.js';
import { ArchivedBadge, ClientStatusBadge } from './ClientStatusBadge.js';
import { sortableHeaders } from '../../../components/SortableTh.js';
import { clientOrder } from '../list-params.js';

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
  const th = sortableHeaders(clientOrder.parse(sort), onSort);

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
