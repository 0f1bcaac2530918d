import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../api.js';

export const ClientStatusBadge = ({ status }: { status: ClientStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'gray'} variant="light">
      {status === 'active' ? t('clients.status.active') : t('clients.status.passive')}
    </Badge>
  );
};

export const ArchivedBadge = () => {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline">
      {t('clients.archivedBadge')}
    </Badge>
  );
};
