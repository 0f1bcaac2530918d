import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HistoryTable } from '../../../components/detail/HistoryTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { historyRows } from '../../clients/components/history-rows.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useLeadHistory, type Potential } from '../api.js';
import { potentialLine } from '../display.js';

const translatedFields: Record<string, string> = {
  status: 'leads.status',
  kind: 'leads.kind',
  marketingConsent: 'leads.consent',
  priority: 'leads.priority',
};

type Labels = { industry: (code: string) => string; territory: (code: string | null) => string };

/** A stored value as the reader knows it: translated enums, code-list labels, potentials as lines, local dates. */
const showValue = (
  t: TFunction,
  format: Formatters,
  labels: Labels,
  field: string | null,
  value: unknown,
): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'potentials' && Array.isArray(value)) {
    return value.length === 0
      ? t('leads.potentials.none')
      : (value as Potential[]).map((p) => potentialLine(t, format, labels.territory, p)).join('; ');
  }
  if (field === 'attributes' && typeof value === 'object') {
    return (
      Object.entries(value as Record<string, string>)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') || '—'
    );
  }
  return plainHistoryValue(t, format, typeof value === 'number' ? String(value) : value, (text) => {
    if (field && translatedFields[field]) return translateCode(t, translatedFields[field], text) ?? text;
    if (field === 'industry') return labels.industry(text);
    if (field === 'country') return format.country(text);
    return null;
  });
};

const fieldLabel = (t: TFunction, field: string | null, action: string) =>
  field
    ? (translateCode(t, 'leads.history.fields', field) ?? translateCode(t, 'leads.fields', field) ?? field)
    : (translateCode(t, 'leads.history.actions', action) ?? action);

/** Who changed what and when on this lead (merges and conversion included), newest first. */
export const LeadHistory = ({ leadId }: { leadId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useLeadHistory(leadId);
  const industry = useCodeLabel('industry');
  const territory = useCodeLabel('distributionTerritory');
  const labels: Labels = { industry, territory };
  return (
    <WhenLoaded query={history}>
      {(entries) => {
        const rows = historyRows(entries).filter(
          (row) => !['responsibleUserId', 'teamId', 'createdBy', 'updatedBy'].includes(row.field ?? ''),
        );
        if (rows.length === 0) return <Text c="dimmed">{t('leads.history.empty')}</Text>;
        return (
          <HistoryTable
            rows={rows}
            label={t('leads.history.tableLabel')}
            headers={{
              when: t('leads.history.when'),
              who: t('leads.history.who'),
              what: t('leads.history.what'),
              change: t('leads.history.change'),
            }}
            system={t('leads.history.system')}
            what={(entry) => fieldLabel(t, entry.field, entry.action)}
            value={(field, value) => showValue(t, format, labels, field, value)}
            changedTo={t('leads.history.changedTo')}
          />
        );
      }}
    </WhenLoaded>
  );
};
