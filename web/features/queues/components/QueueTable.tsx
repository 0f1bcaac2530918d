import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconPhone } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { QueueItem } from '../api.js';
import { isOverdue, recordPath, telHref, type QueueSort, type QueueSortField } from '../queue-list.js';
import { PriorityBadge } from './PriorityBadge.js';
import { sortableHeaders } from '../../../components/SortableTh.js';

const NextActivity = ({ at, now }: { at: string | null; now: Date }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (at === null)
    return (
      <Text size="sm" c="dimmed">
        {t('queues.list.notPlanned')}
      </Text>
    );
  if (!isOverdue(at, now)) return <Text size="sm">{format.dateTime(at)}</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={4} wrap="nowrap">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-hidden />
        <Text size="sm" c="red.7" fw={600}>
          {format.dateTime(at)}
        </Text>
      </Group>
      <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
        {t('queues.list.overdue')}
      </Badge>
    </Stack>
  );
};

const Row = ({ item, now, onLog }: { item: QueueItem; now: Date; onLog: (item: QueueItem) => void }) => {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={recordPath(item)} fw={500}>
            {item.name}
          </Anchor>
          <Badge
            size="xs"
            variant="outline"
            color={item.recordType === 'case' ? 'indigo' : 'grape'}
            style={{ flexShrink: 0 }}
          >
            {t(`queues.recordTypes.${item.recordType}`)}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        {item.clientId && item.clientName ? (
          <Anchor component={Link} to={`/clients/${item.clientId}`} size="sm">
            {item.clientName}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {item.phone ? (
          <Anchor href={telHref(item.phone)} size="sm" style={{ whiteSpace: 'nowrap' }}>
            <Group gap={4} wrap="nowrap" component="span">
              <IconPhone size={14} aria-hidden style={{ flexShrink: 0 }} />
              {item.phone}
            </Group>
          </Anchor>
        ) : item.clientId ? (
          <Anchor component={Link} to={`/clients/${item.clientId}`} size="sm" c="dimmed">
            {t('queues.list.phoneOnClient')}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{item.city ?? '—'}</Table.Td>
      <Table.Td>
        <PriorityBadge priority={item.priority} />
      </Table.Td>
      <Table.Td>
        <NextActivity at={item.nextActivityAt} now={now} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.ruleName}</Text>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          onClick={() => onLog(item)}
          aria-label={t('queues.outcome.openNamed', { name: item.name })}
        >
          {t('queues.outcome.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
};

const columnWidths = ['21%', '15%', '15%', '7%', '8%', '16%', '13%', '170px'];

export type QueueGroup = { key: string; label: string | null; items: QueueItem[] };

type QueueTableProps = {
  label: string;
  groups: QueueGroup[];
  now: Date;
  onLog: (item: QueueItem) => void;
  /** Column sorting; without it the columns keep the planned order. */
  sort?: QueueSort;
  onSort?: (field: QueueSortField) => void;
};

/** Queue items with their contact details, priority, next activity and rule, and the "log outcome" action. */
export const QueueTable = ({ label, groups, now, onLog, sort = null, onSort }: QueueTableProps) => {
  const { t } = useTranslation();
  // Without onSort the headers are plain.
  const th = sortableHeaders(sort, onSort);
  return (
    <Table.ScrollContainer minWidth={980}>
      {/* Fixed widths, so the tables of the visit days line up under each other. */}
      <Table highlightOnHover striped="even" aria-label={label} layout="fixed">
        <colgroup>
          {columnWidths.map((width, index) => (
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('queues.fields.name'))}
            {th('clientName', t('queues.fields.client'))}
            <Table.Th>{t('queues.fields.phone')}</Table.Th>
            {th('city', t('queues.fields.city'))}
            {th('priority', t('queues.fields.priority'))}
            {th('nextActivityAt', t('queues.fields.nextActivityAt'))}
            <Table.Th>{t('queues.fields.rule')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.key}>
              {group.label !== null && (
                <Table.Tr>
                  <Table.Th colSpan={8} scope="colgroup" bg="var(--mantine-color-gray-0)">
                    <Text size="sm" fw={600}>
                      {t('queues.visits.territoryGroup', {
                        territory: group.label,
                        count: group.items.length,
                      })}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              )}
              {group.items.map((item) => (
                <Row key={`${item.recordType}-${item.id}`} item={item} now={now} onLog={onLog} />
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
