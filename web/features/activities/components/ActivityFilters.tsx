import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ArchivedFilter, FilterDate, filterSelect } from '../../../components/list/FilterInputs.js';
import { ListFilters, useFilterWidth } from '../../../components/list/ListFilters.js';
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
  const width = useFilterWidth();
  const select = filterSelect<AddressKey>(address, onChange, width(170));

  return (
    <ListFilters
      texts="activities.list"
      q={address.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(240)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
    >
      {select(
        'kind',
        t('activities.fields.kind'),
        activityKinds.map((kind) => ({ value: kind, label: t(`activities.kind.${kind}`) })),
        { placeholder: t('activities.list.anyKind') },
      )}
      {select(
        'status',
        t('activities.fields.status'),
        activityStatuses.map((status) => ({ value: status, label: t(`activities.status.${status}`) })),
        { placeholder: t('activities.list.anyStatus') },
      )}
      {select(
        'responsibleUserId',
        t('activities.fields.responsibleUser'),
        (users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
        { placeholder: t('activities.list.anyone'), searchable: true, w: width(200) },
      )}
      <FilterDate label={t('activities.list.dueFrom')} value={address.dueFrom} onChange={(dueFrom) => onChange({ dueFrom })} w={width(160)} />
      <FilterDate label={t('activities.list.dueTo')} value={address.dueTo} onChange={(dueTo) => onChange({ dueTo })} w={width(160)} />
      <ArchivedFilter texts="activities.list" value={address.archived} onChange={(archived) => onChange({ archived })} w={width(170)} />
      <Checkbox
        label={t('activities.list.overdueOnly')}
        checked={address.overdue === 'true'}
        onChange={(event) => onChange({ overdue: event.currentTarget.checked ? 'true' : null })}
        mb={8}
      />
    </ListFilters>
  );
};
