import { Badge, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import type { Comparison, OfferLine, OfferState, OfferTotals } from '../api.js';

const stateColor: Record<OfferState, string> = {
  draft: 'gray',
  awaitingApproval: 'yellow',
  approved: 'teal',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  lapsed: 'orange',
  superseded: 'dark',
};

export const OfferStateBadge = ({ state }: { state: OfferState }) => {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor[state]} variant="light">
      {t(`offers.state.${state}`)}
    </Badge>
  );
};

/** Money in the offer's currency, from a decimal string (formatting only; no arithmetic in the browser). */
export const useMoney = () => {
  const format = useFormat();
  return (value: string | null, currency: string) => (value === null ? '—' : format.number(value, { style: 'currency', currency }));
};

export const usePercent = () => {
  const format = useFormat();
  return (value: string | null) => (value === null ? '—' : `${format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`);
};

/** A saving is green when the client saves, red when the offer costs more. */
export const SavingText = ({ value, percent, currency }: { value: string; percent: string | null; currency: string }) => {
  const money = useMoney();
  const pct = usePercent();
  return (
    <Text size="sm" c={value.startsWith('-') ? 'red' : 'green'} fw={600} style={{ whiteSpace: 'nowrap' }}>
      {money(value, currency)} ({pct(percent)})
    </Text>
  );
};

/** The saving explained charge by charge: what the client pays now and with the offer. */
export const ComparisonTable = ({ rows, currency }: { rows: Comparison[]; currency: string }) => {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table fz="xs" withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('offers.fields.charge')}</Table.Th>
          <Table.Th ta="right">{t('offers.fields.currentCost')}</Table.Th>
          <Table.Th ta="right">{t('offers.fields.offeredCost')}</Table.Th>
          <Table.Th ta="right">{t('offers.fields.saving')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.kind}-${row.basis}`}>
            <Table.Td>
              {t(`offers.charge.${row.kind}`, { defaultValue: row.kind })} ({t(`offers.basis.${row.basis}`, { defaultValue: row.basis })})
            </Table.Td>
            <Table.Td ta="right">{money(row.current, currency)}</Table.Td>
            <Table.Td ta="right">{money(row.offered, currency)}</Table.Td>
            <Table.Td ta="right">{money(row.saving, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

/** Lines with current against offered cost and the saving; each line opens its explanation. */
export const LinesTable = ({ lines, currency, showMargin }: { lines: OfferLine[]; currency: string; showMargin: boolean }) => {
  const { t } = useTranslation();
  const money = useMoney();
  const pct = usePercent();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('offers.fields.supplyPoint')}</Table.Th>
            <Table.Th>{t('offers.fields.product')}</Table.Th>
            <Table.Th>{t('offers.fields.deliveryPeriod')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.quantityMWh')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.currentCost')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.offeredCost')}</Table.Th>
            <Table.Th ta="right">{t('offers.fields.saving')}</Table.Th>
            {showMargin && <Table.Th ta="right">{t('offers.fields.margin')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Fragment key={line.position}>
              <Table.Tr>
                <Table.Td>{line.supplyPointIdentifier ?? '—'}</Table.Td>
                <Table.Td>{line.productName ?? '—'}</Table.Td>
                <Table.Td>
                  {format.date(line.deliveryFrom)} – {format.date(line.deliveryTo)}
                </Table.Td>
                <Table.Td ta="right">{format.number(line.quantityMWh, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}</Table.Td>
                <Table.Td ta="right">{money(line.currentCost, currency)}</Table.Td>
                <Table.Td ta="right">{money(line.offeredCost, currency)}</Table.Td>
                <Table.Td ta="right">
                  <SavingText value={line.saving} percent={line.savingPercent} currency={currency} />
                </Table.Td>
                {showMargin && (
                  <Table.Td ta="right">
                    {money(line.margin, currency)} ({pct(line.marginPercent)})
                  </Table.Td>
                )}
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={showMargin ? 8 : 7} pl="xl">
                  <ComparisonTable rows={line.comparison} currency={currency} />
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

export const TotalsRow = ({ totals, showMargin }: { totals: OfferTotals; showMargin: boolean }) => {
  const { t } = useTranslation();
  const money = useMoney();
  const pct = usePercent();
  return (
    <Table>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t('offers.fields.currentCost')}</Table.Td>
          <Table.Td ta="right">{money(totals.currentCost, totals.currency)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('offers.fields.offeredCost')}</Table.Td>
          <Table.Td ta="right">{money(totals.offeredCost, totals.currency)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td fw={600}>{t('offers.fields.saving')}</Table.Td>
          <Table.Td ta="right">
            <SavingText value={totals.saving} percent={totals.savingPercent} currency={totals.currency} />
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('offers.fields.offeredGross')}</Table.Td>
          <Table.Td ta="right">{money(totals.offeredGross, totals.currency)}</Table.Td>
        </Table.Tr>
        {showMargin && (
          <Table.Tr>
            <Table.Td>{t('offers.fields.margin')}</Table.Td>
            <Table.Td ta="right">
              {money(totals.margin, totals.currency)} ({pct(totals.marginPercent)})
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
};
