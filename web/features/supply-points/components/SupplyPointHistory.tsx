import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import type { HistoryEntry } from '../../clients/api.js';
import { historyRows } from '../../clients/components/history-rows.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useSupplyPointHistory } from '../api.js';
import { forecastMonthLabel, historyValue, shownInHistory } from '../history.js';

/** Who changed what and when on this supply point (and, later, its meters), newest first. */
export const SupplyPointHistory = ({ supplyPointId }: { supplyPointId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useSupplyPointHistory(supplyPointId);
  const labels = {
    distributionTerritory: useCodeLabel('distributionTerritory'),
    distributionRate: useCodeLabel('distributionRate'),
    paymentMethod: useCodeLabel('paymentMethod'),
    meterType: useCodeLabel('meterType'),
  };
  const show = (field: string | null, value: unknown) =>
    historyValue({ t, format, codeLabel: (list, code) => labels[list](code) }, field, value);

  // A meter, reading or forecast line carries its entity's badge: "Meter · Added" instead of "Supply point created".
  const actionLabel = (entry: HistoryEntry) =>
    (entry.entityType === 'supplyPoint'
      ? translateCode(t, 'supplyPoints.history.actions', entry.action)
      : translateCode(t, 'supplyPoints.history.entityActions', entry.action)) ?? entry.action;
  const fieldLabel = (entry: HistoryEntry) =>
    entry.field
      ? (translateCode(t, 'supplyPoints.fields', entry.field) ??
        forecastMonthLabel(format, entry.field) ??
        entry.field)
      : actionLabel(entry);

  if (history.isPending) return <PageLoader />;
  if (history.isError) return <PageError error={history.error} onRetry={() => void history.refetch()} />;
  const rows = historyRows(history.data.filter(shownInHistory));
  if (rows.length === 0) return <Text c="dimmed">{t('supplyPoints.history.empty')}</Text>;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('supplyPoints.history.tableLabel')} verticalSpacing="xs">
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
                  {entry.entityType !== 'supplyPoint' && (
                    <Badge variant="light" size="sm" color="grape" style={{ textTransform: 'none' }}>
                      {translateCode(t, 'supplyPoints.history.entities', entry.entityType) ??
                        entry.entityType}
                    </Badge>
                  )}
                  <Text size="sm" fw={500}>
                    {fieldLabel(entry)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {entry.field ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" td={entry.before === null ? undefined : 'line-through'}>
                      {show(entry.field, entry.before)}
                    </Text>
                    <IconArrowRight
                      size={14}
                      aria-label={t('clients.history.changedTo')}
                      style={{ flexShrink: 0, marginTop: 3 }}
                    />
                    <Text size="sm">{show(entry.field, entry.after)}</Text>
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
