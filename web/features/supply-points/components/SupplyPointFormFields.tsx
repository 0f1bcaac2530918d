import {
  Center,
  Divider,
  Group,
  Input,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  Text,
  TextInput,
} from '@mantine/core';
import { IconBolt, IconCircleCheck, IconFlame } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormOf } from '../../../components/form-types.js';
import { useFormat } from '../../../i18n/format.js';
import type { Client } from '../../clients/api.js';
import { countryCodes } from '../../clients/countries.js';
import { useCodeLabel, useCodeOptions } from '../../code-lists/api.js';
import { commodities, type Commodity, type SupplyPoint } from '../api.js';
import { unitLabel } from '../display.js';
import {
  identifierFeedback,
  identifierMessage,
  schemeName,
  suggestionToAddress,
  unitAfterCommodityChange,
  unitOptions,
  type SupplyPointFormValues,
} from '../supply-point-form.js';
import { AddressAutocomplete } from './AddressAutocomplete.js';
import { ClientPicker } from './ClientPicker.js';

type FieldsProps = {
  form: FormOf<SupplyPointFormValues>;
  /** The holder's country, whose identifier rules apply; null until a client is picked. */
  country: string | null;
  /** When creating from the list: the picked client (the picker is shown). */
  picker?: { client: Client | null; onChange: (client: Client | null) => void } | undefined;
  /** When editing: the record, for the territory it has now. */
  supplyPoint?: SupplyPoint | undefined;
};

/** A hint reads as one: under the input, not above it. */
const below = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
    'label' | 'input' | 'description' | 'error'
  )[],
};
const monospace = { fontFamily: 'var(--mantine-font-family-monospace)' };
/** The identifier: typed in monospace, its live feedback in the colour of its state. */
const identifierLook = (color: string) => ({
  ...below,
  styles: { input: monospace, description: { color, marginTop: 4 } },
});

/** What the user learns about the identifier while typing: its format, progress, validity or the problem. */
const useIdentifierHelp = (
  values: SupplyPointFormValues,
  country: string | null,
): { description: ReactNode; error: ReactNode; color: string } => {
  const { t } = useTranslation();
  if (!country)
    return {
      description: t('supplyPoints.form.identifierNeedsClient'),
      error: null,
      color: 'var(--mantine-color-dimmed)',
    };
  const feedback = identifierFeedback(country, values.commodity, values.identifier);
  const scheme = schemeName(t, feedback.scheme);
  switch (feedback.state) {
    case 'empty':
      return {
        description: t(`supplyPoints.schemeHints.${feedback.scheme}`),
        error: null,
        color: 'var(--mantine-color-dimmed)',
      };
    case 'typing':
      return {
        description: t('supplyPoints.form.identifierProgress', {
          scheme,
          length: feedback.length,
          expected: feedback.expected,
        }),
        error: null,
        color: 'var(--mantine-color-dimmed)',
      };
    case 'valid':
      return feedback.warning
        ? {
            description: t(`supplyPoints.identifierWarnings.${feedback.warning}`, { scheme }),
            error: null,
            color: 'var(--mantine-color-orange-8)',
          }
        : {
            description: (
              <Group gap={4} component="span">
                <IconCircleCheck size={14} aria-hidden />
                {t('supplyPoints.form.identifierValid', { scheme })}
              </Group>
            ),
            error: null,
            color: 'var(--mantine-color-teal-8)',
          };
    case 'invalid':
      return { description: null, error: identifierMessage(t, feedback.reason, feedback.scheme), color: '' };
  }
};

export const SupplyPointFormFields = ({ form, country, picker, supplyPoint }: FieldsProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const values = form.getValues();
  const territories = useCodeOptions('distributionTerritory', values.territoryCode);
  const territoryLabel = useCodeLabel('distributionTerritory');
  const rates = useCodeOptions('distributionRate', values.distributionRate);
  const paymentMethods = useCodeOptions('paymentMethod', values.paymentMethod);
  const help = useIdentifierHelp(values, country);
  const identifierProps = form.getInputProps('identifier');
  const gas = values.commodity === 'gas';

  const countries: { value: string; label: string }[] = countryCodes.map((code) => ({
    value: code,
    label: `${format.country(code)} (${code})`,
  }));
  const addressCountry = values.address.country;
  if (addressCountry && !countries.some((c) => c.value === addressCountry)) {
    countries.push({ value: addressCountry, label: `${format.country(addressCountry)} (${addressCountry})` });
  }

  const derivedTerritory =
    supplyPoint?.territorySource === 'identifier' && supplyPoint.territoryCode
      ? t('supplyPoints.form.territoryDerivedAs', { territory: territoryLabel(supplyPoint.territoryCode) })
      : t('supplyPoints.form.territoryPlaceholder');

  const setCommodity = (commodity: Commodity) => {
    form.setFieldValue('commodity', commodity);
    form.setFieldValue('consumptionUnit', unitAfterCommodityChange(commodity, values.consumptionUnit));
  };

  return (
    <Stack gap="sm">
      {picker && (
        <ClientPicker
          label={t('supplyPoints.fields.client')}
          description={t('supplyPoints.form.clientHint')}
          required
          data-autofocus
          value={picker.client}
          onChange={(client) => {
            picker.onChange(client);
            form.setFieldValue('clientId', client?.id ?? null);
          }}
          error={form.errors.clientId}
        />
      )}

      <Divider label={t('supplyPoints.form.sections.supplyPoint')} labelPosition="left" mt="xs" />
      <Group grow align="flex-start">
        <Input.Wrapper label={t('supplyPoints.fields.commodity')} required>
          <SegmentedControl
            fullWidth
            aria-label={t('supplyPoints.fields.commodity')}
            value={values.commodity}
            onChange={(value) => setCommodity(value as Commodity)}
            data={commodities.map((commodity) => ({
              value: commodity,
              label: (
                <Center style={{ gap: 6 }}>
                  {commodity === 'gas' ? (
                    <IconFlame size={16} aria-hidden />
                  ) : (
                    <IconBolt size={16} aria-hidden />
                  )}
                  <span>{t(`supplyPoints.commodity.${commodity}`)}</span>
                </Center>
              ),
            }))}
            mt={4}
          />
        </Input.Wrapper>
        <Radio.Group label={t('supplyPoints.fields.status')} {...form.getInputProps('status')}>
          <Group gap="md" mt={10}>
            <Radio value="active" label={t('supplyPoints.status.active')} />
            <Radio value="inactive" label={t('supplyPoints.status.inactive')} />
          </Group>
        </Radio.Group>
      </Group>
      <TextInput
        label={t('supplyPoints.fields.identifier')}
        required
        data-autofocus={picker ? undefined : true}
        autoComplete="off"
        spellCheck={false}
        {...identifierProps}
        description={identifierProps.error ? null : help.description}
        error={identifierProps.error ?? help.error}
        {...identifierLook(help.color)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('supplyPoints.fields.territory')}
          description={t('supplyPoints.form.territoryHint')}
          placeholder={derivedTerritory}
          data={territories}
          clearable
          searchable
          {...below}
          {...form.getInputProps('territoryCode')}
        />
        <TextInput
          label={t('supplyPoints.fields.name')}
          description={t('supplyPoints.form.nameHint')}
          {...below}
          {...form.getInputProps('name')}
        />
      </SimpleGrid>

      <Divider label={t('supplyPoints.form.sections.address')} labelPosition="left" mt="xs" />
      <AddressAutocomplete
        label={t('supplyPoints.fields.street')}
        placeholder={t('supplyPoints.form.streetPlaceholder')}
        {...below}
        {...form.getInputProps('address.street')}
        value={values.address.street}
        onChange={(street) => form.setFieldValue('address.street', street)}
        onPick={(suggestion) => {
          form.setFieldValue('address', suggestionToAddress(suggestion, values.address.country));
          form.clearFieldError('address.city');
          form.clearFieldError('address.postalCode');
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('supplyPoints.fields.postalCode')}
          {...form.getInputProps('address.postalCode')}
        />
        <TextInput label={t('supplyPoints.fields.city')} {...form.getInputProps('address.city')} />
        <Select
          label={t('supplyPoints.fields.addressCountry')}
          placeholder={t('supplyPoints.form.addressCountryPlaceholder')}
          data={countries}
          clearable
          searchable
          {...form.getInputProps('address.country')}
        />
      </SimpleGrid>

      <Divider label={t('supplyPoints.form.sections.consumption')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={t('supplyPoints.fields.annualConsumption')}
            inputMode="decimal"
            style={{ flex: 1 }}
            {...form.getInputProps('annualConsumption')}
          />
          <Select
            label={t('supplyPoints.fields.consumptionUnit')}
            data={unitOptions(values.commodity).map((unit) => ({ value: unit, label: unitLabel(unit) }))}
            allowDeselect={false}
            w={100}
            {...form.getInputProps('consumptionUnit')}
          />
        </Group>
        <TextInput
          label={t('supplyPoints.fields.breakerRating')}
          placeholder={t('supplyPoints.form.breakerPlaceholder')}
          {...form.getInputProps('breakerRating')}
        />
      </SimpleGrid>
      {gas && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('supplyPoints.fields.gasVolumeCoefficient')}
            description={t('supplyPoints.form.gasKHint')}
            placeholder="0.9650"
            inputMode="decimal"
            {...below}
            {...form.getInputProps('gasVolumeCoefficient')}
          />
          <TextInput
            label={t('supplyPoints.fields.gasCalorificValue')}
            description={t('supplyPoints.form.gasHsHint')}
            placeholder="10.5500"
            inputMode="decimal"
            rightSection={
              <Text span size="xs" c="dimmed" aria-hidden>
                kWh/m³
              </Text>
            }
            rightSectionWidth={60}
            {...below}
            {...form.getInputProps('gasCalorificValue')}
          />
        </SimpleGrid>
      )}

      <Divider label={t('supplyPoints.form.sections.supply')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('supplyPoints.fields.currentSupplier')}
          {...form.getInputProps('currentSupplier')}
        />
        <TextInput
          label={t('supplyPoints.fields.currentProduct')}
          {...form.getInputProps('currentProduct')}
        />
        <Select
          label={t('supplyPoints.fields.distributionRate')}
          data={rates}
          clearable
          searchable
          {...form.getInputProps('distributionRate')}
        />
      </SimpleGrid>

      <Divider label={t('supplyPoints.form.sections.payment')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('supplyPoints.fields.iban')}
          placeholder="SK31 1200 0000 1987 4263 7541"
          autoComplete="off"
          spellCheck={false}
          styles={{ input: monospace }}
          {...form.getInputProps('iban')}
        />
        <Select
          label={t('supplyPoints.fields.paymentMethod')}
          data={paymentMethods}
          clearable
          {...form.getInputProps('paymentMethod')}
        />
      </SimpleGrid>

      <Divider label={t('supplyPoints.form.sections.note')} labelPosition="left" mt="xs" />
      <Textarea
        label={t('supplyPoints.fields.note')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('note')}
      />
    </Stack>
  );
};
