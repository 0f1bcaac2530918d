import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload, IconList } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.js';

/** The progress of a running import, as its state is polled; `state` is absent until the first answer. */
export const ImportRunning = ({
  texts,
  fileName,
  state,
  percent,
}: {
  /** Where the texts are, e.g. `leads.import` (`….run.*`). */
  texts: string;
  fileName: string;
  state: { phase: 'preparing' | 'writing' | null; processed: number; total: number } | undefined;
  percent: number;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" maw={720} aria-live="polite">
      <Text size="sm" fw={500}>
        {t(`${texts}.run.running`, { fileName })}
      </Text>
      <Progress
        value={percent}
        size="xl"
        animated
        striped
        transitionDuration={300}
        aria-label={t(`${texts}.run.progressLabel`)}
      />
      <Text size="xs" c="dimmed">
        {!state
          ? t(`${texts}.run.starting`)
          : state.phase === 'writing'
            ? t(`${texts}.run.writing`, { total: format.number(state.total) })
            : t(`${texts}.run.preparing`, {
                processed: format.number(state.processed),
                total: format.number(state.total),
                percent,
              })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`${texts}.run.allOrNothing`)}
      </Text>
    </Stack>
  );
};

const OtherFileButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={onClick}>
    {label}
  </Button>
);

/** A finished import: what it did (`children`), the list of what it created, and another file. */
export const ImportDone = ({
  texts,
  listUrl,
  onOtherFile,
  children,
  after,
}: {
  texts: string;
  listUrl: string;
  onOtherFile: () => void;
  children: ReactNode;
  after?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Progress value={100} color="teal" size="lg" aria-label={t(`${texts}.run.progressLabel`)} />
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t(`${texts}.run.doneTitle`)}>
        {children}
      </Alert>
      <Group gap="sm">
        <Button component={Link} to={listUrl} leftSection={<IconList size={16} aria-hidden />}>
          {t(`${texts}.run.showList`)}
        </Button>
        <OtherFileButton label={t(`${texts}.run.another`)} onClick={onOtherFile} />
      </Group>
      {after}
    </Stack>
  );
};

/** An import that stopped before writing anything: why (`children`), what to do next (`action`), or another file. */
export const ImportFailed = ({
  texts,
  color = 'red',
  action,
  onOtherFile,
  children,
}: {
  texts: string;
  color?: string;
  action: ReactNode;
  onOtherFile: () => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Alert
        color={color}
        icon={<IconAlertTriangle size={18} />}
        title={t(`${texts}.run.failedTitle`)}
        role="alert"
      >
        <Text size="sm">{t(`${texts}.run.failedText`)}</Text>
        {children}
      </Alert>
      <Group gap="sm">
        {action}
        <OtherFileButton label={t(`${texts}.otherFile`)} onClick={onOtherFile} />
      </Group>
    </Stack>
  );
};
