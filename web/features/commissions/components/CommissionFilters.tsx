import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../admin/api.js';
import { commissionEntries, commissionKinds, type CommissionListParams } from '../api.js';
import type { CommissionAddressKey } from '../list-params.js';

type Props = {
  params: CommissionListParams;
  onChange: (changes: Partial<Record<CommissionAddressKey, string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
  /** Offer the person filter: only for users who read every commission. */
  byPerson: boolean;
};

export const CommissionFilters = ({ params, onChange, onClear, activeFilterCount, byPerson }: Props) => {
  const { t } = useTranslation();
  const users = useUsers(byPerson);
  // Without the right to list users (403) the filter is not offered.
  const showPerson = byPerson && !users.isError;
  const day = (key: 'createdFrom' | 'createdTo', label: string) => (
    <TextInput label={label} type="date" value={params[key] ?? ''} onChange={(event) => onChange({ [key]: event.currentTarget.value || null })} w={150} size="sm" />
  );
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      {showPerson && (
        <Select
          label={t('commissions.fields.person')}
          placeholder={t('common.any')}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={params.userId ?? null}
          onChange={(value) => onChange({ userId: value })}
          searchable
          clearable
          w={220}
          size="sm"
        />
      )}
      <Select
        label={t('commissions.fields.kind')}
        placeholder={t('common.any')}
        data={commissionKinds.map((v) => ({ value: v, label: t(`commissions.kind.${v}`) }))}
        value={params.kind ?? null}
        onChange={(value) => onChange({ kind: value })}
        clearable
        w={190}
        size="sm"
      />
      <Select
        label={t('commissions.fields.entry')}
        placeholder={t('common.any')}
        data={commissionEntries.map((v) => ({ value: v, label: t(`commissions.entry.${v}`) }))}
        value={params.entry ?? null}
        onChange={(value) => onChange({ entry: value })}
        clearable
        w={170}
        size="sm"
      />
      {day('createdFrom', t('commissions.list.createdFrom'))}
      {day('createdTo', t('commissions.list.createdTo'))}
      {activeFilterCount > 0 && (
        <Button variant="subtle" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('commissions.list.clearFilters')}
        </Button>
      )}
    </Group>
  );
};
