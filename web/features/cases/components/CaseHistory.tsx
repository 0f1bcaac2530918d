import { Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { ChangesTable } from '../../../components/detail/ChangesTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useCaseHistory, useStageChanges } from '../api.js';

/** A stored value as the reader knows it: translated enums, local dates, lists counted. */
export const showValue = (
  t: TFunction,
  format: Formatters,
  field: string | null,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string => {
  if (Array.isArray(value)) return t('cases.history.items', { count: value.length });
  return plainHistoryValue(t, format, value, (text) => {
    if (names.has(text)) return names.get(text);
    if (field === 'state' || field === 'outcome' || field === 'commodity' || field === 'securityKind') {
      return translateCode(t, `cases.${field}`, text) ?? text;
    }
    return null;
  });
};

const fieldLabel = (t: TFunction, field: string | null, action: string) =>
  field ? (translateCode(t, 'cases.fields', field) ?? field) : (translateCode(t, 'cases.history.actions', action) ?? action);

/** The stage trace (SALES-6) and every field change of the case, newest first. */
export const CaseHistory = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useCaseHistory(caseId);
  const trace = useStageChanges(caseId);
  if (history.isPending || trace.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  if (trace.isError) return <PageError error={trace.error} onRetry={() => void trace.refetch()} />;
  // Stage ids in the field history read as the stage names the trace knows.
  const stageNames = new Map(trace.data.flatMap((c) => [c.fromStage, c.toStage]).flatMap((s) => (s?.name ? [[s.id, s.name] as const] : [])));
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('cases.history.stages')}
      </Title>
      {trace.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.history.noStages')}
        </Text>
      ) : (
        <Table aria-label={t('cases.history.stages')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.history.at')}</Table.Th>
              <Table.Th>{t('cases.history.by')}</Table.Th>
              <Table.Th>{t('cases.history.from')}</Table.Th>
              <Table.Th>{t('cases.history.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trace.data.map((change) => (
              <Table.Tr key={change.id}>
                <Table.Td>{format.dateTime(change.at)}</Table.Td>
                <Table.Td>{change.by?.name ?? t('cases.history.system')}</Table.Td>
                <Table.Td>{change.fromStage?.name || '—'}</Table.Td>
                <Table.Td>{change.toStage?.name || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h5">
        {t('cases.history.changes')}
      </Title>
      <ChangesTable
        entries={history.data}
        label={t('cases.history.changes')}
        headers={{
          at: t('cases.history.at'),
          by: t('cases.history.by'),
          field: t('cases.history.field'),
          before: t('cases.history.before'),
          after: t('cases.history.after'),
        }}
        system={t('cases.history.system')}
        what={(field, action) => fieldLabel(t, field, action)}
        value={(field, value) => showValue(t, format, field, value, stageNames)}
      />
    </Stack>
  );
};
