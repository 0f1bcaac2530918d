import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CountryCode } from '../../../domain/schemas/common.js';
import type { FieldProblem } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { applyFieldProblems, emptyToNull, zodValidate } from '../../components/validation.js';
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
  const [failure, setFailure] = useState<unknown>(null);
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
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

  const submit = form.onSubmit((values) => {
    setFailure(null);
    save.mutate(
      {
        name: values.name.trim(),
        country: values.country,
        companyId: emptyToNull(values.companyId),
        currency: values.currency,
      },
      {
        onError: (error) => {
          setUnmapped(
            applyFieldProblems(t, error, ['name', 'country', 'companyId', 'currency'], form.setFieldError),
          );
          setFailure(error);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={failure} unmapped={unmapped} />
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
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {owner ? t('common.save') : t('admin.owners.create')}
          </Button>
        </Group>
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={owner ? t('admin.owners.editTitle') : t('admin.owners.createTitle')}
      size="lg"
    >
      {opened && <OwnerFormBody owner={owner} onClose={onClose} />}
    </Modal>
  );
};
