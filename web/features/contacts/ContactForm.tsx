import { Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { useCodeOptions } from '../code-lists/api.js';
import { preferredChannels, useCreateContact, useUpdateContact, type Contact } from './api.js';
import {
  contactFormFields,
  contactToValues,
  contactValuesToInput,
  emptyContactValues,
  validateContact,
  type ContactFormValues,
} from './contact-form.js';

type ContactFormProps = {
  opened: boolean;
  onClose: () => void;
  clientId: string;
  /** The client's country: national phone numbers are read in it. */
  country: string;
  contact?: Contact | null;
};

const ContactFormBody = ({ onClose, clientId, country, contact }: Omit<ContactFormProps, 'opened'>) => {
  const { t } = useTranslation();
  const form = useForm<ContactFormValues>({
    initialValues: contact ? contactToValues(contact) : emptyContactValues,
    validate: validateContact(t, country),
  });
  const problems = useFormProblems(form, contactFormFields);
  const functions = useCodeOptions('contactFunction', form.values.function);
  const create = useCreateContact(clientId, { onSuccess: onClose });
  const update = useUpdateContact({ onSuccess: onClose });

  const submit = form.onSubmit((values) => {
    problems.clear();
    const input = contactValuesToInput(values);
    if (contact)
      update.mutate({ ...input, id: contact.id, version: contact.version }, { onError: problems.show });
    else create.mutate(input, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('contacts.fields.firstName')}
            required
            data-autofocus
            {...form.getInputProps('firstName')}
          />
          <TextInput label={t('contacts.fields.lastName')} required {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('contacts.fields.function')}
            data={functions}
            clearable
            {...form.getInputProps('function')}
          />
          <Select
            label={t('contacts.fields.preferredChannel')}
            data={preferredChannels.map((channel) => ({
              value: channel,
              label: t(`contacts.channels.${channel}`),
            }))}
            clearable
            {...form.getInputProps('preferredChannel')}
          />
        </SimpleGrid>
        <TextInput label={t('contacts.fields.email')} type="email" {...form.getInputProps('email')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('contacts.fields.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('contacts.fields.mobile')} type="tel" {...form.getInputProps('mobile')} />
        </SimpleGrid>
        <Group gap="xl">
          <Checkbox
            label={t('contacts.fields.isSigningPerson')}
            description={t('contacts.form.signingHint')}
            {...form.getInputProps('isSigningPerson', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('contacts.fields.isPrimary')}
            {...form.getInputProps('isPrimary', { type: 'checkbox' })}
          />
        </Group>
        <Textarea
          label={t('contacts.fields.note')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('note')}
        />
        <FormActions
          mt="xs"
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={contact ? t('common.save') : t('contacts.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Add or edit a contact person of a client, in a dialog. */
export const ContactForm = ({ opened, onClose, ...rest }: ContactFormProps) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={rest.contact ? t('contacts.form.editTitle') : t('contacts.form.createTitle')}
      size="lg"
    >
      <ContactFormBody onClose={onClose} {...rest} />
    </FormModal>
  );
};
