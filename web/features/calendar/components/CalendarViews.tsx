import { Box, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEventItem } from '../api.js';
import { dayKey, eventsOnDay, layoutDay, startOfDay } from '../calendar-grid.js';

type ViewProps = {
  days: Date[];
  events: CalendarEventItem[];
  onOpen: (event: CalendarEventItem) => void;
  /** A click on an empty slot: a new event there. */
  onSlot?: ((start: Date) => void) | undefined;
};

const hourHeight = 44;
const isToday = (day: Date) => dayKey(day) === dayKey(new Date());

const timeFormat = (language: string) => new Intl.DateTimeFormat(language === 'sk' ? 'sk-SK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** Meetings (events of an activity) in violet, events entered by hand in blue. */
const colorOf = (event: CalendarEventItem) => (event.activityId ? 'grape' : 'blue');

const Chip = ({ event, onOpen, showTime }: { event: CalendarEventItem; onOpen: (event: CalendarEventItem) => void; showTime: boolean }) => {
  const { i18n } = useTranslation();
  const color = colorOf(event);
  return (
    <UnstyledButton
      onClick={(e) => {
        e.stopPropagation();
        onOpen(event);
      }}
      px={6}
      py={2}
      style={{
        borderRadius: 4,
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
        fontSize: 'var(--mantine-font-size-xs)',
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        textOverflow: 'ellipsis',
        display: 'block',
        width: '100%',
      }}
      title={event.title}
    >
      {showTime && !event.allDay && <strong>{timeFormat(i18n.language).format(new Date(event.startAt))} </strong>}
      {event.title}
    </UnstyledButton>
  );
};

const weekdayFormat = (language: string, style: 'short' | 'long') =>
  new Intl.DateTimeFormat(language === 'sk' ? 'sk-SK' : 'en-GB', { weekday: style, day: 'numeric', month: style === 'long' ? 'long' : 'numeric' });

/** The month: weeks of days with their events as chips (at most four, then "+n more"). */
export const MonthView = ({ days, events, onOpen, onSlot, month }: ViewProps & { month: number }) => {
  const { t, i18n } = useTranslation();
  const names = days.slice(0, 7).map((d) => new Intl.DateTimeFormat(i18n.language === 'sk' ? 'sk-SK' : 'en-GB', { weekday: 'short' }).format(d));
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <SimpleGrid cols={7} spacing={0}>
        {names.map((name) => (
          <Text key={name} size="xs" fw={700} c="dimmed" ta="center" py={4} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            {name}
          </Text>
        ))}
        {days.map((day) => {
          const dayEvents = eventsOnDay(events, day).sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.startAt.localeCompare(b.startAt));
          return (
            <Box
              key={dayKey(day)}
              mih={104}
              p={4}
              onClick={onSlot ? () => onSlot(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9)) : undefined}
              style={{
                borderRight: '1px solid var(--mantine-color-default-border)',
                borderBottom: '1px solid var(--mantine-color-default-border)',
                background: day.getMonth() !== month ? 'var(--mantine-color-default-hover)' : undefined,
                cursor: onSlot ? 'pointer' : undefined,
              }}
            >
              <Text size="xs" fw={isToday(day) ? 800 : 500} c={isToday(day) ? 'blue' : day.getMonth() !== month ? 'dimmed' : undefined} mb={2}>
                {day.getDate()}
              </Text>
              <Stack gap={2}>
                {dayEvents.slice(0, 4).map((event) => (
                  <Chip key={event.id} event={event} onOpen={onOpen} showTime />
                ))}
                {dayEvents.length > 4 && (
                  <Text size="xs" c="dimmed">
                    {t('calendar.more', { count: dayEvents.length - 4 })}
                  </Text>
                )}
              </Stack>
            </Box>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
};

/** Day and week: a column per day with all-day events on top and timed ones placed by the hour. */
export const TimeGridView = ({ days, events, onOpen, onSlot }: ViewProps) => {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Open at the working day, not at midnight.
    scroller.current?.scrollTo({ top: 7 * hourHeight });
  }, []);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const hourLabel = (h: number) => timeFormat(i18n.language).format(new Date(2000, 0, 1, h));
  const label = weekdayFormat(i18n.language, days.length === 1 ? 'long' : 'short');
  const columns = `56px repeat(${days.length}, 1fr)`;
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <Box style={{ display: 'grid', gridTemplateColumns: columns, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="xs" c="dimmed" p={4}>
          {t('calendar.allDay')}
        </Text>
        {days.map((day) => (
          <Stack key={dayKey(day)} gap={2} p={4} style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" fw={isToday(day) ? 800 : 600} c={isToday(day) ? 'blue' : undefined}>
              {label.format(day)}
            </Text>
            {eventsOnDay(events, day)
              .filter((e) => e.allDay)
              .map((event) => (
                <Chip key={event.id} event={event} onOpen={onOpen} showTime={false} />
              ))}
          </Stack>
        ))}
      </Box>
      <ScrollArea h={560} viewportRef={scroller}>
        <Box style={{ display: 'grid', gridTemplateColumns: columns, position: 'relative' }}>
          <Box>
            {hours.map((h) => (
              <Text key={h} size="xs" c="dimmed" h={hourHeight} pr={4} ta="right">
                {hourLabel(h)}
              </Text>
            ))}
          </Box>
          {days.map((day) => (
            <Box key={dayKey(day)} pos="relative" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
              {hours.map((h) => (
                <Box
                  key={h}
                  h={hourHeight}
                  onClick={onSlot ? () => onSlot(new Date(startOfDay(day).getFullYear(), day.getMonth(), day.getDate(), h)) : undefined}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)', cursor: onSlot ? 'pointer' : undefined }}
                />
              ))}
              {layoutDay(events, day).map(({ event, top, height, column, columns: count }) => (
                <Box
                  key={event.id}
                  pos="absolute"
                  top={(top / 60) * hourHeight}
                  h={Math.max((height / 60) * hourHeight - 2, 16)}
                  left={`calc(${(100 / count) * column}% + 2px)`}
                  w={`calc(${100 / count}% - 4px)`}
                >
                  <UnstyledButton
                    onClick={() => onOpen(event)}
                    h="100%"
                    w="100%"
                    px={6}
                    style={{
                      borderRadius: 4,
                      borderLeft: `3px solid var(--mantine-color-${colorOf(event)}-filled)`,
                      background: `var(--mantine-color-${colorOf(event)}-light)`,
                      overflow: 'hidden',
                      fontSize: 'var(--mantine-font-size-xs)',
                    }}
                    title={event.title}
                  >
                    <Group gap={4} wrap="nowrap">
                      <strong>{timeFormat(i18n.language).format(new Date(event.startAt))}</strong>
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{event.title}</span>
                    </Group>
                  </UnstyledButton>
                </Box>
              ))}
            </Box>
          ))}
        </Box>
      </ScrollArea>
    </Paper>
  );
};
