import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { notifySuccess } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { useEndContract, type ContractDetail } from '../api.js';
import { allowedSteps } from '../display.js';
import { localToday } from '../list-params.js';

type Values = { kind: 'cancel' | 'terminate'; endedOn: string; reason: string };

/** Cancels (before delivery) or terminates (a signed contract) with the day and the reason, after a confirmation. */
export const EndContractDialog = ({ detail, opened, onClose }: { detail: ContractDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [failure, setFailure] = useState<unknown>(null);
  const canTerminate = allowedSteps(detail.state, Boolean(detail.archivedAt)).terminate;
  const end = useEndContract(detail.id, {
    onSuccess: () => {
      notifySuccess(t('contracts.end.done'));
      onClose();
    },
  });
  const form = useForm<Values>({
    initialValues: { kind: canTerminate ? 'terminate' : 'cancel', endedOn: localToday(), reason: '' },
    validate: {
      endedOn: (value) => (value ? null : t('validation.required')),
      reason: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    modals.openConfirmModal({
      title: t('contracts.end.title'),
      children: (
        <Text size="sm">
          {t('contracts.end.confirmText', {
            number: detail.number,
            how: t(values.kind === 'cancel' ? 'contracts.end.cancelled' : 'contracts.end.terminated'),
            date: format.date(values.endedOn),
          })}
        </Text>
      ),
      labels: { confirm: t('contracts.end.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => end.mutate({ ...values, reason: values.reason.trim(), version: detail.version }, { onError: setFailure }),
    });
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('contracts.end.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={failure} onReload={onClose} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="end-kind">
              {t('contracts.end.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="end-kind"
              data={[
                { value: 'cancel', label: t('contracts.end.cancel') },
                { value: 'terminate', label: t('contracts.end.terminate'), disabled: !canTerminate },
              ]}
              {...form.getInputProps('kind')}
            />
          </Stack>
          <TextInput label={t('contracts.end.endedOn')} type="date" required data-autofocus {...form.getInputProps('endedOn')} />
          <Textarea label={t('contracts.end.reason')} required autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {t('contracts.end.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
