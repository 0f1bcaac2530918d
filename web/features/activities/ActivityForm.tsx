import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { notifySuccess } from '../../components/errors.js';
import { StickyFormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { useUsers } from '../admin/api.js';
import { useMe } from '../auth/api.js';
import {
  activityToValues,
  emptyActivityValues,
  validateActivity,
  valuesToInput,
  type ActivityFormValues,
  type ActivityLinks,
} from './activity-form.js';
import { activityKeys, activityKinds, useCreateActivity, useUpdateActivity, type Activity } from './api.js';
import { LinkPicker } from './components/LinkPicker.js';
import { fieldRuleMessage, ProblemAlert } from './components/problems.js';

type ActivityFormProps = {
  opened: boolean;
  onClose: () => void;
  /** The activity to edit; without it the form creates a new one. */
  activity?: Activity | undefined;
  /** Names of the edited activity's links, or the links a new one starts with (e.g. the case whose card it is on). */
  links?: ActivityLinks | undefined;
  /** Links that are fixed by where the form opened (a case card links to its case). */
  fixed?: ('client' | 'case' | 'lead')[];
  onSaved?: (activity: Activity) => void;
};

/** Server paths → form fields (links are pickers named after the record). */
const fieldOf: Record<string, string> = {
  kind: 'kind',
  subject: 'subject',
  description: 'description',
  location: 'location',
  startAt: 'startAt',
  dueAt: 'dueAt',
  responsibleUserId: 'responsibleUserId',
  clientId: 'client',
  caseId: 'case',
  leadId: 'lead',
  departmentEmail: 'departmentEmail',
};

const ActivityFormBody = ({ activity, links, fixed = [], onClose, onSaved }: Omit<ActivityFormProps, 'opened'>) => {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(activity?.version ?? 0);
  const form = useForm<ActivityFormValues>({
    initialValues: activity ? activityToValues(activity, links) : emptyActivityValues(me.data?.user.id ?? '', links),
    validate: validateActivity(t),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, (path) => fieldOf[path], ({ code }) => fieldRuleMessage(t, code));

  const saved = (result: Activity) => {
    notifySuccess(t('activities.actions.saved'));
    onSaved?.(result);
    onClose();
  };
  const create = useCreateActivity({ onSuccess: saved });
  const update = useUpdateActivity(activity?.id ?? '', { onSuccess: saved });
  const pending = create.isPending || update.isPending;

  const submit = form.onSubmit((values) => {
    problems.clear();
    const input = valuesToInput(values);
    if (activity) {
      const { departmentEmail: _unchanged, ...changes } = input;
      update.mutate({ ...changes, version }, { onError: problems.show });
    } else create.mutate(input, { onError: problems.show });
  });

  const reload = async () => {
    if (!activity) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: activityKeys.detail(activity.id),
      queryFn: () => api.get<Activity>(`/activities/${activity.id}`),
      staleTime: 0,
    });
    problems.reloaded(activityToValues(fresh, links));
    setVersion(fresh.version);
  };

  const userOptions = (users.data ?? []).filter((u) => u.isActive || u.id === form.values.responsibleUserId).map((u) => ({ value: u.id, label: u.name }));

  return (
    <form onSubmit={submit} noValidate aria-label={activity ? t('activities.form.editTitle') : t('activities.form.createTitle')}>
      <Stack gap="md">
        <ProblemAlert error={problems.failure} unmapped={problems.unmapped} onReload={activity ? () => void reload() : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('activities.fields.kind')}
            required
            allowDeselect={false}
            data={activityKinds.map((kind) => ({ value: kind, label: t(`activities.kind.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('activities.fields.responsibleUser')}
            searchable
            data={userOptions}
            {...form.getInputProps('responsibleUserId')}
          />
        </SimpleGrid>
        <TextInput
          label={t('activities.fields.subject')}
          placeholder={t('activities.form.subjectPlaceholder')}
          required
          data-autofocus
          maxLength={200}
          {...form.getInputProps('subject')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('activities.fields.startAt')} required {...form.getInputProps('startAt')} />
          <TextInput type="datetime-local" label={t('activities.fields.dueAt')} required {...form.getInputProps('dueAt')} />
        </SimpleGrid>
        {form.values.kind === 'meeting' && (
          <Text size="xs" c="dimmed">
            {t('activities.form.meetingHint')}
          </Text>
        )}
        <TextInput label={t('activities.fields.location')} maxLength={200} {...form.getInputProps('location')} />
        <Textarea label={t('activities.fields.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <Text fw={600} size="sm">
          {t('activities.form.linkedTo')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <LinkPicker
            kind="client"
            label={t('activities.fields.client')}
            placeholder={t('activities.form.clientPlaceholder')}
            value={form.values.client}
            onChange={(link) => form.setFieldValue('client', link)}
            error={form.errors.client}
            disabled={fixed.includes('client')}
          />
          <LinkPicker
            kind="case"
            label={t('activities.fields.case')}
            placeholder={t('activities.form.casePlaceholder')}
            value={form.values.case}
            onChange={(link) => form.setFieldValue('case', link)}
            error={form.errors.case}
            disabled={fixed.includes('case')}
          />
          <LinkPicker
            kind="lead"
            label={t('activities.fields.lead')}
            placeholder={t('activities.form.leadPlaceholder')}
            value={form.values.lead}
            onChange={(link) => form.setFieldValue('lead', link)}
            error={form.errors.lead}
            disabled={fixed.includes('lead')}
          />
        </SimpleGrid>
        {!activity && form.values.kind === 'task' && (
          <TextInput
            type="email"
            label={t('activities.fields.departmentEmail')}
            description={t('activities.form.departmentHint')}
            {...form.getInputProps('departmentEmail')}
          />
        )}
        <StickyFormActions
          hint={t('activities.form.requiredHint')}
          onCancel={onClose}
          pending={pending}
          submitLabel={activity ? t('common.save') : t('activities.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Create or edit an activity in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const ActivityForm = ({ opened, onClose, ...props }: ActivityFormProps) => {
  const { t } = useTranslation();
  return (
    <FormDrawer opened={opened} onClose={onClose} title={props.activity ? t('activities.form.editTitle') : t('activities.form.createTitle')} size="xl">
      <ActivityFormBody {...props} onClose={onClose} />
    </FormDrawer>
  );
};
