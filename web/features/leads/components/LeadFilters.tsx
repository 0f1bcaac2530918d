import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { potentialCommodities } from '../../../../domain/leads/lead-rules.js';
import { useMe } from '../../auth/api.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { leadStatuses, type LeadListParams } from '../api.js';
import type { FilterKey, ParamKey } from '../list-params.js';

type LeadFiltersProps = {
  params: LeadListParams;
  onChange: (changes: Partial<Record<ParamKey, string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** A text box that goes to the address 300 ms after the user stops typing, and follows the address back. */
const DebouncedText = ({
  value,
  onCommit,
  label,
  placeholder,
  width,
  search,
}: {
  value: string;
  onCommit: (v: string | null) => void;
  label: string;
  placeholder?: string;
  width: number | string;
  search?: boolean;
}) => {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== value) onCommit(debounced || null);
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search
  // "Clear filters" or navigation changed the address: show it (adjusting state while rendering).
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={search ? <IconSearch size={16} aria-hidden /> : undefined}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      type={search ? 'search' : 'text'}
      w={width}
      size="sm"
    />
  );
};

/** Search box and filters of the lead list; each change goes straight to the address. */
export const LeadFilters = ({ params, onChange, onClear, activeFilterCount }: LeadFiltersProps) => {
  const { t } = useTranslation();
  const me = useMe();
  const industries = useCodeOptions('industry', params.industry);
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
  ) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={params[key] ?? null}
      onChange={(value) => onChange({ [key]: value })}
      clearable
      searchable={data.length > 6}
      w={width(160)}
      size="sm"
    />
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <DebouncedText
        label={t('leads.list.search')}
        placeholder={t('leads.list.searchPlaceholder')}
        value={params.q ?? ''}
        onCommit={(q) => onChange({ q })}
        width={width(260)}
        search
      />
      {isPhone && (
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          onClick={toggleFilters}
          aria-expanded={filtersOpened}
        >
          {t('leads.list.filters', { count: selectCount })}
        </Button>
      )}
      {showFilters &&
        select(
          'status',
          t('leads.fields.status'),
          leadStatuses.map((s) => ({ value: s, label: t(`leads.status.${s}`) })),
        )}
      {showFilters && (
        <DebouncedText
          label={t('leads.fields.source')}
          placeholder={t('leads.list.sourcePlaceholder')}
          value={params.source ?? ''}
          onCommit={(source) => onChange({ source })}
          width={width(150)}
        />
      )}
      {showFilters && select('industry', t('leads.fields.industry'), industries)}
      {showFilters &&
        select(
          'priority',
          t('leads.fields.priority'),
          ['1', '2', '3', '4', '5'].map((p) => ({ value: p, label: t(`leads.priority.${p}`) })),
        )}
      {showFilters && select('territoryCode', t('leads.potentials.territory'), territories)}
      {showFilters &&
        select(
          'commodity',
          t('leads.potentials.commodity'),
          potentialCommodities.map((c) => ({ value: c, label: t(`leads.commodity.${c}`) })),
        )}
      {showFilters &&
        me.data &&
        select('responsibleUserId', t('leads.fields.responsible'), [
          { value: me.data.user.id, label: t('leads.list.mine') },
        ])}
      {showFilters &&
        select(
          'archived',
          t('leads.list.archivedFilter'),
          [
            { value: 'true', label: t('leads.list.archivedOnly') },
            { value: 'all', label: t('leads.list.archivedAll') },
          ],
          t('leads.list.archivedNone'),
        )}
      {activeFilterCount > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={onClear}
          size="sm"
        >
          {t('leads.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
