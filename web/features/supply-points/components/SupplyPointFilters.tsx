import { Button, Group, Input, Pill, Select, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleMessage } from '../../../components/errors.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { commodities, supplyPointStatuses, type SupplyPointListParams } from '../api.js';
import { decimalPattern, type FilterKey, type ParamChanges } from '../list-params.js';
import { normaliseDecimal } from '../supply-point-form.js';

type TextFilterProps = Omit<TextInputProps, 'value' | 'onChange' | 'error'> & {
  /** The value in the address. */
  value: string;
  onCommit: (value: string | null) => void;
  /** Turns the typed text into the parameter, or returns null when it is not a valid one yet. */
  parse?: (text: string) => string | null;
};

const useDebounced = (text: string) => useDebouncedValue(text.trim(), 300);

/**
 * A text filter that goes to the address 300 ms after the user stops typing, and follows the address when
 * "Clear filters" or navigation changes it.
 */
const TextFilter = ({ value, onCommit, parse = (text) => text, ...props }: TextFilterProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebounced(text);
  const parsed = debounced ? parse(debounced) : '';
  const invalid = parsed === null;

  useEffect(() => {
    if (parsed !== null && parsed !== value) onCommit(parsed || null);
  }, [parsed]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search

  // Adjusting state while rendering, as React recommends instead of an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== parse(text.trim())) setText(value);
  }

  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      error={invalid ? ruleMessage(t, 'decimal') : undefined}
      size="sm"
    />
  );
};

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
export const SupplyPointFilters = ({
  params,
  onChange,
  onClear,
  activeFilterCount,
}: SupplyPointFiltersProps) => {
  const { t } = useTranslation();
  const territories = useCodeOptions('distributionTerritory', params.territoryCode);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  const showFilters = !isPhone || filtersOpened;
  const selectCount = activeFilterCount - (params.q ? 1 : 0);
  const width = (desktop: number) => (isPhone ? '100%' : desktop);

  const select = (
    key: FilterKey,
    label: string,
    data: { value: string; label: string }[],
    placeholder = t('common.any'),
    w = 150,
  ) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={params[key] ?? null}
      onChange={(value) => onChange({ [key]: value })}
      clearable
      searchable={data.length > 6}
      w={width(w)}
      size="sm"
    />
  );

  // Inputs align at the top, so an error under one (a range that is not a number) does not shift the others.
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" mb="md">
      <TextFilter
        label={t('supplyPoints.list.search')}
        placeholder={t('supplyPoints.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        w={width(260)}
        value={params.q ?? ''}
        onCommit={(q) => onChange({ q })}
      />
      {isPhone && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggleFilters}
          aria-expanded={filtersOpened}
        >
          {t('supplyPoints.list.filters', { count: selectCount })}
        </Button>
      )}
      {showFilters &&
        select(
          'commodity',
          t('supplyPoints.fields.commodity'),
          commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) })),
        )}
      {showFilters &&
        select('territoryCode', t('supplyPoints.fields.territory'), territories, t('common.any'), 220)}
      {showFilters &&
        select(
          'status',
          t('supplyPoints.fields.status'),
          supplyPointStatuses.map((s) => ({ value: s, label: t(`supplyPoints.status.${s}`) })),
        )}
      {showFilters && (
        <TextFilter
          label={t('supplyPoints.fields.currentSupplier')}
          placeholder={t('supplyPoints.list.supplierPlaceholder')}
          w={width(170)}
          value={params.supplier ?? ''}
          onCommit={(supplier) => onChange({ supplier })}
        />
      )}
      {showFilters && (
        <Input.Wrapper label={t('supplyPoints.list.consumptionRange')} w={isPhone ? '100%' : 230}>
          <Group gap={6} align="flex-start" wrap="nowrap">
            <TextFilter
              aria-label={t('supplyPoints.list.minConsumptionLabel')}
              placeholder={t('supplyPoints.list.minConsumption')}
              inputMode="decimal"
              style={{ flex: 1 }}
              value={params.minConsumptionKWh ?? ''}
              parse={parseKWh}
              onCommit={(minConsumptionKWh) => onChange({ minConsumptionKWh })}
            />
            <Text size="sm" c="dimmed" mt={6} aria-hidden>
              –
            </Text>
            <TextFilter
              aria-label={t('supplyPoints.list.maxConsumptionLabel')}
              placeholder={t('supplyPoints.list.maxConsumption')}
              inputMode="decimal"
              style={{ flex: 1 }}
              value={params.maxConsumptionKWh ?? ''}
              parse={parseKWh}
              onCommit={(maxConsumptionKWh) => onChange({ maxConsumptionKWh })}
            />
          </Group>
        </Input.Wrapper>
      )}
      {showFilters &&
        select(
          'archived',
          t('supplyPoints.list.archivedFilter'),
          [
            { value: 'true', label: t('supplyPoints.list.archivedOnly') },
            { value: 'all', label: t('supplyPoints.list.archivedAll') },
          ],
          t('supplyPoints.list.archivedNone'),
          170,
        )}
      {params.importId && (
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
      )}
      {activeFilterCount > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onClear}
          size="sm"
          mt={isPhone ? 0 : 25}
        >
          {t('supplyPoints.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
