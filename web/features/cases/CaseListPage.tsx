import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { caseExportUrl, useCaseList } from './api.js';
import { CaseForm } from './CaseForm.js';
import { CaseFilters } from './components/CaseFilters.js';
import { CaseTable } from './components/CaseTable.js';
import { caseOrder, useCaseListParams } from './list-params.js';

/** The case list: server-side search, filters, sorting (also by last and next activity) and paging, with export. */
export const CaseListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useCaseListParams();
  const list = useCaseList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const create = can('sales.write') && <CreateButton onClick={openCreate}>{t('cases.list.create')}</CreateButton>;

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
            {create}
          </>
        }
      />
      <CaseFilters params={params} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="cases.list"
        icon={<IconBriefcase size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(cases) => (
          <CaseTable cases={cases} sort={params.sort} onSort={(field) => update({ sort: caseOrder.next(params.sort, field) })} />
        )}
      </PagedListPanel>
      <CaseForm opened={creating} onClose={closeCreate} onSaved={(saved) => void navigate(`/cases/${saved.id}`)} />
    </>
  );
};
