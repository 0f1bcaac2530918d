import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { useDisqualifyLead, type Lead } from '../api.js';

/** Disqualifying asks for the reason (it stays on the lead and in its history) and confirms in one step. */
export const DisqualifyModal = ({
  lead,
  opened,
  onClose,
}: {
  lead: Lead;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const disqualify = useDisqualifyLead(lead.id, {
    onSuccess: () => {
      notifySuccess(t('leads.disqualify.done'));
      setReason('');
      onClose();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    disqualify.mutate({ version: lead.version, reason: reason.trim() });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.disqualify.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('leads.disqualify.text', { name: lead.name })}</Text>
          <FormAlert error={disqualify.error} />
          <Textarea
            label={t('leads.disqualify.reason')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={disqualify.isPending}>
              {t('leads.disqualify.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
