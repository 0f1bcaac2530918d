import {
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconFilterOff, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useTeams } from '../admin/api.js';
import { useCodeLabel } from '../code-lists/api.js';
import { useQueueRules, useSaveQueueRule, type QueueChannel, type QueueRule } from './api.js';
import { QueueRuleForm } from './QueueRuleForm.js';
import { nextPosition } from './rule-form.js';

const ActiveToggle = ({ rule }: { rule: QueueRule }) => {
  const { t } = useTranslation();
  const save = useSaveQueueRule(rule, {
    onSuccess: (saved) =>
      notifySuccess(
        saved.isActive
          ? t('queues.rules.activated', { name: saved.name })
          : t('queues.rules.deactivated', { name: saved.name }),
      ),
  });
  const toggle = () =>
    save.mutate({ isActive: !rule.isActive }, { onError: (error) => notifyError(t, error) });
  const confirm = () =>
    modals.openConfirmModal({
      title: t('queues.rules.deactivateTitle'),
      children: <Text size="sm">{t('queues.rules.deactivateText', { name: rule.name })}</Text>,
      labels: { confirm: t('queues.rules.deactivate'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: toggle,
    });
  return (
    <Button
      size="xs"
      variant="subtle"
      color={rule.isActive ? 'red' : undefined}
      loading={save.isPending}
      onClick={rule.isActive ? confirm : toggle}
      aria-label={
        rule.isActive
          ? t('queues.rules.deactivateNamed', { name: rule.name })
          : t('queues.rules.activateNamed', { name: rule.name })
      }
    >
      {rule.isActive ? t('queues.rules.deactivate') : t('queues.rules.activate')}
    </Button>
  );
};

/**
 * Administration of work-queue rules (SALES-7): which open leads and cases a team works by phone or in the field, by
 * record type, territory and priority, and how many a day. Rules are tried in the order shown.
 */
export const QueueRulesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const rules = useQueueRules();
  const teams = useTeams();
  const territoryLabel = useCodeLabel('distributionTerritory');
  const [channel, setChannel] = useState<QueueChannel | null>(null);
  const [showInactive, setShowInactive] = useState(true);
  const [editing, setEditing] = useState<QueueRule | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (rule: QueueRule | null) => {
    setEditing(rule);
    setOpened(true);
  };
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? '—';
  const all = rules.data ?? [];
  const shown = all.filter(
    (rule) => (channel === null || rule.channel === channel) && (showInactive || rule.isActive),
  );
  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
      {t('queues.rules.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('queues.rules.title')}
        description={t('queues.rules.description')}
        actions={createButton}
      />
      <Group mb="sm" gap="lg" align="center">
        <SegmentedControl
          aria-label={t('queues.rules.fields.channel')}
          value={channel ?? 'all'}
          onChange={(value) => setChannel(value === 'all' ? null : (value as QueueChannel))}
          data={[
            { value: 'all', label: t('queues.rules.allChannels') },
            { value: 'phone', label: t('queues.channels.rule.phone') },
            { value: 'field', label: t('queues.channels.rule.field') },
          ]}
        />
        <Switch
          label={t('queues.rules.showInactive')}
          checked={showInactive}
          onChange={(event) => setShowInactive(event.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder radius="md">
        {rules.isPending ? (
          <PageLoader />
        ) : rules.isError ? (
          <PageError error={rules.error} onRetry={() => void rules.refetch()} />
        ) : all.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconListCheck size={28} aria-hidden />}
            title={t('queues.rules.empty')}
            description={t('queues.rules.emptyHint')}
          >
            <EmptyState.Actions>{createButton}</EmptyState.Actions>
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState
            py="xl"
            icon={<IconFilterOff size={28} aria-hidden />}
            title={t('queues.rules.emptyFiltered')}
          >
            <EmptyState.Actions>
              <Button
                variant="light"
                onClick={() => {
                  setChannel(null);
                  setShowInactive(true);
                }}
              >
                {t('queues.filters.clear')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table highlightOnHover aria-label={t('queues.rules.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queues.rules.fields.position')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.name')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.channel')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.team')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.recordTypes')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.territoryCodes')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.maxPriority')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.dailyCapacity')}</Table.Th>
                  <Table.Th>{t('queues.rules.fields.isActive')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((rule) => (
                  <Table.Tr key={rule.id} c={rule.isActive ? undefined : 'dimmed'}>
                    <Table.Td>{rule.position}</Table.Td>
                    <Table.Td fw={500}>{rule.name}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        size="sm"
                        color={rule.channel === 'phone' ? 'blue' : 'grape'}
                        style={{ minWidth: 'max-content' }}
                      >
                        {t(`queues.channels.rule.${rule.channel}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{teamName(rule.teamId)}</Table.Td>
                    <Table.Td>
                      {format.list(rule.recordTypes.map((type) => t(`queues.recordTypesPlural.${type}`)))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {rule.territoryCodes.length === 0
                          ? t('queues.rules.allTerritories')
                          : format.list(rule.territoryCodes.map(territoryLabel))}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {rule.maxPriority === 1
                        ? t('queues.rules.priorityOnly')
                        : t('queues.rules.priorityUpTo', { max: rule.maxPriority })}
                    </Table.Td>
                    <Table.Td>{t('queues.rules.perDay', { count: rule.dailyCapacity })}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={rule.isActive ? 'teal' : 'gray'}
                        variant="light"
                        size="sm"
                        style={{ minWidth: 'max-content' }}
                      >
                        {rule.isActive ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => open(rule)}
                          aria-label={t('queues.rules.editNamed', { name: rule.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <ActiveToggle rule={rule} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <QueueRuleForm
        opened={opened}
        rule={editing}
        position={nextPosition(all)}
        onClose={() => setOpened(false)}
      />
    </>
  );
};
