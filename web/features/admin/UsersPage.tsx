import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useTeams, useUsers, type User } from './api.js';
import { UserForm } from './UserForm.js';

/** Users of the owner company with their roles and teams; the administrator creates and edits them. */
export const UsersPage = () => {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const [editing, setEditing] = useState<User | null>(null);
  const [opened, setOpened] = useState(false);
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? '';
  const open = (user: User | null) => {
    setEditing(user);
    setOpened(true);
  };

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
            {t('admin.users.create')}
          </Button>
        }
      />
      <Paper withBorder radius="md">
        {users.isPending ? (
          <PageLoader />
        ) : users.isError ? (
          <PageError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover aria-label={t('admin.users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.users.fields.name')}</Table.Th>
                  <Table.Th>{t('admin.users.fields.email')}</Table.Th>
                  <Table.Th>{t('admin.users.fields.roles')}</Table.Th>
                  <Table.Th>{t('admin.users.fields.teams')}</Table.Th>
                  <Table.Th>{t('admin.users.fields.locale')}</Table.Th>
                  <Table.Th>{t('admin.users.fields.isActive')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
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
                      <Badge color={user.isActive ? 'teal' : 'gray'} variant="light" size="sm">
                        {user.isActive ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => open(user)}
                        aria-label={t('admin.users.editNamed', { name: user.name })}
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
      <UserForm opened={opened} user={editing} onClose={() => setOpened(false)} />
    </>
  );
};
