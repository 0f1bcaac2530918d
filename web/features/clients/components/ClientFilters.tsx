import { useTranslation } from 'react-i18next';
import { ArchivedFilter, filterSelect } from '../../../components/list/FilterInputs.js';
import { ListFilters, useFilterWidth } from '../../../components/list/ListFilters.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeOptions } from '../../code-lists/api.js';
import type { ClientListParams } from '../api.js';
import { countryCodes } from '../countries.js';
import type { FilterKey } from '../list-params.js';

type ClientFiltersProps = {
  params: ClientListParams;
  onChange: (changes: Partial<Record<FilterKey | 'q', string | null>>) => void;
  onClear: () => void;
  activeFilterCount: number;
};

/** Search box (debounced) and filters of the client list; each change goes straight to the address. */
export const ClientFilters = ({ params, onChange, onClear, activeFilterCount }: ClientFiltersProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const relationshipTypes = useCodeOptions('relationshipType');
  const businessAreas = useCodeOptions('businessArea');
  const industries = useCodeOptions('industry');
  const width = useFilterWidth();
  const select = filterSelect<FilterKey>(params, onChange, width(170));

  return (
    <ListFilters
      texts="clients.list"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(260)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
      foldOnPhone
    >
      {select('status', t('clients.fields.status'), [
        { value: 'active', label: t('clients.status.active') },
        { value: 'passive', label: t('clients.status.passive') },
      ])}
      {select('kind', t('clients.fields.kind'), [
        { value: 'company', label: t('clients.kind.company') },
        { value: 'person', label: t('clients.kind.person') },
      ])}
      {select(
        'country',
        t('clients.fields.country'),
        countryCodes.map((code) => ({ value: code, label: format.country(code) })),
      )}
      {select('relationshipType', t('clients.fields.relationshipType'), relationshipTypes)}
      {select('businessArea', t('clients.fields.businessArea'), businessAreas)}
      {select('industry', t('clients.fields.industry'), industries)}
      <ArchivedFilter
        texts="clients.list"
        value={params.archived}
        onChange={(archived) => onChange({ archived })}
        w={width(170)}
      />
    </ListFilters>
  );
};
