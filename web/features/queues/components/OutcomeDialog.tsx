import {
  Anchor,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldProblem } from '../../../api/client.js';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { followUpKinds, queueChannels, useLogOutcome, type QueueChannel, type QueueItem } from '../api.js';
import { queueRuleMessage } from '../messages.js';
import {
  checkOutcome,
  followUpOffered,
  followUpRequired,
  initialOutcomeValues,
  noteMaxLength,
  outcomeFields,
  outcomesFor,
  toLocalInput,
  toOutcomeBody,
  withChannel,
  withOutcome,
  type OutcomeField,
  type OutcomeValues,
} from '../outcome-form.js';
import { telHref } from '../queue-list.js';

type Errors = Partial<Record<OutcomeField, string>>;

const OutcomeForm = ({
  item,
  channel,
  onClose,
}: {
  item: QueueItem;
  channel: QueueChannel;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [values, setValues] = useState<OutcomeValues>(() => initialOutcomeValues(channel));
  const [errors, setErrors] = useState<Errors>({});
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
  const log = useLogOutcome({
    onSuccess: (result) => {
      notifySuccess(
        result.nextActivityId
          ? t('queues.outcome.loggedWithFollowUp', { name: item.name })
          : t('queues.outcome.logged', { name: item.name }),
      );
      onClose();
    },
  });
  const change = (next: OutcomeValues) => {
    setValues(next);
    setErrors({});
  };
  const offered = followUpOffered(values.outcome);
  const required = followUpRequired(values.outcome);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const now = new Date();
    const problems = checkOutcome(values, now);
    if (Object.keys(problems).length > 0) {
      setErrors(
        Object.fromEntries(
          Object.entries(problems).map(([field, code]) => [
            field,
            queueRuleMessage(t, code, { max: noteMaxLength }),
          ]),
        ),
      );
      return;
    }
    setUnmapped([]);
    log.mutate(toOutcomeBody(item, values), {
      onError: (error) => {
        if (!isApiError(error)) return;
        const fieldErrors: Errors = {};
        const rest: FieldProblem[] = [];
        for (const problem of error.errors) {
          if ((outcomeFields as readonly string[]).includes(problem.path))
            fieldErrors[problem.path as OutcomeField] = queueRuleMessage(t, problem.code, {
              max: noteMaxLength,
            });
          else rest.push(problem);
        }
        setErrors(fieldErrors);
        setUnmapped(rest);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={log.error} unmapped={unmapped} />
        {(item.clientName || item.phone) && (
          <Group gap="md">
            {item.clientName && (
              <Text size="sm" c="dimmed">
                {item.clientName}
              </Text>
            )}
            {item.phone && (
              <Anchor href={telHref(item.phone)} size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  <IconPhone size={14} aria-hidden style={{ flexShrink: 0 }} />
                  {item.phone}
                </Group>
              </Anchor>
            )}
          </Group>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="queue-outcome-channel">
            {t('queues.outcome.fields.channel')}
          </Text>
          <SegmentedControl
            aria-labelledby="queue-outcome-channel"
            value={values.channel}
            onChange={(value) => change(withChannel(values, value as QueueChannel, new Date()))}
            data={queueChannels.map((c) => ({ value: c, label: t(`queues.channels.logged.${c}`) }))}
          />
        </Stack>
        <Select
          label={t('queues.outcome.fields.outcome')}
          data={outcomesFor(values.channel).map((o) => ({ value: o, label: t(`queues.outcomes.${o}`) }))}
          value={values.outcome}
          onChange={(value) =>
            value && change(withOutcome(values, value as OutcomeValues['outcome'], new Date()))
          }
          allowDeselect={false}
          error={errors.outcome}
          data-autofocus
        />
        <Textarea
          label={t('queues.outcome.fields.note')}
          autosize
          minRows={2}
          maxRows={8}
          value={values.note}
          onChange={(event) => change({ ...values, note: event.currentTarget.value })}
          error={errors.note}
        />
        {offered && (
          <Group grow align="flex-start">
            <TextInput
              label={t('queues.outcome.fields.nextActivityAt')}
              description={
                required ? t('queues.outcome.followUpRequired') : t('queues.outcome.followUpOptional')
              }
              type="datetime-local"
              required={required}
              min={toLocalInput(new Date())}
              value={values.nextActivityAt}
              onChange={(event) => change({ ...values, nextActivityAt: event.currentTarget.value })}
              error={errors.nextActivityAt}
            />
            <Select
              label={t('queues.outcome.fields.nextKind')}
              description={t('queues.outcome.nextKindHint')}
              data={followUpKinds.map((kind) => ({ value: kind, label: t(`queues.followUpKinds.${kind}`) }))}
              value={values.nextKind}
              onChange={(value) =>
                value && change({ ...values, nextKind: value as OutcomeValues['nextKind'] })
              }
              allowDeselect={false}
              disabled={values.nextActivityAt === ''}
              error={errors.nextKind}
            />
          </Group>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('queues.outcome.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/**
 * Logs a call or visit from the queue in one step (SALES-7): its outcome and note, and the follow-up it calls for.
 * The queue is planned again afterwards, so an item called back later leaves today's list.
 */
export const OutcomeDialog = ({
  item,
  channel,
  onClose,
}: {
  item: QueueItem | null;
  channel: QueueChannel;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t('queues.outcome.title', { name: item.name }) : ''}
      size="lg"
    >
      {item && (
        <OutcomeForm key={`${item.recordType}-${item.id}`} item={item} channel={channel} onClose={onClose} />
      )}
    </Modal>
  );
};
