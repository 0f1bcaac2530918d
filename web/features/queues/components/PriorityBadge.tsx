import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours = ['red', 'orange', 'yellow', 'blue', 'gray'];

/** Priority 1 (highest) to 5, coloured from red to grey. */
export const PriorityBadge = ({ priority }: { priority: number }) => {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={colours[priority - 1] ?? 'gray'}
      title={t('queues.priority.title', { priority })}
      aria-label={t('queues.priority.title', { priority })}
    >
      {t('queues.priority.short', { priority })}
    </Badge>
  );
};
