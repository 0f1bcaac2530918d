import { Divider, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormOf } from '../../../components/form-types.js';
import { useTranslation } from 'react-i18next';
import { ruleMessage } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { partyCheck, withScheme, type ClientFormValues } from '../client-form.js';
import { countryCodes } from '../countries.js';

type FieldsProps = { form: FormOf<ClientFormValues> };

/** Identifier rules that only warn (the value is kept): shown under the field while typing. */
const useIdentifierWarnings = (values: ClientFormValues): Record<string, string> => {
  const { t } = useTranslation();
  if (!/^[A-Z]{2}$/.test(values.country)) return {};
  return Object.fromEntries(
    partyCheck(values).warnings.map((w) => [
      w.path,
      t('clients.form.identifierWarning', { rule: ruleMessage(t, w.code) }),
    ]),
  );
};

/** A warning reads as one: under the input, in amber, not as grey help text above it. */
const warningLook = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
    'label' | 'input' | 'description' | 'error'
  )[],
  styles: { description: { color: 'var(--mantine-color-orange-8)', marginTop: 4 } },
};

export const ClientFormFields = ({ form }: FieldsProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const values = form.getValues();
  const relationshipTypes = useCodeOptions('relationshipType', values.relationshipType);
  const businessAreas = useCodeOptions('businessArea', values.businessArea);
  const industries = useCodeOptions('industry', values.industry);
  const warnings = useIdentifierWarnings(values);
  const countries: { value: string; label: string }[] = countryCodes.map((code) => ({
    value: code,
    label: `${format.country(code)} (${code})`,
  }));
  if (!countryCodes.includes(values.country as (typeof countryCodes)[number]) && values.country) {
    countries.push({ value: values.country, label: `${format.country(values.country)} (${values.country})` });
  }

  return (
    <Stack gap="sm">
      <TextInput label={t('clients.fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <Group grow align="flex-start">
        <Radio.Group label={t('clients.fields.kind')} {...form.getInputProps('kind')}>
          <Group gap="md" mt={6}>
            <Radio value="company" label={t('clients.kind.company')} />
            <Radio value="person" label={t('clients.kind.person')} />
          </Group>
        </Radio.Group>
        <Radio.Group label={t('clients.fields.status')} {...form.getInputProps('status')}>
          <Group gap="md" mt={6}>
            <Radio value="active" label={t('clients.status.active')} />
            <Radio value="passive" label={t('clients.status.passive')} />
          </Group>
        </Radio.Group>
      </Group>
      <Select
        label={t('clients.fields.country')}
        description={t('clients.form.countryHint')}
        data={countries}
        required
        searchable
        allowDeselect={false}
        {...form.getInputProps('country')}
      />

      <Divider label={t('clients.form.sections.identifiers')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('clients.fields.companyId')}
          description={warnings.companyId}
          {...warningLook}
          {...form.getInputProps('companyId')}
        />
        <TextInput
          label={t('clients.fields.taxId')}
          description={warnings.taxId}
          {...warningLook}
          {...form.getInputProps('taxId')}
        />
        <TextInput
          label={t('clients.fields.vatId')}
          description={warnings.vatId}
          {...warningLook}
          {...form.getInputProps('vatId')}
        />
      </SimpleGrid>

      <Divider label={t('clients.form.sections.classification')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('clients.fields.relationshipType')}
          data={relationshipTypes}
          required
          allowDeselect={false}
          {...form.getInputProps('relationshipType')}
        />
        <Select
          label={t('clients.fields.businessArea')}
          data={businessAreas}
          clearable
          {...form.getInputProps('businessArea')}
        />
        <Select
          label={t('clients.fields.industry')}
          data={industries}
          clearable
          searchable
          {...form.getInputProps('industry')}
        />
      </SimpleGrid>

      <Divider label={t('clients.form.sections.contact')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('clients.fields.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('clients.fields.phone')}
          type="tel"
          placeholder="+421 905 123 456"
          {...form.getInputProps('phone')}
        />
      </SimpleGrid>
      <TextInput
        label={t('clients.fields.website')}
        placeholder="https://"
        {...form.getInputProps('website')}
        onBlur={(event) => {
          const fixed = withScheme(event.currentTarget.value);
          if (fixed !== event.currentTarget.value) form.setFieldValue('website', fixed);
          form.getInputProps('website').onBlur?.(event);
        }}
      />

      <Divider label={t('clients.form.sections.address')} labelPosition="left" mt="xs" />
      <TextInput
        label={t('clients.fields.street')}
        autoComplete="off"
        {...form.getInputProps('address.street')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('clients.fields.postalCode')} {...form.getInputProps('address.postalCode')} />
        <TextInput label={t('clients.fields.city')} {...form.getInputProps('address.city')} />
        <Select
          label={t('clients.fields.addressCountry')}
          data={countries}
          clearable
          searchable
          {...form.getInputProps('address.country')}
        />
      </SimpleGrid>

      <Divider label={t('clients.form.sections.note')} labelPosition="left" mt="xs" />
      <Textarea
        label={t('clients.fields.note')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('note')}
      />
    </Stack>
  );
};
