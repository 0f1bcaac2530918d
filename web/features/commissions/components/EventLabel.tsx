import { useTranslation } from 'react-i18next';

/**
 * A payout's event in words: with the months of a stage due after the start of supply ("12 months after …"), or,
 * for a clawback, the stage it cancels.
 */
export const EventLabel = ({ event, months = null, cancelsPosition = null }: { event: string; months?: number | null; cancelsPosition?: number | null }) => {
  const { t } = useTranslation();
  if (cancelsPosition !== null) return <>{t('commissions.event.cancelsStage', { position: cancelsPosition })}</>;
  if (months !== null) return <>{t('commissions.rules.trigger.monthsAfterSupplyStart', { count: months })}</>;
  return <>{t(`commissions.event.${event}`, { defaultValue: event })}</>;
};
