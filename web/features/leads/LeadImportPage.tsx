import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportFileStep } from '../../components/import/ImportFileStep.js';
import { ImportPage, ImportStepper, useImportWizard } from '../../components/import/ImportWizard.js';
import { leadKeys } from './api.js';
import { LeadMappingStep } from './components/import/LeadMappingStep.js';
import { LeadPreviewStep } from './components/import/LeadPreviewStep.js';
import { LeadRunStep } from './components/import/LeadRunStep.js';
import { leadImportKeys, leadImports, type LeadUploadAnswer, type LeadValidateAnswer } from './import-api.js';
import type { Mapping } from './imports.js';

/** The wizard's state for one uploaded file; a new file starts a new one. */
const ImportWizard = ({ onRestart }: { onRestart: () => void }) => {
  const queryClient = useQueryClient();
  const wizard = useImportWizard<LeadUploadAnswer, LeadValidateAnswer>(leadImports);
  const { upload, commit, setStep, setFinished } = wizard;
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);

  const uploaded = (answer: LeadUploadAnswer) => {
    wizard.uploaded(answer);
    setMapping(answer.suggestedMapping as Mapping);
  };

  const onFinished = useCallback(
    (done: boolean) => {
      setFinished(done);
      // New and merged leads: every lead list and card shows them from now on.
      if (done) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    },
    [queryClient, setFinished],
  );

  return (
    <ImportStepper
      texts="leads.import"
      checkStep="preview"
      wizard={wizard}
      onRestart={onRestart}
      file={<ImportFileStep kind={leadImports} texts="leads.import" onUploaded={uploaded} />}
      mapping={
        upload &&
        mapping && (
          <LeadMappingStep
            upload={upload}
            source={source}
            mapping={mapping}
            onChange={(nextSource, nextMapping) => {
              setSource(nextSource);
              setMapping(nextMapping);
            }}
            onValidated={wizard.validated}
            onBack={onRestart}
          />
        )
      }
      check={wizard.checkStep && <LeadPreviewStep {...wizard.checkStep} />}
      run={
        upload &&
        wizard.started && (
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
        )
      }
    />
  );
};

/**
 * Import leads from a lead platform's CSV or XLSX export (SALES-1): upload, choose the source and map the columns
 * (the source's saved mapping fills in), preview errors and duplicates side by side and decide each duplicate,
 * then import every row at once in the background.
 */
export const LeadImportPage = () => {
  const { t } = useTranslation();
  return (
    <ImportPage
      backTo="/leads"
      backLabel={t('leads.detail.back')}
      title={t('leads.import.title')}
      description={t('leads.import.description')}
    >
      {(onRestart) => <ImportWizard onRestart={onRestart} />}
    </ImportPage>
  );
};
