import { Combobox, Group, Kbd, Loader, Stack, Text, TextInput, ThemeIcon, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useOs } from '@mantine/hooks';
import { IconAddressBook, IconBriefcase, IconPlugConnected, IconSearch, IconTargetArrow, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type ItemList } from '../../api/client.js';

type HitType = 'supplyPoint' | 'client' | 'contact' | 'lead' | 'case';

type SearchHit = {
  type: HitType;
  id: string;
  title: string;
  subtitle: string | null;
  url: string;
};

/** Groups in the order shown: an identifier typed whole finds its supply point first. */
const groups: { type: HitType; label: string; icon: ReactNode; color: string }[] = [
  {
    type: 'supplyPoint',
    label: 'shell.search.supplyPoints',
    icon: <IconPlugConnected size={14} />,
    color: 'yellow',
  },
  { type: 'client', label: 'shell.search.clients', icon: <IconAddressBook size={14} />, color: 'blue' },
  { type: 'contact', label: 'shell.search.contacts', icon: <IconUser size={14} />, color: 'grape' },
  { type: 'lead', label: 'shell.search.leads', icon: <IconTargetArrow size={14} />, color: 'orange' },
  { type: 'case', label: 'shell.search.cases', icon: <IconBriefcase size={14} />, color: 'teal' },
];

/**
 * One search box over every record the user may see (`GET /search`). Ctrl+K (⌘K on a Mac) jumps to it from
 * anywhere; arrows move through the hits, Enter opens one, Escape closes.
 */
export const GlobalSearch = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const os = useOs();
  const inputRef = useRef<HTMLInputElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
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
  const mac = os === 'macos' || os === 'ios';

  // New hits: the first is selected, so Enter opens it (a whole identifier typed finds its supply point).
  useEffect(() => {
    if (items.length > 0) combobox.selectFirstOption();
  }, [hits.data]); // eslint-disable-line react-hooks/exhaustive-deps -- only new hits move the selection

  // Works while typing in another field too: the shortcut is meant to be reachable from anywhere.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          inputRef.current?.focus();
          inputRef.current?.select();
          combobox.openDropdown();
        },
      ],
    ],
    [],
  );

  const open = (url: string) => {
    const hit = byUrl.get(url);
    if (!hit) return;
    setSearch('');
    combobox.closeDropdown();
    inputRef.current?.blur();
    void navigate(hit.url);
  };

  const options = groups
    .map((group) => ({ ...group, hits: items.filter((hit) => hit.type === group.type) }))
    .filter((group) => group.hits.length > 0)
    .map((group) => (
      <Combobox.Group key={group.type} label={t(group.label)}>
        {group.hits.map((hit) => (
          <Combobox.Option value={hit.url} key={hit.url}>
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" color={group.color} size={26} radius="xl" aria-hidden>
                {group.icon}
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" ff={hit.type === 'supplyPoint' ? 'monospace' : undefined} truncate>
                  {hit.title}
                </Text>
                {/* Dimmed by opacity, not colour: it stays readable on the highlighted option. */}
                {hit.subtitle && (
                  <Text size="xs" opacity={0.7} truncate>
                    {hit.subtitle}
                  </Text>
                )}
              </Stack>
            </Group>
          </Combobox.Option>
        ))}
      </Combobox.Group>
    ));

  const searching = debounced.length >= 2;
  return (
    <Combobox store={combobox} onOptionSubmit={open} width={400} position="bottom-end" withinPortal>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          aria-label={t('shell.search.label')}
          placeholder={t('shell.search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            hits.isFetching && searching ? (
              <Loader size={14} />
            ) : (
              <Kbd size="xs" aria-hidden>
                {mac ? '⌘K' : 'Ctrl K'}
              </Kbd>
            )
          }
          rightSectionWidth={mac ? 44 : 58}
          rightSectionPointerEvents="none"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onClick={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setSearch('');
              inputRef.current?.blur();
            }
          }}
          w={{ base: 180, sm: 320 }}
          visibleFrom="xs"
          autoComplete="off"
          aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options mah={460} style={{ overflowY: 'auto' }}>
          {options.length > 0 ? (
            options
          ) : (
            <Combobox.Empty>
              {hits.isFetching ? t('common.loading') : t('shell.search.nothingFound')}
            </Combobox.Empty>
          )}
        </Combobox.Options>
        <Combobox.Footer>
          <Text size="xs" c="dimmed">
            {t('shell.search.keyboardHint')}
          </Text>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
};
