import { ActionIcon, Anchor, Group, Menu, Table, Text } from '@mantine/core';
import { IconCheck, IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import type { ActivityItem, ActivitySortField } from '../api.js';
import { DueText, KindLabel, LinksCell, StatusBadge } from './display.js';
import { sortableHeaders } from '../../../components/SortableTh.js';
import { activityOrder } from '../list-params.js';

type ActivityTableProps = {
  activities: ActivityItem[];
  sort: string | undefined;
  onSort: (field: ActivitySortField) => void;
  /** Offered on open activities the user may change. */
  onStep?: ((step: 'complete' | 'cancel' | 'archive', activity: ActivityItem) => void) | undefined;
};

export const ActivityTable = ({ activities, sort, onSort, onStep }: ActivityTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const th = sortableHeaders(activityOrder.parse(sort), onSort);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped="even" aria-label={t('activities.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('kind', t('activities.fields.kind'))}
            {th('subject', t('activities.fields.subject'))}
            {th('startAt', t('activities.fields.startAt'))}
            {th('dueAt', t('activities.fields.dueAt'))}
            {th('status', t('activities.fields.status'))}
            <Table.Th>{t('activities.fields.responsibleUser')}</Table.Th>
            <Table.Th>{t('activities.list.links')}</Table.Th>
            {onStep && <Table.Th aria-label={t('activities.list.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id} onClick={() => void navigate(`/activities/${activity.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <KindLabel kind={activity.kind} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/activities/${activity.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {activity.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(activity.startAt)}</Text>
              </Table.Td>
              <Table.Td>
                <DueText activity={activity} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={activity.status} overdue={activity.isOverdue} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{activity.responsibleUser?.name ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <LinksCell activity={activity} />
              </Table.Td>
              {onStep && (
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  {activity.status === 'open' && !activity.archivedAt ? (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="light" color="teal" aria-label={t('activities.myDay.complete', { subject: activity.subject })} onClick={() => onStep('complete', activity)}>
                        <IconCheck size={16} />
                      </ActionIcon>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('activities.list.actions')}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => onStep('cancel', activity)}>{t('activities.actions.cancel')}</Menu.Item>
                          <Menu.Item color="red" onClick={() => onStep('archive', activity)}>
                            {t('activities.actions.archive')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  ) : null}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
