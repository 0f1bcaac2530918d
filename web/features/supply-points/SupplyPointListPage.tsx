import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { supplyPointExportUrl, useSupplyPointList } from './api.js';
import { SupplyPointFilters } from './components/SupplyPointFilters.js';
import { SupplyPointTable } from './components/SupplyPointTable.js';
import { supplyPointOrder, useSupplyPointListParams } from './list-params.js';
import { SupplyPointForm } from './SupplyPointForm.js';

/** All supply points the user may see: server-side search, filters, sorting and paging; export of the same. */
export const SupplyPointListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useSupplyPointListParams();
  const list = useSupplyPointList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const canWrite = can('clients.write');
  const create = canWrite && <CreateButton onClick={openCreate}>{t('supplyPoints.list.create')}</CreateButton>;

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
            {create}
          </>
        }
      />
      <SupplyPointFilters params={params} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="supplyPoints.list"
        icon={<IconPlugConnected size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(points) => (
          <SupplyPointTable
            points={points}
            sort={params.sort}
            onSort={(field) => update({ sort: supplyPointOrder.next(params.sort, field) })}
          />
        )}
      </PagedListPanel>
      <SupplyPointForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(point) => void navigate(`/supply-points/${point.id}`)}
      />
    </>
  );
};
