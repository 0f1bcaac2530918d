import { ListEmptyState } from '../../components/ListEmptyState.js';
import { ListPanel } from '../../components/ListPanel.js';
import { ListFooter } from '../../components/ListFooter.js';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { contractExportUrl, useContractList } from './api.js';
import { ContractForm } from './ContractForm.js';
import { ContractFilters } from './components/ContractFilters.js';
import { ContractTable, nextSort } from './components/ContractTable.js';
import { localToday, useContractListParams } from './list-params.js';
import { ExportMenu } from '../../components/ExportMenu.js';

/** The contract register (CONTRACT-3): search, filters by type, state, supplier, end and notice deadline, sorting, paging, export. */
export const ContractListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { address, params, update, clearFilters, activeFilterCount } = useContractListParams();
  const list = useContractList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const contracts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canWrite = can('contracts.write');
  const filtered = activeFilterCount > 0;

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        actions={
          <>
            {can('contracts.export') && <ExportMenu urlOf={(format) => contractExportUrl(params, format)} />}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('contracts.list.create')}
              </Button>
            )}
          </>
        }
      />
      <ContractFilters
        params={address}
        onChange={update}
        onClear={clearFilters}
        activeFilterCount={activeFilterCount}
      />
      <ListPanel
        query={list}
        empty={
          contracts.length === 0 ? (
            <ListEmptyState
              icon={<IconFileText size={28} aria-hidden />}
              texts="contracts.list"
              filtered={filtered}
              onClearFilters={clearFilters}
              action={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                    {t('contracts.list.create')}
                  </Button>
                )
              }
            />
          ) : undefined
        }
      >
        <ContractTable
          contracts={contracts}
          sort={params.sort}
          onSort={(field) => update({ sort: nextSort(params.sort, field) })}
          today={localToday()}
        />
      </ListPanel>
      {contracts.length > 0 && (
        <ListFooter list={list}>
          {list.hasNextPage
            ? t('contracts.list.shownMore', { count: contracts.length })
            : t('contracts.list.shown', { count: contracts.length })}
        </ListFooter>
      )}
      <ContractForm
        opened={creating}
        onClose={closeCreate}
        onSaved={(saved) => void navigate(`/contracts/${saved.id}`)}
      />
    </>
  );
};
