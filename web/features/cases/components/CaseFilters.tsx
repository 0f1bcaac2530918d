import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../admin/api.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { useProcessTemplates } from '../../processes/api.js';
import type { CaseListParams } from '../api.js';
import type { FilterKey } from '../list-params.js';

type CaseFiltersProps = {
  params: CaseListParams;
  onChange: (changes: Partial<Record<FilterKey | 'q', string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search box (debounced) and filters of the case list; each change goes straight to the address. */
export const CaseFilters = ({ params, onChange, onClear, activeFilterCount }: CaseFiltersProps) => {
  const { t } = useTranslation();
  const [text, setText] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const types = useCodeOptions('caseType');
  const territories = useCodeOptions('distributionTerritory');
  const processes = useProcessTemplates(true);
  const users = useUsers();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  const showFilters = !isPhone || filtersOpened;
  const selectCount = activeFilterCount - (params.q ? 1 : 0);
  const process = processes.data?.find((p) => p.id === params.processTemplateId);

  useEffect(() => {
    if (debounced !== (params.q ?? '')) onChange({ q: debounced || null });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search

  const addressQ = params.q ?? '';
  const [shownQ, setShownQ] = useState(addressQ);
  if (addressQ !== shownQ) {
    setShownQ(addressQ);
    if (addressQ !== text.trim()) setText(addressQ);
  }

  const select = (key: FilterKey, label: string, data: { value: string; label: string }[], placeholder = t('common.any')) => (
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
        label={t('cases.list.search')}
        placeholder={t('cases.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        w={isPhone ? '100%' : 240}
        size="sm"
      />
      {isPhone && (
        <Button variant="default" size="sm" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} onClick={toggleFilters} aria-expanded={filtersOpened}>
          {t('cases.list.filters', { count: selectCount })}
        </Button>
      )}
      {showFilters &&
        select('state', t('cases.fields.state'), [
          { value: 'new', label: t('cases.state.new') },
          { value: 'closed', label: t('cases.state.closed') },
        ])}
      {showFilters &&
        select('outcome', t('cases.fields.outcome'), [
          { value: 'won', label: t('cases.outcome.won') },
          { value: 'lost', label: t('cases.outcome.lost') },
        ])}
      {showFilters &&
        select('commodity', t('cases.fields.commodity'), [
          { value: 'electricity', label: t('cases.commodity.electricity') },
          { value: 'gas', label: t('cases.commodity.gas') },
          { value: 'other', label: t('cases.commodity.other') },
        ])}
      {showFilters && select('type', t('cases.fields.type'), types)}
      {showFilters && select('processTemplateId', t('cases.fields.process'), (processes.data ?? []).map((p) => ({ value: p.id, label: p.name })))}
      {showFilters && process && select('stageId', t('cases.fields.stage'), process.stages.map((s) => ({ value: s.id, label: s.name })))}
      {showFilters && select('responsibleUserId', t('cases.fields.responsibleUser'), (users.data ?? []).map((u) => ({ value: u.id, label: u.name })))}
      {showFilters && select('territoryCode', t('cases.fields.territoryCode'), territories)}
      {showFilters &&
        select(
          'archived',
          t('cases.list.archivedFilter'),
          [
            { value: 'true', label: t('cases.list.archivedOnly') },
            { value: 'all', label: t('cases.list.archivedAll') },
          ],
          t('cases.list.archivedNone'),
        )}
      {activeFilterCount > 0 && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear} size="sm">
          {t('cases.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
