import { MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { zodValidate } from '../../components/validation.js';
import { useCan, useMe } from '../auth/api.js';
import { useOwners, useSaveTeam, useUsers, type Team } from './api.js';

type Values = { name: string; ownerId: string; memberIds: string[]; isActive: boolean };
const schema = z.object({ name: z.string().trim().min(1).max(120) });

const TeamFormBody = ({ team, onClose }: { team: Team | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const owners = useOwners(can('admin.owners'));
  const users = useUsers();
  const save = useSaveTeam(team, { onSuccess: onClose });
  const form = useForm<Values>({
    initialValues: {
      name: team?.name ?? '',
      ownerId: team?.ownerId ?? me.data?.owner.id ?? '',
      memberIds: team?.memberIds ?? [],
      isActive: team?.isActive ?? true,
    },
    validate: zodValidate<Values>(schema, t),
  });
  const problems = useFormProblems(form, ['name', 'ownerId', 'memberIds', 'isActive']);
  const members = (users.data ?? [])
    .filter((user) => user.ownerId === form.values.ownerId)
    .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));

  const submit = form.onSubmit((values) => {
    problems.clear();
    const body = team
      ? { name: values.name.trim(), memberIds: values.memberIds, isActive: values.isActive }
      : { name: values.name.trim(), memberIds: values.memberIds, ownerId: values.ownerId };
    save.mutate(body, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput
          label={t('admin.teams.fields.name')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        {!team && owners.data && (
          <Select
            label={t('admin.teams.fields.owner')}
            data={owners.data.map((owner) => ({ value: owner.id, label: owner.name }))}
            allowDeselect={false}
            {...form.getInputProps('ownerId')}
          />
        )}
        <MultiSelect
          label={t('admin.teams.fields.members')}
          data={members}
          searchable
          {...form.getInputProps('memberIds')}
        />
        {team && (
          <Switch
            label={t('admin.teams.fields.isActive')}
            {...form.getInputProps('isActive', { type: 'checkbox' })}
          />
        )}
        <FormActions
          onCancel={onClose}
          pending={save.isPending}
          submitLabel={team ? t('common.save') : t('admin.teams.create')}
        />
      </Stack>
    </form>
  );
};

export const TeamForm = ({
  opened,
  team,
  onClose,
}: {
  opened: boolean;
  team: Team | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={team ? t('admin.teams.editTitle') : t('admin.teams.createTitle')}
      size="lg"
    >
      <TeamFormBody team={team} onClose={onClose} />
    </FormModal>
  );
};
