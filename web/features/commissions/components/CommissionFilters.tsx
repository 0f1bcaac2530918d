import { useTranslation } from 'react-i18next';
import { FilterDate, filterSelect } from '../../../components/list/FilterInputs.js';
import { ListFilters } from '../../../components/list/ListFilters.js';
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
  const select = filterSelect<CommissionAddressKey>(params, onChange, 170);
  const day = (key: 'createdFrom' | 'createdTo', label: string) => (
    <FilterDate label={label} value={params[key]} onChange={(value) => onChange({ [key]: value })} w={150} />
  );
  return (
    <ListFilters texts="commissions.list" activeFilterCount={activeFilterCount} onClear={onClear}>
      {showPerson &&
        select(
          'userId',
          t('commissions.fields.person'),
          (users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          { searchable: true, w: 220 },
        )}
      {select(
        'kind',
        t('commissions.fields.kind'),
        commissionKinds.map((v) => ({ value: v, label: t(`commissions.kind.${v}`) })),
        { w: 190 },
      )}
      {select('entry', t('commissions.fields.entry'), commissionEntries.map((v) => ({ value: v, label: t(`commissions.entry.${v}`) })))}
      {day('createdFrom', t('commissions.list.createdFrom'))}
      {day('createdTo', t('commissions.list.createdTo'))}
    </ListFilters>
  );
};
