import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import type { CaseDetail } from '../cases/api.js';
import { useCaseOffers } from './api.js';
import { useMoney } from './components/OfferBits.js';
import { OfferTable } from './components/OfferTable.js';
import { OfferForm } from './OfferForm.js';

/** The Offers tab of a business case: its offers (latest versions) with state, version, totals and saving, and the pipeline value. */
export const CaseOffers = ({ detail, editable }: { detail: CaseDetail; editable: boolean }) => {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const query = useCaseOffers(detail.id);
  const [creating, { open, close }] = useDisclosure(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, pipeline } = query.data;
  const currency = items[0]?.totals.currency ?? 'EUR';
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">
          {t('offers.pipeline', { value: money(pipeline.value, currency), count: pipeline.offerCount })}
        </Text>
        {editable && can('sales.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t('offers.new')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('offers.empty')}
        </Text>
      ) : (
        <OfferTable offers={items} />
      )}
      {creating && <OfferForm detail={detail} opened={creating} onClose={close} />}
    </Stack>
  );
};
