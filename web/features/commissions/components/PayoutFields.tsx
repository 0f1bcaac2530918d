import { useFormat } from '../../../i18n/format.js';
import { decimalSeparator } from '../../supply-points/decimal-input.js';
import { ActionIcon, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FormOf } from '../../../components/form-types.js';
import { payoutKinds, stagesTotal, triggerEvents, type RuleFormValues } from '../rule-form.js';

type Form = FormOf<RuleFormValues>;

/** A payout trigger: the event, and for "months after start of supply" how many months. */
const TriggerFields = ({ form, path, disabled, label }: { form: Form; path: string; disabled: boolean; label: string }) => {
  const { t } = useTranslation();
  const event = form.getInputProps(`${path}.event`).value as string;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Select
        label={label}
        data={triggerEvents.map((e) => ({ value: e, label: t(`commissions.rules.triggerEvent.${e}`) }))}
        allowDeselect={false}
        disabled={disabled}
        w={240}
        {...form.getInputProps(`${path}.event`)}
      />
      {event === 'monthsAfterSupplyStart' && (
        <NumberInput label={t('commissions.rules.fields.months')} min={1} max={120} allowDecimal={false} disabled={disabled} w={110} {...form.getInputProps(`${path}.months`)} />
      )}
    </Group>
  );
};

/** How a commission is paid out: at once, in instalments, or in stages adding up to 100 %. */
export const PayoutFields = ({ form, disabled }: { form: Form; disabled: boolean }) => {
  const { t } = useTranslation();
  const { payoutKind, stages } = form.values;
  const total = stagesTotal(stages, decimalSeparator(useFormat().locale));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="payout-kind-label">
        {t('commissions.rules.fields.payoutModel')}
      </Text>
      <SegmentedControl
        aria-labelledby="payout-kind-label"
        data={payoutKinds.map((k) => ({ value: k, label: t(`commissions.rules.payoutKind.${k}`) }))}
        disabled={disabled}
        value={payoutKind}
        onChange={(value) => form.setFieldValue('payoutKind', value as RuleFormValues['payoutKind'])}
      />
      {form.errors.payoutKind && (
        <Text size="xs" c="red">
          {form.errors.payoutKind}
        </Text>
      )}
      {payoutKind === 'oneOff' && <TriggerFields form={form} path="trigger" disabled={disabled} label={t('commissions.rules.fields.trigger')} />}
      {payoutKind === 'instalments' && (
        <Group gap="xs" align="flex-start">
          <NumberInput label={t('commissions.rules.fields.count')} min={2} max={120} allowDecimal={false} disabled={disabled} w={130} {...form.getInputProps('count')} />
          <NumberInput label={t('commissions.rules.fields.everyMonths')} min={1} max={12} allowDecimal={false} disabled={disabled} w={150} {...form.getInputProps('everyMonths')} />
          <TriggerFields form={form} path="trigger" disabled={disabled} label={t('commissions.rules.fields.firstTrigger')} />
        </Group>
      )}
      {payoutKind === 'multiStage' && (
        <Stack gap="xs" role="group" aria-label={t('commissions.rules.fields.stages')}>
          {stages.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label={t('commissions.rules.fields.stagePercent', { n: i + 1 })}
                rightSection="%"
                inputMode="decimal"
                disabled={disabled}
                w={150}
                {...form.getInputProps(`stages.${i}.percent`)}
              />
              <TriggerFields form={form} path={`stages.${i}.trigger`} disabled={disabled} label={t('commissions.rules.fields.stageTrigger', { n: i + 1 })} />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                disabled={disabled || stages.length <= 2}
                aria-label={t('commissions.rules.removeStage', { n: i + 1 })}
                onClick={() => form.removeListItem('stages', i)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={disabled || stages.length >= 12}
              onClick={() => form.insertListItem('stages', { percent: '', trigger: { event: 'monthsAfterSupplyStart', months: 12 } })}
            >
              {t('commissions.rules.addStage')}
            </Button>
            <Text size="xs" c={total === 100 ? 'dimmed' : 'orange.8'}>
              {t('commissions.rules.stagesTotal', { total: total ?? '—' })}
            </Text>
          </Group>
          {form.errors.stages && (
            <Text size="xs" c="red" role="alert">
              {form.errors.stages}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
};
