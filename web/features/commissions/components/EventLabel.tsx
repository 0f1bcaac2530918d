import { useTranslation } from 'react-i18next';

/** A payout's event in words, with the months of a stage due after the start of supply ("12 months after …"). */
export const EventLabel = ({ event, months = null }: { event: string; months?: number | null }) => {
  const { t } = useTranslation();
  if (months !== null) return <>{t('commissions.rules.trigger.monthsAfterSupplyStart', { count: months })}</>;
  return <>{t(`commissions.event.${event}`, { defaultValue: event })}</>;
};
