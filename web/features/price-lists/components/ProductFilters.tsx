import { useTranslation } from 'react-i18next';
import { filterSelect } from '../../../components/list/FilterInputs.js';
import { FilterText } from '../../../components/list/FilterText.js';
import { ListFilters } from '../../../components/list/ListFilters.js';
import { useFormat } from '../../../i18n/format.js';
import { countryCodes } from '../../clients/countries.js';
import { commodities, type ProductListParams } from '../api.js';
import type { ParamChanges, ParamKey } from '../list-params.js';

/** Search, supplier, commodity, country and active filters of the product list; each change goes to the address. */
export const ProductFilters = ({
  params,
  onChange,
  onClear,
  activeFilterCount,
}: {
  params: ProductListParams;
  onChange: (changes: ParamChanges) => void;
  onClear: () => void;
  activeFilterCount: number;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const select = filterSelect<ParamKey>(params, onChange, 150);
  return (
    <ListFilters
      texts="priceLists.products"
      q={params.q}
      onSearch={(q) => onChange({ q })}
      searchWidth={240}
      activeFilterCount={activeFilterCount}
      onClear={onClear}
    >
      <FilterText
        label={t('priceLists.fields.supplier')}
        placeholder={t('priceLists.products.supplierPlaceholder')}
        value={params.supplier}
        onCommit={(supplier) => onChange({ supplier })}
        w={200}
      />
      {select(
        'commodity',
        t('priceLists.fields.commodity'),
        commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) })),
      )}
      {select(
        'country',
        t('priceLists.fields.country'),
        countryCodes.map((code) => ({ value: code, label: format.country(code) })),
        { w: 170, searchable: false },
      )}
      {select(
        'active',
        t('priceLists.products.activeFilter'),
        [
          { value: 'true', label: t('priceLists.products.activeOnly') },
          { value: 'false', label: t('priceLists.products.inactiveOnly') },
        ],
        { w: 210, placeholder: t('priceLists.products.activeAll') },
      )}
    </ListFilters>
  );
};
