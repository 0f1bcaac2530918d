import { Button, Group, Modal, MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { FieldProblem } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { applyFieldProblems, zodValidate } from '../../components/validation.js';
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
  const [failure, setFailure] = useState<unknown>(null);
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
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
  const members = (users.data ?? [])
    .filter((user) => user.ownerId === form.values.ownerId)
    .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));

  const submit = form.onSubmit((values) => {
    setFailure(null);
    const body = team
      ? { name: values.name.trim(), memberIds: values.memberIds, isActive: values.isActive }
      : { name: values.name.trim(), memberIds: values.memberIds, ownerId: values.ownerId };
    save.mutate(body, {
      onError: (error) => {
        setUnmapped(
          applyFieldProblems(t, error, ['name', 'ownerId', 'memberIds', 'isActive'], form.setFieldError),
        );
        setFailure(error);
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={failure} unmapped={unmapped} />
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
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {team ? t('common.save') : t('admin.teams.create')}
          </Button>
        </Group>
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={team ? t('admin.teams.editTitle') : t('admin.teams.createTitle')}
      size="lg"
    >
      {opened && <TeamFormBody team={team} onClose={onClose} />}
    </Modal>
  );
};
