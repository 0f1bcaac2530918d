import { useDisclosure } from '@mantine/hooks';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { ActivityForm } from './ActivityForm.js';
import { activityExportUrl, useActivityList } from './api.js';
import { ActivityFilters } from './components/ActivityFilters.js';
import { useActivitySteps } from './components/ActivitySteps.js';
import { ActivityTable } from './components/ActivityTable.js';
import { activityOrder, useActivityListParams } from './list-params.js';

/** Every activity the user may see: search, filters, sorting and cursor paging, with export of the same rows. */
export const ActivityListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { address, params, update, clearFilters, activeFilterCount } = useActivityListParams();
  const list = useActivityList(params);
  const steps = useActivitySteps();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const canWrite = can('sales.write');
  const create = canWrite && <CreateButton onClick={openCreate}>{t('activities.list.create')}</CreateButton>;

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        actions={
          <>
            {can('sales.export') && <ExportMenu urlOf={(format) => activityExportUrl(params, format)} />}
            {create}
          </>
        }
      />
      <ActivityFilters address={address} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="activities.list"
        icon={<IconChecklist size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(activities) => (
          <ActivityTable
            activities={activities}
            sort={params.sort}
            onSort={(field) => update({ sort: activityOrder.next(params.sort, field) })}
            onStep={canWrite ? steps.start : undefined}
          />
        )}
      </PagedListPanel>
      {steps.dialog}
      <ActivityForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(activity) => void navigate(`/activities/${activity.id}`)}
      />
    </>
  );
};
