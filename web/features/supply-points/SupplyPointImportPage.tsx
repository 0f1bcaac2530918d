import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportFileStep } from '../../components/import/ImportFileStep.js';
import { ImportPage, ImportStepper, useImportWizard } from '../../components/import/ImportWizard.js';
import { ImportCheckStep } from './components/ImportCheckStep.js';
import { ImportMappingStep } from './components/ImportMappingStep.js';
import { ImportRunStep } from './components/ImportRunStep.js';
import { supplyPointImports, type UploadAnswer, type ValidateAnswer } from './imports-api.js';
import { initialMapping, type Mapping } from './imports.js';

/** The wizard's state for one uploaded file; a new file starts a new one. */
const ImportWizard = ({ onRestart }: { onRestart: () => void }) => {
  const wizard = useImportWizard<UploadAnswer, ValidateAnswer>(supplyPointImports);
  const { upload, commit, setStep, setFinished } = wizard;
  const [mapping, setMapping] = useState<Mapping | null>(null);

  const uploaded = (answer: UploadAnswer) => {
    wizard.uploaded(answer);
    setMapping(initialMapping(answer.fields, answer.suggestedMapping, answer.headers));
  };

  return (
    <ImportStepper
      texts="supplyPoints.import"
      checkStep="check"
      wizard={wizard}
      onRestart={onRestart}
      file={<ImportFileStep kind={supplyPointImports} texts="supplyPoints.import" onUploaded={uploaded} />}
      mapping={
        upload &&
        mapping && (
          <ImportMappingStep
            upload={upload}
            mapping={mapping}
            onChange={setMapping}
            onValidated={wizard.validated}
            onBack={onRestart}
          />
        )
      }
      check={wizard.checkStep && <ImportCheckStep {...wizard.checkStep} onOtherFile={onRestart} />}
      run={
        upload &&
        wizard.started && (
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
        )
      }
    />
  );
};

/**
 * Import supply points from a CSV or XLSX file: upload, map the columns, check every row (duplicates are
 * reported, never merged), then import all rows at once in the background.
 */
export const SupplyPointImportPage = () => {
  const { t } = useTranslation();
  return (
    <ImportPage
      backTo="/supply-points"
      backLabel={t('supplyPoints.detail.back')}
      title={t('supplyPoints.import.title')}
      description={t('supplyPoints.import.description')}
    >
      {(onRestart) => <ImportWizard onRestart={onRestart} />}
    </ImportPage>
  );
};
