import { Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ItemList } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { ValidityInputs } from '../../components/form/ValidityInputs.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { unitLabel } from '../supply-points/display.js';
import { useCodeOptions } from '../code-lists/api.js';
import {
  bandFormFields,
  bandKeys,
  bandToValues,
  bandValuesToBody,
  customerCategories,
  emptyBandValues,
  useCreateBand,
  useUpdateBand,
  validateBand,
  type BandFilter,
  type BandFormValues,
  type ConsumptionBand,
} from './consumption-bands.js';

const BandFormBody = ({
  band,
  filter,
  onClose,
}: {
  band: ConsumptionBand | null;
  filter: BandFilter;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(band?.version ?? 0);
  const form = useForm<BandFormValues>({
    initialValues: band ? bandToValues(band) : emptyBandValues(filter),
    validate: validateBand(t),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, bandFormFields);
  const create = useCreateBand({ onSuccess: onClose });
  const update = useUpdateBand({ onSuccess: onClose });
  const territories = useCodeOptions('distributionTerritory', form.values.territoryCode);

  const submit = form.onSubmit((values) => {
    problems.clear();
    const body = bandValuesToBody(values);
    if (band) update.mutate({ ...body, id: band.id, version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  });

  // After a version conflict: the band as stored now replaces the form (the user's changes are dropped).
  const reload = async () => {
    if (!band) return;
    const filter = { country: band.country, commodity: band.commodity };
    const fresh = (
      await queryClient.fetchQuery({
        queryKey: bandKeys.list(filter),
        queryFn: ({ signal }) => api.get<ItemList<ConsumptionBand>>('/consumption-bands', filter, signal),
        staleTime: 0,
      })
    ).items.find((item) => item.id === band.id);
    if (!fresh) return;
    problems.reloaded(bandToValues(fresh));
    setVersion(fresh.version);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={band ? () => void reload() : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('admin.consumptionBands.fields.country')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            required
            allowDeselect={false}
            {...form.getInputProps('country')}
          />
          <Select
            label={t('admin.consumptionBands.fields.commodity')}
            data={(['electricity', 'gas'] as const).map((c) => ({
              value: c,
              label: t(`supplyPoints.commodity.${c}`),
            }))}
            required
            allowDeselect={false}
            {...form.getInputProps('commodity')}
          />
          <Select
            label={t('admin.consumptionBands.fields.customerCategory')}
            data={customerCategories.map((c) => ({
              value: c,
              label: t(`supplyPoints.derived.customerCategory.${c}`),
            }))}
            required
            allowDeselect={false}
            {...form.getInputProps('customerCategory')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.consumptionBands.fields.code')}
            placeholder="D3"
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Select
            label={t('admin.consumptionBands.fields.territory')}
            placeholder={t('admin.consumptionBands.allTerritories')}
            data={territories}
            clearable
            searchable
            {...form.getInputProps('territoryCode')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={6}>
            <TextInput
              label={t('admin.consumptionBands.fields.lowerKWh')}
              inputMode="decimal"
              required
              rightSection={<span aria-hidden>{unitLabel('kWh')}</span>}
              rightSectionWidth={42}
              {...form.getInputProps('lowerKWh')}
            />
            <Checkbox
              label={t('admin.consumptionBands.fields.lowerInclusive')}
              {...form.getInputProps('lowerInclusive', { type: 'checkbox' })}
            />
          </Stack>
          <Stack gap={6}>
            <TextInput
              label={t('admin.consumptionBands.fields.upperKWh')}
              placeholder={t('admin.consumptionBands.noUpper')}
              inputMode="decimal"
              rightSection={<span aria-hidden>{unitLabel('kWh')}</span>}
              rightSectionWidth={42}
              {...form.getInputProps('upperKWh')}
            />
            <Checkbox
              label={t('admin.consumptionBands.fields.upperInclusive')}
              {...form.getInputProps('upperInclusive', { type: 'checkbox' })}
            />
          </Stack>
        </SimpleGrid>
        <ValidityInputs
          form={form}
          fromLabel={t('admin.consumptionBands.fields.validFrom')}
          toLabel={t('admin.consumptionBands.fields.validTo')}
          hint={t('admin.consumptionBands.validToHint')}
        />
        <Textarea
          label={t('admin.consumptionBands.fields.source')}
          description={t('admin.consumptionBands.sourceHint')}
          required
          autosize
          minRows={2}
          maxRows={5}
          {...form.getInputProps('source')}
        />
        <FormActions
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={band ? t('common.save') : t('admin.consumptionBands.add')}
        />
      </Stack>
    </form>
  );
};

/** Add a band (e.g. from a new price decision) or correct one / end its validity, in a dialog. */
export const ConsumptionBandForm = ({
  opened,
  band,
  filter,
  onClose,
}: {
  opened: boolean;
  band: ConsumptionBand | null;
  filter: BandFilter;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={band ? t('admin.consumptionBands.editTitle') : t('admin.consumptionBands.createTitle')}
      size="lg"
    >
      <BandFormBody band={band} filter={filter} onClose={onClose} />
    </FormModal>
  );
};
