import { Divider, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quantityUnits } from '../../../../domain/leads/lead-rules.js';
import type { FormOf } from '../../../components/form-types.js';
import { useFormat } from '../../../i18n/format.js';
import { countryCodes } from '../../clients/countries.js';
import { useCodeOptions } from '../../code-lists/api.js';
import type { LeadFormValues } from '../lead-form.js';
import { PotentialsEditor } from './PotentialsEditor.js';

/** Every field of a lead in the order a salesperson fills them: who, how to reach them, what they could buy. */
export const LeadFormFields = ({ form }: { form: FormOf<LeadFormValues> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const values = form.getValues();
  const industries = useCodeOptions('industry', values.industry);
  const countries: { value: string; label: string }[] = countryCodes.map((code) => ({
    value: code,
    label: `${format.country(code)} (${code})`,
  }));
  if (values.country && !countryCodes.includes(values.country as (typeof countryCodes)[number])) {
    countries.push({ value: values.country, label: `${format.country(values.country)} (${values.country})` });
  }

  return (
    <Stack gap="sm">
      <TextInput label={t('leads.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <Radio.Group label={t('leads.fields.kind')} {...form.getInputProps('kind')}>
        <Group gap="md" mt={6}>
          <Radio value="company" label={t('leads.kind.company')} />
          <Radio value="person" label={t('leads.kind.person')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('leads.fields.country')}
          data={countries}
          searchable
          allowDeselect={false}
          required
          {...form.getInputProps('country')}
        />
        <TextInput label={t('leads.fields.companyId')} {...form.getInputProps('companyId')} />
        <TextInput label={t('leads.fields.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('leads.fields.phone')} type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Divider label={t('leads.form.contactSection')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('leads.fields.contactFirstName')} {...form.getInputProps('contactFirstName')} />
        <TextInput label={t('leads.fields.contactLastName')} {...form.getInputProps('contactLastName')} />
        <TextInput label={t('leads.fields.contactFunction')} {...form.getInputProps('contactFunction')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('leads.fields.street')} {...form.getInputProps('address.street')} />
        <TextInput label={t('leads.fields.city')} {...form.getInputProps('address.city')} />
        <TextInput label={t('leads.fields.postalCode')} {...form.getInputProps('address.postalCode')} />
      </SimpleGrid>
      <Divider label={t('leads.form.salesSection')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('leads.fields.industry')}
          data={industries}
          clearable
          searchable
          {...form.getInputProps('industry')}
        />
        <Select
          label={t('leads.fields.priority')}
          data={['1', '2', '3', '4', '5'].map((p) => ({ value: p, label: t(`leads.priority.${p}`) }))}
          allowDeselect={false}
          {...form.getInputProps('priority')}
        />
        <TextInput label={t('leads.fields.source')} required {...form.getInputProps('source')} />
        <TextInput label={t('leads.fields.campaign')} {...form.getInputProps('campaign')} />
        <TextInput label={t('leads.fields.channel')} {...form.getInputProps('channel')} />
        <Select
          label={t('leads.fields.marketingConsent')}
          data={(['unknown', 'granted', 'refused'] as const).map((c) => ({
            value: c,
            label: t(`leads.consent.${c}`),
          }))}
          allowDeselect={false}
          {...form.getInputProps('marketingConsent')}
        />
      </SimpleGrid>
      <Group gap="xs" align="flex-start" wrap="nowrap" maw={360}>
        <TextInput
          label={t('leads.fields.totalDemand')}
          description={t('leads.form.totalDemandHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="decimal"
          style={{ flex: 1 }}
          {...form.getInputProps('totalDemand')}
        />
        <Select
          label={t('leads.potentials.unit')}
          data={quantityUnits.map((u) => ({ value: u, label: u === 'm3' ? 'm³' : u }))}
          w={96}
          {...form.getInputProps('totalDemandUnit')}
        />
      </Group>
      <Divider />
      <PotentialsEditor form={form} />
      <Divider />
      <Textarea label={t('leads.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </Stack>
  );
};
