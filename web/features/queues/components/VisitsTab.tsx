import { Badge, Button, Center, EmptyState, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff, IconMapPin } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useVisitSchedule, type QueueItem } from '../api.js';
import {
  filterItems,
  formatDay,
  groupByTerritory,
  isFiltered,
  noFilter,
  rulesOf,
  type QueueFilter,
} from '../queue-list.js';
import { NoRules } from './NoRules.js';
import { OutcomeDialog } from './OutcomeDialog.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueTable } from './QueueTable.js';

/** The visit schedule: the next five working days, each day's visits grouped by territory as planned. */
export const VisitsTab = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const territoryLabel = useCodeLabel('distributionTerritory');
  const schedule = useVisitSchedule(null, timeZone);
  const [filter, setFilter] = useState<QueueFilter>(noFilter);
  const [logging, setLogging] = useState<QueueItem | null>(null);
  const days = useMemo(() => schedule.data?.days ?? [], [schedule.data]);
  const all = useMemo(() => days.flatMap((day) => day.visits), [days]);
  const shownDays = useMemo(
    () => days.map((day) => ({ date: day.date, visits: filterItems(day.visits, filter) })),
    [days, filter],
  );
  const shownCount = shownDays.reduce((sum, day) => sum + day.visits.length, 0);
  const now = new Date();

  if (schedule.isPending) return <PageLoader />;
  if (schedule.isError) return <PageError error={schedule.error} onRetry={() => void schedule.refetch()} />;
  if (schedule.data.rules === 0)
    return (
      <Paper withBorder radius="md">
        <NoRules channel="field" />
      </Paper>
    );
  if (all.length === 0)
    return (
      <Paper withBorder radius="md">
        <EmptyState
          py="xl"
          icon={<IconMapPin size={28} aria-hidden />}
          title={t('queues.visits.empty')}
          description={t('queues.visits.emptyHint')}
        />
      </Paper>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {isFiltered(filter)
            ? t('queues.visits.shownFiltered', { count: shownCount, total: all.length })
            : t('queues.visits.shown', { count: all.length })}
        </Text>
        <QueueFilters filter={filter} onChange={setFilter} rules={rulesOf(all)} />
      </Group>
      {shownCount === 0 ? (
        <Paper withBorder radius="md">
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
        </Paper>
      ) : (
        shownDays.map((day) => {
          const label = formatDay(format.locale, day.date);
          const headingId = `visits-${day.date}`;
          return (
            <Stack key={day.date} gap="xs" component="section" aria-labelledby={headingId}>
              <Group gap="sm">
                <Title order={3} size="h4" id={headingId}>
                  {label}
                </Title>
                <Badge variant="light" color={day.visits.length > 0 ? 'blue' : 'gray'}>
                  {t('queues.visits.count', { count: day.visits.length })}
                </Badge>
              </Group>
              <Paper withBorder radius="md" p={0}>
                {day.visits.length === 0 ? (
                  <Center p="md">
                    <Text size="sm" c="dimmed">
                      {t('queues.visits.emptyDay')}
                    </Text>
                  </Center>
                ) : (
                  <QueueTable
                    label={t('queues.visits.tableLabel', { day: label })}
                    groups={groupByTerritory(day.visits).map((group, index) => ({
                      key: `${group.territoryCode ?? ''}-${index}`,
                      label: group.territoryCode
                        ? territoryLabel(group.territoryCode)
                        : t('queues.visits.noTerritory'),
                      items: group.items,
                    }))}
                    now={now}
                    onLog={setLogging}
                  />
                )}
              </Paper>
            </Stack>
          );
        })
      )}
      <OutcomeDialog item={logging} channel="field" onClose={() => setLogging(null)} />
    </Stack>
  );
};
