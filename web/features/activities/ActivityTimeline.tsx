import { LoadMoreButton } from '../../components/ListFooter.js';
import { Button, Center, Group, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../components/Page.js';
import { notifySuccess } from '../../components/errors.js';
import { useCan } from '../auth/api.js';
import { ActivityForm } from './ActivityForm.js';
import type { ActivityLinks } from './activity-form.js';
import { useActivityList, useActivityStep, type ActivityItem, type ActivityListParams } from './api.js';
import { ActivityRow } from './components/ActivityRow.js';
import { notifyProblem } from './components/problems.js';

export type ActivityTimelineProps =
  | { caseId: string; leadId?: never; clientId?: never; name?: string | undefined; clientLink?: { id: string; name: string | null } | undefined }
  | { leadId: string; caseId?: never; clientId?: never; name?: string | undefined; clientLink?: never }
  | { clientId: string; caseId?: never; leadId?: never; name?: string | undefined; clientLink?: never };

/**
 * The activities of one case, lead or client, newest plan first, with "add activity" (linked to the record, and
 * for a case also to its client) and one-click completion. For the cards of cases, leads and clients:
 * `<ActivityTimeline caseId={c.id} name={c.name} clientLink={{ id: c.clientId, name: c.clientName }} />`.
 */
export const ActivityTimeline = (props: ActivityTimelineProps) => {
  const { t } = useTranslation();
  const can = useCan();
  const [showClosed, setShowClosed] = useState(false);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const filter: ActivityListParams = props.caseId
    ? { caseId: props.caseId }
    : props.leadId
      ? { leadId: props.leadId }
      : { clientId: props.clientId };
  const list = useActivityList({ ...filter, ...(showClosed ? {} : { status: 'open' }), sort: 'dueAt' }, { pageSize: 100 });
  const complete = useActivityStep('complete', { onSuccess: () => notifySuccess(t('activities.actions.completed')) });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const self = { id: props.caseId ?? props.leadId ?? props.clientId ?? '', name: props.name ?? null };
  const links: ActivityLinks = props.caseId
    ? { case: self, client: props.clientLink ?? null }
    : props.leadId
      ? { lead: self }
      : { client: self };
  const fixed = props.caseId ? (['case'] as const) : props.leadId ? (['lead'] as const) : (['client'] as const);
  const canWrite = can('sales.write');
  const onComplete = canWrite
    ? (activity: ActivityItem) => complete.mutate({ id: activity.id, version: activity.version }, { onError: (error) => notifyProblem(t, error) })
    : undefined;

  return (
    <Stack gap="sm" aria-label={t('activities.timeline.label')}>
      <Group justify="space-between">
        <Switch label={t('activities.timeline.showClosed')} checked={showClosed} onChange={(event) => setShowClosed(event.currentTarget.checked)} />
        {canWrite && (
          <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={openAdd}>
            {t('activities.timeline.add')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Center>
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('activities.timeline.empty')}
        </Text>
      ) : (
        items.map((activity) => (
          <ActivityRow
            key={activity.id}
            activity={activity}
            onComplete={onComplete}
            completing={complete.isPending && complete.variables?.id === activity.id}
            showLinks={false}
          />
        ))
      )}
      <LoadMoreButton list={list} />
      <ActivityForm opened={adding} onClose={closeAdd} links={links} fixed={[...fixed]} />
    </Stack>
  );
};
