import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleMessage, translateCode } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { ColumnMappingTable, MissingFieldsAlert } from '../../../components/import/ColumnMappingTable.js';
import {
  columnSamples,
  mappingToBody,
  missingRequired,
  reusedHeaders,
} from '../../../components/import/import-rules.js';
import { useValidateImport, type UploadAnswer, type ValidateAnswer } from '../imports-api.js';
import { mappingProblems, type Mapping } from '../imports.js';

type MappingStepProps = {
  upload: UploadAnswer;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  onValidated: (answer: ValidateAnswer) => void;
  onBack: () => void;
};

/** The first rows of the file as they are, so the user sees what each column holds. */
const SamplePreview = ({ upload }: { upload: UploadAnswer }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('supplyPoints.import.mapping.preview', { count: upload.sampleRows.length, total: upload.total })}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(600, upload.headers.length * 120)}>
        <Table
          withTableBorder
          withColumnBorders
          striped
          verticalSpacing={4}
          fz="xs"
          aria-label={t('supplyPoints.import.mapping.previewLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>#</Table.Th>
              {upload.headers.map((header) => (
                <Table.Th key={header} style={{ whiteSpace: 'nowrap' }}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.sampleRows.map((row, index) => (
              <Table.Tr key={index}>
                <Table.Td c="dimmed">{index + 2}</Table.Td>
                {upload.headers.map((header, column) => (
                  <Table.Td key={header} style={{ whiteSpace: 'nowrap' }}>
                    {row[column] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
};

/** Step 2: for each field of a supply point, the file's column that fills it (prefilled by the server's guess). */
export const ImportMappingStep = ({ upload, mapping, onChange, onValidated, onBack }: MappingStepProps) => {
  const { t } = useTranslation();
  const validate = useValidateImport(upload.id);
  const [showMissing, setShowMissing] = useState(false);
  const missing = missingRequired(upload.fields, mapping);
  const reused = reusedHeaders(mapping);
  const serverProblems = mappingProblems(validate.error);

  const check = () => {
    setShowMissing(true);
    if (missing.length > 0) return;
    validate.mutate(mappingToBody(mapping), { onSuccess: onValidated });
  };

  return (
    <Stack gap="lg">
      <Text size="sm">
        {t('supplyPoints.import.mapping.intro', {
          fileName: upload.fileName,
          count: upload.total,
          columns: upload.headers.length,
        })}
      </Text>
      {validate.error && Object.keys(serverProblems).length === 0 ? (
        <FormAlert error={validate.error} />
      ) : null}
      <ColumnMappingTable
        texts="supplyPoints.import"
        fields={upload.fields}
        headers={upload.headers}
        mapping={mapping}
        onPick={(field, header) => onChange({ ...mapping, [field]: header })}
        samplesOf={(header) => columnSamples(upload.headers, upload.sampleRows, header)}
        showMissing={showMissing}
        serverProblemOf={(field) => {
          const code = serverProblems[field];
          return code
            ? (translateCode(t, 'supplyPoints.import.mapping.problems', code) ?? ruleMessage(t, code))
            : undefined;
        }}
        noteOf={(header) =>
          header && reused.has(header) ? t('supplyPoints.import.mapping.reused') : undefined
        }
        emptyColumn={t('supplyPoints.import.mapping.emptyColumn')}
      />
      {showMissing && <MissingFieldsAlert texts="supplyPoints.import" missing={missing} />}
      <SamplePreview upload={upload} />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('supplyPoints.import.otherFile')}
        </Button>
        <Stack gap={2} align="flex-end">
          <Button
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={check}
            loading={validate.isPending}
          >
            {t('supplyPoints.import.mapping.check', { count: upload.total })}
          </Button>
          {validate.isPending && (
            <Text size="xs" c="dimmed" aria-live="polite">
              {t('supplyPoints.import.mapping.checking', { count: upload.total })}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  );
};
