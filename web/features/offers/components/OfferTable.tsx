import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { OfferListItem } from '../api.js';
import { OfferStateBadge, SavingText, useMoney } from './OfferBits.js';

/** Offers (latest versions) with state, validity, lines, current and offered cost and the saving; with `showCase`, the case each belongs to. */
export const OfferTable = ({ offers, showCase = false }: { offers: OfferListItem[]; showCase?: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('offers.fields.number')}</Table.Th>
            {showCase && <Table.Th>{t('offers.case')}</Table.Th>}
            <Table.Th>{t('offers.fields.state')}</Table.Th>
            <Table.Th>{t('offers.fields.validUntil')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.lineCount')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.currentCost')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.offeredCost')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.saving')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((offer) => (
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
              {showCase && (
                <Table.Td>
                  {offer.caseName === null ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/cases/${offer.caseId}`} size="sm">
                      {offer.caseName}
                    </Anchor>
                  )}
                </Table.Td>
              )}
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
  );
};
