import { ActionIcon, Anchor, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { ActivityItem } from '../api.js';
import { KindIcon, LinksCell, StatusBadge } from './display.js';

type ActivityRowProps = {
  activity: ActivityItem;
  /** One click completes it (my day, timelines); absent when the user may not. */
  onComplete?: ((activity: ActivityItem) => void) | undefined;
  completing?: boolean;
  /** Hide the links a timeline already stands on. */
  showLinks?: boolean;
};

/** An activity as one line of a day plan or a record's timeline: kind, subject, when, links and a complete button. */
export const ActivityRow = ({ activity, onComplete, completing = false, showLinks = true }: ActivityRowProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const isOpen = activity.status === 'open' && !activity.archivedAt;
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <KindIcon kind={activity.kind} />
          <Stack gap={2}>
            <Anchor component={Link} to={`/activities/${activity.id}`} fw={500} td={activity.status === 'cancelled' ? 'line-through' : undefined}>
              {activity.subject}
            </Anchor>
            <Group gap="xs">
              <Text size="xs" c={activity.isOverdue ? 'red' : 'dimmed'} fw={activity.isOverdue ? 600 : undefined}>
                {t('activities.fields.dueAt')}: {format.dateTime(activity.dueAt)}
              </Text>
              {activity.location && (
                <Text size="xs" c="dimmed">
                  · {activity.location}
                </Text>
              )}
              {!isOpen && <StatusBadge status={activity.status} />}
            </Group>
            {showLinks && <LinksCell activity={activity} />}
          </Stack>
        </Group>
        {isOpen && onComplete && (
          <Tooltip label={t('activities.actions.complete')}>
            <ActionIcon
              variant="light"
              color="teal"
              size="lg"
              loading={completing}
              aria-label={t('activities.myDay.complete', { subject: activity.subject })}
              onClick={() => onComplete(activity)}
            >
              <IconCheck size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
};
