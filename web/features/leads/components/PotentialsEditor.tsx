import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  potentialCommodities,
  priceModels,
  unitsOf,
  type PotentialCommodity,
} from '../../../../domain/leads/lead-rules.js';
import type { FormOf } from '../../../components/form-types.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { emptyPotential, type LeadFormValues } from '../lead-form.js';

const unitLabel = (unit: string) => (unit === 'm3' ? 'm³' : unit);

/**
 * The lead's potentials: per commodity a delivery territory (code list distributionTerritory), an optional supply
 * point, the period, the price model and the quantity with a unit of the commodity. Rows are added and removed
 * with buttons that keep the keyboard order (each row's fields, then its remove button).
 */
export const PotentialsEditor = ({ form }: { form: FormOf<LeadFormValues> }) => {
  const { t } = useTranslation();
  const territories = useCodeOptions('distributionTerritory');
  const potentials = form.getValues().potentials;

  const setCommodity = (index: number, commodity: PotentialCommodity) => {
    const row = potentials[index]!;
    form.setFieldValue(`potentials.${index}.commodity`, commodity);
    // A unit the new commodity does not have (m³ of electricity, anything of a service) is cleared.
    if (row.quantityUnit && !unitsOf[commodity].includes(row.quantityUnit)) {
      form.setFieldValue(
        `potentials.${index}.quantityUnit`,
        unitsOf[commodity][1] ?? unitsOf[commodity][0] ?? null,
      );
    }
    if (commodity === 'service') form.setFieldValue(`potentials.${index}.supplyPointIdentifier`, '');
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4} size="h5">
          {t('leads.potentials.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => form.insertListItem('potentials', emptyPotential())}
        >
          {t('leads.potentials.add')}
        </Button>
      </Group>
      {potentials.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('leads.potentials.none')}
        </Text>
      )}
      {potentials.map((row, index) => {
        const path = (field: string) => `potentials.${index}.${field}`;
        const units = unitsOf[row.commodity];
        return (
          <Paper
            key={row.key}
            withBorder
            radius="md"
            p="sm"
            aria-label={t('leads.potentials.rowLabel', { number: index + 1 })}
            role="group"
          >
            <Group justify="space-between" mb="xs">
              <Text size="sm" fw={600}>
                {t('leads.potentials.rowLabel', { number: index + 1 })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => form.removeListItem('potentials', index)}
                aria-label={t('leads.potentials.remove', { number: index + 1 })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('leads.potentials.commodity')}
                data={potentialCommodities.map((c) => ({ value: c, label: t(`leads.commodity.${c}`) }))}
                {...form.getInputProps(path('commodity'))}
                onChange={(value) => value && setCommodity(index, value as PotentialCommodity)}
                allowDeselect={false}
                withAsterisk
              />
              <Select
                label={t('leads.potentials.territory')}
                data={territories}
                searchable
                clearable
                {...form.getInputProps(path('territoryCode'))}
              />
              {row.commodity !== 'service' && (
                <TextInput
                  label={t('leads.potentials.supplyPointIdentifier')}
                  description={t('leads.potentials.supplyPointHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  {...form.getInputProps(path('supplyPointIdentifier'))}
                />
              )}
              <TextInput
                label={t('leads.potentials.periodFrom')}
                type="date"
                {...form.getInputProps(path('periodFrom'))}
              />
              <TextInput
                label={t('leads.potentials.periodTo')}
                type="date"
                {...form.getInputProps(path('periodTo'))}
              />
              <Select
                label={t('leads.potentials.priceModel')}
                data={priceModels.map((m) => ({ value: m, label: t(`leads.priceModel.${m}`) }))}
                clearable
                {...form.getInputProps(path('priceModel'))}
              />
              {row.commodity !== 'service' && (
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('leads.potentials.quantity')}
                    inputMode="decimal"
                    style={{ flex: 1 }}
                    {...form.getInputProps(path('quantity'))}
                  />
                  <Select
                    label={t('leads.potentials.unit')}
                    data={units.map((u) => ({ value: u, label: unitLabel(u) }))}
                    w={96}
                    {...form.getInputProps(path('quantityUnit'))}
                  />
                </Group>
              )}
            </SimpleGrid>
          </Paper>
        );
      })}
    </Stack>
  );
};
