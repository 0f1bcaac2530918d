import { useTranslation } from 'react-i18next';
import { ArchivedFilter, filterSelect } from '../../../components/list/FilterInputs.js';
import { ListFilters, useFilterWidth } from '../../../components/list/ListFilters.js';
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
  const types = useCodeOptions('caseType');
  const territories = useCodeOptions('distributionTerritory');
  const processes = useProcessTemplates(true);
  const users = useUsers();
  const width = useFilterWidth();
  const select = filterSelect<FilterKey>(params, onChange, width(170));
  const process = processes.data?.find((p) => p.id === params.processTemplateId);

  return (
    <ListFilters
      texts="cases.list"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={width(240)}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
      foldOnPhone
    >
      {select('state', t('cases.fields.state'), [
        { value: 'new', label: t('cases.state.new') },
        { value: 'closed', label: t('cases.state.closed') },
      ])}
      {select('outcome', t('cases.fields.outcome'), [
        { value: 'won', label: t('cases.outcome.won') },
        { value: 'lost', label: t('cases.outcome.lost') },
      ])}
      {select('commodity', t('cases.fields.commodity'), [
        { value: 'electricity', label: t('cases.commodity.electricity') },
        { value: 'gas', label: t('cases.commodity.gas') },
        { value: 'other', label: t('cases.commodity.other') },
      ])}
      {select('type', t('cases.fields.type'), types)}
      {select('processTemplateId', t('cases.fields.process'), (processes.data ?? []).map((p) => ({ value: p.id, label: p.name })))}
      {process && select('stageId', t('cases.fields.stage'), process.stages.map((s) => ({ value: s.id, label: s.name })))}
      {select('responsibleUserId', t('cases.fields.responsibleUser'), (users.data ?? []).map((u) => ({ value: u.id, label: u.name })))}
      {select('territoryCode', t('cases.fields.territoryCode'), territories)}
      <ArchivedFilter texts="cases.list" value={params.archived} onChange={(archived) => onChange({ archived })} w={width(170)} />
    </ListFilters>
  );
};
