import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import type { CaseDetail } from '../cases/api.js';
import { useCaseOffers } from './api.js';
import { OfferStateBadge, SavingText, useMoney } from './components/OfferBits.js';
import { OfferForm } from './OfferForm.js';

/** The Offers tab of a business case: its offers (latest versions) with state, version, totals and saving, and the pipeline value. */
export const CaseOffers = ({ detail, editable }: { detail: CaseDetail; editable: boolean }) => {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
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
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('offers.fields.number')}</Table.Th>
                <Table.Th>{t('offers.fields.state')}</Table.Th>
                <Table.Th>{t('offers.fields.validUntil')}</Table.Th>
                <Table.Th ta="right">{t('offers.fields.lineCount')}</Table.Th>
                <Table.Th ta="right">{t('offers.fields.currentCost')}</Table.Th>
                <Table.Th ta="right">{t('offers.fields.offeredCost')}</Table.Th>
                <Table.Th ta="right">{t('offers.fields.saving')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((offer) => (
                <Table.Tr key={offer.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/offers/${offer.id}`}>
                      {offer.number} · {t('offers.versionShort', { n: offer.versionNumber })}
                    </Anchor>
                    {offer.isAlternative && (
                      <Badge ml="xs" size="xs" variant="outline">
                        {t('offers.fields.isAlternative')}
                      </Badge>
                    )}
                    {offer.relationGroupId && (
                      <Badge ml="xs" size="xs" variant="outline" color="grape">
                        {t('offers.related')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <OfferStateBadge state={offer.state} />
                  </Table.Td>
                  <Table.Td>{format.date(offer.validUntil)}</Table.Td>
                  <Table.Td ta="right">{offer.lineCount}</Table.Td>
                  <Table.Td ta="right">{money(offer.totals.currentCost, offer.totals.currency)}</Table.Td>
                  <Table.Td ta="right">{money(offer.totals.offeredCost, offer.totals.currency)}</Table.Td>
                  <Table.Td ta="right">
                    <SavingText value={offer.totals.saving} percent={offer.totals.savingPercent} currency={offer.totals.currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <OfferForm detail={detail} opened={creating} onClose={close} />}
    </Stack>
  );
};
