import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { caseExportUrl, useCaseList } from './api.js';
import { CaseForm } from './CaseForm.js';
import { CaseFilters } from './components/CaseFilters.js';
import { CaseTable, nextSort } from './components/CaseTable.js';
import { useCaseListParams } from './list-params.js';
import { ExportMenu } from '../../components/ExportMenu.js';

/** The case list: server-side search, filters, sorting (also by last and next activity) and paging, with export. */
export const CaseListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useCaseListParams();
  const list = useCaseList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const cases = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('sales.write');
  const filtered = activeFilterCount > 0;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        actions={
          <>
            <Button
              component={Link}
              to="/sales-board"
              variant="default"
              leftSection={<IconLayoutKanban size={16} aria-hidden />}
            >
              {t('cases.board.open')}
            </Button>
            {can('sales.export') && <ExportMenu urlOf={(format) => caseExportUrl(params, format)} />}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('cases.list.create')}
              </Button>
            )}
          </>
        }
      />
      <CaseFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          cases.length === 0 ? (
            <ListEmptyState
              icon={<IconBriefcase size={28} aria-hidden />}
              texts="cases.list"
              filtered={filtered}
              onClearFilters={clearFilters}
              action={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                    {t('cases.list.create')}
                  </Button>
                )
              }
            />
          ) : undefined
        }
      >
        <CaseTable
          cases={cases}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
        />
      </ListPanel>
      {cases.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('cases.list.shownMore', { count: cases.length })
            : t('cases.list.shown', { count: cases.length })}
        </ListFooter>
      )}
      <CaseForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(saved) => void navigate(`/cases/${saved.id}`)}
      />
    </>
  );
};
