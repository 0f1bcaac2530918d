import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HistoryTable, PartBadge } from '../../../components/detail/HistoryTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
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
): string =>
  plainHistoryValue(t, format, value, (text) => {
    if (field && codeListFields[field]) return codeLabel(codeListFields[field], text);
    if (field === 'teamId' || field === 'responsibleUserId')
      return names[field](text) ?? t('clients.history.unknownName');
    if (field === 'status' || field === 'kind' || field === 'preferredChannel') {
      const group = field === 'preferredChannel' ? 'contacts.channels' : `clients.${field}`;
      return translateCode(t, group, text) ?? text;
    }
    if (field === 'country' || field === 'addressCountry') return format.country(text);
    return null;
  });

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

  return (
    <WhenLoaded query={history}>
      {(entries) => {
        const rows = historyRows(entries);
        if (rows.length === 0) return <Text c="dimmed">{t('clients.history.empty')}</Text>;
        return (
          <HistoryTable
            rows={rows}
            label={t('clients.history.tableLabel')}
            headers={{
              when: t('clients.history.when'),
              who: t('clients.history.who'),
              what: t('clients.history.what'),
              change: t('clients.history.change'),
            }}
            system={t('clients.history.system')}
            badge={(entry) =>
              entry.entityType === 'contact' && <PartBadge>{contactName(entry.entityId)}</PartBadge>
            }
            what={(entry) => fieldLabel(t, entry)}
            value={(field, value) => showValue(t, format, codeLabel, names, field, value)}
            changedTo={t('clients.history.changedTo')}
          />
        );
      }}
    </WhenLoaded>
  );
};
