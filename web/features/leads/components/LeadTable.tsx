import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { Lead, LeadSortField } from '../api.js';
import { potentialLine } from '../display.js';
import { leadOrder } from '../list-params.js';
import { LeadArchivedBadge, LeadStatusBadge } from './LeadStatusBadge.js';
import { sortableHeaders } from '../../../components/SortableTh.js';

type LeadTableProps = { leads: Lead[]; sort: string | undefined; onSort: (field: LeadSortField) => void };

/** The leads of one list page; a row opens the lead's card. */
export const LeadTable = ({ leads, sort, onSort }: LeadTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const territory = useCodeLabel('distributionTerritory');
  const th = sortableHeaders(leadOrder.parse(sort), onSort);

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover striped="even" aria-label={t('leads.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('leads.fields.name'))}
            <Table.Th>{t('leads.fields.status')}</Table.Th>
            {th('priority', t('leads.fields.priority'))}
            <Table.Th>{t('leads.fields.source')}</Table.Th>
            <Table.Th>{t('leads.fields.potentials')}</Table.Th>
            {th('lastActivityAt', t('leads.fields.lastActivityAt'))}
            {th('nextActivityAt', t('leads.fields.nextActivityAt'))}
            {th('createdAt', t('leads.fields.createdAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr
              key={lead.id}
              onClick={() => void navigate(`/leads/${lead.id}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Stack gap={0}>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/leads/${lead.id}`}
                      fw={500}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {lead.name}
                    </Anchor>
                    {lead.archivedAt && <LeadArchivedBadge merged={lead.mergedIntoLeadId !== null} />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[lead.companyId, lead.address.city].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <LeadStatusBadge status={lead.status} />
              </Table.Td>
              <Table.Td>{t(`leads.priority.${lead.priority}`)}</Table.Td>
              <Table.Td>{lead.source === 'manual' ? t('leads.sourceManual') : lead.source}</Table.Td>
              <Table.Td>
                {lead.potentials.slice(0, 2).map((p) => (
                  <Text key={p.id} size="xs">
                    {potentialLine(t, format, territory, p)}
                  </Text>
                ))}
                {lead.potentials.length > 2 && (
                  <Text size="xs" c="dimmed">
                    {t('leads.list.morePotentials', { count: lead.potentials.length - 2 })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {lead.lastActivityAt ? format.date(lead.lastActivityAt) : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c={lead.nextActivityAt && new Date(lead.nextActivityAt) < new Date() ? 'red' : undefined}
                >
                  {lead.nextActivityAt ? format.dateTime(lead.nextActivityAt) : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.date(lead.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
