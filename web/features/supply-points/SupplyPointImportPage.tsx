import { Anchor, Group, Paper, Stepper } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/Page.js';
import { ImportCheckStep } from './components/ImportCheckStep.js';
import { ImportFileStep } from './components/ImportFileStep.js';
import { ImportMappingStep } from './components/ImportMappingStep.js';
import { ImportRunStep } from './components/ImportRunStep.js';
import { useCommitImport, type UploadAnswer, type ValidateAnswer } from './imports-api.js';
import { initialMapping, type Mapping } from './imports.js';

type Step = 0 | 1 | 2 | 3;

/** The wizard's state for one uploaded file; a new file starts a new one. */
const ImportWizard = ({ onRestart }: { onRestart: () => void }) => {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(0);
  const [upload, setUpload] = useState<UploadAnswer | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [check, setCheck] = useState<{ answer: ValidateAnswer; at: string } | null>(null);
  const commit = useCommitImport(upload?.id ?? '');
  const started = commit.isSuccess;
  const [finished, setFinished] = useState(false);

  const uploaded = (answer: UploadAnswer) => {
    setUpload(answer);
    setMapping(initialMapping(answer.fields, answer.suggestedMapping, answer.headers));
    setCheck(null);
    setStep(1);
  };

  const validated = (answer: ValidateAnswer) => {
    setCheck({ answer, at: new Date().toISOString() });
    commit.reset();
    setStep(2);
  };

  // Once the import runs, the earlier steps are closed: the file is being written.
  const canGoTo = (target: Step) =>
    !started && target > 0 && target < step && (target !== 2 || check !== null);

  const running = upload && started && (
    <Paper withBorder radius="md" p="md" mt="md">
      <ImportRunStep
        importId={upload.id}
        fileName={upload.fileName}
        onFinished={setFinished}
        onRevalidate={() => {
          commit.reset();
          setFinished(false);
          setStep(1);
        }}
        onOtherFile={onRestart}
      />
    </Paper>
  );

  return (
    <Stepper
      // A finished import marks every step done.
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
        label={t('supplyPoints.import.steps.file')}
        description={upload?.fileName ?? t('supplyPoints.import.steps.fileHint')}
        allowStepSelect={!started && step > 0}
      >
        <Paper withBorder radius="md" p="md" mt="md">
          <ImportFileStep onUploaded={uploaded} />
        </Paper>
      </Stepper.Step>
      <Stepper.Step
        label={t('supplyPoints.import.steps.mapping')}
        description={t('supplyPoints.import.steps.mappingHint')}
        allowStepSelect={canGoTo(1)}
      >
        {upload && mapping && (
          <Paper withBorder radius="md" p="md" mt="md">
            <ImportMappingStep
              upload={upload}
              mapping={mapping}
              onChange={setMapping}
              onValidated={validated}
              onBack={onRestart}
            />
          </Paper>
        )}
      </Stepper.Step>
      <Stepper.Step
        label={t('supplyPoints.import.steps.check')}
        description={t('supplyPoints.import.steps.checkHint')}
        allowStepSelect={canGoTo(2)}
      >
        {upload && check && (
          <Paper withBorder radius="md" p="md" mt="md">
            <ImportCheckStep
              importId={upload.id}
              answer={check.answer}
              checkedAt={check.at}
              committing={commit.isPending}
              commitError={commit.error}
              onCommit={() => commit.mutate(undefined, { onSuccess: () => setStep(3) })}
              onBackToMapping={() => setStep(1)}
              onOtherFile={onRestart}
            />
          </Paper>
        )}
      </Stepper.Step>
      <Stepper.Step
        label={t('supplyPoints.import.steps.run')}
        description={t('supplyPoints.import.steps.runHint')}
        allowStepSelect={false}
      >
        {running}
      </Stepper.Step>
      <Stepper.Completed>{running}</Stepper.Completed>
    </Stepper>
  );
};

/**
 * Import supply points from a CSV or XLSX file: upload, map the columns, check every row (duplicates are
 * reported, never merged), then import all rows at once in the background.
 */
export const SupplyPointImportPage = () => {
  const { t } = useTranslation();
  // A new key starts the wizard over with a fresh state (another file).
  const [run, setRun] = useState(0);
  return (
    <>
      <Anchor component={Link} to="/supply-points" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('supplyPoints.detail.back')}
        </Group>
      </Anchor>
      <PageHeader title={t('supplyPoints.import.title')} description={t('supplyPoints.import.description')} />
      <ImportWizard key={run} onRestart={() => setRun((n) => n + 1)} />
    </>
  );
};
