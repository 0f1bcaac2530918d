import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconCheckbox, IconCircleCheck, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { useCaseAction, type CaseAction, type CaseDetail } from '../api.js';
import { CloseCaseDialog } from './CloseCaseDialog.js';

type Kind = 'task' | 'call' | 'meeting' | 'close';

/** `datetime-local` value of a date in the browser's time zone. */
const localInput = (date: Date) => {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => new Date(value).toISOString();

const callOutcomes = ['reached', 'noAnswer', 'callBack', 'notInterested'] as const;

const ActionForm = ({ kind, detail, onClose }: { kind: Exclude<Kind, 'close'>; detail: CaseDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const action = useCaseAction(detail.id, {
    onSuccess: () => {
      notifySuccess(t(`cases.actions.done.${kind}`));
      onClose();
    },
  });
  const [defaults] = useState(() => {
    const now = Date.now();
    const tomorrow = new Date(now + 86_400_000);
    tomorrow.setMinutes(0, 0, 0);
    return {
      due: localInput(new Date(now + 3 * 86_400_000)),
      start: localInput(tomorrow),
      end: localInput(new Date(tomorrow.getTime() + 3_600_000)),
    };
  });
  const [subject, setSubject] = useState('');
  const [due, setDue] = useState(defaults.due);
  const [start, setStart] = useState(defaults.start);
  const [end, setEnd] = useState(defaults.end);
  const [location, setLocation] = useState('');
  const [outcome, setOutcome] = useState<string | null>('reached');
  const [note, setNote] = useState('');
  const endBeforeStart = kind === 'meeting' && end !== '' && start !== '' && new Date(end) < new Date(start);
  const placeholder = t(`cases.actions.subjects.${kind}`, { name: detail.name });

  const body = (): CaseAction => {
    switch (kind) {
      case 'task':
        return { action: 'task', ...(subject.trim() ? { subject: subject.trim() } : {}), ...(due ? { dueAt: fromLocalInput(due) } : {}), description: note.trim() || null };
      case 'call':
        return { action: 'call', ...(outcome ? { outcome } : {}), note: note.trim() || null };
      case 'meeting':
        return { action: 'meeting', startAt: fromLocalInput(start), endAt: fromLocalInput(end), location: location.trim() || null, ...(subject.trim() ? { subject: subject.trim() } : {}) };
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (endBeforeStart || (kind === 'meeting' && (!start || !end))) return;
        action.mutate(body());
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert error={action.error} />
        {kind !== 'call' && (
          <TextInput label={t('cases.actions.subject')} placeholder={placeholder} description={t('cases.actions.subjectHint')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-autofocus />
        )}
        {kind === 'task' && <TextInput label={t('cases.actions.dueAt')} type="datetime-local" value={due} onChange={(e) => setDue(e.currentTarget.value)} />}
        {kind === 'call' && (
          <Select
            label={t('cases.actions.outcome')}
            data={callOutcomes.map((o) => ({ value: o, label: t(`cases.actions.outcomes.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
            clearable
            data-autofocus
          />
        )}
        {kind === 'meeting' && (
          <>
            <TextInput label={t('cases.actions.startAt')} type="datetime-local" required value={start} onChange={(e) => setStart(e.currentTarget.value)} />
            <TextInput
              label={t('cases.actions.endAt')}
              type="datetime-local"
              required
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={endBeforeStart ? t('cases.actions.endBeforeStart') : undefined}
            />
            <TextInput label={t('cases.actions.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
          </>
        )}
        {kind !== 'meeting' && <Textarea label={t('cases.actions.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
        <FormActions onCancel={onClose} pending={action.isPending} submitLabel={t(`cases.actions.submit.${kind}`)} mt={0} />
      </Stack>
    </form>
  );
};

/** One click on a case (SALES-4): a task, a call record, a meeting in the calendar, or closing it. */
export const CaseActions = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Kind | null>(null);
  const close = useCaseAction(detail.id, {
    onSuccess: (result) => {
      setOpen(null);
      notifySuccess(t('cases.close.done'));
      if (result.continuationCaseId) void navigate(`/cases/${result.continuationCaseId}`);
    },
  });
  const buttons: { kind: Kind; icon: typeof IconPhone }[] = [
    { kind: 'task', icon: IconCheckbox },
    { kind: 'call', icon: IconPhone },
    { kind: 'meeting', icon: IconCalendarEvent },
    { kind: 'close', icon: IconCircleCheck },
  ];
  return (
    <>
      <Group gap="xs" role="group" aria-label={t('cases.actions.label')}>
        {buttons.map(({ kind, icon: Icon }) => (
          <Button key={kind} variant={kind === 'close' ? 'outline' : 'light'} size="sm" leftSection={<Icon size={16} aria-hidden />} onClick={() => setOpen(kind)}>
            {t(`cases.actions.buttons.${kind}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null && open !== 'close'} onClose={() => setOpen(null)} title={open && open !== 'close' ? t(`cases.actions.titles.${open}`) : ''}>
        {open && open !== 'close' && <ActionForm kind={open} detail={detail} onClose={() => setOpen(null)} />}
      </Modal>
      {open === 'close' && (
        <CloseCaseDialog
          opened
          caseName={detail.name}
          onClose={() => setOpen(null)}
          loading={close.isPending}
          error={close.error}
          onConfirm={(values) => close.mutate({ action: 'close', ...values, version: detail.version })}
        />
      )}
    </>
  );
};
