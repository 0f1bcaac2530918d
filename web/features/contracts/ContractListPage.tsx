import { useDisclosure } from '@mantine/hooks';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu.js';
import { CreateButton } from '../../components/list/CreateButton.js';
import { PagedListPanel } from '../../components/list/PagedListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useCan } from '../auth/api.js';
import { contractExportUrl, useContractList } from './api.js';
import { ContractForm } from './ContractForm.js';
import { ContractFilters } from './components/ContractFilters.js';
import { ContractTable } from './components/ContractTable.js';
import { contractOrder, localToday, useContractListParams } from './list-params.js';

/** The contract register (CONTRACT-3): search, filters by type, state, supplier, end and notice deadline, sorting, paging, export. */
export const ContractListPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { address, params, update, clearFilters, activeFilterCount } = useContractListParams();
  const list = useContractList(params);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const create = can('contracts.write') && <CreateButton onClick={openCreate}>{t('contracts.list.create')}</CreateButton>;

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        actions={
          <>
            {can('contracts.export') && <ExportMenu urlOf={(format) => contractExportUrl(params, format)} />}
            {create}
          </>
        }
      />
      <ContractFilters params={address} onChange={update} onClear={clearFilters} activeFilterCount={activeFilterCount} />
      <PagedListPanel
        list={list}
        texts="contracts.list"
        icon={<IconFileText size={28} aria-hidden />}
        filtered={activeFilterCount > 0}
        onClearFilters={clearFilters}
        emptyAction={create}
      >
        {(contracts) => (
          <ContractTable
            contracts={contracts}
            sort={params.sort}
            onSort={(field) => update({ sort: contractOrder.next(params.sort, field) })}
            today={localToday()}
          />
        )}
      </PagedListPanel>
      <ContractForm opened={creating} onClose={closeCreate} onSaved={(saved) => void navigate(`/contracts/${saved.id}`)} />
    </>
  );
};
