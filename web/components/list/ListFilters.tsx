import { Button, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterText } from './FilterText.js';

/** On a phone a list's filters take the whole width (and may fold away), so the list stays in view. */
export const usePhone = () => useMediaQuery('(max-width: 48em)');

/** A filter's width: its own on a desktop, the whole row on a phone. */
export const useFilterWidth = () => {
  const isPhone = usePhone();
  return (desktop: number) => (isPhone ? '100%' : desktop);
};

type ListFiltersProps = {
  /** The list's i18n prefix, with `search`, `searchPlaceholder`, `filters` (when folding) and `clearFilters`. */
  texts: string;
  /** The search text in the address; with `onSearch` the bar starts with the list's search box. */
  q?: string | undefined;
  onSearch?: (q: string | null) => void;
  searchWidth?: number | string;
  activeFilterCount: number;
  onClear: () => void;
  /** On a phone the filters fold away behind one "Filters (n)" button. */
  foldOnPhone?: boolean;
  /** Shown also when the filters are folded (a chip of a filter set elsewhere). */
  pinned?: ReactNode;
  /** Inputs align at the top, so an error under one does not shift the others. */
  alignTop?: boolean;
  /** The filters. */
  children: ReactNode;
};

/** A list's filter bar: the search box, the filters and "Clear filters" while any is set; each goes to the address. */
export const ListFilters = ({
  texts,
  q,
  onSearch,
  searchWidth,
  activeFilterCount,
  onClear,
  foldOnPhone = false,
  pinned,
  alignTop = false,
  children,
}: ListFiltersProps) => {
  const { t } = useTranslation();
  const isPhone = usePhone();
  const [opened, { toggle }] = useDisclosure(false);
  const folding = foldOnPhone && isPhone;

  return (
    <Group align={alignTop ? 'flex-start' : 'flex-end'} gap="sm" wrap="wrap" mb="md">
      {onSearch && (
        <FilterText
          search
          label={t(`${texts}.search`)}
          placeholder={t(`${texts}.searchPlaceholder`)}
          w={searchWidth}
          value={q}
          onCommit={onSearch}
        />
      )}
      {folding && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggle}
          aria-expanded={opened}
        >
          {t(`${texts}.filters`, { count: activeFilterCount - (q ? 1 : 0) })}
        </Button>
      )}
      {(!folding || opened) && children}
      {pinned}
      {activeFilterCount > 0 && (
        <Button
          variant="subtle"
          size="sm"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onClear}
          mt={alignTop && !isPhone ? 25 : undefined}
        >
          {t(`${texts}.clearFilters`)}
        </Button>
      )}
    </Group>
  );
};
