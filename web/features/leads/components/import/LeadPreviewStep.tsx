import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconChevronLeft,
  IconChevronRight,
  IconCircleCheck,
  IconPlayerPlay,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../../components/FormAlert.js';
import { ImportStat, useCursorPages } from '../../../../components/import/ImportCheckParts.js';
import type { CheckStepProps } from '../../../../components/import/ImportWizard.js';
import { PageError } from '../../../../components/Page.js';
import { useFormat } from '../../../../i18n/format.js';
import {
  useDecideRows,
  useImportRows,
  useLeadImportState,
  type ImportRowItem,
  type LeadValidateAnswer,
  type MatchedRecord,
  type RowMatch,
} from '../../import-api.js';
import { decisionOf, decisionValue, mergeTargets, rowErrorField, rowErrorMessage } from '../../imports.js';

const pageSize = 20;

const Pager = ({
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) => {
  const { t } = useTranslation();
  if (page === 0 && !hasNext) return null;
  return (
    <Group gap="xs" justify="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconChevronLeft size={14} aria-hidden />}
        disabled={page === 0}
        onClick={onPrevious}
      >
        {t('leads.import.preview.previous')}
      </Button>
      <Button
        size="xs"
        variant="default"
        rightSection={<IconChevronRight size={14} aria-hidden />}
        disabled={!hasNext}
        onClick={onNext}
      >
        {t('leads.import.preview.next')}
      </Button>
    </Group>
  );
};

/** Every row with errors, each problem named by row, field and rule. */
const ErrorRows = ({ importId, checkedAt }: { importId: string; checkedAt: string }) => {
  const { t } = useTranslation();
  const paging = useCursorPages<number>();
  const rows = useImportRows(importId, 'errors', checkedAt, paging.cursor, pageSize);
  if (rows.isError) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;
  const items = rows.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table
          withTableBorder
          verticalSpacing={6}
          aria-label={t('leads.import.preview.errorsLabel')}
          aria-busy={rows.isFetching}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} ta="right">
                {t('leads.import.preview.row')}
              </Table.Th>
              <Table.Th w="22%">{t('leads.import.preview.field')}</Table.Th>
              <Table.Th>{t('leads.import.preview.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.flatMap((item) =>
              item.errors.map((error, index) => (
                <Table.Tr key={`${item.row}-${index}`}>
                  <Table.Td ta="right" ff="monospace">
                    {item.row}
                  </Table.Td>
                  <Table.Td>{rowErrorField(t, error.path)}</Table.Td>
                  <Table.Td>{rowErrorMessage(t, error)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager
        page={paging.page}
        hasNext={Boolean(rows.data?.nextCursor)}
        onPrevious={paging.previous}
        onNext={() => rows.data?.nextCursor && paging.next(rows.data.nextCursor)}
      />
    </Stack>
  );
};

const compared = ['name', 'companyId', 'email', 'phone', 'city'] as const;

const matchLabel = (t: TFunction, match: RowMatch) =>
  match.type === 'row'
    ? t('leads.import.preview.earlierRow', { row: match.row })
    : `${t(`leads.duplicates.type.${match.type}`)}: ${match.record.name}`;

/** One duplicate row beside each of its matches, the shared keys marked, and the choice of what to do with it. */
const DuplicateRow = ({
  item,
  onDecide,
  saving,
}: {
  item: ImportRowItem;
  onDecide: (value: string, revert: () => void) => void;
  saving: boolean;
}) => {
  const { t } = useTranslation();
  const targets = mergeTargets(item.matches);
  const stored = decisionValue(item);
  const [choice, setChoice] = useState(stored);
  const [shownStored, setShownStored] = useState(stored);
  if (stored !== shownStored) {
    setShownStored(stored);
    setChoice(stored);
  }
  const shared = new Set<string>(item.matches.flatMap((m) => m.fields));
  const value = (record: MatchedRecord | Record<string, string>, field: (typeof compared)[number]) =>
    (record as Record<string, string | null>)[field] ?? '—';
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {t('leads.import.preview.rowTitle', { row: item.row })}
        </Text>
        {item.decision ? (
          <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />}>
            {t(`leads.import.preview.decision.${item.decision.decision}`)}
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {t('leads.import.preview.undecidedBadge')}
          </Badge>
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table
          withColumnBorders
          verticalSpacing={4}
          fz="sm"
          aria-label={t('leads.import.preview.compareLabel', { row: item.row })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="16%" />
              <Table.Th>{t('leads.import.preview.fileRow')}</Table.Th>
              {item.matches.map((m) => (
                <Table.Th key={`${m.type}-${m.id ?? m.row}`}>{matchLabel(t, m)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {compared.map((field) => (
              <Table.Tr key={field} bg={shared.has(field) ? 'var(--mantine-color-orange-light)' : undefined}>
                <Table.Td fw={500}>{t(`leads.fields.${field}`)}</Table.Td>
                <Table.Td>{value(item.values, field)}</Table.Td>
                {item.matches.map((m) => (
                  <Table.Td key={`${m.type}-${m.id ?? m.row}`}>{value(m.record, field)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            {shared.has('supplyPointIdentifier') && (
              <Table.Tr bg="var(--mantine-color-orange-light)">
                <Table.Td fw={500}>{t('leads.duplicates.keys.supplyPointIdentifier')}</Table.Td>
                <Table.Td colSpan={item.matches.length + 1} ff="monospace">
                  {item.values.supplyPointIdentifier ?? '—'}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Radio.Group
        value={choice}
        onChange={(value) => {
          // Shown at once; the server's answer replaces it (a refusal brings the stored choice back).
          setChoice(value);
          onDecide(value, () => setChoice(stored));
        }}
        label={t('leads.import.preview.choose')}
        mt="xs"
      >
        <Group gap="md" mt={4}>
          {targets.map((m) => (
            <Radio
              key={`${m.type}-${m.id}`}
              value={`merge:${m.type}:${m.id}`}
              disabled={saving}
              label={
                m.type === 'lead'
                  ? t('leads.import.preview.mergeInto', { name: m.record.name })
                  : t('leads.import.preview.linkTo', { name: m.record.name })
              }
            />
          ))}
          <Radio value="skip" disabled={saving} label={t('leads.import.preview.decision.skip')} />
          <Radio value="keep" disabled={saving} label={t('leads.import.preview.decision.keep')} />
        </Group>
      </Radio.Group>
    </Paper>
  );
};

const DuplicateRows = ({ importId, checkedAt }: { importId: string; checkedAt: string }) => {
  const { t } = useTranslation();
  const paging = useCursorPages<number>();
  const rows = useImportRows(importId, 'duplicates', checkedAt, paging.cursor, pageSize);
  const decide = useDecideRows(importId);
  if (rows.isError) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;
  const items = rows.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text size="sm">{t('leads.import.preview.restLabel')}</Text>
        <Button
          size="xs"
          variant="default"
          loading={decide.isPending}
          onClick={() => decide.mutate({ decisions: [], rest: 'skip' })}
        >
          {t('leads.import.preview.skipRest')}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={decide.isPending}
          onClick={() => decide.mutate({ decisions: [], rest: 'keep' })}
        >
          {t('leads.import.preview.keepRest')}
        </Button>
      </Group>
      {decide.error ? <FormAlert error={decide.error} /> : null}
      {items.map((item) => (
        <DuplicateRow
          key={item.row}
          item={item}
          saving={decide.isPending}
          onDecide={(value, revert) =>
            decide.mutate({ decisions: [decisionOf(item.row, value)] }, { onError: revert })
          }
        />
      ))}
      <Pager
        page={paging.page}
        hasNext={Boolean(rows.data?.nextCursor)}
        onPrevious={paging.previous}
        onNext={() => rows.data?.nextCursor && paging.next(rows.data.nextCursor)}
      />
    </Stack>
  );
};

/**
 * Step 3: what the check found. Bad rows are listed by row, field and rule and block the import; each duplicate
 * row stands beside its matches with a choice (merge, link, skip, keep) saved as it is made.
 */
export const LeadPreviewStep = ({
  importId,
  answer,
  checkedAt,
  committing,
  commitError,
  onCommit,
  onBackToMapping,
}: CheckStepProps<LeadValidateAnswer>) => {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLeadImportState(importId, false);
  const undecided = state.data?.undecided ?? answer.duplicates;
  // The job may have found new duplicates since the check: the stored state counts them.
  const duplicates = state.data?.duplicates ?? answer.duplicates;
  const blocked = answer.invalid > 0 || undecided > 0;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <ImportStat label={t('leads.import.preview.total')} value={format.number(answer.total)} />
        <ImportStat
          label={t('leads.import.preview.valid')}
          value={format.number(answer.valid)}
          color="teal"
        />
        <ImportStat
          label={t('leads.import.preview.invalid')}
          value={format.number(answer.invalid)}
          color={answer.invalid > 0 ? 'red' : undefined}
        />
        <ImportStat
          label={t('leads.import.preview.duplicates')}
          value={format.number(duplicates)}
          color={duplicates > 0 ? 'orange' : undefined}
        />
      </SimpleGrid>
      {state.data?.error && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('leads.import.preview.changedTitle')}
        >
          {t('leads.import.preview.changedText')}
        </Alert>
      )}
      {answer.invalid > 0 && (
        <Stack gap="xs">
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t('leads.import.preview.invalidTitle', { count: answer.invalid })}
          >
            {t('leads.import.preview.invalidText')}
          </Alert>
          <ErrorRows importId={importId} checkedAt={checkedAt} />
        </Stack>
      )}
      {duplicates > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('leads.import.preview.duplicatesTitle', { count: duplicates })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('leads.import.preview.duplicatesText')}
          </Text>
          <DuplicateRows importId={importId} checkedAt={checkedAt} />
        </Stack>
      )}
      {!blocked && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          {t('leads.import.preview.ready', { count: answer.total })}
        </Alert>
      )}
      <FormAlert error={commitError} />
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={onBackToMapping}
        >
          {t('leads.import.preview.backToMapping')}
        </Button>
        <Stack gap={2} align="flex-end">
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={onCommit}
            disabled={blocked}
            loading={committing}
          >
            {t('leads.import.preview.commit', { count: answer.total })}
          </Button>
          {undecided > 0 && answer.invalid === 0 && (
            <Text size="xs" c="orange">
              {t('leads.import.preview.undecided', { count: undecided })}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  );
};
