import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { clientExportUrl, useClientList } from './api.js';
import { ClientForm } from './ClientForm.js';
import { ClientFilters } from './components/ClientFilters.js';
import { ClientTable, nextSort } from './components/ClientTable.js';
import { useClientListParams } from './list-params.js';
import { ExportMenu } from '../../components/ExportMenu.js';

const EmptyClients = ({
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
      icon={<IconUsersGroup size={28} aria-hidden />}
      texts="clients.list"
      filtered={filtered}
      onClearFilters={onClear}
      action={
        onCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            {t('clients.list.create')}
          </Button>
        )
      }
    />
  );
};

/** The client list: server-side search, filters, sorting and cursor paging, with export of the same rows. */
export const ClientListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { params, update, clearFilters, activeFilterCount } = useClientListParams();
  const list = useClientList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const clients = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('clients.write');

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        actions={
          <>
            {can('clients.export') && <ExportMenu urlOf={(format) => clientExportUrl(params, format)} />}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('clients.list.create')}
              </Button>
            )}
          </>
        }
      />
      <ClientFilters
        params={params}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          clients.length === 0 ? (
            <EmptyClients
              filtered={activeFilterCount > 0}
              onClear={clearFilters}
              onCreate={canWrite ? openCreate : null}
            />
          ) : undefined
        }
      >
        <ClientTable
          clients={clients}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
        />
      </ListPanel>
      {clients.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('clients.list.shownMore', { count: clients.length })
            : t('clients.list.shown', { count: clients.length })}
        </ListFooter>
      )}
      <ClientForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(client) => void navigate(`/clients/${client.id}`)}
      />
    </>
  );
};
