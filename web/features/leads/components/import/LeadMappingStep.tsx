import { Alert, Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../api/client.js';
import { ruleMessage } from '../../../../components/errors.js';
import { FormAlert } from '../../../../components/FormAlert.js';
import { ColumnMappingTable, MissingFieldsAlert } from '../../../../components/import/ColumnMappingTable.js';
import { columnSamples, mappingToBody, missingRequired } from '../../../../components/import/import-rules.js';
import { useValidateLeadImport, type LeadUploadAnswer, type LeadValidateAnswer } from '../../import-api.js';
import { mappingForSource, savedMappingOf, type Mapping } from '../../imports.js';

type MappingStepProps = {
  upload: LeadUploadAnswer;
  source: string;
  mapping: Mapping;
  onChange: (source: string, mapping: Mapping) => void;
  onValidated: (answer: LeadValidateAnswer) => void;
  onBack: () => void;
};

/**
 * Step 2: where the leads come from (a lead platform such as Reinet) and which column fills which field. The
 * mapping last used for the source fills the table as soon as the source is chosen; checking the rows saves it.
 */
export const LeadMappingStep = ({
  upload,
  source,
  mapping,
  onChange,
  onValidated,
  onBack,
}: MappingStepProps) => {
  const { t } = useTranslation();
  const validate = useValidateLeadImport(upload.id);
  const [showMissing, setShowMissing] = useState(false);
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const missing = missingRequired(upload.fields, mapping);
  const sourceMissing = showMissing && !source.trim();
  const serverProblems = new Map(
    (isApiError(validate.error) ? validate.error.errors : []).flatMap((p) => {
      const match = /^mapping\.(\w+)$/.exec(p.path);
      return match ? [[match[1]!, p.code] as const] : [];
    }),
  );

  const chooseSource = (value: string) => {
    const saved = savedMappingOf(upload.savedMappings, value);
    if (saved) {
      onChange(value, mappingForSource(upload, value));
      setPrefilledFrom(saved.source);
    } else {
      onChange(value, mapping);
      setPrefilledFrom(null);
    }
  };

  const check = () => {
    setShowMissing(true);
    if (missing.length > 0 || !source.trim()) return;
    validate.mutate({ source: source.trim(), mapping: mappingToBody(mapping) }, { onSuccess: onValidated });
  };

  return (
    <Stack gap="lg">
      <Text size="sm">
        {t('leads.import.mapping.intro', {
          fileName: upload.fileName,
          count: upload.total,
          columns: upload.headers.length,
        })}
      </Text>
      <Autocomplete
        label={t('leads.import.mapping.source')}
        description={t('leads.import.mapping.sourceHint')}
        placeholder="Reinet"
        data={upload.savedMappings.map((m) => m.source)}
        value={source}
        onChange={chooseSource}
        required
        maw={360}
        error={sourceMissing ? t('validation.required') : undefined}
        maxLength={60}
      />
      {prefilledFrom && (
        <Alert color="blue" variant="light">
          {t('leads.import.mapping.prefilled', { source: prefilledFrom })}
        </Alert>
      )}
      {validate.error && serverProblems.size === 0 ? <FormAlert error={validate.error} /> : null}
      <ColumnMappingTable
        texts="leads.import"
        fields={upload.fields}
        headers={upload.headers}
        mapping={mapping}
        onPick={(field, header) => onChange(source, { ...mapping, [field]: header })}
        samplesOf={(header) => columnSamples(upload.headers, upload.sampleRows, header)}
        showMissing={showMissing}
        serverProblemOf={(field) => {
          const code = serverProblems.get(field);
          return code ? ruleMessage(t, code) : undefined;
        }}
      />
      <Text size="xs" c="dimmed">
        {t('leads.import.mapping.attributesHint')}
      </Text>
      {showMissing && <MissingFieldsAlert texts="leads.import" missing={missing} />}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('leads.import.otherFile')}
        </Button>
        <Button
          leftSection={<IconListCheck size={16} aria-hidden />}
          onClick={check}
          loading={validate.isPending}
        >
          {t('leads.import.mapping.check', { count: upload.total })}
        </Button>
      </Group>
    </Stack>
  );
};
