import { Button, List, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../../components/errors.js';
import { progressPercent } from '../../../../components/import/import-rules.js';
import { ImportDone, ImportFailed, ImportRunning } from '../../../../components/import/ImportRunViews.js';
import { PageError } from '../../../../components/Page.js';
import { useLeadImportState } from '../../import-api.js';
import { importedLeadsUrl } from '../../imports.js';

const texts = 'leads.import';

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
  const state = useLeadImportState(importId, true);
  const status = state.data?.status;

  useEffect(() => {
    onFinished(status === 'done');
  }, [status, onFinished]);

  if (state.isError) return <PageError error={state.error} onRetry={() => void state.refetch()} />;
  const data = state.data;

  if (data?.status === 'done')
    return (
      <ImportDone texts={texts} listUrl={importedLeadsUrl(data.id)} onOtherFile={onOtherFile}>
        <List size="sm">
          <List.Item>{t('leads.import.run.created', { count: data.created })}</List.Item>
          {data.linked > 0 && <List.Item>{t('leads.import.run.linked', { count: data.linked })}</List.Item>}
          {data.merged > 0 && <List.Item>{t('leads.import.run.merged', { count: data.merged })}</List.Item>}
          {data.skipped > 0 && (
            <List.Item>{t('leads.import.run.skipped', { count: data.skipped })}</List.Item>
          )}
        </List>
      </ImportDone>
    );

  // The duplicates of some rows changed while it waited: the import is back to the preview, nothing was written.
  const backToDecide = data?.status === 'validated' && data.error !== null;
  if (data?.status === 'failed' || backToDecide) {
    const code = data.error?.code ?? 'internal';
    return (
      <ImportFailed
        texts={texts}
        color={backToDecide ? 'orange' : 'red'}
        onOtherFile={onOtherFile}
        action={
          backToDecide ? (
            <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onDecideAgain}>
              {t('leads.import.run.decideAgain')}
            </Button>
          ) : (
            <Button leftSection={<IconListCheck size={16} aria-hidden />} onClick={onRevalidate}>
              {t('leads.import.run.revalidate')}
            </Button>
          )
        }
      >
        <Text size="sm" mt={6}>
          {translateCode(t, 'leads.import.failures', code, { count: data.invalid }) ??
            translateCode(t, 'errors', code) ??
            t('errors.unknown')}
        </Text>
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
