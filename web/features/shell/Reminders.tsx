import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Loader,
  Popover,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { IconBell, IconCheck, IconFileText, IconGauge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError, translateCode } from '../../components/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { VerificationBadge } from '../supply-points/components/VerificationBadge.js';
import { useReminderDone, useReminders, type Reminder } from '../supply-points/meters-api.js';
import { reminderSubject, todayIso, verificationState } from '../supply-points/meters.js';

/** Reminders listed at most in the popover; the rest are counted. */
const shownAtMost = 20;

const ReminderItem = ({ reminder, onOpen }: { reminder: Reminder; onOpen: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const done = useReminderDone();
  const subject = reminderSubject(reminder);
  const kind = translateCode(t, 'shell.reminders.kinds', reminder.kind) ?? reminder.kind;
  const state = verificationState({ verificationDueOn: reminder.dueOn, removedOn: null }, todayIso());
  const what = [
    subject.meterNumber && t('shell.reminders.meter', { number: subject.meterNumber }),
    subject.identifier,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <ThemeIcon variant="light" color={state.state === 'overdue' ? 'red' : 'orange'} radius="xl" size="md">
        {reminder.subjectType === 'contract' ? <IconFileText size={16} aria-hidden /> : <IconGauge size={16} aria-hidden />}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        {subject.href ? (
          <Anchor component={Link} to={subject.href} onClick={onOpen} size="sm" fw={600}>
            {kind}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {kind}
          </Text>
        )}
        {what ? (
          <Text size="xs" c="dimmed" ff="monospace" truncate>
            {what}
          </Text>
        ) : (
          subject.missing && (
            <Text size="xs" c="dimmed">
              {t('shell.reminders.subjectMissing')}
            </Text>
          )
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs">{t('shell.reminders.dueOn', { date: format.date(reminder.dueOn) })}</Text>
          <VerificationBadge state={state} t={t} />
        </Group>
      </Stack>
      <Tooltip label={t('shell.reminders.doneHint')} withinPortal={false}>
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          leftSection={<IconCheck size={12} aria-hidden />}
          loading={done.isPending}
          onClick={() => done.mutate(reminder.id, { onError: (error) => notifyError(t, error) })}
          aria-label={t('shell.reminders.doneLabel', { what: what || kind })}
        >
          {t('shell.reminders.done')}
        </Button>
      </Tooltip>
    </Group>
  );
};

/** A bell in the header with the number of the caller's open reminders; the popover lists them. */
export const Reminders = () => {
  const { t } = useTranslation();
  const can = useCan();
  const enabled = can('clients.read');
  const [opened, setOpened] = useState(false);
  const reminders = useReminders(enabled);
  const items = reminders.data ?? [];
  const shown = items.slice(0, shownAtMost);

  if (!enabled) return null;
  const count = items.length;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('shell.reminders.label', { count })}
            aria-expanded={opened}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="sm">
        <Group justify="space-between" mb={4}>
          <Text fw={600} size="sm">
            {t('shell.reminders.title')}
          </Text>
          {count > 0 && (
            <Text size="xs" c="dimmed">
              {t('shell.reminders.open', { count })}
            </Text>
          )}
        </Group>
        {reminders.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : count === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            {t('shell.reminders.empty')}
          </Text>
        ) : (
          <Box mah={420} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
            {shown.map((reminder) => (
              <ReminderItem key={reminder.id} reminder={reminder} onOpen={() => setOpened(false)} />
            ))}
            {count > shown.length && (
              <Text size="xs" c="dimmed" pt="xs">
                {t('shell.reminders.more', { count: count - shown.length })}
              </Text>
            )}
          </Box>
        )}
      </Popover.Dropdown>
    </Popover>
  );
};
