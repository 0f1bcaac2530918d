import { useTranslation } from 'react-i18next';

/** A payout's event in words; the server names the event only (months after supply start are in the rule). */
export const EventLabel = ({ event }: { event: string }) => {
  const { t } = useTranslation();
  return <>{t(`commissions.event.${event}`, { defaultValue: event })}</>;
};
