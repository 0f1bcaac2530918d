import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { leadExportUrl, useLeadList } from './api.js';
import { LeadFilters } from './components/LeadFilters.js';
import { LeadTable } from './components/LeadTable.js';
import { nextSort } from './display.js';
import { LeadForm } from './LeadForm.js';
import { useLeadListParams } from './list-params.js';
import { ExportMenu } from '../../components/ExportMenu.js';

const EmptyLeads = ({
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
      icon={<IconTargetArrow size={28} aria-hidden />}
      texts="leads.list"
      filtered={filtered}
      onClearFilters={onClear}
      action={
        onCreate && (
          <>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
              {t('leads.list.create')}
            </Button>
            <Button
              variant="default"
              component={Link}
              to="/leads/import"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              {t('leads.list.import')}
            </Button>
          </>
        )
      }
    />
  );
};

/** The lead list (SALES-1): server-side search, filters, sorting by last and next activity, export and import. */
export const LeadListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useLeadListParams();
  const list = useLeadList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const leads = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('sales.write');

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        description={params.importId ? t('leads.list.ofImport') : undefined}
        actions={
          <>
            {can('sales.export') && <ExportMenu urlOf={(format) => leadExportUrl(params, format)} />}
            {canWrite && (
              <Button
                variant="default"
                component={Link}
                to="/leads/import"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('leads.list.import')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('leads.list.create')}
              </Button>
            )}
          </>
        }
      />
      <LeadFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          leads.length === 0 ? (
            <EmptyLeads
              filtered={activeFilterCount > 0}
              onClear={clearFilters}
              onCreate={canWrite ? openCreate : null}
            />
          ) : undefined
        }
      >
        <LeadTable
          leads={leads}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
        />
      </ListPanel>
      {leads.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('leads.list.shownMore', { count: leads.length })
            : t('leads.list.shown', { count: leads.length })}
        </ListFooter>
      )}
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
