import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { activityOutcomes, useActivityStep, type Activity } from '../api.js';
import { notifyProblem, ProblemAlert } from './problems.js';

type Step = 'complete' | 'cancel' | 'archive';

/** Completing asks for the outcome (optional), so one dialog both confirms and records what came of it. */
const CompleteDialog = ({ activity, onClose }: { activity: Activity; onClose: () => void }) => {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(activity.kind === 'call' ? 'reached' : null);
  const [note, setNote] = useState('');
  const complete = useActivityStep('complete', {
    onSuccess: () => {
      notifySuccess(t('activities.actions.completed'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('activities.actions.completeTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate({ id: activity.id, version: activity.version, outcome, outcomeNote: note.trim() || null });
        }}
        noValidate
      >
        <Stack gap="sm">
          <ProblemAlert error={complete.error} />
          <Text size="sm" fw={500}>
            {activity.subject}
          </Text>
          <Select
            label={t('activities.actions.outcome')}
            clearable
            data={activityOutcomes.map((o) => ({ value: o, label: t(`activities.outcomes.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
          />
          <Textarea label={t('activities.actions.outcomeNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={complete.isPending}>
              {t('activities.actions.complete')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

/**
 * The steps of an activity's life with their confirmations: `start('complete', a)` opens the completion dialog,
 * cancel and archive ask first (they take the activity out of the plan). Render `dialog` once.
 */
export const useActivitySteps = () => {
  const { t } = useTranslation();
  const [completing, setCompleting] = useState<Activity | null>(null);
  const cancel = useActivityStep('cancel', { onSuccess: () => notifySuccess(t('activities.actions.cancelled')) });
  const archive = useActivityStep('archive', { onSuccess: () => notifySuccess(t('activities.actions.archived')) });

  const start = (step: Step, activity: Activity) => {
    if (step === 'complete') {
      setCompleting(activity);
      return;
    }
    const mutation = step === 'cancel' ? cancel : archive;
    modals.openConfirmModal({
      title: step === 'cancel' ? t('activities.actions.confirmCancelTitle') : t('activities.actions.confirmArchiveTitle'),
      children: (
        <Text size="sm">
          {step === 'cancel'
            ? t('activities.actions.confirmCancel', { subject: activity.subject })
            : t('activities.actions.confirmArchive', { subject: activity.subject })}
        </Text>
      ),
      labels: {
        confirm: step === 'cancel' ? t('activities.actions.cancel') : t('activities.actions.archive'),
        cancel: t('activities.actions.keep'),
      },
      confirmProps: { color: 'red' },
      onConfirm: () => mutation.mutate({ id: activity.id, version: activity.version }, { onError: (error) => notifyProblem(t, error) }),
    });
  };

  const dialog = completing ? <CompleteDialog activity={completing} onClose={() => setCompleting(null)} /> : null;
  return { start, dialog, pending: cancel.isPending || archive.isPending };
};
