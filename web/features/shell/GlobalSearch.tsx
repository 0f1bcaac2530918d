import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type ItemList } from '../../api/client.js';

type SearchHit = {
  type: 'client' | 'contact';
  id: string;
  title: string;
  subtitle: string | null;
  url: string;
};

/** One search box over every record the user may see (`GET /search`); picking a hit opens its card. */
export const GlobalSearch = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const hits = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => api.get<ItemList<SearchHit>>('/search', { q: debounced, limit: 10 }, signal),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const items = debounced.length >= 2 ? (hits.data?.items ?? []) : [];
  const byUrl = new Map(items.map((hit) => [hit.url, hit]));
  const data = (['client', 'contact'] as const)
    .map((type) => ({
      group: type === 'client' ? t('shell.search.clients') : t('shell.search.contacts'),
      items: items.filter((hit) => hit.type === type).map((hit) => ({ value: hit.url, label: hit.title })),
    }))
    .filter((group) => group.items.length > 0);

  return (
    <Select
      aria-label={t('shell.search.label')}
      placeholder={t('shell.search.placeholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.length >= 2 && !hits.isFetching ? t('shell.search.nothingFound') : undefined
      }
      rightSection={<span />}
      w={{ base: 180, sm: 320 }}
      visibleFrom="xs"
      comboboxProps={{ width: 360, position: 'bottom-end' }}
      renderOption={({ option }) => {
        const hit = byUrl.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {hit?.subtitle && (
              <Text size="xs" c="dimmed">
                {hit.subtitle}
              </Text>
            )}
          </Stack>
        );
      }}
      onChange={(url) => {
        if (!url) return;
        setSearch('');
        void navigate(url);
      }}
    />
  );
};
