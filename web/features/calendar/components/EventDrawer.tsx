import { Anchor, Button, Drawer, Group, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import { ActivityHistory } from '../../activities/components/ActivityHistory.js';
import { notifyProblem } from '../../activities/components/problems.js';
import { useArchiveEvent, useEventHistory, type CalendarEventItem } from '../api.js';

const EventHistory = ({ id }: { id: string }) => <ActivityHistory history={useEventHistory(id)} fieldGroup="calendar.fields" />;

/** One event: when, where, whose; an event entered by hand can be edited or removed, a meeting opens its activity. */
export const EventDrawer = ({ event, onClose, onEdit }: { event: CalendarEventItem | null; onClose: () => void; onEdit: (event: CalendarEventItem) => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const archive = useArchiveEvent({
    onSuccess: () => {
      notifySuccess(t('calendar.event.archived'));
      onClose();
    },
  });
  const confirmArchive = (target: CalendarEventItem) =>
    modals.openConfirmModal({
      title: t('calendar.event.confirmArchiveTitle'),
      children: <Text size="sm">{t('calendar.event.confirmArchive', { title: target.title })}</Text>,
      labels: { confirm: t('calendar.event.archive'), cancel: t('calendar.event.keep') },
      confirmProps: { color: 'red' },
      onConfirm: () => archive.mutate({ id: target.id, version: target.version }, { onError: (error) => notifyProblem(t, error) }),
    });
  const when = (e: CalendarEventItem) =>
    e.allDay
      ? `${format.date(e.startAt)} – ${format.date(new Date(new Date(e.endAt).getTime() - 1))}`
      : `${format.dateTime(e.startAt)} – ${format.dateTime(e.endAt)}`;

  return (
    <Drawer opened={event !== null} onClose={onClose} title={event?.title ?? t('calendar.event.details')} position="right" size="md">
      {event && (
        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="overview">{t('activities.detail.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('activities.detail.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Stack gap="sm">
              <Text size="sm">{when(event)}</Text>
              {event.location && <Text size="sm">{event.location}</Text>}
              {event.responsibleUser?.name && (
                <Text size="sm" c="dimmed">
                  {t('calendar.fields.responsibleUser')}: {event.responsibleUser.name}
                </Text>
              )}
              {event.description && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.description}
                </Text>
              )}
              {event.activityId ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t('calendar.event.fromActivity')}
                  </Text>
                  <Anchor component={Link} to={`/activities/${event.activityId}`}>
                    {t('calendar.event.openActivity')}
                  </Anchor>
                </>
              ) : (
                can('sales.write') && (
                  <Group mt="md">
                    <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(event)}>
                      {t('activities.actions.edit')}
                    </Button>
                    <Button variant="subtle" color="red" leftSection={<IconArchive size={16} aria-hidden />} loading={archive.isPending} onClick={() => confirmArchive(event)}>
                      {t('calendar.event.archive')}
                    </Button>
                  </Group>
                )
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <EventHistory id={event.id} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
};
