import { useAddressChanges } from '../../components/address.js';
import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { NoRecords, RecordTable } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { useCodeLabel } from '../code-lists/api.js';
import { ConsumptionBandForm } from './ConsumptionBandForm.js';
import {
  bandInterval,
  bandValidity,
  localToday,
  useConsumptionBands,
  type BandFilter,
  type Commodity,
  type ConsumptionBand,
  type Validity,
} from './consumption-bands.js';

const validityColor: Record<Validity, string> = { current: 'teal', upcoming: 'blue', ended: 'gray' };

/** Consumption bands by country and commodity, with validity and source; an administrator adds and corrects them. */
export const ConsumptionBandsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useCodeLabel('distributionTerritory');
  const [search] = useSearchParams();
  const country = search.get('country') ?? undefined;
  const commodityParam = search.get('commodity');
  const commodity =
    commodityParam === 'electricity' || commodityParam === 'gas' ? (commodityParam as Commodity) : undefined;
  const filter: BandFilter = { country, commodity };
  const bands = useConsumptionBands(filter);
  const dialog = useEditDialog<ConsumptionBand>();
  const today = localToday();
  const changeAddress = useAddressChanges<'country' | 'commodity'>();
  const setFilter = (key: 'country' | 'commodity', value: string | null) => changeAddress({ [key]: value });
  const kWh = (value: string) => format.number(value);

  return (
    <>
      <PageHeader
        title={t('admin.consumptionBands.title')}
        description={t('admin.consumptionBands.description')}
        actions={<AddButton onClick={() => dialog.open(null)}>{t('admin.consumptionBands.add')}</AddButton>}
      />
      <Group gap="sm" mb="md">
        <Select
          label={t('admin.consumptionBands.fields.country')}
          placeholder={t('common.any')}
          data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
          value={country ?? null}
          onChange={(value) => setFilter('country', value)}
          clearable
          w={200}
        />
        <Select
          label={t('admin.consumptionBands.fields.commodity')}
          placeholder={t('common.any')}
          data={(['electricity', 'gas'] as const).map((c) => ({
            value: c,
            label: t(`supplyPoints.commodity.${c}`),
          }))}
          value={commodity ?? null}
          onChange={(value) => setFilter('commodity', value)}
          clearable
          w={180}
        />
      </Group>
      <ListPanel
        query={bands}
        empty={
          bands.data?.length === 0 ? <NoRecords>{t('admin.consumptionBands.empty')}</NoRecords> : undefined
        }
      >
        <RecordTable
          label={t('admin.consumptionBands.title')}
          minWidth={980}
          highlightOnHover
          columns={[
            t('admin.consumptionBands.fields.country'),
            t('admin.consumptionBands.fields.commodity'),
            t('admin.consumptionBands.fields.customerCategory'),
            t('admin.consumptionBands.fields.code'),
            t('admin.consumptionBands.fields.range'),
            t('admin.consumptionBands.fields.territory'),
            t('admin.consumptionBands.fields.validity'),
            t('admin.consumptionBands.fields.source'),
            t('common.actions'),
          ]}
        >
          {bands.data?.map((band) => {
            const validity = bandValidity(band, today);
            return (
              <Table.Tr key={band.id} c={validity === 'ended' ? 'dimmed' : undefined}>
                <Table.Td>{format.country(band.country)}</Table.Td>
                <Table.Td>{t(`supplyPoints.commodity.${band.commodity}`)}</Table.Td>
                <Table.Td>{t(`supplyPoints.derived.customerCategory.${band.customerCategory}`)}</Table.Td>
                <Table.Td fw={600}>{band.code}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{bandInterval(band, kWh)} kWh</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {band.territoryCode
                    ? territory(band.territoryCode)
                    : t('admin.consumptionBands.allTerritories')}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">
                      {band.validTo
                        ? t('admin.consumptionBands.validRange', {
                            from: format.date(band.validFrom),
                            to: format.date(band.validTo),
                          })
                        : t('admin.consumptionBands.validFromOnly', {
                            from: format.date(band.validFrom),
                          })}
                    </Text>
                    <Badge
                      size="xs"
                      variant="light"
                      color={validityColor[validity]}
                      style={{ flexShrink: 0, overflow: 'visible' }}
                    >
                      {t(`admin.consumptionBands.validity.${validity}`)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="xs" lineClamp={2} title={band.source}>
                    {band.source}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <EditButton
                    onClick={() => dialog.open(band)}
                    label={t('admin.consumptionBands.editNamed', { code: band.code })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      </ListPanel>
      <ConsumptionBandForm
        opened={dialog.opened}
        band={dialog.editing}
        filter={filter}
        onClose={dialog.close}
      />
    </>
  );
};
