import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Active" or "Inactive", for a record that can be switched off (a user, a team, a code). */
export const ActiveBadge = ({ active }: { active: boolean }) => {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light" size="sm">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
};
