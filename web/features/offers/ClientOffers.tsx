import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../components/Page.js';
import { useClientOffers } from './api.js';
import { useMoney } from './components/OfferBits.js';
import { OfferTable } from './components/OfferTable.js';

/** The client card's Offers tab: the client's offers (latest versions) across its cases, and their pipeline value. */
export const ClientOffers = ({ clientId }: { clientId: string }) => {
  const { t } = useTranslation();
  const money = useMoney();
  const query = useClientOffers(clientId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, pipeline } = query.data;
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('offers.client.empty')}
      </Text>
    );
  }
  return (
    <Stack>
      <Text size="sm">{t('offers.pipeline', { value: money(pipeline.value, items[0]!.totals.currency), count: pipeline.offerCount })}</Text>
      <OfferTable offers={items} showCase />
    </Stack>
  );
};
