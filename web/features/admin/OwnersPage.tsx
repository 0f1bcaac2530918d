import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { RecordTable } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useOwners, type Owner } from './api.js';
import { OwnerForm } from './OwnerForm.js';

/** The companies in whose name business is done; every record belongs to one of them. */
export const OwnersPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const owners = useOwners();
  const dialog = useEditDialog<Owner>();

  return (
    <>
      <PageHeader
        title={t('admin.owners.title')}
        description={t('admin.owners.description')}
        actions={<AddButton onClick={() => dialog.open(null)}>{t('admin.owners.create')}</AddButton>}
      />
      <ListPanel query={owners}>
        <RecordTable
          label={t('admin.owners.title')}
          minWidth={640}
          highlightOnHover
          columns={[
            t('admin.owners.fields.name'),
            t('admin.owners.fields.country'),
            t('admin.owners.fields.companyId'),
            t('admin.owners.fields.currency'),
            t('common.actions'),
          ]}
        >
          {owners.data?.map((owner) => (
            <Table.Tr key={owner.id}>
              <Table.Td fw={500}>{owner.name}</Table.Td>
              <Table.Td>{format.country(owner.country)}</Table.Td>
              <Table.Td>{owner.companyId}</Table.Td>
              <Table.Td>{owner.currency}</Table.Td>
              <Table.Td>
                <EditButton
                  onClick={() => dialog.open(owner)}
                  label={t('admin.owners.editNamed', { name: owner.name })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
      <OwnerForm opened={dialog.opened} owner={dialog.editing} onClose={dialog.close} />
    </>
  );
};
