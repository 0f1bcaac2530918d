import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { productExportUrl, useProductList } from './api.js';
import { ProductFilters } from './components/ProductFilters.js';
import { ProductTable } from './components/ProductTable.js';
import { nextSort, useProductListParams } from './list-params.js';
import { ProductForm } from './ProductForm.js';
import { ExportMenu } from '../../components/ExportMenu.js';

/** Suppliers' products of the owner company: every user reads them, pricing administrators add and change them. */
export const ProductListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('admin.pricing');
  const { params, update, clearFilters, activeFilterCount } = useProductListParams();
  const list = useProductList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const products = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = activeFilterCount > 0;

  return (
    <>
      <PageHeader
        title={t('priceLists.products.title')}
        description={t('priceLists.products.description')}
        actions={
          <>
            <ExportMenu urlOf={(format) => productExportUrl(params, format)} />
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('priceLists.products.create')}
              </Button>
            )}
          </>
        }
      />
      <ProductFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          products.length === 0 ? (
            <ListEmptyState
              icon={<IconPackage size={28} aria-hidden />}
              texts="priceLists.products"
              filtered={filtered}
              onClearFilters={clearFilters}
              action={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                    {t('priceLists.products.create')}
                  </Button>
                )
              }
            />
          ) : undefined
        }
      >
        <ProductTable
          products={products}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
        />
      </ListPanel>
      {products.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('priceLists.products.shownMore', { count: products.length })
            : t('priceLists.products.shown', { count: products.length })}
        </ListFooter>
      )}
      <ProductForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(product) => void navigate(`/products/${product.id}`)}
      />
    </>
  );
};
