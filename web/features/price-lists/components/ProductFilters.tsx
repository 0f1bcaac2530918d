import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { countryCodes } from '../../clients/countries.js';
import { commodities, type ProductListParams } from '../api.js';
import type { ParamChanges } from '../list-params.js';

/** A text filter that reaches the address 300 ms after typing stops and follows the address when it changes. */
const TextFilter = ({
  label,
  placeholder,
  value,
  onCommit,
  search = false,
}: {
  label: string;
  placeholder: string;
  value: string;
  onCommit: (value: string | null) => void;
  search?: boolean;
}) => {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== value) onCommit(debounced || null);
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type={search ? 'search' : 'text'}
      leftSection={search ? <IconSearch size={16} aria-hidden /> : undefined}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      w={search ? 240 : 200}
    />
  );
};

/** Search, supplier, commodity, country and active filters of the product list; each change goes to the address. */
export const ProductFilters = ({
  params,
  onChange,
  onClear,
  activeFilterCount,
}: {
  params: ProductListParams;
  onChange: (changes: ParamChanges) => void;
  onClear: () => void;
  activeFilterCount: number;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <TextFilter
        search
        label={t('priceLists.products.search')}
        placeholder={t('priceLists.products.searchPlaceholder')}
        value={params.q ?? ''}
        onCommit={(q) => onChange({ q })}
      />
      <TextFilter
        label={t('priceLists.fields.supplier')}
        placeholder={t('priceLists.products.supplierPlaceholder')}
        value={params.supplier ?? ''}
        onCommit={(supplier) => onChange({ supplier })}
      />
      <Select
        label={t('priceLists.fields.commodity')}
        placeholder={t('common.any')}
        data={commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) }))}
        value={params.commodity ?? null}
        onChange={(commodity) => onChange({ commodity })}
        clearable
        w={150}
      />
      <Select
        label={t('priceLists.fields.country')}
        placeholder={t('common.any')}
        data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
        value={params.country ?? null}
        onChange={(country) => onChange({ country })}
        clearable
        w={170}
      />
      <Select
        label={t('priceLists.products.activeFilter')}
        placeholder={t('priceLists.products.activeAll')}
        data={[
          { value: 'true', label: t('priceLists.products.activeOnly') },
          { value: 'false', label: t('priceLists.products.inactiveOnly') },
        ]}
        value={params.active ?? null}
        onChange={(active) => onChange({ active })}
        clearable
        w={210}
      />
      {activeFilterCount > 0 && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('priceLists.products.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
