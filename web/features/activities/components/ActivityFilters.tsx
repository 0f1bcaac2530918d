import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../admin/api.js';
import { activityKinds, activityStatuses } from '../api.js';
import type { AddressKey, AddressParams } from '../list-params.js';

type ActivityFiltersProps = {
  address: AddressParams;
  onChange: (changes: Partial<Record<AddressKey, string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search box (debounced) and filters of the activity list; each change goes straight to the address. */
export const ActivityFilters = ({ address, onChange, onClear, activeFilterCount }: ActivityFiltersProps) => {
  const { t } = useTranslation();
  const users = useUsers();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [text, setText] = useState(address.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const width = isPhone ? '100%' : 170;

  useEffect(() => {
    if (debounced !== (address.q ?? '')) onChange({ q: debounced || null });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search

  // "Clear filters" or navigation changed the address: show what is searched for.
  const addressQ = address.q ?? '';
  const [shownQ, setShownQ] = useState(addressQ);
  if (addressQ !== shownQ) {
    setShownQ(addressQ);
    if (addressQ !== text.trim()) setText(addressQ);
  }

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <TextInput
        label={t('activities.list.search')}
        placeholder={t('activities.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        w={isPhone ? '100%' : 240}
        size="sm"
      />
      <Select
        label={t('activities.fields.kind')}
        placeholder={t('activities.list.anyKind')}
        data={activityKinds.map((kind) => ({ value: kind, label: t(`activities.kind.${kind}`) }))}
        value={address.kind ?? null}
        onChange={(value) => onChange({ kind: value })}
        clearable
        w={width}
        size="sm"
      />
      <Select
        label={t('activities.fields.status')}
        placeholder={t('activities.list.anyStatus')}
        data={activityStatuses.map((status) => ({ value: status, label: t(`activities.status.${status}`) }))}
        value={address.status ?? null}
        onChange={(value) => onChange({ status: value })}
        clearable
        w={width}
        size="sm"
      />
      <Select
        label={t('activities.fields.responsibleUser')}
        placeholder={t('activities.list.anyone')}
        data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={address.responsibleUserId ?? null}
        onChange={(value) => onChange({ responsibleUserId: value })}
        clearable
        searchable
        w={isPhone ? '100%' : 200}
        size="sm"
      />
      <TextInput
        type="date"
        label={t('activities.list.dueFrom')}
        value={address.dueFrom ?? ''}
        onChange={(event) => onChange({ dueFrom: event.currentTarget.value || null })}
        w={isPhone ? '100%' : 160}
        size="sm"
      />
      <TextInput
        type="date"
        label={t('activities.list.dueTo')}
        value={address.dueTo ?? ''}
        onChange={(event) => onChange({ dueTo: event.currentTarget.value || null })}
        w={isPhone ? '100%' : 160}
        size="sm"
      />
      <Select
        label={t('activities.list.archivedFilter')}
        placeholder={t('activities.list.archivedNone')}
        data={[
          { value: 'true', label: t('activities.list.archivedOnly') },
          { value: 'all', label: t('activities.list.archivedAll') },
        ]}
        value={address.archived ?? null}
        onChange={(value) => onChange({ archived: value })}
        clearable
        w={width}
        size="sm"
      />
      <Checkbox
        label={t('activities.list.overdueOnly')}
        checked={address.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.currentTarget.checked ? 'true' : null })}
        mb={8}
      />
      {activeFilterCount > 0 && (
        <Button variant="subtle" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('activities.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
