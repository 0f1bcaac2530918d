import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { useCodeOptions } from '../../code-lists/api.js';
import type { ClientListParams } from '../api.js';
import { countryCodes } from '../countries.js';
import type { FilterKey } from '../list-params.js';

type ClientFiltersProps = {
  params: ClientListParams;
  onChange: (changes: Partial<Record<FilterKey | 'q', string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search box (debounced) and filters of the client list; each change goes straight to the address. */
export const ClientFilters = ({ params, onChange, onClear, activeFilterCount }: ClientFiltersProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const relationshipTypes = useCodeOptions('relationshipType');
  const businessAreas = useCodeOptions('businessArea');
  const industries = useCodeOptions('industry');
  // On a phone the filters fold away behind one button, so the list stays in view.
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  const showFilters = !isPhone || filtersOpened;
  const selectCount = activeFilterCount - (params.q ? 1 : 0);

  useEffect(() => {
    if (debounced !== (params.q ?? '')) onChange({ q: debounced || null });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search

  // "Clear filters" or navigation changed the address: show what is searched for (adjusting state while
  // rendering, as React recommends instead of an effect).
  const addressQ = params.q ?? '';
  const [shownQ, setShownQ] = useState(addressQ);
  if (addressQ !== shownQ) {
    setShownQ(addressQ);
    if (addressQ !== text.trim()) setText(addressQ);
  }

  const select = (
    key: FilterKey,
    label: string,
    data: { value: string; label: string }[],
    placeholder = t('common.any'),
  ) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={params[key] ?? null}
      onChange={(value) => onChange({ [key]: value })}
      clearable
      searchable={data.length > 6}
      w={isPhone ? '100%' : 170}
      size="sm"
    />
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <TextInput
        label={t('clients.list.search')}
        placeholder={t('clients.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        w={isPhone ? '100%' : 260}
        size="sm"
      />
      {isPhone && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggleFilters}
          aria-expanded={filtersOpened}
        >
          {t('clients.list.filters', { count: selectCount })}
        </Button>
      )}
      {showFilters &&
        select('status', t('clients.fields.status'), [
          { value: 'active', label: t('clients.status.active') },
          { value: 'passive', label: t('clients.status.passive') },
        ])}
      {showFilters &&
        select('kind', t('clients.fields.kind'), [
          { value: 'company', label: t('clients.kind.company') },
          { value: 'person', label: t('clients.kind.person') },
        ])}
      {showFilters &&
        select(
          'country',
          t('clients.fields.country'),
          countryCodes.map((code) => ({ value: code, label: format.country(code) })),
        )}
      {showFilters && select('relationshipType', t('clients.fields.relationshipType'), relationshipTypes)}
      {showFilters && select('businessArea', t('clients.fields.businessArea'), businessAreas)}
      {showFilters && select('industry', t('clients.fields.industry'), industries)}
      {showFilters &&
        select(
          'archived',
          t('clients.list.archivedFilter'),
          [
            { value: 'true', label: t('clients.list.archivedOnly') },
            { value: 'all', label: t('clients.list.archivedAll') },
          ],
          t('clients.list.archivedNone'),
        )}
      {activeFilterCount > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onClear}
          size="sm"
        >
          {t('clients.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
