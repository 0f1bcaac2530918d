import { ActionIcon, Button, Center, EmptyState, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFilterOff, IconPhoneCall } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../domain/activities/days.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCallList, type QueueItem } from '../api.js';
import {
  dateFromAddress,
  filterItems,
  formatDay,
  isFiltered,
  nextQueueSort,
  noFilter,
  rulesOf,
  sortItems,
  todayIn,
  type QueueFilter,
  type QueueSort,
} from '../queue-list.js';
import { NoRules } from './NoRules.js';
import { OutcomeDialog } from './OutcomeDialog.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueTable } from './QueueTable.js';

type CallListTabProps = {
  /** The day asked for in the address; null is today. */
  date: string | null;
  onDateChange: (date: string | null) => void;
  timeZone: string;
};

/** The day's call list: due leads and cases in queue order, a day picker to look ahead, and the outcome action. */
export const CallListTab = ({ date, onDateChange, timeZone }: CallListTabProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIn(timeZone);
  // A day in the past has nothing left to plan: the list starts today.
  const day = date !== null && date > today ? date : null;
  const list = useCallList(day, timeZone);
  const [filter, setFilter] = useState<QueueFilter>(noFilter);
  const [sort, setSort] = useState<QueueSort>(null);
  const [logging, setLogging] = useState<QueueItem | null>(null);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const shown = useMemo(
    () => sortItems(filterItems(items, filter), sort, format.locale),
    [items, filter, sort, format.locale],
  );
  const now = new Date();
  const shownDay = day ?? today;
  const isToday = shownDay === today;
  const setDay = (value: string | null) => onDateChange(value === null || value <= today ? null : value);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('queues.calls.previousDay')}
            disabled={isToday}
            onClick={() => setDay(addDays(shownDay, -1))}
          >
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <TextInput
            label={t('queues.calls.day')}
            type="date"
            min={today}
            value={shownDay}
            onChange={(event) => setDay(dateFromAddress(event.currentTarget.value))}
            w={170}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('queues.calls.nextDay')}
            onClick={() => setDay(addDays(shownDay, 1))}
          >
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          {!isToday && (
            <Button variant="subtle" onClick={() => setDay(null)}>
              {t('queues.calls.today')}
            </Button>
          )}
        </Group>
        {items.length > 0 && <QueueFilters filter={filter} onChange={setFilter} rules={rulesOf(items)} />}
      </Group>
      <Paper withBorder radius="md" p={0}>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <Center p="md">
            <PageError error={list.error} onRetry={() => void list.refetch()} />
          </Center>
        ) : list.data.rules === 0 ? (
          <NoRules channel="phone" />
        ) : items.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconPhoneCall size={28} aria-hidden />}
            title={
              isToday
                ? t('queues.calls.emptyToday')
                : t('queues.calls.emptyDay', { day: formatDay(format.locale, shownDay) })
            }
            description={t('queues.calls.emptyHint')}
          />
        ) : shown.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconFilterOff size={28} aria-hidden />}
            title={t('queues.filters.emptyFiltered')}
            description={t('queues.filters.emptyFilteredHint')}
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={() => setFilter(noFilter)}>
                {t('queues.filters.clear')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <QueueTable
            label={t('queues.calls.tableLabel', { day: formatDay(format.locale, shownDay) })}
            groups={[{ key: 'all', label: null, items: shown }]}
            now={now}
            onLog={setLogging}
            sort={sort}
            onSort={(field) => setSort(nextQueueSort(sort, field))}
          />
        )}
      </Paper>
      {list.data && items.length > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {isFiltered(filter)
              ? t('queues.calls.shownFiltered', { count: shown.length, total: items.length })
              : t('queues.calls.shown', { count: items.length })}
          </Text>
          {sort && (
            <Button variant="subtle" size="xs" onClick={() => setSort(null)}>
              {t('queues.list.queueOrder')}
            </Button>
          )}
        </Group>
      )}
      <OutcomeDialog item={logging} channel="phone" onClose={() => setLogging(null)} />
    </Stack>
  );
};
