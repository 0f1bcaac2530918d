import { Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { historyRows } from '../../clients/components/history-rows.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useLeadHistory, type Potential } from '../api.js';
import { potentialLine } from '../display.js';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
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
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number' || typeof value === 'string') {
    const text = String(value);
    if (field && translatedFields[field]) return translateCode(t, translatedFields[field], text) ?? text;
    if (field === 'industry') return labels.industry(text);
    if (field === 'country') return format.country(text);
    if (isoDateTime.test(text)) return format.dateTime(text);
    return text;
  }
  return JSON.stringify(value);
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
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  const rows = historyRows(history.data).filter(
    (row) => !['responsibleUserId', 'teamId', 'createdBy', 'updatedBy'].includes(row.field ?? ''),
  );
  if (rows.length === 0) return <Text c="dimmed">{t('leads.history.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('leads.history.tableLabel')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leads.history.when')}</Table.Th>
            <Table.Th>{t('leads.history.who')}</Table.Th>
            <Table.Th>{t('leads.history.what')}</Table.Th>
            <Table.Th>{t('leads.history.change')}</Table.Th>
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
              <Table.Td>{entry.by?.name ?? t('leads.history.system')}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {fieldLabel(t, entry.field, entry.action)}
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.field ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" td={entry.before === null ? undefined : 'line-through'}>
                      {showValue(t, format, labels, entry.field, entry.before)}
                    </Text>
                    <IconArrowRight
                      size={14}
                      aria-label={t('leads.history.changedTo')}
                      style={{ flexShrink: 0, marginTop: 3 }}
                    />
                    <Text size="sm">{showValue(t, format, labels, entry.field, entry.after)}</Text>
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
