import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { ActivityForm } from './ActivityForm.js';
import { activityExportUrl, useActivityList } from './api.js';
import { ActivityFilters } from './components/ActivityFilters.js';
import { useActivitySteps } from './components/ActivitySteps.js';
import { ActivityTable, nextSort } from './components/ActivityTable.js';
import { useActivityListParams } from './list-params.js';
import { ExportMenu } from '../../components/ExportMenu.js';

/** Every activity the user may see: search, filters, sorting and cursor paging, with export of the same rows. */
export const ActivityListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { address, params, update, clearFilters, activeFilterCount } = useActivityListParams();
  const list = useActivityList(params);
  const steps = useActivitySteps();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const activities = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('sales.write');

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        actions={
          <>
            {can('sales.export') && <ExportMenu urlOf={(format) => activityExportUrl(params, format)} />}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('activities.list.create')}
              </Button>
            )}
          </>
        }
      />
      <ActivityFilters
        address={address}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          activities.length === 0 ? (
            <ListEmptyState
              icon={<IconChecklist size={28} aria-hidden />}
              texts="activities.list"
              filtered={activeFilterCount > 0}
              onClearFilters={clearFilters}
              action={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                    {t('activities.list.create')}
                  </Button>
                )
              }
            />
          ) : undefined
        }
      >
        <ActivityTable
          activities={activities}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
          onStep={canWrite ? steps.start : undefined}
        />
      </ListPanel>
      {activities.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('activities.list.shownMore', { count: activities.length })
            : t('activities.list.shown', { count: activities.length })}
        </ListFooter>
      )}
      {steps.dialog}
      <ActivityForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(activity) => void navigate(`/activities/${activity.id}`)}
      />
    </>
  );
};
