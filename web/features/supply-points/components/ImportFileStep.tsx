import { Alert, Button, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { useUploadImport, type UploadAnswer } from '../imports-api.js';
import {
  acceptedFileTypes,
  fileProblemBeforeUpload,
  fileProblemOf,
  formatBytes,
  uploadLimitBytes,
  type FileProblem,
} from '../imports.js';

/** Why a file cannot be imported, in words the user can act on. */
export const FileProblemAlert = ({ problem, error }: { problem: FileProblem | null; error: unknown }) => {
  const { t } = useTranslation();
  if (!problem && !error) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('supplyPoints.import.file.refused')}
      role="alert"
    >
      <Text size="sm">
        {problem
          ? t(`supplyPoints.import.fileErrors.${problem}`, { limit: uploadLimitBytes / 1024 / 1024 })
          : errorMessage(t, error)}
      </Text>
    </Alert>
  );
};

/** Step 1: choose a CSV or XLSX file and send it; its columns and first rows come back. */
export const ImportFileStep = ({ onUploaded }: { onUploaded: (answer: UploadAnswer) => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const upload = useUploadImport();
  const size = (bytes: number) => formatBytes(bytes, format.number);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProgress(null);
    upload.reset();
    setProblem(chosen ? fileProblemBeforeUpload(chosen) : null);
  };

  const send = () => {
    if (!file || problem) return;
    setProgress({ sent: 0, total: file.size });
    upload.mutate(
      { file, onProgress: (sent, total) => setProgress({ sent, total }) },
      {
        onSuccess: onUploaded,
        onError: (error) => {
          setProgress(null);
          setProblem(fileProblemOf(error));
        },
      },
    );
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  const reading = upload.isPending && percent >= 100;

  return (
    <Stack gap="md" maw={640}>
      <Text size="sm">{t('supplyPoints.import.file.intro')}</Text>
      <List size="sm" spacing={2}>
        <List.Item>{t('supplyPoints.import.file.ruleHeader')}</List.Item>
        <List.Item>{t('supplyPoints.import.file.ruleRequired')}</List.Item>
        <List.Item>
          {t('supplyPoints.import.file.ruleLimit', { limit: uploadLimitBytes / 1024 / 1024 })}
        </List.Item>
      </List>
      <FileInput
        label={t('supplyPoints.import.file.label')}
        placeholder={t('supplyPoints.import.file.placeholder')}
        accept={acceptedFileTypes}
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        value={file}
        onChange={choose}
        clearable
        disabled={upload.isPending}
        description={file ? `${file.name} · ${size(file.size)}` : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <FileProblemAlert problem={problem} error={problem ? null : upload.error} />
      {progress && (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={reading ? 100 : percent}
            animated={reading}
            striped={reading}
            size="lg"
            aria-label={t('supplyPoints.import.file.progressLabel')}
          />
          <Text size="xs" c="dimmed">
            {reading
              ? t('supplyPoints.import.file.reading')
              : t('supplyPoints.import.file.uploading', {
                  percent,
                  sent: size(progress.sent),
                  total: size(progress.total),
                })}
          </Text>
        </Stack>
      )}
      <Group>
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={send}
          disabled={!file || problem !== null}
          loading={upload.isPending}
        >
          {t('supplyPoints.import.file.upload')}
        </Button>
      </Group>
    </Stack>
  );
};
