import { Anchor, Badge, Group, Text, ThemeIcon } from '@mantine/core';
import {
  IconBriefcase,
  IconBuilding,
  IconCalendarEvent,
  IconCar,
  IconChecklist,
  IconMail,
  IconPhone,
  IconUserQuestion,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { ActivityItem, ActivityKind, ActivityStatus } from '../api.js';

const kindIcons: Record<ActivityKind, typeof IconPhone> = {
  task: IconChecklist,
  call: IconPhone,
  meeting: IconCalendarEvent,
  email: IconMail,
  visit: IconCar,
};

const kindColors: Record<ActivityKind, string> = { task: 'blue', call: 'teal', meeting: 'grape', email: 'cyan', visit: 'orange' };

export const KindIcon = ({ kind }: { kind: ActivityKind }) => {
  const { t } = useTranslation();
  const Icon = kindIcons[kind];
  return (
    <ThemeIcon variant="light" color={kindColors[kind]} size="md" radius="xl" title={t(`activities.kind.${kind}`)}>
      <Icon size={16} aria-label={t(`activities.kind.${kind}`)} />
    </ThemeIcon>
  );
};

export const KindLabel = ({ kind }: { kind: ActivityKind }) => {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <KindIcon kind={kind} />
      <Text size="sm">{t(`activities.kind.${kind}`)}</Text>
    </Group>
  );
};

const statusColors: Record<ActivityStatus, string> = { open: 'blue', done: 'teal', cancelled: 'gray' };

export const StatusBadge = ({ status, overdue }: { status: ActivityStatus; overdue?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={statusColors[status]}>
        {t(`activities.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge variant="filled" color="red">
          {t('activities.list.overdue')}
        </Badge>
      )}
    </Group>
  );
};

/** The due time, red when the activity is open and past it. */
export const DueText = ({ activity }: { activity: { dueAt: string; isOverdue: boolean } }) => {
  const format = useFormat();
  return (
    <Text size="sm" c={activity.isOverdue ? 'red' : undefined} fw={activity.isOverdue ? 600 : undefined}>
      {format.dateTime(activity.dueAt)}
    </Text>
  );
};

const LinkChip = ({ to, icon, name }: { to: string; icon: ReactNode; name: string | null }) => {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      {name ? (
        <Anchor component={Link} to={to} size="sm" onClick={(event) => event.stopPropagation()}>
          {name}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {t('activities.history.unknownName')}
        </Text>
      )}
    </Group>
  );
};

/** What an activity is linked to, each a link to its card; a record outside the user's rights shows no name. */
export const LinksCell = ({ activity }: { activity: Pick<ActivityItem, 'client' | 'case' | 'lead'> }) => (
  <Group gap="sm" wrap="wrap">
    {activity.client && <LinkChip to={`/clients/${activity.client.id}`} icon={<IconBuilding size={14} aria-hidden />} name={activity.client.name} />}
    {activity.case && <LinkChip to={`/cases/${activity.case.id}`} icon={<IconBriefcase size={14} aria-hidden />} name={activity.case.name} />}
    {activity.lead && <LinkChip to={`/leads/${activity.lead.id}`} icon={<IconUserQuestion size={14} aria-hidden />} name={activity.lead.name} />}
  </Group>
);
