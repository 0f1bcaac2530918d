import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChangesTable } from '../../../components/detail/ChangesTable.js';
import { plainHistoryValue } from '../../../components/detail/history-value.js';
import { WhenLoaded } from '../../../components/detail/WhenLoaded.js';
import { translateCode } from '../../../components/errors.js';
import { useFormat, type Formatters } from '../../../i18n/format.js';
import { useOfferHistory, useOfferVersions } from '../api.js';

/** Record keys a reader has no use for: the card shows the client, case, contact and related offers in words. */
const hiddenFields = new Set(['id', 'rootId', 'ownerId', 'teamId', 'responsibleUserId', 'caseId', 'clientId', 'contactId', 'relationGroupId', 'contractId']);
/** Stored codes translated from the offer's own lists (the commodity from the case's). */
const codeLists: Record<string, string> = { state: 'offers.state', kind: 'offers.kind', approvalRoute: 'offers.route', commodity: 'cases.commodity' };
const amounts = new Set(['currentCost', 'offeredCost', 'saving', 'offeredGross', 'purchaseCost', 'margin', 'savingPercent', 'marginPercent']);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A stored value as the reader knows it: translated states and kinds, local dates, amounts in the reader's notation. */
export const showOfferValue = (t: TFunction, format: Formatters, field: string | null, value: unknown): string =>
  // The history keeps some amounts as JSON numbers; they read as the amounts they are.
  plainHistoryValue(t, format, typeof value === 'number' ? String(value) : value, (text) => {
    if (field && field in codeLists) return translateCode(t, codeLists[field]!, text) ?? text;
    if (field && amounts.has(field)) return format.number(text, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (isoDay.test(text)) return format.date(text);
    return null;
  });

const fieldLabel = (t: TFunction, field: string | null, action: string) =>
  field ? (translateCode(t, 'offers.fields', field) ?? field) : (translateCode(t, 'offers.history.actions', action) ?? action);

/** Every change of the offer and its versions, newest first (margins only for those who decide on them: the server leaves them out). */
export const OfferHistory = ({ offerId }: { offerId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useOfferHistory(offerId);
  // The history spans the offer's versions; each change names the version it was made on.
  const versions = new Map((useOfferVersions(offerId).data?.items ?? []).map((v) => [v.id, v.versionNumber]));
  const ofVersion = (entityId: string, label: string) => {
    const n = versions.get(entityId);
    return n === undefined ? label : `${t('offers.versionShort', { n })} · ${label}`;
  };
  return (
    <WhenLoaded query={history}>
      {(entries) =>
        entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('offers.history.empty')}
          </Text>
        ) : (
          <ChangesTable
            entries={entries.filter((entry) => !entry.field || !hiddenFields.has(entry.field))}
            label={t('offers.tabs.history')}
            headers={{
              at: t('offers.history.at'),
              by: t('offers.history.by'),
              field: t('offers.history.field'),
              before: t('offers.history.before'),
              after: t('offers.history.after'),
            }}
            system={t('offers.history.system')}
            what={(field, action, entry) => ofVersion(entry.entityId, fieldLabel(t, field, action))}
            value={(field, value) => showOfferValue(t, format, field, value)}
          />
        )
      }
    </WhenLoaded>
  );
};
