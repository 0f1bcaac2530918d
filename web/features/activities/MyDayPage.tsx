import { Anchor, Badge, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconConfetti, IconList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { notifySuccess } from '../../components/errors.js';
import { useCan, useMe } from '../auth/api.js';
import { ActivityForm } from './ActivityForm.js';
import { useActivityStep, useMyDay, type ActivityItem } from './api.js';
import { ActivityRow } from './components/ActivityRow.js';
import { notifyProblem } from './components/problems.js';

const Section = ({
  title,
  items,
  total,
  empty,
  color,
  onComplete,
  completingId,
  moreLink,
}: {
  moreLink: string;
  title: string;
  items: ActivityItem[];
  total: number;
  empty: string;
  color: string;
  onComplete: ((activity: ActivityItem) => void) | undefined;
  completingId: string | null;
}) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group gap="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Badge color={color} variant="light">
          {total}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        items.map((activity) => (
          <ActivityRow key={activity.id} activity={activity} onComplete={onComplete} completing={completingId === activity.id} />
        ))
      )}
      {total > items.length && (
        <Anchor component={Link} to={moreLink} size="sm">
          {t('activities.myDay.more', { count: total - items.length })}
        </Anchor>
      )}
    </Stack>
  );
};

/** "My day": the user's open activities that are overdue or due today (in the browser's time zone), done in one click. */
export const MyDayPage = () => {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const day = useMyDay();
  const complete = useActivityStep('complete', { onSuccess: () => notifySuccess(t('activities.actions.completed')) });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const onComplete = can('sales.write')
    ? (activity: ActivityItem) => complete.mutate({ id: activity.id, version: activity.version }, { onError: (error) => notifyProblem(t, error) })
    : undefined;
  const userId = me.data?.user.id ?? '';
  const completingId = complete.isPending ? (complete.variables?.id ?? null) : null;
  const date = day.data
    ? new Intl.DateTimeFormat(i18n.language === 'sk' ? 'sk-SK' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day.data.date}T00:00:00Z`))
    : '';

  return (
    <>
      <PageHeader
        title={t('activities.myDay.title')}
        description={day.data ? t('activities.myDay.description', { date }) : undefined}
        actions={
          <>
            <Button component={Link} to="/activities" variant="default" leftSection={<IconList size={16} aria-hidden />}>
              {t('activities.myDay.showAll')}
            </Button>
            {can('sales.write') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate}>
                {t('activities.list.create')}
              </Button>
            )}
          </>
        }
      />
      {day.isPending ? (
        <PageLoader />
      ) : day.isError ? (
        <PageError error={day.error} onRetry={() => void day.refetch()} />
      ) : day.data.overdueCount + day.data.todayCount === 0 ? (
        <EmptyState py="xl" icon={<IconConfetti size={28} aria-hidden />} title={t('activities.myDay.allDone')} description={t('activities.myDay.allDoneHint')} />
      ) : (
        <Stack gap="xl">
          <Section
            title={t('activities.myDay.overdue')}
            items={day.data.overdue}
            total={day.data.overdueCount}
            empty={t('activities.myDay.emptyOverdue')}
            color="red"
            moreLink={`/activities?overdue=true&responsibleUserId=${userId}&sort=dueAt`}
            onComplete={onComplete}
            completingId={completingId}
          />
          <Section
            title={t('activities.myDay.today')}
            items={day.data.today}
            total={day.data.todayCount}
            empty={t('activities.myDay.emptyToday')}
            color="blue"
            moreLink={`/activities?status=open&responsibleUserId=${userId}&dueFrom=${day.data.date}&dueTo=${day.data.date}&sort=dueAt`}
            onComplete={onComplete}
            completingId={completingId}
          />
        </Stack>
      )}
      <ActivityForm opened={creating} onClose={closeCreate} />
    </>
  );
};
