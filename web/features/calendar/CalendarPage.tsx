import { useAddressChanges } from '../../components/address.js';
import { ActionIcon, Alert, Button, Group, SegmentedControl, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarShare, IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useUsers } from '../admin/api.js';
import { useCan, useMe } from '../auth/api.js';
import { useEvents, type CalendarEventItem } from './api.js';
import { calendarViews, dayKey, parseDayKey, shiftAnchor, viewRange, type CalendarView } from './calendar-grid.js';
import { MonthView, TimeGridView } from './components/CalendarViews.js';
import { EventDrawer } from './components/EventDrawer.js';
import { EventForm } from './components/EventForm.js';
import { FeedDialog } from './components/FeedDialog.js';

/**
 * The shared team calendar (SALES-8): day, week and month views of the events the user may see — entered by hand
 * or meetings from activities — filtered by team or person; events are created by clicking a slot or the button,
 * and the user's calendar can be subscribed to from Outlook or Google Calendar. View, day and filters live in the
 * address.
 */
export const CalendarPage = () => {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const users = useUsers();
  const [search] = useSearchParams();
  const view: CalendarView = calendarViews.find((v) => v === search.get('view')) ?? 'week';
  const anchor = useMemo(() => parseDayKey(search.get('day')) ?? new Date(), [search]);
  const teamId = search.get('teamId') ?? undefined;
  const userId = search.get('userId') ?? undefined;
  const range = useMemo(() => viewRange(view, anchor), [view, anchor]);
  const events = useEvents({ from: range.from.toISOString(), to: range.to.toISOString(), teamId, userId });
  const [opened, setOpened] = useState<CalendarEventItem | null>(null);
  const [editing, setEditing] = useState<{ event?: CalendarEventItem; start?: Date } | null>(null);
  const [feedOpened, { open: openFeed, close: closeFeed }] = useDisclosure(false);
  const canWrite = can('sales.write');

  const set = useAddressChanges();

  const locale = i18n.language === 'sk' ? 'sk-SK' : 'en-GB';
  const title =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(anchor)
      : view === 'week'
        ? `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(range.days[0])} – ${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(range.days[6])}`
        : new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(anchor);
  const items = events.data?.items ?? [];
  const onSlot = canWrite ? (start: Date) => setEditing({ start }) : undefined;

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        actions={
          <>
            <Button variant="default" leftSection={<IconCalendarShare size={16} aria-hidden />} onClick={openFeed}>
              {t('calendar.feed.open')}
            </Button>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({})}>
                {t('calendar.newEvent')}
              </Button>
            )}
          </>
        }
      />
      <Group justify="space-between" mb="md" wrap="wrap" align="flex-end">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.previous')} onClick={() => set({ day: dayKey(shiftAnchor(view, anchor, -1)) })}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Button variant="default" onClick={() => set({ day: null })}>
            {t('calendar.today')}
          </Button>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.next')} onClick={() => set({ day: dayKey(shiftAnchor(view, anchor, 1)) })}>
            <IconChevronRight size={18} />
          </ActionIcon>
          <Title order={3} size="h4" ml="sm" aria-live="polite">
            {title}
          </Title>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('calendar.filters.team')}
            placeholder={t('calendar.filters.allTeams')}
            data={(me.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId ?? null}
            onChange={(value) => set({ teamId: value })}
            clearable
            size="sm"
            w={180}
          />
          <Select
            label={t('calendar.filters.user')}
            placeholder={t('calendar.filters.allUsers')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={userId ?? null}
            onChange={(value) => set({ userId: value })}
            clearable
            searchable
            size="sm"
            w={200}
          />
          <SegmentedControl
            aria-label={t('calendar.viewLabel')}
            value={view}
            onChange={(value) => set({ view: value === 'week' ? null : value })}
            data={calendarViews.map((v) => ({ value: v, label: t(`calendar.views.${v}`) }))}
          />
        </Group>
      </Group>
      {events.data?.truncated && (
        <Alert color="yellow" mb="md">
          {t('calendar.truncated')}
        </Alert>
      )}
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <PageError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          {items.length === 0 && (
            <Text c="dimmed" size="sm" mb="xs">
              {t('calendar.empty')}
            </Text>
          )}
          {view === 'month' ? (
            <MonthView days={range.days} events={items} onOpen={setOpened} onSlot={onSlot} month={anchor.getMonth()} />
          ) : (
            <TimeGridView key={view} days={range.days} events={items} onOpen={setOpened} onSlot={onSlot} />
          )}
        </>
      )}
      <EventDrawer
        event={opened}
        onClose={() => setOpened(null)}
        onEdit={(event) => {
          setOpened(null);
          setEditing({ event });
        }}
      />
      <EventForm opened={editing !== null} onClose={() => setEditing(null)} event={editing?.event} start={editing?.start} />
      <FeedDialog opened={feedOpened} onClose={closeFeed} />
    </>
  );
};
