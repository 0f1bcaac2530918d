import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../components/form/ActiveBadge.js';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { NoRecords, RecordTable } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
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
  const dialog = useEditDialog<Team>();
  const userName = (id: string) => users.data?.find((user) => user.id === id)?.name;
  const ownerName = (id: string) => owners.data?.find((owner) => owner.id === id)?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('admin.teams.title')}
        description={t('admin.teams.description')}
        actions={<AddButton onClick={() => dialog.open(null)}>{t('admin.teams.create')}</AddButton>}
      />
      <ListPanel
        query={teams}
        empty={teams.data?.length === 0 ? <NoRecords>{t('admin.teams.empty')}</NoRecords> : undefined}
      >
        <RecordTable
          label={t('admin.teams.title')}
          minWidth={640}
          highlightOnHover
          columns={[
            t('admin.teams.fields.name'),
            Boolean(owners.data) && t('admin.teams.fields.owner'),
            t('admin.teams.fields.members'),
            t('admin.teams.fields.isActive'),
            t('common.actions'),
          ]}
        >
          {teams.data?.map((team) => (
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
                <ActiveBadge active={team.isActive} />
              </Table.Td>
              <Table.Td>
                <EditButton
                  onClick={() => dialog.open(team)}
                  label={t('admin.teams.editNamed', { name: team.name })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
      <TeamForm opened={dialog.opened} team={dialog.editing} onClose={dialog.close} />
    </>
  );
};
