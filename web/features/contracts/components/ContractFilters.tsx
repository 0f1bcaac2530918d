import { useTranslation } from 'react-i18next';
import { ArchivedFilter, FilterDate, filterSelect } from '../../../components/list/FilterInputs.js';
import { FilterText } from '../../../components/list/FilterText.js';
import { ListFilters, useFilterWidth } from '../../../components/list/ListFilters.js';
import { contractCommodities, contractStates, contractTypes } from '../api.js';
import { noticeWithinDays, type AddressKey, type ContractAddressParams, type FilterKey } from '../list-params.js';

type ContractFiltersProps = {
  params: ContractAddressParams;
  onChange: (changes: Partial<Record<AddressKey, string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search, filters and the notice-deadline shortcut of the register; each change goes straight to the address. */
export const ContractFilters = ({ params, onChange, onClear, activeFilterCount }: ContractFiltersProps) => {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const select = filterSelect<FilterKey>(params, onChange, width(170));
  const day = (key: 'endFrom' | 'endTo', label: string) => (
    <FilterDate label={label} value={params[key]} onChange={(value) => onChange({ [key]: value })} w={width(150)} />
  );

  return (
    <ListFilters
      texts="contracts.list"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(240)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
      foldOnPhone
    >
      {select('type', t('contracts.fields.type'), contractTypes.map((v) => ({ value: v, label: t(`contracts.type.${v}`) })))}
      {select('state', t('contracts.fields.state'), contractStates.map((v) => ({ value: v, label: t(`contracts.state.${v}`) })), { searchable: false })}
      {select('commodity', t('contracts.fields.commodity'), contractCommodities.map((v) => ({ value: v, label: t(`contracts.commodity.${v}`) })))}
      <FilterText label={t('contracts.fields.supplier')} value={params.supplier} onCommit={(supplier) => onChange({ supplier })} w={width(170)} />
      {day('endFrom', t('contracts.list.endFrom'))}
      {day('endTo', t('contracts.list.endTo'))}
      {select(
        'noticeWithin',
        t('contracts.list.noticeWithin'),
        noticeWithinDays.map((days) => ({ value: days, label: t('contracts.list.noticeWithinDays', { count: Number(days) }) })),
        { w: width(200) },
      )}
      <ArchivedFilter texts="contracts.list" value={params.archived} onChange={(archived) => onChange({ archived })} w={width(170)} />
    </ListFilters>
  );
};
