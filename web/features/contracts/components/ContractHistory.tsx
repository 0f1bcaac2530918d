import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChangesTable } from '../../../components/detail/ChangesTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useContractHistory } from '../api.js';

/** Record keys a reader has no use for: the card shows the client, case and owner in words. */
const hiddenFields = new Set(['id', 'ownerId', 'teamId', 'clientId', 'caseId', 'offerId', 'productId', 'responsibleUserId', 'version']);
/** Sets of ids the history keeps as a list (or a comma-separated text): counted, not listed. */
const idSets: Record<string, string> = { supplyPointIds: 'supplyPoints', signatoryContactIds: 'signatories' };

const countOf = (value: unknown): number => (Array.isArray(value) ? value.length : String(value).split(',').filter(Boolean).length);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A stored value as the reader knows it: translated states, types and commodities, local dates, lists counted. */
export const showValue = (t: TFunction, format: Formatters, field: string | null, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field && field in idSets) return t('contracts.history.items', { count: countOf(value) });
  if (Array.isArray(value)) return t('contracts.history.items', { count: value.length });
  return plainHistoryValue(t, format, value, (text) => {
    if (field === 'state' || field === 'type' || field === 'commodity') return translateCode(t, `contracts.${field}`, text) ?? text;
    if (isoDay.test(text)) return format.date(text);
    return null;
  });
};

const fieldLabel = (t: TFunction, field: string | null, action: string) =>
  field ? (translateCode(t, 'contracts.fields', idSets[field] ?? field) ?? field) : (translateCode(t, 'contracts.history.actions', action) ?? action);

/** Every change of the contract, newest first. */
export const ContractHistory = ({ contractId }: { contractId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useContractHistory(contractId);
  return (
    <WhenLoaded query={history}>
      {(entries) =>
        entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('contracts.history.empty')}
          </Text>
        ) : (
          <ChangesTable
            entries={entries.filter((entry) => !entry.field || !hiddenFields.has(entry.field))}
            label={t('contracts.tabs.history')}
            headers={{
              at: t('contracts.history.at'),
              by: t('contracts.history.by'),
              field: t('contracts.history.field'),
              before: t('contracts.history.before'),
              after: t('contracts.history.after'),
            }}
            system={t('contracts.history.system')}
            what={(field, action) => fieldLabel(t, field, action)}
            value={(field, value) => showValue(t, format, field, value)}
          />
        )
      }
    </WhenLoaded>
  );
};
