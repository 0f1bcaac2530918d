import { useFormat } from '../../../i18n/format.js';
import { decimalSeparator } from '../../supply-points/decimal-input.js';
import { Alert, Divider, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, ruleMessage, translateCode } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { localToday } from '../../contracts/list-params.js';
import { clawbackPolicies, commissionKinds, useSaveRule, type Rule } from '../api.js';
import { basisKinds, checkRuleForm, fieldOfPath, ruleFormValues, toRuleBody, toRuleUpdate, type RuleFormValues } from '../rule-form.js';
import { PayoutFields } from './PayoutFields.js';
import { ScopeFields } from './ScopeFields.js';

const formFields = new Set([
  'kind', 'name', 'productId', 'supplier', 'clientKind', 'consumptionKind', 'bands', 'fromMWh', 'toMWh', 'validFrom', 'validTo', 'basisValue', 'payoutKind', 'trigger.months', 'count', 'everyMonths', 'stages', 'clawback',
]);
const isFormField = (field: string) => formFields.has(field) || /^stages\.\d+\.(percent|trigger\.months)$/.test(field);
/** The input that shows a problem at the API's path, if the form has one. */
const inputOf = (path: string) => {
  const field = fieldOfPath(path);
  return isFormField(field) ? field : null;
};

const RuleFormBody = ({ rule, onClose }: { rule: Rule | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const separator = decimalSeparator(useFormat().locale);
  const locked = Boolean(rule?.inUse);
  const save = useSaveRule();
  // The rule form's own codes (overlaps_rule, stages_not_100) first, then the shared field messages.
  // (`too_few` would read as a plural form of `too`, so its text is under another key.)
  const message = (code: string) => translateCode(t, 'commissions.rules.errors', code === 'too_few' ? 'tooFewStages' : code) ?? ruleMessage(t, code);
  const form = useForm<RuleFormValues>({
    initialValues: ruleFormValues(rule, localToday()),
    validate: (values) => (locked ? {} : Object.fromEntries(Object.entries(checkRuleForm(values, separator)).map(([field, code]) => [field, message(code)]))),
  });
  const problems = useFormProblems(form, inputOf, ({ code }) => message(code));

  const submit = form.onSubmit((values) => {
    problems.clear();
    const onSuccess = () => {
      notifySuccess(t('commissions.rules.saved'));
      onClose();
    };
    save.mutate({ id: rule?.id ?? null, body: rule ? toRuleUpdate(values, locked, separator) : toRuleBody(values, separator), version: rule?.version ?? 0 }, { onError: problems.show, onSuccess });
  });
  const basisKind = form.values.basisKind;

  return (
    <form onSubmit={submit} noValidate aria-label={t('commissions.rules.formLabel')}>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        {locked && (
          <Alert color="blue" icon={<IconLock size={18} aria-hidden />}>
            {t('commissions.rules.inUseHint')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('commissions.fields.kind')}
            data={commissionKinds.map((k) => ({ value: k, label: t(`commissions.kind.${k}`) }))}
            allowDeselect={false}
            disabled={locked}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('commissions.rules.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        </SimpleGrid>
        <ScopeFields form={form} disabled={locked} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('commissions.rules.fields.validFrom')} required disabled={locked} {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('commissions.rules.fields.validTo')} description={t('commissions.rules.validToHint')} {...form.getInputProps('validTo')} />
        </SimpleGrid>
        <Divider />
        <Group align="flex-start" gap="xs">
          <Select
            label={t('commissions.rules.fields.basis')}
            data={basisKinds.map((k) => ({ value: k, label: t(`commissions.rules.basisKind.${k}`) }))}
            allowDeselect={false}
            disabled={locked}
            w={260}
            {...form.getInputProps('basisKind')}
          />
          <TextInput
            label={basisKind === 'marginPercent' ? t('commissions.rules.fields.percent') : t('commissions.rules.fields.amount')}
            rightSection={basisKind === 'marginPercent' ? '%' : undefined}
            inputMode="decimal"
            required
            disabled={locked}
            w={160}
            {...form.getInputProps('basisValue')}
          />
        </Group>
        <PayoutFields form={form} disabled={locked} />
        <Select
          label={t('commissions.rules.fields.clawback')}
          data={clawbackPolicies.map((k) => ({ value: k, label: t(`commissions.rules.clawback.${k}`) }))}
          allowDeselect={false}
          disabled={locked}
          w={320}
          {...form.getInputProps('clawback')}
        />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
};

/** The rule dialog: a new rule (`rule` null) or a change of one; a rule in use changes only its name and end. */
export const RuleForm = ({ opened, rule, onClose }: { opened: boolean; rule: Rule | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={rule ? t('commissions.rules.editTitle', { name: rule.name }) : t('commissions.rules.createTitle')}>
      <RuleFormBody key={rule?.id ?? 'new'} rule={rule} onClose={onClose} />
    </FormModal>
  );
};
