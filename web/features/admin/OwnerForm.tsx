import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CountryCode } from '../../../domain/schemas/common.js';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import { useFormat } from '../../i18n/format.js';
import { countryCodes } from '../clients/countries.js';
import { currencies, useSaveOwner, type Owner } from './api.js';

type Values = { name: string; country: string; companyId: string; currency: string };
const schema = z.object({
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  companyId: z.string().trim().max(30),
});

const OwnerFormBody = ({ owner, onClose }: { owner: Owner | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveOwner(owner, { onSuccess: onClose });
  const form = useForm<Values>({
    initialValues: {
      name: owner?.name ?? '',
      country: owner?.country ?? 'SK',
      companyId: owner?.companyId ?? '',
      currency: owner?.currency ?? 'EUR',
    },
    validate: zodValidate<Values>(schema, t),
  });
  const problems = useFormProblems(form, ['name', 'country', 'companyId', 'currency']);

  const submit = form.onSubmit((values) => {
    problems.clear();
    save.mutate(
      {
        name: values.name.trim(),
        country: values.country,
        companyId: emptyToNull(values.companyId),
        currency: values.currency,
      },
      { onError: problems.show },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput
          label={t('admin.owners.fields.name')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('admin.owners.fields.country')}
            data={countryCodes.map((code) => ({ value: code, label: format.country(code) }))}
            allowDeselect={false}
            {...form.getInputProps('country')}
          />
          <TextInput label={t('admin.owners.fields.companyId')} {...form.getInputProps('companyId')} />
          <Select
            label={t('admin.owners.fields.currency')}
            data={[...currencies]}
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <FormActions
          onCancel={onClose}
          pending={save.isPending}
          submitLabel={owner ? t('common.save') : t('admin.owners.create')}
        />
      </Stack>
    </form>
  );
};

export const OwnerForm = ({
  opened,
  owner,
  onClose,
}: {
  opened: boolean;
  owner: Owner | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={owner ? t('admin.owners.editTitle') : t('admin.owners.createTitle')}
      size="lg"
    >
      <OwnerFormBody owner={owner} onClose={onClose} />
    </FormModal>
  );
};
