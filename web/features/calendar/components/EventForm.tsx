import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { StickyFormActions } from '../../../components/form/FormActions.js';
import { FormDrawer } from '../../../components/form/FormDialog.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { emptyToNull } from '../../../components/validation.js';
import { useUsers } from '../../admin/api.js';
import { useMe } from '../../auth/api.js';
import { fromLocalInput, toLocalInput } from '../../activities/activity-form.js';
import { fieldRuleMessage, ProblemAlert } from '../../activities/components/problems.js';
import { useCreateEvent, useUpdateEvent, type CalendarEvent } from '../api.js';
import { addDays, dayKey, parseDayKey, startOfDay } from '../calendar-grid.js';

type Values = {
  title: string;
  allDay: boolean;
  /** Timed: `datetime-local`; all day: the first and last day (`date`). */
  startAt: string;
  endAt: string;
  startDate: string;
  endDate: string;
  location: string;
  description: string;
  responsibleUserId: string;
};

const valuesOf = (event: CalendarEvent | undefined, userId: string, start: Date): Values => {
  if (event) {
    const lastDay = addDays(new Date(event.endAt), -1);
    return {
      title: event.title,
      allDay: event.allDay,
      startAt: toLocalInput(event.startAt),
      endAt: toLocalInput(event.endAt),
      startDate: dayKey(new Date(event.startAt)),
      endDate: dayKey(lastDay < new Date(event.startAt) ? new Date(event.startAt) : lastDay),
      location: event.location ?? '',
      description: event.description ?? '',
      responsibleUserId: event.responsibleUserId ?? '',
    };
  }
  return {
    title: '',
    allDay: false,
    startAt: toLocalInput(start),
    endAt: toLocalInput(new Date(start.getTime() + 3_600_000)),
    startDate: dayKey(start),
    endDate: dayKey(start),
    location: '',
    description: '',
    responsibleUserId: userId,
  };
};

/** All-day events run from the first day's midnight to the midnight after the last day, in the browser's zone. */
const times = (values: Values): { startAt: string | null; endAt: string | null } => {
  if (!values.allDay) return { startAt: fromLocalInput(values.startAt), endAt: fromLocalInput(values.endAt) };
  const first = parseDayKey(values.startDate);
  const last = parseDayKey(values.endDate);
  return { startAt: first ? first.toISOString() : null, endAt: last ? addDays(last, 1).toISOString() : null };
};

const fieldOf: Record<string, string> = { title: 'title', startAt: 'startAt', endAt: 'endAt', location: 'location', description: 'description', responsibleUserId: 'responsibleUserId' };

const EventFormBody = ({ event, start, onClose }: { event?: CalendarEvent | undefined; start: Date; onClose: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const form = useForm<Values>({
    initialValues: valuesOf(event, me.data?.user.id ?? '', start),
    validateInputOnBlur: true,
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.title.trim()) errors.title = t('validation.required');
      const { startAt, endAt } = times(values);
      const [startField, endField] = values.allDay ? ['startDate', 'endDate'] : ['startAt', 'endAt'];
      if (!startAt) errors[startField!] = t('validation.required');
      if (!endAt) errors[endField!] = t('validation.required');
      if (startAt && endAt && endAt < startAt) errors[endField!] = t('calendar.validation.end_before_start');
      return errors;
    },
  });
  // An all-day event shows its times as days.
  const problems = useFormProblems(
    form,
    (path) => (form.getValues().allDay ? { ...fieldOf, startAt: 'startDate', endAt: 'endDate' } : fieldOf)[path],
    ({ code }) => fieldRuleMessage(t, code),
  );
  const saved = () => {
    notifySuccess(t('calendar.event.saved'));
    onClose();
  };
  const create = useCreateEvent({ onSuccess: saved });
  const update = useUpdateEvent(event?.id ?? '', { onSuccess: saved });

  const submit = form.onSubmit((values) => {
    problems.clear();
    const { startAt, endAt } = times(values);
    const body = {
      title: values.title.trim(),
      allDay: values.allDay,
      startAt: startAt ?? '',
      endAt: endAt ?? '',
      location: emptyToNull(values.location),
      description: emptyToNull(values.description),
      responsibleUserId: values.responsibleUserId || null,
    };
    if (event) update.mutate({ ...body, version: event.version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={event ? t('calendar.form.editTitle') : t('calendar.form.createTitle')}>
      <Stack gap="md">
        <ProblemAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput label={t('calendar.fields.title')} required data-autofocus maxLength={200} {...form.getInputProps('title')} />
        <Checkbox label={t('calendar.fields.allDay')} {...form.getInputProps('allDay', { type: 'checkbox' })} />
        {form.values.allDay ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('calendar.fields.startDate')} required {...form.getInputProps('startDate')} />
            <TextInput type="date" label={t('calendar.fields.endDate')} required {...form.getInputProps('endDate')} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label={t('calendar.fields.startAt')} required {...form.getInputProps('startAt')} />
            <TextInput type="datetime-local" label={t('calendar.fields.endAt')} required {...form.getInputProps('endAt')} />
          </SimpleGrid>
        )}
        <TextInput label={t('calendar.fields.location')} maxLength={200} {...form.getInputProps('location')} />
        <Select
          label={t('calendar.fields.responsibleUser')}
          searchable
          data={(users.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }))}
          {...form.getInputProps('responsibleUserId')}
        />
        <Textarea label={t('calendar.fields.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <StickyFormActions
          hint={t('calendar.form.requiredHint')}
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={event ? t('common.save') : t('calendar.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Create or edit an event entered by hand, in a side drawer. */
export const EventForm = ({ opened, onClose, event, start }: { opened: boolean; onClose: () => void; event?: CalendarEvent | undefined; start?: Date | undefined }) => {
  const { t } = useTranslation();
  return (
    <FormDrawer opened={opened} onClose={onClose} title={event ? t('calendar.form.editTitle') : t('calendar.form.createTitle')} size="lg">
      <EventFormBody event={event} start={start ?? startOfDay(new Date())} onClose={onClose} />
    </FormDrawer>
  );
};
