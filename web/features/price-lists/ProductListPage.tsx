import { useDisclosure } from '@mantine/hooks';
import { IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { productExportUrl, useProductList } from './api.js';
import { ProductFilters } from './components/ProductFilters.js';
import { ProductTable } from './components/ProductTable.js';
import { productOrder, useProductListParams } from './list-params.js';
import { ProductForm } from './ProductForm.js';

/** Suppliers' products of the owner company: every user reads them, pricing administrators add and change them. */
export const ProductListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useProductListParams();
  const list = useProductList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const create = can('admin.pricing') && <CreateButton onClick={openCreate}>{t('priceLists.products.create')}</CreateButton>;

  return (
    <>
      <PageHeader
        title={t('priceLists.products.title')}
        description={t('priceLists.products.description')}
        actions={
          <>
            <ExportMenu urlOf={(format) => productExportUrl(params, format)} />
            {create}
          </>
        }
      />
      <ProductFilters params={params} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="priceLists.products"
        icon={<IconPackage size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(products) => (
          <ProductTable
            products={products}
            sort={params.sort}
            onSort={(field) => update({ sort: productOrder.next(params.sort, field) })}
          />
        )}
      </PagedListPanel>
      <ProductForm opened={creating} onClose={closeCreate} onSaved={(product) => void navigate(`/products/${product.id}`)} />
    </>
  );
};
