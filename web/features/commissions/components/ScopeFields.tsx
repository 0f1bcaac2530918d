import { Group, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOf } from '../../../components/form-types.js';
import { useConsumptionBands } from '../../admin/consumption-bands.js';
import { useProductOptions } from '../../price-lists/api.js';
import { consumptionKinds, scopeKinds, type RuleFormValues } from '../rule-form.js';

type Form = FormOf<RuleFormValues>;

/** What a rule applies to: a product or a supplier (or anything), a client kind, a consumption band or MWh range. */
export const ScopeFields = ({ form, disabled }: { form: Form; disabled: boolean }) => {
  const { t } = useTranslation();
  const products = useProductOptions({ withInactive: true });
  const bands = useConsumptionBands({});
  const bandCodes = [...new Set((bands.data ?? []).map((b) => b.code))].sort();
  const { scope, consumptionKind } = form.values;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="rule-scope-label">
        {t('commissions.rules.fields.scope')}
      </Text>
      <SegmentedControl
        aria-labelledby="rule-scope-label"
        data={scopeKinds.map((k) => ({ value: k, label: t(`commissions.rules.scopeKind.${k}`) }))}
        disabled={disabled}
        value={scope}
        onChange={(value) => form.setFieldValue('scope', value as RuleFormValues['scope'])}
      />
      {scope === 'product' && (
        <Select
          label={t('commissions.rules.fields.product')}
          data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code}) · ${p.supplier}` }))}
          searchable
          required
          disabled={disabled}
          nothingFoundMessage={t('commissions.rules.noProducts')}
          {...form.getInputProps('productId')}
        />
      )}
      {scope === 'supplier' && <TextInput label={t('commissions.rules.fields.supplier')} required disabled={disabled} {...form.getInputProps('supplier')} />}
      <Select
        label={t('commissions.rules.fields.clientKind')}
        placeholder={t('common.any')}
        data={(['company', 'person'] as const).map((k) => ({ value: k, label: t(`commissions.rules.clientKind.${k}`) }))}
        clearable
        disabled={disabled}
        w={240}
        {...form.getInputProps('clientKind')}
      />
      <Text size="sm" fw={500} id="rule-consumption-label">
        {t('commissions.rules.fields.consumption')}
      </Text>
      <SegmentedControl
        aria-labelledby="rule-consumption-label"
        data={consumptionKinds.map((k) => ({ value: k, label: t(`commissions.rules.consumptionKind.${k}`) }))}
        disabled={disabled}
        value={consumptionKind}
        onChange={(value) => form.setFieldValue('consumptionKind', value as RuleFormValues['consumptionKind'])}
      />
      {form.errors.consumptionKind && (
        <Text size="xs" c="red">
          {form.errors.consumptionKind}
        </Text>
      )}
      {consumptionKind === 'band' && (
        <TagsInput label={t('commissions.rules.fields.bands')} description={t('commissions.rules.bandsHint')} data={bandCodes} disabled={disabled} {...form.getInputProps('bands')} />
      )}
      {consumptionKind === 'mwh' && (
        <Group gap="xs" align="flex-start">
          <TextInput label={t('commissions.rules.fields.fromMWh')} inputMode="decimal" required disabled={disabled} w={160} {...form.getInputProps('fromMWh')} />
          <TextInput label={t('commissions.rules.fields.toMWh')} description={t('commissions.rules.toMWhHint')} inputMode="decimal" disabled={disabled} w={200} {...form.getInputProps('toMWh')} />
        </Group>
      )}
    </Stack>
  );
};
