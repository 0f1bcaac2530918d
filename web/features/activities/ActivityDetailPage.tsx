import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconCheck, IconMail, IconPencil, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { translateCode } from '../../components/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { ActivityForm } from './ActivityForm.js';
import { useActivity, useActivityHistory, type ActivityItem } from './api.js';
import { ActivityHistory } from './components/ActivityHistory.js';
import { useActivitySteps } from './components/ActivitySteps.js';
import { DueText, KindLabel, LinksCell, StatusBadge } from './components/display.js';

const tabs = ['overview', 'history'] as const;

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={2}>
    <Text size="xs" c="dimmed" fw={600} tt="uppercase">
      {label}
    </Text>
    <div>{children ?? '—'}</div>
  </Stack>
);

const Overview = ({ activity }: { activity: ActivityItem }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <Field label={t('activities.fields.kind')}>
          <KindLabel kind={activity.kind} />
        </Field>
        <Field label={t('activities.fields.status')}>
          <StatusBadge status={activity.status} overdue={activity.isOverdue} />
        </Field>
        <Field label={t('activities.fields.responsibleUser')}>
          <Text size="sm">{activity.responsibleUser?.name ?? '—'}</Text>
        </Field>
        <Field label={t('activities.fields.startAt')}>
          <Text size="sm">{format.dateTime(activity.startAt)}</Text>
        </Field>
        <Field label={t('activities.fields.dueAt')}>
          <DueText activity={activity} />
        </Field>
        <Field label={t('activities.fields.location')}>
          <Text size="sm">{activity.location ?? '—'}</Text>
        </Field>
        <Field label={t('activities.list.links')}><LinksCell activity={activity} /></Field>
        {activity.completedAt && (
          <Field label={t('activities.fields.completedAt')}>
            <Text size="sm">{format.dateTime(activity.completedAt)}</Text>
          </Field>
        )}
        {activity.outcome && (
          <Field label={t('activities.fields.outcome')}>
            <Text size="sm">{translateCode(t, 'activities.outcomes', activity.outcome) ?? activity.outcome}</Text>
          </Field>
        )}
        {activity.departmentEmail && (
          <Field label={t('activities.fields.departmentEmail')}>
            <Group gap={6}>
              <IconMail size={14} aria-hidden />
              <Text size="sm">{activity.departmentEmail}</Text>
              <Badge variant="light" color={activity.emailedAt ? 'teal' : 'yellow'}>
                {activity.emailedAt ? t('activities.detail.emailSent', { at: format.dateTime(activity.emailedAt) }) : t('activities.detail.emailPending')}
              </Badge>
            </Group>
          </Field>
        )}
      </SimpleGrid>
      {activity.description && (
        <Stack gap={2} mt="lg">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('activities.fields.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {activity.description}
          </Text>
        </Stack>
      )}
      {activity.outcomeNote && (
        <Stack gap={2} mt="lg">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('activities.fields.outcomeNote')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {activity.outcomeNote}
          </Text>
        </Stack>
      )}
    </Paper>
  );
};

/** One activity: what, when, for whom and linked to what, with its steps (complete, cancel, archive) and history. */
export const ActivityDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const tab = tabs.find((value) => value === search.get('tab')) ?? 'overview';
  const activity = useActivity(id);
  const history = useActivityHistory(id);
  const steps = useActivitySteps();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);

  if (activity.isPending) return <PageLoader />;
  if (activity.isError) return <PageError error={activity.error} onRetry={() => void activity.refetch()} />;
  const current = activity.data;
  const canWrite = can('sales.write') && !current.archivedAt;
  const isOpen = current.status === 'open';

  return (
    <>
      <Anchor component={Link} to="/activities" size="sm">
        ← {t('activities.detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            {current.subject}
            {current.archivedAt && (
              <Badge color="gray" variant="outline">
                {t('activities.list.archived')}
              </Badge>
            )}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={openEdit}>
                {t('activities.actions.edit')}
              </Button>
              {isOpen && (
                <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => steps.start('complete', current)}>
                  {t('activities.actions.complete')}
                </Button>
              )}
              {isOpen && (
                <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => steps.start('cancel', current)}>
                  {t('activities.actions.cancel')}
                </Button>
              )}
              <Button variant="subtle" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => steps.start('archive', current)}>
                {t('activities.actions.archive')}
              </Button>
            </>
          )
        }
      />
      <Tabs value={tab} onChange={(value) => setSearch(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`activities.detail.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview activity={current} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ActivityHistory history={history} />
        </Tabs.Panel>
      </Tabs>
      {steps.dialog}
      <ActivityForm
        opened={editing}
        onClose={closeEdit}
        activity={current}
        links={{ client: current.client, case: current.case, lead: current.lead }}
      />
    </>
  );
};
