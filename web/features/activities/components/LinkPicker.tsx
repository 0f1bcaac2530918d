import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkSearch, type Link } from '../api.js';

type LinkPickerProps = {
  kind: 'client' | 'case' | 'lead';
  label: string;
  placeholder: string;
  value: Link | null;
  onChange: (link: Link | null) => void;
  error?: ReactNode;
  disabled?: boolean;
};

/** Picks a client, case or lead to link, searched on the server among the records the user may see. */
export const LinkPicker = ({ kind, label, placeholder, value, onChange, error, disabled }: LinkPickerProps) => {
  const { t } = useTranslation();
  const shown = value?.name ?? '';
  const [search, setSearch] = useState(shown);
  // While the box shows the chosen record's name, the list is not narrowed to it.
  const typed = search === shown ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const found = useLinkSearch(kind, debounced, !disabled && debounced.length > 0);
  const items = found.data ?? [];
  const options = value && !items.some((item) => item.id === value.id) ? [{ id: value.id, name: value.name ?? value.id }, ...items] : items;

  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      disabled={disabled}
      error={error}
      leftSection={<IconSearch size={16} aria-hidden />}
      data={options.map((item) => ({ value: item.id, label: item.name ?? item.id }))}
      value={value?.id ?? null}
      onChange={(id) => {
        const picked = options.find((item) => item.id === id);
        onChange(picked ? { id: picked.id, name: picked.name } : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : debounced ? t('activities.form.notFound') : undefined}
    />
  );
};
