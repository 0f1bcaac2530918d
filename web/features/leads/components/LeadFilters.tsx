import { useTranslation } from 'react-i18next';
import { potentialCommodities } from '../../../../domain/leads/lead-rules.js';
import { ArchivedFilter, filterSelect } from '../../../components/list/FilterInputs.js';
import { FilterText } from '../../../components/list/FilterText.js';
import { ListFilters, useFilterWidth } from '../../../components/list/ListFilters.js';
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

/** Search box and filters of the lead list; each change goes straight to the address. */
export const LeadFilters = ({ params, onChange, onClear, activeFilterCount }: LeadFiltersProps) => {
  const { t } = useTranslation();
  const me = useMe();
  const industries = useCodeOptions('industry', params.industry);
  const territories = useCodeOptions('distributionTerritory', params.territoryCode);
  const width = useFilterWidth();
  const select = filterSelect<FilterKey>(params, onChange, width(160));

  return (
    <ListFilters
      texts="leads.list"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(260)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
      foldOnPhone
    >
      {select(
        'status',
        t('leads.fields.status'),
        leadStatuses.map((s) => ({ value: s, label: t(`leads.status.${s}`) })),
      )}
      <FilterText
        label={t('leads.fields.source')}
        placeholder={t('leads.list.sourcePlaceholder')}
        value={params.source}
        onCommit={(source) => onChange({ source })}
        w={width(150)}
      />
      {select('industry', t('leads.fields.industry'), industries)}
      {select(
        'priority',
        t('leads.fields.priority'),
        ['1', '2', '3', '4', '5'].map((p) => ({ value: p, label: t(`leads.priority.${p}`) })),
      )}
      {select('territoryCode', t('leads.potentials.territory'), territories)}
      {select(
        'commodity',
        t('leads.potentials.commodity'),
        potentialCommodities.map((c) => ({ value: c, label: t(`leads.commodity.${c}`) })),
      )}
      {me.data &&
        select('responsibleUserId', t('leads.fields.responsible'), [
          { value: me.data.user.id, label: t('leads.list.mine') },
        ])}
      <ArchivedFilter
        texts="leads.list"
        value={params.archived}
        onChange={(archived) => onChange({ archived })}
        w={width(160)}
      />
    </ListFilters>
  );
};
