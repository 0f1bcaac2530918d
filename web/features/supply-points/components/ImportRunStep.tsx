import { Button, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { progressPercent } from '../../../components/import/import-rules.js';
import { ImportDone, ImportFailed, ImportRunning } from '../../../components/import/ImportRunViews.js';
import { PageError } from '../../../components/Page.js';
import { supplyPointKeys } from '../api.js';
import { useImportState } from '../imports-api.js';
import { importedSupplyPointsUrl, importFailureMessage, importFailureRows } from '../imports.js';

const texts = 'supplyPoints.import';

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
      <ImportDone
        texts={texts}
        listUrl={importedSupplyPointsUrl(data.id)}
        onOtherFile={onOtherFile}
        after={
          <Text size="xs" c="dimmed">
            {t('supplyPoints.import.run.listHint')}
          </Text>
        }
      >
        <Text size="sm">
          {t('supplyPoints.import.run.doneText', { count: data.created, fileName: data.fileName })}
        </Text>
      </ImportDone>
    );

  if (data?.status === 'failed') {
    const failedRows = data.error ? importFailureRows(t, data.error).slice(0, rowsShownAtMost) : [];
    // The failure names the first few; the import counts every problem of its rows.
    const moreRows = failedRows.length > 0 ? Math.max(0, data.errorCount - failedRows.length) : 0;
    return (
      <ImportFailed
        texts={texts}
        onOtherFile={onOtherFile}
        action={
          <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onRevalidate}>
            {t('supplyPoints.import.run.revalidate')}
          </Button>
        }
      >
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
      </ImportFailed>
    );
  }

  return (
    <ImportRunning
      texts={texts}
      fileName={fileName}
      state={data}
      percent={data ? progressPercent(data) : 0}
    />
  );
};
