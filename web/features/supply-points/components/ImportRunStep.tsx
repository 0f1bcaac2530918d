import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileUpload,
  IconList,
  IconListCheck,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { supplyPointKeys } from '../api.js';
import { useImportState } from '../imports-api.js';
import {
  importedSupplyPointsUrl,
  importFailureMessage,
  importFailureRows,
  progressPercent,
} from '../imports.js';

/** Row problems a failure lists at most; "Check again" shows every one. */
const rowsShownAtMost = 3;

type RunStepProps = {
  importId: string;
  fileName: string;
  /** Told once the import is done (true), or not (false). */
  onFinished: (done: boolean) => void;
  onRevalidate: () => void;
  onOtherFile: () => void;
};

/** Step 4: the import runs in the background; its progress is asked every ~700 ms until it is done or failed. */
export const ImportRunStep = ({
  importId,
  fileName,
  onFinished,
  onRevalidate,
  onOtherFile,
}: RunStepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const state = useImportState(importId, true);
  const status = state.data?.status;

  useEffect(() => {
    // New supply points: every list (and the clients' tabs) shows them from now on.
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: supplyPointKeys.all });
    onFinished(status === 'done');
  }, [status, queryClient, onFinished]);

  if (state.isError) return <PageError error={state.error} onRetry={() => void state.refetch()} />;
  const data = state.data;

  if (data?.status === 'done')
    return (
      <Stack gap="md" maw={720}>
        <Progress
          value={100}
          color="teal"
          size="lg"
          aria-label={t('supplyPoints.import.run.progressLabel')}
        />
        <Alert
          color="teal"
          icon={<IconCircleCheck size={18} />}
          title={t('supplyPoints.import.run.doneTitle')}
        >
          <Text size="sm">
            {t('supplyPoints.import.run.doneText', { count: data.created, fileName: data.fileName })}
          </Text>
        </Alert>
        <Group gap="sm">
          <Button
            component={Link}
            to={importedSupplyPointsUrl(data.id)}
            leftSection={<IconList size={16} aria-hidden />}
          >
            {t('supplyPoints.import.run.showList')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={onOtherFile}
          >
            {t('supplyPoints.import.run.another')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('supplyPoints.import.run.listHint')}
        </Text>
      </Stack>
    );

  if (data?.status === 'failed') {
    const failedRows = data.error ? importFailureRows(t, data.error).slice(0, rowsShownAtMost) : [];
    // The failure names the first few; the import counts every problem of its rows.
    const moreRows = failedRows.length > 0 ? Math.max(0, data.errorCount - failedRows.length) : 0;
    return (
      <Stack gap="md" maw={720}>
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('supplyPoints.import.run.failedTitle')}
          role="alert"
        >
          <Text size="sm">{t('supplyPoints.import.run.failedText')}</Text>
          {data.error && (
            <>
              <Text size="sm" mt={6}>
                {importFailureMessage(t, data.error, data)}
              </Text>
              {failedRows.map((line, index) => (
                <Text key={index} size="xs" c="dimmed" mt={4}>
                  {line}
                </Text>
              ))}
              {moreRows > 0 && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('supplyPoints.import.run.failedMoreRows', { count: moreRows })}
                </Text>
              )}
            </>
          )}
        </Alert>
        <Group gap="sm">
          <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onRevalidate}>
            {t('supplyPoints.import.run.revalidate')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={onOtherFile}
          >
            {t('supplyPoints.import.otherFile')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const percent = data ? progressPercent(data) : 0;
  const writing = data?.phase === 'writing';
  return (
    <Stack gap="sm" maw={720} aria-live="polite">
      <Text size="sm" fw={500}>
        {t('supplyPoints.import.run.running', { fileName })}
      </Text>
      <Progress
        value={percent}
        size="xl"
        animated
        striped
        transitionDuration={300}
        aria-label={t('supplyPoints.import.run.progressLabel')}
      />
      <Text size="xs" c="dimmed">
        {!data
          ? t('supplyPoints.import.run.starting')
          : writing
            ? t('supplyPoints.import.run.writing', { total: format.number(data.total) })
            : t('supplyPoints.import.run.preparing', {
                processed: format.number(data.processed),
                total: format.number(data.total),
                percent,
              })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('supplyPoints.import.run.allOrNothing')}
      </Text>
    </Stack>
  );
};
