import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { ValidityInputs } from '../../components/form/ValidityInputs.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { useCodeOptions } from '../code-lists/api.js';
import { decimalSeparator } from '../supply-points/decimal-input.js';
import {
  chargeBases,
  commodities,
  componentKinds,
  currencies,
  useCreateRegulatedComponent,
  useUpdateRegulatedComponent,
  type RegulatedComponent,
  type RegulatedFilter,
} from './api.js';
import {
  emptyRegulatedValues,
  regulatedFormFields,
  regulatedToValues,
  regulatedValuesToBody,
  validateRegulated,
  type RegulatedFormValues,
} from './regulated-form.js';

const FormBody = ({ row, filter, onClose }: { row: RegulatedComponent | null; filter: RegulatedFilter; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(i18n.language);
  const form = useForm<RegulatedFormValues>({
    initialValues: row ? regulatedToValues(row) : emptyRegulatedValues(filter),
    validate: validateRegulated(t, separator),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, regulatedFormFields);
  const territories = useCodeOptions('distributionTerritory', form.values.territoryCode);
  const create = useCreateRegulatedComponent({ onSuccess: onClose });
  const update = useUpdateRegulatedComponent({ onSuccess: onClose });

  const submit = form.onSubmit((values) => {
    problems.clear();
    const body = regulatedValuesToBody(values, separator);
    if (row) update.mutate({ ...body, id: row.id, version: row.version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('priceLists.fields.country')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            required
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('country')}
          />
          <Select
            label={t('priceLists.fields.commodity')}
            data={commodities.map((c) => ({ value: c, label: t(`supplyPoints.commodity.${c}`) }))}
            required
            allowDeselect={false}
            {...form.getInputProps('commodity')}
          />
          <Select
            label={t('priceLists.regulated.fields.territory')}
            placeholder={t('priceLists.regulated.allTerritories')}
            data={territories}
            clearable
            searchable
            {...form.getInputProps('territoryCode')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('priceLists.regulated.fields.component')}
            data={componentKinds.map((kind) => ({ value: kind, label: t(`priceLists.lineKinds.${kind}`) }))}
            required
            allowDeselect={false}
            {...form.getInputProps('component')}
          />
          <TextInput
            label={t('priceLists.columns.tariffCode')}
            placeholder={t('priceLists.editor.everyTariff')}
            {...form.getInputProps('tariffCode')}
          />
          <Select
            label={t('priceLists.regulated.fields.basis')}
            data={chargeBases.map((basis) => ({ value: basis, label: t(`priceLists.regulated.bases.${basis}`) }))}
            required
            allowDeselect={false}
            {...form.getInputProps('basis')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('priceLists.regulated.fields.amount')} inputMode="decimal" required {...form.getInputProps('amount')} />
          <Select
            label={t('priceLists.fields.currency')}
            data={[...currencies]}
            required
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <ValidityInputs
          form={form}
          fromLabel={t('priceLists.fields.validFrom')}
          toLabel={t('priceLists.fields.validTo')}
          hint={t('priceLists.editor.validToHint')}
        />
        <Textarea
          label={t('priceLists.regulated.fields.source')}
          description={t('priceLists.regulated.sourceHint')}
          required
          autosize
          minRows={2}
          maxRows={5}
          {...form.getInputProps('source')}
        />
        <FormActions onCancel={onClose} pending={create.isPending || update.isPending} submitLabel={row ? t('common.save') : t('priceLists.regulated.add')} />
      </Stack>
    </form>
  );
};

/** Add a regulated component (e.g. from a regulator's price decision) or correct one, in a dialog. */
export const RegulatedComponentForm = ({
  opened,
  row,
  filter,
  onClose,
}: {
  opened: boolean;
  row: RegulatedComponent | null;
  filter: RegulatedFilter;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={row ? t('priceLists.regulated.editTitle') : t('priceLists.regulated.createTitle')} size="lg">
      <FormBody row={row} filter={filter} onClose={onClose} />
    </FormModal>
  );
};
