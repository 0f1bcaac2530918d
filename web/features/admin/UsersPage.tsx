import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../components/form/ActiveBadge.js';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { RecordTable } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
import { useTeams, useUsers, type User } from './api.js';
import { UserForm } from './UserForm.js';

/** Users of the owner company with their roles and teams; the administrator creates and edits them. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const dialog = useEditDialog<User>();
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={<AddButton onClick={() => dialog.open(null)}>{t('admin.users.create')}</AddButton>}
      />
      <ListPanel query={users}>
        <RecordTable
          label={t('admin.users.title')}
          minWidth={760}
          highlightOnHover
          columns={[
            t('admin.users.fields.name'),
            t('admin.users.fields.email'),
            t('admin.users.fields.roles'),
            t('admin.users.fields.teams'),
            t('admin.users.fields.locale'),
            t('admin.users.fields.isActive'),
            t('common.actions'),
          ]}
        >
          {users.data?.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td fw={500}>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roleKeys.map((key) => (
                    <Badge key={key} variant="light" size="sm">
                      {t(`admin.roles.names.${key}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.teamIds.map(teamName).filter(Boolean).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{t(`common.locales.${user.locale}`, { defaultValue: user.locale })}</Table.Td>
              <Table.Td>
                <ActiveBadge active={user.isActive} />
              </Table.Td>
              <Table.Td>
                <EditButton
                  onClick={() => dialog.open(user)}
                  label={t('admin.users.editNamed', { name: user.name })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
      <UserForm opened={dialog.opened} user={dialog.editing} onClose={dialog.close} />
    </>
  );
};
