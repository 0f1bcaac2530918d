import { Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useTeams, useUsers } from '../../admin/api.js';
import type { HistoryEntry } from '../api.js';
import { historyRows } from '../history.js';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Names = (field: string, id: string) => string | undefined;

/** A stored value as the reader knows it: translated kinds, states and outcomes, names, local dates. */
const showValue = (t: TFunction, format: Formatters, names: Names, field: string | null, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'kind') return translateCode(t, 'activities.kind', value) ?? value;
  if (field === 'status') return translateCode(t, 'activities.status', value) ?? value;
  if (field === 'outcome') return translateCode(t, 'activities.outcomes', value) ?? value;
  if (field === 'responsibleUserId' || field === 'teamId') return names(field, value) ?? t('activities.history.unknownName');
  if (isoDateTime.test(value)) return format.dateTime(value);
  return value;
};

type Query = { isPending: boolean; isError: boolean; error: unknown; data: HistoryEntry[] | undefined; refetch: () => unknown };

/**
 * Who changed what and when, newest first, for an activity or (with `fieldGroup="calendar.fields"`) an event.
 * Field names come from the feature's `fields` catalogue.
 */
export const ActivityHistory = ({ history, fieldGroup = 'activities.fields' }: { history: Query; fieldGroup?: 'activities.fields' | 'calendar.fields' }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useUsers();
  const teams = useTeams();
  const names: Names = (field, id) =>
    field === 'teamId' ? teams.data?.find((team) => team.id === id)?.name : users.data?.find((user) => user.id === id)?.name;

  if (history.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  const rows = historyRows(history.data ?? []);
  if (rows.length === 0) return <Text c="dimmed">{t('activities.history.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activities.history.at')}</Table.Th>
            <Table.Th>{t('activities.history.by')}</Table.Th>
            <Table.Th>{t('activities.history.change')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => (
            <Table.Tr key={entry.key}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td>{entry.by?.name ?? t('activities.history.system')}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {entry.field
                    ? (translateCode(t, fieldGroup, entry.field) ?? entry.field)
                    : (translateCode(t, 'activities.history.actions', entry.action) ?? entry.action)}
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.field ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" td={entry.before === null ? undefined : 'line-through'}>
                      {showValue(t, format, names, entry.field, entry.before)}
                    </Text>
                    <IconArrowRight size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                    <Text size="sm">{showValue(t, format, names, entry.field, entry.after)}</Text>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
