import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { zodValidate } from '../../components/validation.js';
import { useCreateApiToken, type CreatedApiToken } from './api.js';

type Values = { name: string; expiresAt: string };
const schema = z.object({ name: z.string().trim().min(1).max(100) });

const SecretOnce = ({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
        {t('tokens.secretOnce')}
      </Alert>
      <Text size="sm" fw={500} id="token-secret-label">
        {t('tokens.secretLabel', { name: token.name })}
      </Text>
      <Code
        block
        aria-labelledby="token-secret-label"
        data-testid="token-secret"
        style={{ wordBreak: 'break-all' }}
      >
        {token.token}
      </Code>
      <Group justify="space-between">
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : 'blue'}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.done')}
        </Button>
      </Group>
    </Stack>
  );
};

const CreateForm = ({
  onCreated,
  onClose,
}: {
  onCreated: (token: CreatedApiToken) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const create = useCreateApiToken({ onSuccess: onCreated });
  const form = useForm<Values>({
    initialValues: { name: '', expiresAt: '' },
    validate: zodValidate<Values>(schema, t),
  });
  const problems = useFormProblems(form, ['name', 'expiresAt']);
  const submit = form.onSubmit((values) => {
    problems.clear();
    // A date without time expires at the end of that day, in the user's time zone.
    const expiresAt = values.expiresAt ? new Date(`${values.expiresAt}T23:59:59`).toISOString() : null;
    create.mutate({ name: values.name.trim(), expiresAt }, { onError: problems.show });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput
          label={t('tokens.fields.name')}
          description={t('tokens.nameHint')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('tokens.fields.expiresAt')}
          description={t('tokens.expiresHint')}
          type="date"
          w={220}
          {...form.getInputProps('expiresAt')}
        />
        <FormActions onCancel={onClose} pending={create.isPending} submitLabel={t('tokens.create')} />
      </Stack>
    </form>
  );
};

/** Create an API token; the secret appears once, with a copy button, and never again. */
export const CreateTokenModal = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      size="lg"
    >
      {created ? (
        <SecretOnce token={created} onClose={close} />
      ) : (
        <CreateForm onCreated={setCreated} onClose={close} />
      )}
    </FormModal>
  );
};
