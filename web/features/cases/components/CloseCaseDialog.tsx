import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import type { CaseOutcome } from '../api.js';

export type CloseValues = { outcome: CaseOutcome; closingNote: string; continueAsServiceSupport: boolean };

/**
 * Asks for what closing needs: won or lost, a closing note, and for a won case whether it continues as service
 * support. Used by the case card's "Close" action and when a board card is dropped on a closing stage.
 */
export const CloseCaseDialog = ({
  opened,
  onClose,
  onConfirm,
  fixedOutcome,
  loading,
  error,
  caseName,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (values: CloseValues) => void;
  /** A closing stage decides the outcome; no continuation is offered there. */
  fixedOutcome?: CaseOutcome | null;
  loading: boolean;
  error: unknown;
  caseName: string;
}) => {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CaseOutcome>(fixedOutcome ?? 'won');
  const [note, setNote] = useState('');
  const [continuation, setContinuation] = useState(false);
  const [touched, setTouched] = useState(false);
  const effective = fixedOutcome ?? outcome;
  const noteMissing = note.trim() === '';

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.close.title', { name: caseName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (noteMissing) return;
          onConfirm({ outcome: effective, closingNote: note.trim(), continueAsServiceSupport: effective === 'won' && continuation && !fixedOutcome });
        }}
        noValidate
      >
        <Stack gap="sm">
          <FormAlert error={error} />
          {fixedOutcome ? (
            <Text size="sm">{t('cases.close.byStage', { outcome: t(`cases.outcome.${fixedOutcome}`) })}</Text>
          ) : (
            <SegmentedControl
              aria-label={t('cases.fields.outcome')}
              value={outcome}
              onChange={(value) => setOutcome(value as CaseOutcome)}
              data={[
                { value: 'won', label: t('cases.outcome.won') },
                { value: 'lost', label: t('cases.outcome.lost') },
              ]}
            />
          )}
          <Textarea
            label={t('cases.fields.closingNote')}
            required
            autosize
            minRows={3}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={touched && noteMissing ? t('validation.required') : undefined}
            data-autofocus
          />
          {!fixedOutcome && (
            <Checkbox
              label={t('cases.close.continue')}
              description={t('cases.close.continueHint')}
              checked={continuation && effective === 'won'}
              disabled={effective !== 'won'}
              onChange={(event) => setContinuation(event.currentTarget.checked)}
            />
          )}
          <Text size="sm" c="dimmed">
            {t('cases.close.warning')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={effective === 'won' ? 'teal' : 'red'} loading={loading}>
              {t('cases.close.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
