import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../clients/api.js';
import { useClientSearch } from '../api.js';

type ClientPickerProps = Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> & {
  value: Client | null;
  onChange: (client: Client | null) => void;
};

/** Picks the holder of a new supply point: the clients the user may see, searched on the server. */
export const ClientPicker = ({ value, onChange, ...props }: ClientPickerProps) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  // While the search box shows the chosen client's name, the list is not narrowed to it.
  const typed = search === value?.name ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const clients = useClientSearch(debounced);
  const found = clients.data ?? [];
  const options = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  const byId = new Map(options.map((client) => [client.id, client]));

  return (
    <Select
      {...props}
      searchable
      leftSection={<IconSearch size={16} aria-hidden />}
      placeholder={t('supplyPoints.form.clientPlaceholder')}
      data={options.map((client) => ({ value: client.id, label: client.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={clients.isFetching ? t('common.loading') : t('supplyPoints.form.clientNotFound')}
      renderOption={({ option }) => {
        const client = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {client && (
              <Text size="xs" c="dimmed">
                {[client.companyId, client.address.city, client.country].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
};
