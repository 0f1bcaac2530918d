import { Anchor, Group, Paper, Stepper } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../Page.js';
import { useCommitImportOf, type ImportKind } from './import-api.js';

/** File, mapping, check (or preview), run. */
type Step = 0 | 1 | 2 | 3;

/** What the wizard gives its check (or preview) step. */
export type CheckStepProps<Answer> = {
  importId: string;
  answer: Answer;
  /** When the check ran: keys the pages of its rows, so a new check never shows old pages. */
  checkedAt: string;
  committing: boolean;
  commitError: unknown;
  onCommit: () => void;
  onBackToMapping: () => void;
};

/**
 * The wizard's state for one uploaded file; a new file starts a new one. What the mapping holds is the
 * feature's own; the wizard keeps the file, the last check and the import once it is committed.
 */
export const useImportWizard = <Upload extends { id: string }, Answer>(kind: ImportKind) => {
  const [step, setStep] = useState<Step>(0);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [check, setCheck] = useState<{ answer: Answer; at: string } | null>(null);
  const commit = useCommitImportOf(kind, upload?.id ?? '');
  const started = commit.isSuccess;
  const [finished, setFinished] = useState(false);
  const startImport = () => commit.mutate(undefined, { onSuccess: () => setStep(3) });
  const checkStep: CheckStepProps<Answer> | null =
    upload && check
      ? {
          importId: upload.id,
          answer: check.answer,
          checkedAt: check.at,
          committing: commit.isPending,
          commitError: commit.error,
          onCommit: startImport,
          onBackToMapping: () => setStep(1),
        }
      : null;
  return {
    step,
    setStep,
    upload,
    check,
    commit,
    started,
    finished,
    setFinished,
    uploaded: (answer: Upload) => {
      setUpload(answer);
      setCheck(null);
      setStep(1);
    },
    validated: (answer: Answer) => {
      setCheck({ answer, at: new Date().toISOString() });
      commit.reset();
      setStep(2);
    },
    /** The check step's props, once there is a check. */
    checkStep,
    // Once the import runs, the earlier steps are closed: the file is being written.
    canGoTo: (target: number) => !started && target > 0 && target < step && (target !== 2 || check !== null),
  };
};

type ImportWizardState = ReturnType<typeof useImportWizard>;

const StepPanel = ({ children }: { children: ReactNode }) =>
  children ? (
    <Paper withBorder radius="md" p="md" mt="md">
      {children}
    </Paper>
  ) : null;

type ImportStepperProps = {
  /** Where the texts are, e.g. `leads.import` (`….steps.*`). */
  texts: string;
  /** The third step's name among the texts: the lead import previews, the supply-point import checks. */
  checkStep: 'preview' | 'check';
  wizard: Pick<ImportWizardState, 'step' | 'setStep' | 'started' | 'finished' | 'canGoTo'> & {
    upload: { fileName: string } | null;
  };
  onRestart: () => void;
  /** Each step's content once it can be shown. */
  file: ReactNode;
  mapping: ReactNode;
  check: ReactNode;
  run: ReactNode;
};

/** The four steps; a step done is chosen again by a click (the file step starts over with another file). */
export const ImportStepper = ({
  texts,
  checkStep,
  wizard,
  onRestart,
  file,
  mapping,
  check,
  run,
}: ImportStepperProps) => {
  const { t } = useTranslation();
  const { step, started, canGoTo } = wizard;
  const running = <StepPanel>{run}</StepPanel>;
  return (
    <Stepper
      // A finished import marks every step done.
      active={wizard.finished ? 4 : step}
      onStepClick={(target) => {
        if (target === 0) onRestart();
        else if (canGoTo(target)) wizard.setStep(target as Step);
      }}
      allowNextStepsSelect={false}
      size="sm"
      mt="sm"
    >
      <Stepper.Step
        label={t(`${texts}.steps.file`)}
        description={wizard.upload?.fileName ?? t(`${texts}.steps.fileHint`)}
        allowStepSelect={!started && step > 0}
      >
        <StepPanel>{file}</StepPanel>
      </Stepper.Step>
      <Stepper.Step
        label={t(`${texts}.steps.mapping`)}
        description={t(`${texts}.steps.mappingHint`)}
        allowStepSelect={canGoTo(1)}
      >
        <StepPanel>{mapping}</StepPanel>
      </Stepper.Step>
      <Stepper.Step
        label={t(`${texts}.steps.${checkStep}`)}
        description={t(`${texts}.steps.${checkStep}Hint`)}
        allowStepSelect={canGoTo(2)}
      >
        <StepPanel>{check}</StepPanel>
      </Stepper.Step>
      <Stepper.Step
        label={t(`${texts}.steps.run`)}
        description={t(`${texts}.steps.runHint`)}
        allowStepSelect={false}
      >
        {running}
      </Stepper.Step>
      <Stepper.Completed>{running}</Stepper.Completed>
    </Stepper>
  );
};

/**
 * An import page: back to the list, the title, and the wizard; a new key starts the wizard over with a fresh
 * state (another file).
 */
export const ImportPage = ({
  backTo,
  backLabel,
  title,
  description,
  children,
}: {
  backTo: string;
  backLabel: string;
  title: string;
  description: string;
  /** The wizard, told how to start over. */
  children: (onRestart: () => void) => ReactNode;
}) => {
  const [run, setRun] = useState(0);
  return (
    <>
      <Anchor component={Link} to={backTo} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {backLabel}
        </Group>
      </Anchor>
      <PageHeader title={title} description={description} />
      <Fragment key={run}>{children(() => setRun((n) => n + 1))}</Fragment>
    </>
  );
};
