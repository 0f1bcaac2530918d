import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { supplyPointExportUrl, useSupplyPointList } from './api.js';
import { SupplyPointFilters } from './components/SupplyPointFilters.js';
import { SupplyPointTable } from './components/SupplyPointTable.js';
import { nextSort, useSupplyPointListParams } from './list-params.js';
import { SupplyPointForm } from './SupplyPointForm.js';
import { ExportMenu } from '../../components/ExportMenu.js';

const EmptySupplyPoints = ({
  filtered,
  onClear,
  onCreate,
}: {
  filtered: boolean;
  onClear: () => void;
  onCreate: (() => void) | null;
}) => {
  const { t } = useTranslation();
  return (
    <ListEmptyState
      icon={<IconPlugConnected size={28} aria-hidden />}
      texts="supplyPoints.list"
      filtered={filtered}
      onClearFilters={onClear}
      action={
        onCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            {t('supplyPoints.list.create')}
          </Button>
        )
      }
    />
  );
};

/** All supply points the user may see: server-side search, filters, sorting and paging; export of the same. */
export const SupplyPointListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useSupplyPointListParams();
  const list = useSupplyPointList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const points = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('clients.write');

  return (
    <>
      <PageHeader
        title={t('supplyPoints.title')}
        description={t('supplyPoints.list.description')}
        actions={
          <>
            {can('clients.export') && <ExportMenu urlOf={(format) => supplyPointExportUrl(params, format)} />}
            {canWrite && (
              <Button
                component={Link}
                to="/supply-points/import"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('supplyPoints.list.import')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('supplyPoints.list.create')}
              </Button>
            )}
          </>
        }
      />
      <SupplyPointFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          points.length === 0 ? (
            <EmptySupplyPoints
              filtered={activeFilterCount > 0}
              onClear={clearFilters}
              onCreate={canWrite ? openCreate : null}
            />
          ) : undefined
        }
      >
        <SupplyPointTable
          points={points}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
        />
      </ListPanel>
      {points.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('supplyPoints.list.shownMore', { count: points.length })
            : t('supplyPoints.list.shown', { count: points.length })}
        </ListFooter>
      )}
      <SupplyPointForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(point) => void navigate(`/supply-points/${point.id}`)}
      />
    </>
  );
};
