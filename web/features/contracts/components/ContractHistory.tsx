import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useContractHistory } from '../api.js';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

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
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field === 'state' || field === 'type' || field === 'commodity') return translateCode(t, `contracts.${field}`, value) ?? value;
    if (isoDateTime.test(value)) return format.dateTime(value);
    if (isoDay.test(value)) return format.date(value);
    return value;
  }
  return JSON.stringify(value);
};

const fieldLabel = (t: TFunction, field: string | null, action: string) =>
  field ? (translateCode(t, 'contracts.fields', idSets[field] ?? field) ?? field) : (translateCode(t, 'contracts.history.actions', action) ?? action);

/** Every change of the contract, newest first. */
export const ContractHistory = ({ contractId }: { contractId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useContractHistory(contractId);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('contracts.history.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('contracts.tabs.history')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contracts.history.at')}</Table.Th>
            <Table.Th>{t('contracts.history.by')}</Table.Th>
            <Table.Th>{t('contracts.history.field')}</Table.Th>
            <Table.Th>{t('contracts.history.before')}</Table.Th>
            <Table.Th>{t('contracts.history.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.filter((entry) => !entry.field || !hiddenFields.has(entry.field)).map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>{entry.by?.name ?? t('contracts.history.system')}</Table.Td>
              <Table.Td>{fieldLabel(t, entry.field, entry.action)}</Table.Td>
              <Table.Td>{showValue(t, format, entry.field, entry.before)}</Table.Td>
              <Table.Td>{showValue(t, format, entry.field, entry.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
