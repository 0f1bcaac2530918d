import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../../components/detail/HistoryTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useTeams, useUsers } from '../../admin/api.js';
import type { HistoryEntry } from '../api.js';
import { historyRows } from '../history.js';

type Names = (field: string, id: string) => string | undefined;

/** A stored value as the reader knows it: translated kinds, states and outcomes, names, local dates. */
const showValue = (t: TFunction, format: Formatters, names: Names, field: string | null, value: unknown): string =>
  plainHistoryValue(t, format, value, (text) => {
    if (field === 'kind') return translateCode(t, 'activities.kind', text) ?? text;
    if (field === 'status') return translateCode(t, 'activities.status', text) ?? text;
    if (field === 'outcome') return translateCode(t, 'activities.outcomes', text) ?? text;
    if (field === 'responsibleUserId' || field === 'teamId') return names(field, text) ?? t('activities.history.unknownName');
    return null;
  });

type Query = UseQueryResult<HistoryEntry[]>;

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

  return (
    <WhenLoaded query={history}>
      {(entries) => {
        const rows = historyRows(entries);
        if (rows.length === 0) return <Text c="dimmed">{t('activities.history.empty')}</Text>;
        return (
          <HistoryTable
            rows={rows}
            headers={{
              when: t('activities.history.at'),
              who: t('activities.history.by'),
              what: t('activities.history.change'),
              change: '',
            }}
            system={t('activities.history.system')}
            what={(entry) =>
              entry.field
                ? (translateCode(t, fieldGroup, entry.field) ?? entry.field)
                : (translateCode(t, 'activities.history.actions', entry.action) ?? entry.action)
            }
            value={(field, value) => showValue(t, format, names, field, value)}
            noChange={null}
            minWidth={640}
          />
        );
      }}
    </WhenLoaded>
  );
};
