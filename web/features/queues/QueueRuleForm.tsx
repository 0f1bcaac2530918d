import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { useOwners, useTeams } from '../admin/api.js';
import { useCan } from '../auth/api.js';
import { labelOf, useCodeList } from '../code-lists/api.js';
import { queueChannels, queueKeys, queueRecordTypes, useSaveQueueRule, type QueueRule } from './api.js';
import { queueRuleMessage } from './messages.js';
import {
  checkRule,
  deactivates,
  fieldOfPath,
  ruleLimits,
  ruleValues,
  toRuleBody,
  type RuleValues,
} from './rule-form.js';

/** Teams to choose from: the active ones and the rule's own; grouped by owner company when there are several. */
const useTeamOptions = (current: string | null) => {
  const can = useCan();
  const teams = useTeams();
  const owners = useOwners(can('admin.owners'));
  const usable = (teams.data ?? []).filter((team) => team.isActive || team.id === current);
  const ownerIds = [...new Set(usable.map((team) => team.ownerId))];
  if (ownerIds.length <= 1 || !owners.data)
    return usable.map((team) => ({ value: team.id, label: team.name }));
  return ownerIds.map((ownerId) => ({
    group: owners.data.find((owner) => owner.id === ownerId)?.name ?? ownerId,
    items: usable
      .filter((team) => team.ownerId === ownerId)
      .map((team) => ({ value: team.id, label: team.name })),
  }));
};

/** Territories of the code list: the active ones and any the rule already names. */
const useTerritoryOptions = (current: string[]) => {
  const { i18n } = useTranslation();
  const { data = [] } = useCodeList('distributionTerritory');
  return data
    .filter((item) => item.isActive || current.includes(item.code))
    .map((item) => ({ value: item.code, label: labelOf(item, i18n.language) }));
};

const QueueRuleFormBody = ({
  rule,
  position,
  onClose,
}: {
  rule: QueueRule | null;
  position: number;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveQueueRule(rule, { onSuccess: onClose });
  const form = useForm<RuleValues>({
    initialValues: ruleValues(rule, position),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(checkRule(values)).map(([field, problem]) => [
          field,
          queueRuleMessage(t, problem.code, problem.params),
        ]),
      ),
  });
  const problems = useFormProblems(form, fieldOfPath, ({ code }) => queueRuleMessage(t, code));
  const teamOptions = useTeamOptions(rule?.teamId ?? null);
  const territoryOptions = useTerritoryOptions(form.values.territoryCodes);

  const send = (values: RuleValues) => {
    problems.clear();
    save.mutate(toRuleBody(values), { onError: problems.show });
  };

  const submit = form.onSubmit((values) => {
    if (!deactivates(rule, values)) return send(values);
    modals.openConfirmModal({
      title: t('queues.rules.deactivateTitle'),
      children: <Text size="sm">{t('queues.rules.deactivateText', { name: values.name.trim() })}</Text>,
      labels: { confirm: t('queues.rules.deactivate'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => send(values),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={() => {
            void queryClient.invalidateQueries({ queryKey: queueKeys.rules });
            onClose();
          }}
        />
        <TextInput
          label={t('queues.rules.fields.name')}
          required
          maxLength={ruleLimits.nameMaxLength}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="queue-rule-channel">
            {t('queues.rules.fields.channel')}
          </Text>
          <SegmentedControl
            aria-labelledby="queue-rule-channel"
            data={queueChannels.map((channel) => ({
              value: channel,
              label: t(`queues.channels.rule.${channel}`),
            }))}
            {...form.getInputProps('channel')}
          />
        </Stack>
        <Select
          label={t('queues.rules.fields.team')}
          description={t('queues.rules.hints.team')}
          data={teamOptions}
          searchable
          required
          allowDeselect={false}
          nothingFoundMessage={t('queues.rules.noTeams')}
          {...form.getInputProps('teamId')}
        />
        <Checkbox.Group
          label={t('queues.rules.fields.recordTypes')}
          required
          {...form.getInputProps('recordTypes')}
        >
          <Group gap="lg" mt={6}>
            {queueRecordTypes.map((type) => (
              <Checkbox key={type} value={type} label={t(`queues.recordTypesPlural.${type}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('queues.rules.fields.territoryCodes')}
          description={t('queues.rules.hints.territoryCodes')}
          placeholder={form.values.territoryCodes.length === 0 ? t('queues.rules.allTerritories') : undefined}
          data={territoryOptions}
          searchable
          clearable
          {...form.getInputProps('territoryCodes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t('queues.rules.fields.maxPriority')}
            description={t('queues.rules.hints.maxPriority')}
            min={ruleLimits.maxPriority.min}
            max={ruleLimits.maxPriority.max}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('maxPriority')}
          />
          <NumberInput
            label={t('queues.rules.fields.dailyCapacity')}
            description={t('queues.rules.hints.dailyCapacity')}
            min={ruleLimits.dailyCapacity.min}
            max={ruleLimits.dailyCapacity.max}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('dailyCapacity')}
          />
          <NumberInput
            label={t('queues.rules.fields.position')}
            description={t('queues.rules.hints.position')}
            min={ruleLimits.position.min}
            max={ruleLimits.position.max}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps('position')}
          />
        </SimpleGrid>
        <Switch
          label={t('queues.rules.fields.isActive')}
          description={t('queues.rules.hints.isActive')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
        <FormActions
          onCancel={onClose}
          pending={save.isPending}
          submitLabel={rule ? t('common.save') : t('queues.rules.create')}
        />
      </Stack>
    </form>
  );
};

/** Creates or edits a work-queue rule; switching an active rule off asks first. */
export const QueueRuleForm = ({
  opened,
  rule,
  position,
  onClose,
}: {
  opened: boolean;
  rule: QueueRule | null;
  /** Position offered to a new rule: after the existing ones. */
  position: number;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={rule ? t('queues.rules.editTitle', { name: rule.name }) : t('queues.rules.createTitle')}
      size="lg"
    >
      <QueueRuleFormBody rule={rule} position={position} onClose={onClose} />
    </FormModal>
  );
};
