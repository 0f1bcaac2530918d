import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { useFormat } from '../../../i18n/format.js';
import { countryCodes } from '../../clients/countries.js';
import { fetchSupplyPoint, supplyPointKeys, useUpdateHolder, type SupplyPoint } from '../api.js';
import {
  holderFormFields,
  holderToValues,
  holderValuesToInput,
  suggestionToAddress,
  validateHolder,
  type HolderFormValues,
} from '../supply-point-form.js';
import { AddressAutocomplete } from './AddressAutocomplete.js';

const HolderFormBody = ({ supplyPoint, onClose }: { supplyPoint: SupplyPoint; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(supplyPoint.holder.version);
  const form = useForm<HolderFormValues>({
    initialValues: holderToValues(supplyPoint.holder),
    validate: validateHolder(t, supplyPoint.country),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, holderFormFields);
  const update = useUpdateHolder(supplyPoint.id, {
    onSuccess: () => {
      notifySuccess(t('supplyPoints.holder.saved'));
      onClose();
    },
  });
  const values = form.getValues();
  const countries: { value: string; label: string }[] = countryCodes.map((code) => ({
    value: code,
    label: `${format.country(code)} (${code})`,
  }));
  if (values.address.country && !countries.some((c) => c.value === values.address.country)) {
    countries.push({ value: values.address.country, label: format.country(values.address.country) });
  }

  const submit = form.onSubmit((formValues) => {
    problems.clear();
    update.mutate({ ...holderValuesToInput(formValues), version }, { onError: problems.show });
  });

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: supplyPointKeys.detail(supplyPoint.id),
      queryFn: ({ signal }) => fetchSupplyPoint(supplyPoint.id, signal),
      staleTime: 0,
    });
    problems.reloaded(holderToValues(fresh.holder));
    setVersion(fresh.holder.version);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Alert color="blue" icon={<IconInfoCircle size={18} />} p="sm">
          {t('supplyPoints.holder.editExplanation', { name: supplyPoint.holder.name })}
        </Alert>
        <FormAlert error={problems.failure} unmapped={problems.unmapped} onReload={() => void reload()} />
        <TextInput
          label={t('supplyPoints.holder.fields.name')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('supplyPoints.holder.fields.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('supplyPoints.holder.fields.phone')}
            type="tel"
            placeholder="+421 905 123 456"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <AddressAutocomplete
          label={t('supplyPoints.holder.fields.street')}
          {...form.getInputProps('address.street')}
          value={values.address.street}
          onChange={(street) => form.setFieldValue('address.street', street)}
          onPick={(suggestion) =>
            form.setFieldValue('address', suggestionToAddress(suggestion, values.address.country))
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('supplyPoints.holder.fields.postalCode')}
            {...form.getInputProps('address.postalCode')}
          />
          <TextInput label={t('supplyPoints.holder.fields.city')} {...form.getInputProps('address.city')} />
          <Select
            label={t('supplyPoints.holder.fields.country')}
            data={countries}
            clearable
            searchable
            {...form.getInputProps('address.country')}
          />
        </SimpleGrid>
        <FormActions
          mt="xs"
          onCancel={onClose}
          pending={update.isPending}
          submitLabel={t('supplyPoints.holder.save')}
        />
      </Stack>
    </form>
  );
};

/** Edits the holder's name, contact details and address: the client's own fields (ENERGY-4). */
export const HolderForm = ({
  opened,
  onClose,
  supplyPoint,
}: {
  opened: boolean;
  onClose: () => void;
  supplyPoint: SupplyPoint;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('supplyPoints.holder.editTitle')} size="lg">
      <HolderFormBody supplyPoint={supplyPoint} onClose={onClose} />
    </FormModal>
  );
};
