import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { errorMessage } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { useSupplyPointList } from '../../supply-points/api.js';
import { useQuote, type Product, type Quote } from '../api.js';
import { defaultDeliveryPeriod, quoteLineLabel } from '../quote.js';
import { priceRuleMessage } from '../price-list-form.js';

const QuoteResult = ({ quote }: { quote: Quote }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (value: string | null) =>
    value === null ? '—' : `${format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${quote.currency}`;
  const amount = (value: string) => format.number(value, { maximumFractionDigits: 4 });
  const total = (label: string, value: string | null, bold = false) => (
    <Table.Tr>
      <Table.Td colSpan={4} ta="right" fw={bold ? 700 : 500}>
        {label}
      </Table.Td>
      <Table.Td ta="right" fw={bold ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {money(value)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('priceLists.quote.summary', {
          months: quote.months,
          quantity: amount(quote.quantityMWh),
          annual: amount(quote.annualMWh),
          tariff: quote.priceTariffCode ?? t('priceLists.editor.everyTariff'),
        })}
      </Text>
      <Table.ScrollContainer minWidth={620}>
        <Table aria-label={t('priceLists.quote.linesLabel')} striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('priceLists.quote.kind')}</Table.Th>
              <Table.Th>{t('priceLists.columns.tariffCode')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.quote.quantity')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.quote.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.quote.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.lines.map((line, index) => (
              <Table.Tr key={`${line.kind}-${line.basis}-${line.validFrom ?? ''}-${index}`}>
                <Table.Td>{quoteLineLabel(t, line.kind)}</Table.Td>
                <Table.Td>{line.tariffCode ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {amount(line.quantity)} {line.unit === 'MWh' ? 'MWh' : t('priceLists.quote.months')}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {amount(line.unitPrice)} {quote.currency}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(line.amount)}
                </Table.Td>
              </Table.Tr>
            ))}
            {total(t('priceLists.quote.net'), quote.net)}
            {total(t('priceLists.quote.vat', { percent: quote.vatPercent }), quote.vat)}
            {total(t('priceLists.quote.gross'), quote.gross, true)}
            {quote.margin !== null &&
              total(t('priceLists.quote.margin', { percent: quote.marginPercent ?? '—' }), quote.margin)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
};

/** A quick check: this product's full cost for one supply point and delivery period, line by line. */
export const QuoteCheck = ({ product }: { product: Product }) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const points = useSupplyPointList({ commodity: product.commodity, ...(debounced ? { q: debounced } : {}) });
  const [supplyPointId, setSupplyPointId] = useState<string | null>(null);
  const period = defaultDeliveryPeriod(new Date());
  const [deliveryFrom, setDeliveryFrom] = useState(period.from);
  const [deliveryTo, setDeliveryTo] = useState(period.to);
  const quote = useQuote();
  const options = (points.data?.pages.flatMap((page) => page.items) ?? []).map((point) => ({
    value: point.id,
    label: [point.identifier, point.holder.name].join(' · '),
  }));
  const problems = isApiError(quote.error) ? quote.error.errors : [];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('priceLists.quote.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('priceLists.quote.supplyPoint')}
          placeholder={t('priceLists.quote.supplyPointPlaceholder')}
          data={options}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          value={supplyPointId}
          onChange={(value) => {
            setSupplyPointId(value);
            quote.reset();
          }}
          nothingFoundMessage={t('priceLists.quote.noSupplyPoints')}
          clearable
        />
        <TextInput type="date" label={t('priceLists.quote.deliveryFrom')} value={deliveryFrom} onChange={(e) => setDeliveryFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('priceLists.quote.deliveryTo')} value={deliveryTo} onChange={(e) => setDeliveryTo(e.currentTarget.value)} />
      </SimpleGrid>
      <Group>
        <Button
          leftSection={<IconCalculator size={16} aria-hidden />}
          disabled={!supplyPointId || !deliveryFrom || !deliveryTo}
          loading={quote.isPending}
          onClick={() => supplyPointId && quote.mutate({ supplyPointId, productId: product.id, deliveryFrom, deliveryTo })}
        >
          {t('priceLists.quote.submit')}
        </Button>
      </Group>
      {quote.isError && (
        <Alert color="red" title={t('priceLists.quote.failed')} role="alert">
          <Text size="sm">{errorMessage(t, quote.error)}</Text>
          {problems.map((problem) => (
            <Text size="sm" key={`${problem.path}-${problem.code}`}>
              {t('priceLists.quote.problem', { field: t(`priceLists.quote.fields.${problem.path}`, { defaultValue: problem.path }), rule: priceRuleMessage(t, problem.code) })}
            </Text>
          ))}
        </Alert>
      )}
      {quote.data && <QuoteResult quote={quote.data} />}
    </Stack>
  );
};
