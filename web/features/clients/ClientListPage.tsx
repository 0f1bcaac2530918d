import { useDisclosure } from '@mantine/hooks';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { clientExportUrl, useClientList } from './api.js';
import { ClientForm } from './ClientForm.js';
import { ClientFilters } from './components/ClientFilters.js';
import { ClientTable } from './components/ClientTable.js';
import { clientOrder, useClientListParams } from './list-params.js';

/** The client list: server-side search, filters, sorting and cursor paging, with export of the same rows. */
export const ClientListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useClientListParams();
  const list = useClientList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const create = can('clients.write') && <CreateButton onClick={openCreate}>{t('clients.list.create')}</CreateButton>;

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        actions={
          <>
            {can('clients.export') && <ExportMenu urlOf={(format) => clientExportUrl(params, format)} />}
            {create}
          </>
        }
      />
      <ClientFilters params={params} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="clients.list"
        icon={<IconUsersGroup size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(clients) => (
          <ClientTable
            clients={clients}
            sort={params.sort}
            onSort={(field) => update({ sort: clientOrder.next(params.sort, field) })}
          />
        )}
      </PagedListPanel>
      <ClientForm opened={creating} onClose={closeCreate} onSaved={(client) => void navigate(`/clients/${client.id}`)} />
    </>
  );
};
