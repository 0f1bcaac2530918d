import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractCommodities, contractStates, contractTypes } from '../api.js';
import { noticeWithinDays, type AddressKey, type ContractAddressParams, type FilterKey } from '../list-params.js';

type ContractFiltersProps = {
  params: ContractAddressParams;
  onChange: (changes: Partial<Record<AddressKey, string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** A text box that commits its trimmed value to the address after a pause, and follows the address when it changes. */
const useCommittedText = (value: string | undefined, onCommit: (value: string | null) => void) => {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== (value ?? '')) onCommit(debounced || null);
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text commits
  const [shown, setShown] = useState(value ?? '');
  if ((value ?? '') !== shown) {
    setShown(value ?? '');
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  return [text, setText] as const;
};

/** Search, filters and the notice-deadline shortcut of the register; each change goes straight to the address. */
export const ContractFilters = ({ params, onChange, onClear, activeFilterCount }: ContractFiltersProps) => {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  const showFilters = !isPhone || filtersOpened;
  const selectCount = activeFilterCount - (params.q ? 1 : 0);
  const [q, setQ] = useCommittedText(params.q, (value) => onChange({ q: value }));
  const [supplier, setSupplier] = useCommittedText(params.supplier, (value) => onChange({ supplier: value }));
  const width = isPhone ? '100%' : 170;

  const select = (key: FilterKey, label: string, data: { value: string; label: string }[], placeholder = t('common.any'), w: string | number = width) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={params[key as keyof ContractAddressParams] ?? null}
      onChange={(value) => onChange({ [key]: value })}
      clearable
      w={w}
      size="sm"
    />
  );
  const day = (key: 'endFrom' | 'endTo', label: string) => (
    <TextInput label={label} type="date" value={params[key] ?? ''} onChange={(event) => onChange({ [key]: event.currentTarget.value || null })} w={isPhone ? '100%' : 150} size="sm" />
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <TextInput
        label={t('contracts.list.search')}
        placeholder={t('contracts.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        type="search"
        w={isPhone ? '100%' : 240}
        size="sm"
      />
      {isPhone && (
        <Button variant="default" size="sm" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} onClick={toggleFilters} aria-expanded={filtersOpened}>
          {t('contracts.list.filters', { count: selectCount })}
        </Button>
      )}
      {showFilters && select('type', t('contracts.fields.type'), contractTypes.map((v) => ({ value: v, label: t(`contracts.type.${v}`) })))}
      {showFilters && select('state', t('contracts.fields.state'), contractStates.map((v) => ({ value: v, label: t(`contracts.state.${v}`) })))}
      {showFilters && select('commodity', t('contracts.fields.commodity'), contractCommodities.map((v) => ({ value: v, label: t(`contracts.commodity.${v}`) })))}
      {showFilters && (
        <TextInput label={t('contracts.fields.supplier')} value={supplier} onChange={(event) => setSupplier(event.currentTarget.value)} w={width} size="sm" />
      )}
      {showFilters && day('endFrom', t('contracts.list.endFrom'))}
      {showFilters && day('endTo', t('contracts.list.endTo'))}
      {showFilters &&
        select(
          'noticeWithin',
          t('contracts.list.noticeWithin'),
          noticeWithinDays.map((days) => ({ value: days, label: t('contracts.list.noticeWithinDays', { count: Number(days) }) })),
          t('common.any'),
          isPhone ? '100%' : 200,
        )}
      {showFilters &&
        select(
          'archived',
          t('contracts.list.archivedFilter'),
          [
            { value: 'true', label: t('contracts.list.archivedOnly') },
            { value: 'all', label: t('contracts.list.archivedAll') },
          ],
          t('contracts.list.archivedNone'),
        )}
      {activeFilterCount > 0 && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear} size="sm">
          {t('contracts.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
