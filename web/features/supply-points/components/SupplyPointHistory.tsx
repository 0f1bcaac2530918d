import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HistoryTable, PartBadge } from '../../../components/detail/HistoryTable.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
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

  return (
    <WhenLoaded query={history}>
      {(entries) => {
        const rows = historyRows(entries.filter(shownInHistory));
        if (rows.length === 0) return <Text c="dimmed">{t('supplyPoints.history.empty')}</Text>;
        return (
          <HistoryTable
            rows={rows}
            label={t('supplyPoints.history.tableLabel')}
            headers={{
              when: t('clients.history.when'),
              who: t('clients.history.who'),
              what: t('clients.history.what'),
              change: t('clients.history.change'),
            }}
            system={t('clients.history.system')}
            badge={(entry) =>
              entry.entityType !== 'supplyPoint' && (
                <PartBadge>
                  {translateCode(t, 'supplyPoints.history.entities', entry.entityType) ?? entry.entityType}
                </PartBadge>
              )
            }
            what={fieldLabel}
            value={show}
            changedTo={t('clients.history.changedTo')}
          />
        );
      }}
    </WhenLoaded>
  );
};
