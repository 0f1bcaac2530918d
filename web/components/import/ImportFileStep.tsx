import { Alert, Button, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';
import { errorMessage } from '../errors.js';
import { useUploadImportFile, type ImportKind } from './import-api.js';
import {
  acceptedFileTypes,
  fileProblemBeforeUpload,
  fileProblemOf,
  formatBytes,
  uploadLimitBytes,
  type FileProblem,
} from './import-rules.js';

type FileStepProps<Answer> = {
  kind: ImportKind;
  /** Where the step's texts are, e.g. `leads.import` (`….file.*`, `….fileErrors.*`). */
  texts: string;
  onUploaded: (answer: Answer) => void;
};

/** Step 1: choose a CSV or XLSX file and send it; its columns and first rows come back. */
export const ImportFileStep = <Answer,>({ kind, texts, onUploaded }: FileStepProps<Answer>) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const upload = useUploadImportFile<Answer>(kind);
  const size = (bytes: number) => formatBytes(bytes, format.number);
  const limit = uploadLimitBytes / 1024 / 1024;

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
      <Text size="sm">{t(`${texts}.file.intro`)}</Text>
      <List size="sm" spacing={2}>
        <List.Item>{t(`${texts}.file.ruleHeader`)}</List.Item>
        <List.Item>{t(`${texts}.file.ruleRequired`)}</List.Item>
        <List.Item>{t(`${texts}.file.ruleLimit`, { limit })}</List.Item>
      </List>
      <FileInput
        label={t(`${texts}.file.label`)}
        placeholder={t(`${texts}.file.placeholder`)}
        accept={acceptedFileTypes}
        leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        value={file}
        onChange={choose}
        clearable
        disabled={upload.isPending}
        description={file ? `${file.name} · ${size(file.size)}` : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      {(problem || upload.error) && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t(`${texts}.file.refused`)}
          role="alert"
        >
          <Text size="sm">
            {problem ? t(`${texts}.fileErrors.${problem}`, { limit }) : errorMessage(t, upload.error)}
          </Text>
        </Alert>
      )}
      {progress && (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={reading ? 100 : percent}
            animated={reading}
            striped={reading}
            size="lg"
            aria-label={t(`${texts}.file.progressLabel`)}
          />
          <Text size="xs" c="dimmed">
            {reading
              ? t(`${texts}.file.reading`)
              : t(`${texts}.file.uploading`, {
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
          {t(`${texts}.file.upload`)}
        </Button>
      </Group>
    </Stack>
  );
};
