import { Button, EmptyState } from '@mantine/core';
import { IconListCheck, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/api.js';
import type { QueueChannel } from '../api.js';

/**
 * No active rule of the channel names a team of the user, so nothing is queued for them: an administrator defines
 * the rules (and is offered the way there).
 */
export const NoRules = ({ channel }: { channel: QueueChannel }) => {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <EmptyState
      py="xl"
      icon={<IconListCheck size={28} aria-hidden />}
      title={t(`queues.noRules.title.${channel}`)}
      description={t('queues.noRules.hint')}
    >
      {can('admin.processes') && (
        <EmptyState.Actions>
          <Button
            component={Link}
            to="/admin/queue-rules"
            variant="light"
            leftSection={<IconSettings size={16} aria-hidden />}
          >
            {t('queues.rules.open')}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
};
