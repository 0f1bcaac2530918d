import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const Message = ({ title, text }: { title: string; text: string }) => {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{text}</Text>
      <Button component={Link} to="/clients" variant="light">
        {t('common.backToClients')}
      </Button>
    </Stack>
  );
};

export const NotFound = () => {
  const { t } = useTranslation();
  return <Message title={t('common.notFound.title')} text={t('common.notFound.text')} />;
};

export const NoAccess = () => {
  const { t } = useTranslation();
  return <Message title={t('common.noAccess.title')} text={t('common.noAccess.text')} />;
};
