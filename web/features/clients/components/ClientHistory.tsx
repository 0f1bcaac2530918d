import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useCodeLabel, type CodeListName } from '../../code-lists/api.js';
import { useContacts } from '../../contacts/api.js';
import { useTeams, useUsers } from '../../admin/api.js';
import { useClientHistory, type HistoryEntry } from '../api.js';
import { historyRows } from './history-rows.js';

const codeListFields: Record<string, CodeListName> = {
  relationshipType: 'relationshipType',
  businessArea: 'businessArea',
  industry: 'industry',
  function: 'contactFunction',
};

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Labeler = (list: CodeListName, code: string) => string;
type Names = Record<'teamId' | 'responsibleUserId', (id: string) => string | undefined>;

/** A stored value as the reader knows it: translated enums, code-list labels, names, local dates, yes/no. */
const showValue = (
  t: TFunction,
  format: Formatters,
  codeLabel: Labeler,
  names: Names,
  field: string | null,
  value: unknown,
): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field && codeListFields[field]) return codeLabel(codeListFields[field], value);
    if (field === 'teamId' || field === 'responsibleUserId')
      return names[field](value) ?? t('clients.history.unknownName');
    if (field === 'status' || field === 'kind' || field === 'preferredChannel') {
      const group = field === 'preferredChannel' ? 'contacts.channels' : `clients.${field}`;
      return translateCode(t, group, value) ?? value;
    }
    if (field === 'country' || field === 'addressCountry') return format.country(value);
    if (isoDateTime.test(value)) return format.dateTime(value);
    return value;
  }
  return JSON.stringify(value);
};

const actionLabel = (t: TFunction, entry: HistoryEntry): string => {
  const group = entry.entityType === 'contact' ? 'contacts.history.actions' : 'clients.history.actions';
  return translateCode(t, group, entry.action) ?? entry.action;
};

const fieldLabel = (t: TFunction, entry: HistoryEntry): string => {
  if (!entry.field) return actionLabel(t, entry);
  const group = entry.entityType === 'contact' ? 'contacts.fields' : 'clients.fields';
  return translateCode(t, group, entry.field) ?? entry.field;
};

/** Who changed what and when on this client and its contacts, newest first. */
export const ClientHistory = ({ clientId }: { clientId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useClientHistory(clientId);
  const contacts = useContacts(clientId, 'all');
  const labels = {
    relationshipType: useCodeLabel('relationshipType'),
    businessArea: useCodeLabel('businessArea'),
    industry: useCodeLabel('industry'),
    contactFunction: useCodeLabel('contactFunction'),
  };
  const codeLabel: Labeler = (list, code) =>
    list in labels ? labels[list as keyof typeof labels](code) : code;
  const teams = useTeams();
  const users = useUsers();
  const names: Names = {
    teamId: (id) => teams.data?.find((team) => team.id === id)?.name,
    responsibleUserId: (id) => users.data?.find((user) => user.id === id)?.name,
  };
  const contactName = (id: string) => {
    const contact = contacts.data?.find((c) => c.id === id);
    return contact ? `${contact.firstName} ${contact.lastName}` : t('contacts.unknown');
  };

  if (history.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  const rows = historyRows(history.data);
  if (rows.length === 0) return <Text c="dimmed">{t('clients.history.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('clients.history.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.history.when')}</Table.Th>
            <Table.Th>{t('clients.history.who')}</Table.Th>
            <Table.Th>{t('clients.history.what')}</Table.Th>
            <Table.Th>{t('clients.history.change')}</Table.Th>
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
              <Table.Td>{entry.by?.name ?? t('clients.history.system')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {entry.entityType === 'contact' && (
                    <Badge variant="light" size="sm" color="grape" style={{ textTransform: 'none' }}>
                      {contactName(entry.entityId)}
                    </Badge>
                  )}
                  <Text size="sm" fw={500}>
                    {fieldLabel(t, entry)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {entry.field ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" td={entry.before === null ? undefined : 'line-through'}>
                      {showValue(t, format, codeLabel, names, entry.field, entry.before)}
                    </Text>
                    <IconArrowRight
                      size={14}
                      aria-label={t('clients.history.changedTo')}
                      style={{ flexShrink: 0, marginTop: 3 }}
                    />
                    <Text size="sm">{showValue(t, format, codeLabel, names, entry.field, entry.after)}</Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
