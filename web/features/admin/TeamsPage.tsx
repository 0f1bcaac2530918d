import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useOwners, useTeams, useUsers, type Team } from './api.js';
import { useCan } from '../auth/api.js';
import { TeamForm } from './TeamForm.js';

/** Teams share their members' client records (team scope); the administrator keeps their membership. */
export const TeamsPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const teams = useTeams();
  const users = useUsers();
  const owners = useOwners(can('admin.owners'));
  const [editing, setEditing] = useState<Team | null>(null);
  const [opened, setOpened] = useState(false);
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name;
  const ownerName = (id: string) => owners.data?.find((owner) => owner.id === id)?.name ?? '';
  const open = (team: Team | null) => {
    setEditing(team);
    setOpened(true);
  };

  return (
    <>
      <PageHeader
        title={t('admin.teams.title')}
        description={t('admin.teams.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
            {t('admin.teams.create')}
          </Button>
        }
      />
      <Paper withBorder radius="md">
        {teams.isPending ? (
          <PageLoader />
        ) : teams.isError ? (
          <PageError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('admin.teams.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover aria-label={t('admin.teams.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.teams.fields.name')}</Table.Th>
                  {owners.data && <Table.Th>{t('admin.teams.fields.owner')}</Table.Th>}
                  <Table.Th>{t('admin.teams.fields.members')}</Table.Th>
                  <Table.Th>{t('admin.teams.fields.isActive')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.data.map((team) => (
                  <Table.Tr key={team.id}>
                    <Table.Td fw={500}>{team.name}</Table.Td>
                    {owners.data && <Table.Td>{ownerName(team.ownerId)}</Table.Td>}
                    <Table.Td>
                      <Text size="sm">
                        {team.memberIds.length === 0
                          ? t('admin.teams.noMembers')
                          : t('admin.teams.memberList', {
                              count: team.memberIds.length,
                              names: team.memberIds.map(userName).filter(Boolean).join(', '),
                            })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={team.isActive ? 'teal' : 'gray'} variant="light" size="sm">
                        {team.isActive ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => open(team)}
                        aria-label={t('admin.teams.editNamed', { name: team.name })}
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
      <TeamForm opened={opened} team={editing} onClose={() => setOpened(false)} />
    </>
  );
};
