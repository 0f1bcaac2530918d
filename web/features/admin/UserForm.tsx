import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { zodValidate } from '../../components/validation.js';
import { useCan, useMe } from '../auth/api.js';
import { roleKeys, useOwners, useSaveUser, useTeams, userLocales, type RoleKey, type User } from './api.js';

type Values = {
  name: string;
  email: string;
  password: string;
  locale: string;
  ownerId: string;
  roleKeys: string[];
  teamIds: string[];
  isActive: boolean;
};
const fields = ['name', 'email', 'password', 'locale', 'ownerId', 'roleKeys', 'teamIds', 'isActive'] as const;

const schema = (creating: boolean) =>
  z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    password: creating ? z.string().min(10).max(200) : z.union([z.literal(''), z.string().min(10).max(200)]),
  });

const UserFormBody = ({ user, onClose }: { user: User | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const owners = useOwners(can('admin.owners'));
  const teams = useTeams();
  const save = useSaveUser(user, { onSuccess: onClose });
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      password: '',
      locale: user?.locale ?? 'sk',
      ownerId: user?.ownerId ?? me.data?.owner.id ?? '',
      roleKeys: user?.roleKeys ?? [],
      teamIds: user?.teamIds ?? [],
      isActive: user?.isActive ?? true,
    },
    validate: zodValidate<Values>(schema(!user), t),
  });
  const problems = useFormProblems(form, fields);
  const ownerTeams = (teams.data ?? []).filter(
    (team) =>
      team.ownerId === form.values.ownerId && (team.isActive || form.values.teamIds.includes(team.id)),
  );

  const submit = form.onSubmit((values) => {
    problems.clear();
    save.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        ...(values.password ? { password: values.password } : {}),
        locale: values.locale,
        ...(values.ownerId ? { ownerId: values.ownerId } : {}),
        roleKeys: values.roleKeys as RoleKey[],
        teamIds: values.teamIds.filter((id) => ownerTeams.some((team) => team.id === id)),
        isActive: values.isActive,
      },
      { onError: problems.show },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput
          label={t('admin.users.fields.name')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('admin.users.fields.email')}
          type="email"
          required
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('admin.users.fields.password')}
          description={user ? t('admin.users.passwordKeep') : t('admin.users.passwordRule')}
          required={!user}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('admin.users.fields.locale')}
            data={userLocales.map((code) => ({ value: code, label: t(`common.locales.${code}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          {owners.data && (
            <Select
              label={t('admin.users.fields.owner')}
              data={owners.data.map((owner) => ({ value: owner.id, label: owner.name }))}
              allowDeselect={false}
              {...form.getInputProps('ownerId')}
            />
          )}
        </SimpleGrid>
        <MultiSelect
          label={t('admin.users.fields.roles')}
          data={roleKeys.map((key) => ({ value: key, label: t(`admin.roles.names.${key}`) }))}
          searchable
          {...form.getInputProps('roleKeys')}
        />
        <MultiSelect
          label={t('admin.users.fields.teams')}
          data={ownerTeams.map((team) => ({ value: team.id, label: team.name }))}
          searchable
          {...form.getInputProps('teamIds')}
        />
        <Switch
          label={t('admin.users.fields.isActive')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
        <FormActions
          onCancel={onClose}
          pending={save.isPending}
          submitLabel={user ? t('common.save') : t('admin.users.create')}
        />
      </Stack>
    </form>
  );
};

export const UserForm = ({
  opened,
  user,
  onClose,
}: {
  opened: boolean;
  user: User | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      title={user ? t('admin.users.editTitle') : t('admin.users.createTitle')}
    >
      <UserFormBody user={user} onClose={onClose} />
    </FormDrawer>
  );
};
