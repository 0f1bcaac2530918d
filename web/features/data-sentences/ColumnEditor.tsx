import { ActionIcon, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ruleMessage, translateCode } from '../../components/errors.js';
import { dataSentenceFieldKinds, dataSentenceFields, datePatterns, type ColumnFormat, type DataSentenceField, type LayoutColumn } from './api.js';

const entities = ['contract', 'client', 'supplyPoint', 'product'] as const;

/** The format a field suggests when it is chosen: dates as dates, decimals with 3 places, codes mapped. */
const suggestedFormat = (field: DataSentenceField): ColumnFormat => {
  switch (dataSentenceFieldKinds[field]) {
    case 'date':
      return { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false };
    case 'decimal':
      return { kind: 'decimal', places: 3, asText: false, decimalSeparator: ',' };
    default:
      return { kind: 'text' };
  }
};

const defaultFormat = (kind: ColumnFormat['kind']): ColumnFormat => {
  switch (kind) {
    case 'text':
      return { kind: 'text' };
    case 'date':
      return { kind: 'date', pattern: 'DD.MM.YYYY', excelDate: false };
    case 'decimal':
      return { kind: 'decimal', places: 2, asText: false, decimalSeparator: ',' };
    case 'mapping':
      return { kind: 'mapping', pairs: [{ from: '', to: '' }], otherwise: 'error' };
  }
};

type Props = {
  column: LayoutColumn;
  index: number;
  count: number;
  problems: { path: string; code: string }[];
  onChange: (column: LayoutColumn) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
};

/** One column of a partner's layout: header, source (a field or a fixed text), format, and its place in the order. */
export const ColumnEditor = ({ column, index, count, problems, onChange, onMove, onRemove }: Props) => {
  const { t } = useTranslation();
  const n = index + 1;
  const rule = (code: string) => translateCode(t, 'dataSentences.rules', code) ?? ruleMessage(t, code);
  const errorAt = (suffix: string) => {
    const found = problems.filter((p) => p.path === `layout.columns.${index}${suffix}`);
    return found.length > 0 ? found.map((p) => rule(p.code)).join(' ') : undefined;
  };
  const fieldData = entities.map((entity) => ({
    group: t(`dataSentences.entities.${entity}`),
    items: dataSentenceFields.filter((f) => f.startsWith(`${entity}.`)).map((f) => ({ value: f, label: t(`dataSentences.fields.${f}`) })),
  }));
  const format = column.format;
  const setFormat = (next: ColumnFormat) => onChange({ ...column, format: next });

  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={t('dataSentences.column.label', { n, header: column.header })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {t('dataSentences.column.title', { n })}
          </Text>
          <Group gap={4}>
            <ActionIcon variant="subtle" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('dataSentences.column.moveUp', { n })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('dataSentences.column.moveDown', { n })}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" disabled={count === 1} onClick={onRemove} aria-label={t('dataSentences.column.remove', { n })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('dataSentences.column.header')}
            value={column.header}
            onChange={(e) => onChange({ ...column, header: e.currentTarget.value })}
            error={errorAt('.header')}
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`source-${index}`}>
              {t('dataSentences.column.source')}
            </Text>
            <SegmentedControl
              aria-labelledby={`source-${index}`}
              value={column.source.kind}
              data={[
                { value: 'field', label: t('dataSentences.column.sourceField') },
                { value: 'fixed', label: t('dataSentences.column.sourceFixed') },
              ]}
              onChange={(kind) =>
                onChange({ ...column, source: kind === 'fixed' ? { kind: 'fixed', text: '' } : { kind: 'field', field: 'contract.number' }, format: { kind: 'text' } })
              }
            />
          </Stack>
        </Group>
        {column.source.kind === 'field' ? (
          <Select
            label={t('dataSentences.column.field')}
            data={fieldData}
            value={column.source.field}
            searchable
            allowDeselect={false}
            error={errorAt('.source.field')}
            onChange={(value) => value && onChange({ ...column, source: { kind: 'field', field: value as DataSentenceField }, format: suggestedFormat(value as DataSentenceField) })}
          />
        ) : (
          <TextInput
            label={t('dataSentences.column.fixedText')}
            value={column.source.text}
            error={errorAt('.source.text')}
            onChange={(e) => onChange({ ...column, source: { kind: 'fixed', text: e.currentTarget.value } })}
          />
        )}
        <Select
          label={t('dataSentences.column.format')}
          data={(['text', 'date', 'decimal', 'mapping'] as const).map((kind) => ({ value: kind, label: t(`dataSentences.formats.${kind}`) }))}
          value={format.kind}
          allowDeselect={false}
          onChange={(kind) => kind && setFormat(defaultFormat(kind as ColumnFormat['kind']))}
        />
        {format.kind === 'date' && (
          <Group grow align="flex-end">
            <Select
              label={t('dataSentences.column.pattern')}
              data={datePatterns.map((p) => ({ value: p, label: p }))}
              value={format.pattern}
              allowDeselect={false}
              error={errorAt('.format.pattern')}
              onChange={(pattern) => pattern && setFormat({ ...format, pattern: pattern as (typeof datePatterns)[number] })}
            />
            <Switch
              label={t('dataSentences.column.excelDate')}
              description={t('dataSentences.column.excelDateHint')}
              checked={format.excelDate}
              onChange={(e) => setFormat({ ...format, excelDate: e.currentTarget.checked })}
            />
          </Group>
        )}
        {format.kind === 'decimal' && (
          <Group grow align="flex-end">
            <NumberInput
              label={t('dataSentences.column.places')}
              min={0}
              max={6}
              value={format.places}
              error={errorAt('.format.places')}
              onChange={(value) => setFormat({ ...format, places: typeof value === 'number' ? value : 0 })}
            />
            <Switch
              label={t('dataSentences.column.asText')}
              description={t('dataSentences.column.asTextHint')}
              checked={format.asText}
              onChange={(e) => setFormat({ ...format, asText: e.currentTarget.checked })}
            />
            {format.asText && (
              <Select
                label={t('dataSentences.column.decimalSeparator')}
                data={[
                  { value: ',', label: t('dataSentences.column.comma') },
                  { value: '.', label: t('dataSentences.column.point') },
                ]}
                value={format.decimalSeparator}
                allowDeselect={false}
                onChange={(value) => value && setFormat({ ...format, decimalSeparator: value as ',' | '.' })}
              />
            )}
          </Group>
        )}
        {format.kind === 'mapping' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('dataSentences.column.pairs')}
            </Text>
            {errorAt('.format.pairs') && (
              <Text size="sm" c="red" role="alert">
                {errorAt('.format.pairs')}
              </Text>
            )}
            {format.pairs.map((pair, p) => (
              <Group key={p} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('dataSentences.column.from')}
                  aria-label={t('dataSentences.column.fromN', { n: p + 1 })}
                  value={pair.from}
                  error={errorAt(`.format.pairs.${p}.from`)}
                  onChange={(e) => setFormat({ ...format, pairs: format.pairs.map((x, i) => (i === p ? { ...x, from: e.currentTarget.value } : x)) })}
                />
                <TextInput
                  label={t('dataSentences.column.to')}
                  aria-label={t('dataSentences.column.toN', { n: p + 1 })}
                  value={pair.to}
                  onChange={(e) => setFormat({ ...format, pairs: format.pairs.map((x, i) => (i === p ? { ...x, to: e.currentTarget.value } : x)) })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  disabled={format.pairs.length === 1}
                  onClick={() => setFormat({ ...format, pairs: format.pairs.filter((_, i) => i !== p) })}
                  aria-label={t('dataSentences.column.removePair', { n: p + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setFormat({ ...format, pairs: [...format.pairs, { from: '', to: '' }] })}
              >
                {t('dataSentences.column.addPair')}
              </Button>
              <Select
                size="xs"
                label={t('dataSentences.column.otherwise')}
                data={(['error', 'empty', 'keep'] as const).map((value) => ({ value, label: t(`dataSentences.otherwise.${value}`) }))}
                value={format.otherwise}
                allowDeselect={false}
                onChange={(value) => value && setFormat({ ...format, otherwise: value as 'error' | 'empty' | 'keep' })}
              />
            </Group>
          </Stack>
        )}
        {problems
          .filter((p) => !/\.(header|source\.field|source\.text|format\.pattern|format\.places|format\.pairs(\.\d+\.from)?)$/.test(p.path))
          .map((p) => (
            <Text key={`${p.path}-${p.code}`} size="sm" c="red" role="alert">
              {rule(p.code)}
            </Text>
          ))}
      </Stack>
    </Paper>
  );
};
