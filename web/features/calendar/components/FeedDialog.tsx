import { Alert, Button, CopyButton, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCalendarShare, IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { notifyProblem, ProblemAlert } from '../../activities/components/problems.js';
import { useCreateFeed, useFeedStatus, useRevokeFeed, type FeedCreated } from '../api.js';

/**
 * "Subscribe in Outlook / Google Calendar": creates (or replaces) the user's secret iCalendar feed address, shows
 * it once with a copy button, and turns the subscription off. The server keeps only a hash of the address.
 */
export const FeedDialog = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useFeedStatus(opened);
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [created, setCreated] = useState<FeedCreated | null>(null);

  const close = () => {
    setCreated(null);
    onClose();
  };
  const make = () => create.mutate(undefined, { onSuccess: setCreated });
  const confirmRevoke = () =>
    modals.openConfirmModal({
      title: t('calendar.feed.confirmRevokeTitle'),
      children: <Text size="sm">{t('calendar.feed.confirmRevoke')}</Text>,
      labels: { confirm: t('calendar.feed.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(undefined, {
          onSuccess: () => {
            setCreated(null);
            notifySuccess(t('calendar.feed.revoked'));
          },
          onError: (error) => notifyProblem(t, error),
        }),
    });

  const active = status.data?.active ?? false;
  return (
    <Modal opened={opened} onClose={close} title={t('calendar.feed.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('calendar.feed.intro')}</Text>
        <ProblemAlert error={create.error} />
        {created ? (
          <>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label={t('calendar.feed.url')} value={created.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} onClick={copy}>
                    {copied ? t('calendar.feed.copied') : t('calendar.feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
              {t('calendar.feed.onceHint')}
            </Alert>
            <Button component="a" href={created.webcalUrl} variant="light" leftSection={<IconCalendarShare size={16} aria-hidden />}>
              {t('calendar.feed.openApp')}
            </Button>
          </>
        ) : active && status.data?.createdAt ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('calendar.feed.activeSince', { date: format.dateTime(status.data.createdAt) })}
            </Text>
            <Text size="sm" c="dimmed">
              {status.data.lastUsedAt ? t('calendar.feed.lastUsed', { date: format.dateTime(status.data.lastUsedAt) }) : t('calendar.feed.neverUsed')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('calendar.feed.inactive')}
          </Text>
        )}
        <List size="sm" spacing={4}>
          <List.Item>{t('calendar.feed.outlook')}</List.Item>
          <List.Item>{t('calendar.feed.google')}</List.Item>
        </List>
        <Group justify="space-between">
          {active || created ? (
            <Button variant="subtle" color="red" onClick={confirmRevoke} loading={revoke.isPending}>
              {t('calendar.feed.revoke')}
            </Button>
          ) : (
            <span />
          )}
          <Stack gap={2} align="flex-end">
            <Button onClick={make} loading={create.isPending}>
              {active || created ? t('calendar.feed.rotate') : t('calendar.feed.create')}
            </Button>
            {(active || created) && (
              <Text size="xs" c="dimmed">
                {t('calendar.feed.rotateHint')}
              </Text>
            )}
          </Stack>
        </Group>
      </Stack>
    </Modal>
  );
};
