import { Button, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useOwners, type Owner } from './api.js';
import { OwnerForm } from './OwnerForm.js';

/** The companies in whose name business is done; every record belongs to one of them. */
export const OwnersPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const owners = useOwners();
  const [editing, setEditing] = useState<Owner | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (owner: Owner | null) => {
    setEditing(owner);
    setOpened(true);
  };

  return (
    <>
      <PageHeader
        title={t('admin.owners.title')}
        description={t('admin.owners.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
            {t('admin.owners.create')}
          </Button>
        }
      />
      <Paper withBorder radius="md">
        {owners.isPending ? (
          <PageLoader />
        ) : owners.isError ? (
          <PageError error={owners.error} onRetry={() => void owners.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover aria-label={t('admin.owners.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.owners.fields.name')}</Table.Th>
                  <Table.Th>{t('admin.owners.fields.country')}</Table.Th>
                  <Table.Th>{t('admin.owners.fields.companyId')}</Table.Th>
                  <Table.Th>{t('admin.owners.fields.currency')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {owners.data.map((owner) => (
                  <Table.Tr key={owner.id}>
                    <Table.Td fw={500}>{owner.name}</Table.Td>
                    <Table.Td>{format.country(owner.country)}</Table.Td>
                    <Table.Td>{owner.companyId}</Table.Td>
                    <Table.Td>{owner.currency}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => open(owner)}
                        aria-label={t('admin.owners.editNamed', { name: owner.name })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <OwnerForm opened={opened} owner={editing} onClose={() => setOpened(false)} />
    </>
  );
};
