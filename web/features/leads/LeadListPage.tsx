import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { leadExportUrl, useLeadList } from './api.js';
import { LeadFilters } from './components/LeadFilters.js';
import { LeadTable } from './components/LeadTable.js';
import { LeadForm } from './LeadForm.js';
import { leadOrder, useLeadListParams } from './list-params.js';

/** The lead list (SALES-1): server-side search, filters, sorting by last and next activity, export and import. */
export const LeadListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useLeadListParams();
  const list = useLeadList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const canWrite = can('sales.write');
  const create = <CreateButton onClick={openCreate}>{t('leads.list.create')}</CreateButton>;
  const importLeads = (
    <Button variant="default" component={Link} to="/leads/import" leftSection={<IconFileImport size={16} aria-hidden />}>
      {t('leads.list.import')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        description={params.importId ? t('leads.list.ofImport') : undefined}
        actions={
          <>
            {can('sales.export') && <ExportMenu urlOf={(format) => leadExportUrl(params, format)} />}
            {canWrite && importLeads}
            {canWrite && create}
          </>
        }
      />
      <LeadFilters params={params} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="leads.list"
        icon={<IconTargetArrow size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={
          canWrite && (
            <>
              {create}
              {importLeads}
            </>
          )
        }
      >
        {(leads) => (
          <LeadTable leads={leads} sort={params.sort} onSort={(field) => update({ sort: leadOrder.next(params.sort, field) })} />
        )}
      </PagedListPanel>
      <LeadForm
        opened={creating}
        onClose={closeCreate}
        onCreated={(lead) =>
          void navigate(`/leads/${lead.id}${lead.duplicates.length > 0 ? '?tab=duplicates' : ''}`)
        }
      />
    </>
  );
};
