import { useAddressChanges } from '../../components/address.js';
import { Badge, Group, Select, Table, Tabs, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { NoRecords } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useFormat, type Formatters } from '../../i18n/format.js';
import { bandValidity, localToday, type Validity } from '../admin/consumption-bands.js';
import { useCan } from '../auth/api.js';
import { countryCodes } from '../clients/countries.js';
import { useCodeLabel, useCodeOptions } from '../code-lists/api.js';
import { commodities, useRegulatedComponents, useVatRates, type RegulatedComponent, type VatRate } from './api.js';
import { readRegulatedFilter, regulatedYears } from './regulated-filter.js';
import { RegulatedComponentForm } from './RegulatedComponentForm.js';
import { VatRateForm } from './VatRateForm.js';

const validityColor: Record<Validity, string> = { current: 'teal', upcoming: 'blue', ended: 'gray' };

const ValidityCell = ({ row, t, format }: { row: { validFrom: string; validTo: string | null }; t: TFunction; format: Formatters }) => {
  const validity = bandValidity(row, localToday());
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {row.validTo
          ? t('priceLists.versions.validRange', { from: format.date(row.validFrom), to: format.date(row.validTo) })
          : t('priceLists.versions.validFromOnly', { from: format.date(row.validFrom) })}
      </Text>
      <Badge size="xs" variant="light" color={validityColor[validity]} style={{ flexShrink: 0 }}>
        {t(`priceLists.regulated.validity.${validity}`)}
      </Badge>
    </Group>
  );
};

const RegulatedTab = ({ canWrite }: { canWrite: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useCodeLabel('distributionTerritory');
  const [search] = useSearchParams();
  const filter = readRegulatedFilter(search);
  const territories = useCodeOptions('distributionTerritory', filter.territoryCode);
  const rows = useRegulatedComponents(filter);
  const dialog = useEditDialog<RegulatedComponent>();
  const changeAddress = useAddressChanges();
  const setFilter = (key: string, value: string | null) => changeAddress({ [key]: value });

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('priceLists.fields.country')}
            placeholder={t('common.any')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            value={filter.country ?? null}
            onChange={(value) => setFilter('country', value)}
            clearable
            w={170}
          />
          <Select
            label={t('priceLists.fields.commodity')}
            placeholder={t('common.any')}
            data={commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) }))}
            value={filter.commodity ?? null}
            onChange={(value) => setFilter('commodity', value)}
            clearable
            w={150}
          />
          <Select
            label={t('priceLists.regulated.fields.territory')}
            placeholder={t('common.any')}
            data={territories}
            value={filter.territoryCode ?? null}
            onChange={(value) => setFilter('territoryCode', value)}
            clearable
            searchable
            w={240}
          />
          <Select
            label={t('priceLists.regulated.year')}
            placeholder={t('common.any')}
            data={regulatedYears(new Date())}
            value={filter.year ?? null}
            onChange={(value) => setFilter('year', value)}
            clearable
            w={110}
          />
        </Group>
        {canWrite && (
          <AddButton onClick={() => dialog.open(null)}>{t('priceLists.regulated.add')}</AddButton>
        )}
      </Group>
      <ListPanel
        query={rows}
        empty={rows.data?.length === 0 ? <NoRecords>{t('priceLists.regulated.empty')}</NoRecords> : undefined}
      >
        <Table.ScrollContainer minWidth={1000}>
          <Table highlightOnHover striped="even" aria-label={t('priceLists.regulated.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('priceLists.fields.country')}</Table.Th>
                <Table.Th>{t('priceLists.fields.commodity')}</Table.Th>
                <Table.Th>{t('priceLists.regulated.fields.territory')}</Table.Th>
                <Table.Th>{t('priceLists.regulated.fields.component')}</Table.Th>
                <Table.Th>{t('priceLists.regulated.fields.tariff')}</Table.Th>
                <Table.Th ta="right">{t('priceLists.regulated.fields.amount')}</Table.Th>
                <Table.Th>{t('priceLists.versions.validity')}</Table.Th>
                <Table.Th>{t('priceLists.regulated.fields.source')}</Table.Th>
                {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data?.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{row.country}</Table.Td>
                  <Table.Td>{t(`supplyPoints.commodity.${row.commodity}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {row.territoryCode ? territory(row.territoryCode) : t('priceLists.regulated.allTerritories')}
                  </Table.Td>
                  <Table.Td>{t(`priceLists.lineKinds.${row.component}`)}</Table.Td>
                  <Table.Td>{row.tariffCode ?? t('priceLists.editor.everyTariff')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.number(row.amount, { maximumFractionDigits: 4 })} {row.currency} / {t(`priceLists.regulated.unit.${row.basis}`)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <ValidityCell row={row} t={t} format={format} />
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="xs" lineClamp={2} title={row.source}>
                      {row.source}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <EditButton onClick={() => dialog.open(row)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListPanel>
      <RegulatedComponentForm opened={dialog.opened} row={dialog.editing} filter={filter} onClose={dialog.close} />
    </>
  );
};

const VatTab = ({ canWrite }: { canWrite: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rates = useVatRates();
  const dialog = useEditDialog<VatRate>();
  return (
    <>
      {canWrite && (
        <Group justify="flex-end" mb="md">
          <AddButton onClick={() => dialog.open(null)}>{t('priceLists.vat.add')}</AddButton>
        </Group>
      )}
      <ListPanel
        query={rates}
        empty={rates.data?.length === 0 ? <NoRecords>{t('priceLists.vat.empty')}</NoRecords> : undefined}
      >
        <Table highlightOnHover striped="even" aria-label={t('priceLists.vat.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('priceLists.fields.country')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.vat.fields.ratePercent')}</Table.Th>
              <Table.Th>{t('priceLists.versions.validity')}</Table.Th>
              <Table.Th>{t('priceLists.regulated.fields.source')}</Table.Th>
              {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.data?.map((rate) => (
              <Table.Tr key={rate.id}>
                <Table.Td>{format.country(rate.country)}</Table.Td>
                <Table.Td ta="right">{format.number(rate.ratePercent)} %</Table.Td>
                <Table.Td>
                  <ValidityCell row={rate} t={t} format={format} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} title={rate.source}>
                    {rate.source}
                  </Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <EditButton onClick={() => dialog.open(rate)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListPanel>
      <VatRateForm opened={dialog.opened} rate={dialog.editing} onClose={dialog.close} />
    </>
  );
};

/** Regulated price components (distribution, system services, taxes …) and VAT rates, as data with validity. */
export const RegulatedComponentsPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('admin.pricing');
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'vat' ? 'vat' : 'components';
  return (
    <>
      <PageHeader title={t('priceLists.regulated.title')} description={t('priceLists.regulated.description')} />
      <Tabs value={tab} onChange={(value) => setSearch(value === 'vat' ? { tab: 'vat' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="components">{t('priceLists.regulated.tab')}</Tabs.Tab>
          <Tabs.Tab value="vat">{t('priceLists.vat.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="components">
          <RegulatedTab canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="vat">
          <VatTab canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
};
