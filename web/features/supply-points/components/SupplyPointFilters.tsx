import { Group, Input, Pill, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ruleMessage } from '../../../components/errors.js';
import { ArchivedFilter, filterSelect } from '../../../components/list/FilterInputs.js';
import { FilterText } from '../../../components/list/FilterText.js';
import { ListFilters, usePhone } from '../../../components/list/ListFilters.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { commodities, supplyPointStatuses, type SupplyPointListParams } from '../api.js';
import { decimalPattern, type FilterKey, type ParamChanges } from '../list-params.js';
import { normaliseDecimal } from '../supply-point-form.js';

const parseKWh = (text: string): string | null => {
  const value = normaliseDecimal(text);
  return decimalPattern.test(value) ? value : null;
};

type SupplyPointFiltersProps = {
  params: SupplyPointListParams;
  onChange: (changes: ParamChanges) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search box, filters and consumption range of the supply-point list; each change goes to the address. */
export const SupplyPointFilters = ({ params, onChange, onClear, activeFilterCount }: SupplyPointFiltersProps) => {
  const { t } = useTranslation();
  const territories = useCodeOptions('distributionTerritory', params.territoryCode);
  const isPhone = usePhone();
  const width = (desktop: number) => (isPhone ? '100%' : desktop);
  const select = filterSelect<FilterKey>(params, onChange, width(150));
  const kWh = (key: 'minConsumptionKWh' | 'maxConsumptionKWh', label: string, placeholder: string) => (
    <FilterText
      aria-label={label}
      placeholder={placeholder}
      inputMode="decimal"
      style={{ flex: 1 }}
      value={params[key]}
      parse={parseKWh}
      invalidMessage={ruleMessage(t, 'decimal')}
      onCommit={(value) => onChange({ [key]: value })}
    />
  );

  // Inputs align at the top, so an error under one (a range that is not a number) does not shift the others.
  return (
    <ListFilters
      texts="supplyPoints.list"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(260)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
      foldOnPhone
      alignTop
      pinned={
        params.importId && (
          <Pill
            size="lg"
            withRemoveButton
            onRemove={() => onChange({ importId: null })}
            // Pill hides its remove button from keyboards and screen readers (made for PillsInput): not here.
            removeButtonProps={{
              'aria-label': t('supplyPoints.list.importFilterRemove'),
              'aria-hidden': false,
              tabIndex: 0,
            }}
            title={t('supplyPoints.list.importFilterHint')}
            mt={isPhone ? 0 : 29}
          >
            {t('supplyPoints.list.importFilter')}
          </Pill>
        )
      }
    >
      {select(
        'commodity',
        t('supplyPoints.fields.commodity'),
        commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) })),
      )}
      {select('territoryCode', t('supplyPoints.fields.territory'), territories, { w: width(220) })}
      {select(
        'status',
        t('supplyPoints.fields.status'),
        supplyPointStatuses.map((s) => ({ value: s, label: t(`supplyPoints.status.${s}`) })),
      )}
      <FilterText
        label={t('supplyPoints.fields.currentSupplier')}
        placeholder={t('supplyPoints.list.supplierPlaceholder')}
        w={width(170)}
        value={params.supplier}
        onCommit={(supplier) => onChange({ supplier })}
      />
      <Input.Wrapper label={t('supplyPoints.list.consumptionRange')} w={width(230)}>
        <Group gap={6} align="flex-start" wrap="nowrap">
          {kWh('minConsumptionKWh', t('supplyPoints.list.minConsumptionLabel'), t('supplyPoints.list.minConsumption'))}
          <Text size="sm" c="dimmed" mt={6} aria-hidden>
            –
          </Text>
          {kWh('maxConsumptionKWh', t('supplyPoints.list.maxConsumptionLabel'), t('supplyPoints.list.maxConsumption'))}
        </Group>
      </Input.Wrapper>
      <ArchivedFilter
        texts="supplyPoints.list"
        value={params.archived}
        onChange={(archived) => onChange({ archived })}
        w={width(170)}
      />
    </ListFilters>
  );
};
