import { Anchor, Group, Paper, Stepper } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { leadKeys } from './api.js';
import { LeadFileStep } from './components/import/LeadFileStep.js';
import { LeadMappingStep } from './components/import/LeadMappingStep.js';
import { LeadPreviewStep } from './components/import/LeadPreviewStep.js';
import { LeadRunStep } from './components/import/LeadRunStep.js';
import {
  leadImportKeys,
  useCommitLeadImport,
  type LeadUploadAnswer,
  type LeadValidateAnswer,
} from './import-api.js';
import type { Mapping } from './imports.js';

type Step = 0 | 1 | 2 | 3;

/** The wizard's state for one uploaded file; a new file starts a new one. */
const ImportWizard = ({ onRestart }: { onRestart: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [upload, setUpload] = useState<LeadUploadAnswer | null>(null);
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [check, setCheck] = useState<{ answer: LeadValidateAnswer; at: string } | null>(null);
  const commit = useCommitLeadImport(upload?.id ?? '');
  const started = commit.isSuccess;
  const [finished, setFinished] = useState(false);

  const uploaded = (answer: LeadUploadAnswer) => {
    setUpload(answer);
    setMapping(answer.suggestedMapping as Mapping);
    setCheck(null);
    setStep(1);
  };

  const onFinished = useCallback(
    (done: boolean) => {
      setFinished(done);
      // New and merged leads: every lead list and card shows them from now on.
      if (done) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    },
    [queryClient],
  );

  const canGoTo = (target: Step) =>
    !started && target > 0 && target < step && (target !== 2 || check !== null);

  const running = upload && started && (
    <Paper withBorder radius="md" p="md" mt="md">
      <LeadRunStep
        importId={upload.id}
        fileName={upload.fileName}
        onFinished={onFinished}
        onDecideAgain={() => {
          commit.reset();
          void queryClient.invalidateQueries({ queryKey: leadImportKeys.all });
          setStep(2);
        }}
        onRevalidate={() => {
          commit.reset();
          setStep(1);
        }}
        onOtherFile={onRestart}
      />
    </Paper>
  );

  return (
    <Stepper
      active={finished ? 4 : step}
      onStepClick={(target) => {
        if (target === 0) onRestart();
        else if (canGoTo(target as Step)) setStep(target as Step);
      }}
      allowNextStepsSelect={false}
      size="sm"
      mt="sm"
    >
      <Stepper.Step
        label={t('leads.import.steps.file')}
        description={upload?.fileName ?? t('leads.import.steps.fileHint')}
        allowStepSelect={!started && step > 0}
      >
        <Paper withBorder radius="md" p="md" mt="md">
          <LeadFileStep onUploaded={uploaded} />
        </Paper>
      </Stepper.Step>
      <Stepper.Step
        label={t('leads.import.steps.mapping')}
        description={t('leads.import.steps.mappingHint')}
        allowStepSelect={canGoTo(1)}
      >
        {upload && mapping && (
          <Paper withBorder radius="md" p="md" mt="md">
            <LeadMappingStep
              upload={upload}
              source={source}
              mapping={mapping}
              onChange={(nextSource, nextMapping) => {
                setSource(nextSource);
                setMapping(nextMapping);
              }}
              onValidated={(answer) => {
                setCheck({ answer, at: new Date().toISOString() });
                commit.reset();
                setStep(2);
              }}
              onBack={onRestart}
            />
          </Paper>
        )}
      </Stepper.Step>
      <Stepper.Step
        label={t('leads.import.steps.preview')}
        description={t('leads.import.steps.previewHint')}
        allowStepSelect={canGoTo(2)}
      >
        {upload && check && (
          <Paper withBorder radius="md" p="md" mt="md">
            <LeadPreviewStep
              importId={upload.id}
              answer={check.answer}
              checkedAt={check.at}
              committing={commit.isPending}
              commitError={commit.error}
              onCommit={() => commit.mutate(undefined, { onSuccess: () => setStep(3) })}
              onBackToMapping={() => setStep(1)}
            />
          </Paper>
        )}
      </Stepper.Step>
      <Stepper.Step
        label={t('leads.import.steps.run')}
        description={t('leads.import.steps.runHint')}
        allowStepSelect={false}
      >
        {running}
      </Stepper.Step>
      <Stepper.Completed>{running}</Stepper.Completed>
    </Stepper>
  );
};

/**
 * Import leads from a lead platform's CSV or XLSX export (SALES-1): upload, choose the source and map the columns
 * (the source's saved mapping fills in), preview errors and duplicates side by side and decide each duplicate,
 * then import every row at once in the background.
 */
export const LeadImportPage = () => {
  const { t } = useTranslation();
  const [run, setRun] = useState(0);
  return (
    <>
      <Anchor component={Link} to="/leads" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('leads.detail.back')}
        </Group>
      </Anchor>
      <PageHeader title={t('leads.import.title')} description={t('leads.import.description')} />
      <ImportWizard key={run} onRestart={() => setRun((n) => n + 1)} />
    </>
  );
};
