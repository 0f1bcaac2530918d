import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { StickyFormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { useMe } from '../auth/api.js';
import { clientKeys, useCreateClient, useUpdateClient, type Client } from './api.js';
import {
  clientFormFields,
  clientToValues,
  emptyClientValues,
  validateClient,
  valuesToInput,
  withScheme,
  type ClientFormValues,
} from './client-form.js';
import { ClientFormFields } from './components/ClientFormFields.js';

type ClientFormProps = {
  opened: boolean;
  onClose: () => void;
  /** The client to edit; without it the form creates a new one. */
  client?: Client | undefined;
  onSaved?: (client: Client) => void;
};

const ClientFormBody = ({ client, onClose, onSaved }: Omit<ClientFormProps, 'opened'>) => {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(client?.version ?? 0);
  const form = useForm<ClientFormValues>({
    initialValues: client ? clientToValues(client) : emptyClientValues(me.data?.owner.country ?? 'SK'),
    validate: validateClient(t),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, clientFormFields);

  const saved = (result: Client) => {
    onSaved?.(result);
    onClose();
  };
  const create = useCreateClient({ onSuccess: saved });
  const update = useUpdateClient(client?.id ?? '', { onSuccess: saved });
  const pending = create.isPending || update.isPending;

  const showServerError = (error: unknown) => {
    if (isApiError(error) && error.code === 'client.duplicate_company_id') {
      // The server names the client that already has this company ID: the user needs that to resolve it.
      form.setFieldError(
        'companyId',
        <>
          {t('errors.client.duplicate_company_id')}
          <br />
          {error.detail}
        </>,
      );
      problems.clear();
      return;
    }
    problems.show(error);
  };

  const submit = form.onSubmit((values) => {
    problems.clear();
    const input = valuesToInput({ ...values, website: withScheme(values.website) });
    if (client) update.mutate({ ...input, version }, { onError: showServerError });
    else create.mutate(input, { onError: showServerError });
  });

  const reload = async () => {
    if (!client) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: clientKeys.detail(client.id),
      queryFn: () => api.get<Client>(`/clients/${client.id}`),
      // The cached card is the stale version that caused the conflict: always ask the server.
      staleTime: 0,
    });
    problems.reloaded(clientToValues(fresh));
    setVersion(fresh.version);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={client ? t('clients.form.editTitle') : t('clients.form.createTitle')}
    >
      <Stack gap="md">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={client ? () => void reload() : undefined}
        />
        <ClientFormFields form={form} />
        <StickyFormActions
          hint={t('clients.form.requiredHint')}
          onCancel={onClose}
          pending={pending}
          submitLabel={client ? t('common.save') : t('clients.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Create or edit a client in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const ClientForm = ({ opened, onClose, client, onSaved }: ClientFormProps) => {
  const { t } = useTranslation();
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      title={client ? t('clients.form.editTitle') : t('clients.form.createTitle')}
      size="xl"
    >
      <ClientFormBody client={client} onClose={onClose} onSaved={onSaved} />
    </FormDrawer>
  );
};
