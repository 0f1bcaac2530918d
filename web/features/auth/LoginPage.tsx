import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { errorMessage } from '../../components/errors.js';
import { chooseLanguage, languages } from '../../i18n/index.js';
import { useLogin } from './api.js';

/** Only same-site paths: `?next=//evil.example` must not become an open redirect. */
const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/clients';

const LoginError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  if (!error) return null;
  const message =
    isApiError(error) && error.status === 429
      ? t('auth.login.tooManyAttempts', {
          count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 900) / 60)),
        })
      : errorMessage(t, error);
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
      {message}
    </Alert>
  );
};

export const LoginPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('validation.required')),
      password: (value) => (value ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
    );
  });

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w={380} maw="100%">
        <Group justify="center" gap="xs" mb="lg">
          <IconBolt size={32} color="var(--mantine-color-blue-6)" aria-hidden />
          <Title order={1} size="h2">
            {t('shell.appName')}
          </Title>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('auth.login.title')}
              </Title>
              <LoginError error={login.error} />
              <TextInput
                label={t('auth.login.email')}
                type="email"
                autoComplete="username"
                autoFocus
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.login.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('auth.login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="center" gap="md" mt="md" aria-label={t('shell.language')} role="group">
          {languages.map((lng) => (
            <Anchor
              key={lng}
              component="button"
              type="button"
              size="sm"
              fw={i18n.language === lng ? 700 : 400}
              aria-pressed={i18n.language === lng}
              lang={lng}
              onClick={() => void chooseLanguage(lng)}
            >
              {t(`common.languages.${lng}`)}
            </Anchor>
          ))}
        </Group>
        <Text c="dimmed" size="xs" ta="center" mt="xs">
          {t('auth.login.hint')}
        </Text>
      </Box>
    </Center>
  );
};
