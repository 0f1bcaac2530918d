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
import { decimalSeparator } from '../supply-points/decimal-input.js';
import { useCreateVatRate, useUpdateVatRate, type VatRate } from './api.js';
import { emptyVatValues, validateVat, vatFormFields, vatToValues, vatValuesToBody, type VatFormValues } from './regulated-form.js';

const FormBody = ({ rate, onClose }: { rate: VatRate | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(i18n.language);
  const form = useForm<VatFormValues>({
    initialValues: rate ? vatToValues(rate) : emptyVatValues(),
    validate: validateVat(t, separator),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, vatFormFields);
  const create = useCreateVatRate({ onSuccess: onClose });
  const update = useUpdateVatRate({ onSuccess: onClose });
  const submit = form.onSubmit((values) => {
    problems.clear();
    const body = vatValuesToBody(values, separator);
    if (rate) update.mutate({ ...body, id: rate.id, version: rate.version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('priceLists.fields.country')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            required
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('country')}
          />
          <TextInput label={t('priceLists.vat.fields.ratePercent')} inputMode="decimal" rightSection="%" required {...form.getInputProps('ratePercent')} />
        </SimpleGrid>
        <ValidityInputs
          form={form}
          fromLabel={t('priceLists.fields.validFrom')}
          toLabel={t('priceLists.fields.validTo')}
          hint={t('priceLists.editor.validToHint')}
        />
        <Textarea label={t('priceLists.regulated.fields.source')} required autosize minRows={2} maxRows={4} {...form.getInputProps('source')} />
        <FormActions onCancel={onClose} pending={create.isPending || update.isPending} submitLabel={rate ? t('common.save') : t('priceLists.vat.add')} />
      </Stack>
    </form>
  );
};

export const VatRateForm = ({ opened, rate, onClose }: { opened: boolean; rate: VatRate | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={rate ? t('priceLists.vat.editTitle') : t('priceLists.vat.createTitle')}>
      <FormBody rate={rate} onClose={onClose} />
    </FormModal>
  );
};
