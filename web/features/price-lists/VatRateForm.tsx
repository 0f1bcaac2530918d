import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { applyFieldProblems } from '../../components/validation.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { decimalSeparator } from '../supply-points/decimal-input.js';
import { useCreateVatRate, useUpdateVatRate, type VatRate } from './api.js';
import { emptyVatValues, validateVat, vatFormFields, vatToValues, vatValuesToBody, type VatFormValues } from './regulated-form.js';

const FormBody = ({ rate, onClose }: { rate: VatRate | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(i18n.language);
  const [failure, setFailure] = useState<unknown>(null);
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
  const form = useForm<VatFormValues>({
    initialValues: rate ? vatToValues(rate) : emptyVatValues(),
    validate: validateVat(t, separator),
    validateInputOnBlur: true,
  });
  const create = useCreateVatRate({ onSuccess: onClose });
  const update = useUpdateVatRate({ onSuccess: onClose });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    const body = vatValuesToBody(values, separator);
    const onError = (error: unknown) => {
      setUnmapped(applyFieldProblems(t, error, vatFormFields, form.setFieldError));
      setFailure(error);
    };
    if (rate) update.mutate({ ...body, id: rate.id, version: rate.version }, { onError });
    else create.mutate(body, { onError });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={failure} unmapped={unmapped} />
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('priceLists.fields.validFrom')} required {...form.getInputProps('validFrom')} />
          <TextInput
            type="date"
            label={t('priceLists.fields.validTo')}
            description={t('priceLists.editor.validToHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('validTo')}
          />
        </SimpleGrid>
        <Textarea label={t('priceLists.regulated.fields.source')} required autosize minRows={2} maxRows={4} {...form.getInputProps('source')} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {rate ? t('common.save') : t('priceLists.vat.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const VatRateForm = ({ opened, rate, onClose }: { opened: boolean; rate: VatRate | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={rate ? t('priceLists.vat.editTitle') : t('priceLists.vat.createTitle')}>
      {opened && <FormBody rate={rate} onClose={onClose} />}
    </Modal>
  );
};
