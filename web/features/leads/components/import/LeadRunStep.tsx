import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileUpload,
  IconList,
  IconListCheck,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { translateCode } from '../../../../components/errors.js';
import { PageError } from '../../../../components/Page.js';
import { useFormat } from '../../../../i18n/format.js';
import { useLeadImportState } from '../../import-api.js';
import { importedLeadsUrl, progressPercent } from '../../imports.js';

type RunStepProps = {
  importId: string;
  fileName: string;
  onFinished: (done: boolean) => void;
  /** Back to the preview: the duplicates changed, decide the rows named again. */
  onDecideAgain: () => void;
  onRevalidate: () => void;
  onOtherFile: () => void;
};

/** Step 4: the import runs in the background (all rows or none); its progress is asked every ~700 ms. */
export const LeadRunStep = ({
  importId,
  fileName,
  onFinished,
  onDecideAgain,
  onRevalidate,
  onOtherFile,
}: RunStepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLeadImportState(importId, true);
  const status = state.data?.status;

  useEffect(() => {
    onFinished(status === 'done');
  }, [status, onFinished]);

  if (state.isError) return <PageError error={state.error} onRetry={() => void state.refetch()} />;
  const data = state.data;

  if (data?.status === 'done')
    return (
      <Stack gap="md" maw={720}>
        <Progress value={100} color="teal" size="lg" aria-label={t('leads.import.run.progressLabel')} />
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('leads.import.run.doneTitle')}>
          <List size="sm">
            <List.Item>{t('leads.import.run.created', { count: data.created })}</List.Item>
            {data.linked > 0 && <List.Item>{t('leads.import.run.linked', { count: data.linked })}</List.Item>}
            {data.merged > 0 && <List.Item>{t('leads.import.run.merged', { count: data.merged })}</List.Item>}
            {data.skipped > 0 && (
              <List.Item>{t('leads.import.run.skipped', { count: data.skipped })}</List.Item>
            )}
          </List>
        </Alert>
        <Group gap="sm">
          <Button
            component={Link}
            to={importedLeadsUrl(data.id)}
            leftSection={<IconList size={16} aria-hidden />}
          >
            {t('leads.import.run.showList')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={onOtherFile}
          >
            {t('leads.import.run.another')}
          </Button>
        </Group>
      </Stack>
    );

  // The duplicates of some rows changed while it waited: the import is back to the preview, nothing was written.
  const backToDecide = data?.status === 'validated' && data.error !== null;
  if (data?.status === 'failed' || backToDecide) {
    const code = data.error?.code ?? 'internal';
    return (
      <Stack gap="md" maw={720}>
        <Alert
          color={backToDecide ? 'orange' : 'red'}
          icon={<IconAlertTriangle size={18} />}
          title={t('leads.import.run.failedTitle')}
          role="alert"
        >
          <Text size="sm">{t('leads.import.run.failedText')}</Text>
          <Text size="sm" mt={6}>
            {translateCode(t, 'leads.import.failures', code, { count: data.invalid }) ??
              translateCode(t, 'errors', code) ??
              t('errors.unknown')}
          </Text>
        </Alert>
        <Group gap="sm">
          {backToDecide ? (
            <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onDecideAgain}>
              {t('leads.import.run.decideAgain')}
            </Button>
          ) : (
            <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onRevalidate}>
              {t('leads.import.run.revalidate')}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={onOtherFile}
          >
            {t('leads.import.otherFile')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const percent = data ? progressPercent(data) : 0;
  return (
    <Stack gap="sm" maw={720} aria-live="polite">
      <Text size="sm" fw={500}>
        {t('leads.import.run.running', { fileName })}
      </Text>
      <Progress
        value={percent}
        size="xl"
        animated
        striped
        transitionDuration={300}
        aria-label={t('leads.import.run.progressLabel')}
      />
      <Text size="xs" c="dimmed">
        {!data
          ? t('leads.import.run.starting')
          : data.phase === 'writing'
            ? t('leads.import.run.writing', { total: format.number(data.total) })
            : t('leads.import.run.preparing', {
                processed: format.number(data.processed),
                total: format.number(data.total),
                percent,
              })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('leads.import.run.allOrNothing')}
      </Text>
    </Stack>
  );
};
