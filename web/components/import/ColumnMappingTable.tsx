import { Alert, Badge, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from './import-rules.js';

type ColumnMappingTableProps<Field extends string> = {
  /** Where the texts are, e.g. `leads.import` (`….mapping.*`, `….fields.*`). */
  texts: string;
  fields: readonly { field: Field; required: boolean }[];
  headers: readonly string[];
  mapping: ColumnMapping<Field>;
  onPick: (field: Field, header: string | null) => void;
  /** The samples of each mapped column; shown after the column. */
  samplesOf: (header: string | null) => string[];
  /** After "check": the required fields without a column are marked. */
  showMissing: boolean;
  /** The server's refusal of a field's column, in words. */
  serverProblemOf: (field: Field) => string | undefined;
  /** A note under a column's choice (e.g. a column chosen twice); with it, the note shows in orange. */
  noteOf?: (header: string | null) => string | undefined;
  /** What the samples cell says of a mapped column without values; empty when not given. */
  emptyColumn?: string;
};

/** For each field of the import, the file's column that fills it and what that column holds. */
export const ColumnMappingTable = <Field extends string>({
  texts,
  fields,
  headers,
  mapping,
  onPick,
  samplesOf,
  showMissing,
  serverProblemOf,
  noteOf,
  emptyColumn = '',
}: ColumnMappingTableProps<Field>) => {
  const { t } = useTranslation();
  const headerOptions = headers.map((header) => ({ value: header, label: header }));
  return (
    <Paper withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} aria-label={t(`${texts}.mapping.tableLabel`)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t(`${texts}.mapping.field`)}</Table.Th>
              <Table.Th w="32%">{t(`${texts}.mapping.column`)}</Table.Th>
              <Table.Th>{t(`${texts}.mapping.samples`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map(({ field, required }) => {
              const header: string | null = mapping[field];
              const samples = samplesOf(header);
              const label = t(`${texts}.fields.${field}`);
              const error =
                showMissing && required && !header
                  ? t(`${texts}.mapping.requiredColumn`)
                  : serverProblemOf(field);
              return (
                <Table.Tr key={field}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={required ? 600 : 400}>
                        {label}
                      </Text>
                      {required && (
                        <Badge size="xs" variant="light" color="red">
                          {t(`${texts}.mapping.required`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t(`${texts}.mapping.columnFor`, { field: label })}
                      placeholder={t(`${texts}.mapping.notImported`)}
                      data={headerOptions}
                      value={header}
                      onChange={(value) => onPick(field, value)}
                      clearable
                      searchable
                      size="xs"
                      error={error}
                      {...(noteOf && {
                        description: noteOf(header),
                        inputWrapperOrder: ['input', 'description', 'error'],
                        styles: { description: { color: 'var(--mantine-color-orange-8)' } },
                      })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace" lineClamp={1}>
                      {samples.length > 0 ? samples.join(' · ') : header ? emptyColumn : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
};

/** After "check": the required fields that still have no column. */
export const MissingFieldsAlert = ({ texts, missing }: { texts: string; missing: readonly string[] }) => {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
      {t(`${texts}.mapping.missing`, {
        fields: missing.map((f) => t(`${texts}.fields.${f}`)).join(', '),
      })}
    </Alert>
  );
};
