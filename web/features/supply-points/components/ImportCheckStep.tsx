import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconChevronLeft,
  IconChevronRight,
  IconCircleCheck,
  IconCopy,
  IconExternalLink,
  IconFileUpload,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert.js';
import { ImportStat, useCursorPages } from '../../../components/import/ImportCheckParts.js';
import type { CheckStepProps } from '../../../components/import/ImportWizard.js';
import { PageError } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useImportErrors, type RowError, type ValidateAnswer } from '../imports-api.js';
import { errorKind, rowErrorField, rowErrorMessage } from '../imports.js';

const pageSize = 50;

const ErrorRow = ({ error }: { error: RowError }) => {
  const { t } = useTranslation();
  const kind = errorKind(error);
  const duplicate = kind !== 'other';
  return (
    <Table.Tr bg={duplicate ? 'var(--mantine-color-orange-light)' : undefined}>
      <Table.Td ff="monospace" ta="right">
        {error.row}
      </Table.Td>
      <Table.Td>{rowErrorField(t, error)}</Table.Td>
      <Table.Td>
        {kind === 'duplicate' ? (
          <Badge
            color="orange"
            size="sm"
            leftSection={<IconCopy size={10} aria-hidden />}
            style={{ textTransform: 'none' }}
          >
            {t('supplyPoints.import.check.duplicateBadge')}
          </Badge>
        ) : kind === 'duplicate_in_file' ? (
          <Badge
            color="grape"
            size="sm"
            leftSection={<IconCopy size={10} aria-hidden />}
            style={{ textTransform: 'none' }}
          >
            {t('supplyPoints.import.check.duplicateInFileBadge')}
          </Badge>
        ) : (
          <Text size="xs" ff="monospace" c="dimmed">
            {error.code}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{rowErrorMessage(t, error)}</Text>
        {kind === 'duplicate' && error.supplyPointId && (
          <Anchor component={Link} to={`/supply-points/${error.supplyPointId}`} target="_blank" size="xs">
            <Group gap={4} component="span">
              {t('supplyPoints.import.check.openExisting')}
              <IconExternalLink size={12} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
};

/** Every error of the last check, a page at a time through the errors list (cursor paging). */
const ErrorTable = ({
  importId,
  checkedAt,
  errorCount,
}: {
  importId: string;
  checkedAt: string;
  errorCount: number;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const paging = useCursorPages<string>();
  const { page } = paging;
  const errors = useImportErrors(importId, checkedAt, paging.cursor, pageSize);

  if (errors.isError) return <PageError error={errors.error} onRetry={() => void errors.refetch()} />;
  const items = errors.data?.items ?? [];
  const next = errors.data?.nextCursor ?? null;
  const from = page * pageSize + 1;
  const to = page * pageSize + items.length;

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={720}>
        <Table
          verticalSpacing={6}
          withTableBorder
          aria-label={t('supplyPoints.import.check.tableLabel')}
          aria-busy={errors.isFetching}
          style={{ opacity: errors.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} ta="right">
                {t('supplyPoints.import.check.row')}
              </Table.Th>
              <Table.Th w="20%">{t('supplyPoints.import.check.field')}</Table.Th>
              <Table.Th w="18%">{t('supplyPoints.import.check.rule')}</Table.Th>
              <Table.Th>{t('supplyPoints.import.check.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((error, index) => (
              <ErrorRow key={`${error.row}-${error.path}-${error.code}-${index}`} error={error} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="xs" c="dimmed" aria-live="polite">
          {items.length > 0
            ? t('supplyPoints.import.check.range', {
                from: format.number(from),
                to: format.number(to),
                total: format.number(errorCount),
              })
            : ''}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={page === 0}
            onClick={paging.previous}
          >
            {t('supplyPoints.import.check.previous')}
          </Button>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            disabled={!next || errors.isFetching}
            onClick={() => next && paging.next(next)}
          >
            {t('supplyPoints.import.check.next')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
};

type ImportCheckStepProps = CheckStepProps<ValidateAnswer> & { onOtherFile: () => void };

/** Step 3: how many rows are valid, every problem by row (duplicates marked), and the import when nothing failed. */
export const ImportCheckStep = ({
  importId,
  answer,
  checkedAt,
  committing,
  commitError,
  onCommit,
  onBackToMapping,
  onOtherFile,
}: ImportCheckStepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const clean = answer.invalid === 0;
  const duplicates = answer.errors.filter((e) => errorKind(e) !== 'other').length;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <ImportStat label={t('supplyPoints.import.check.total')} value={format.number(answer.total)} />
        <ImportStat
          label={t('supplyPoints.import.check.valid')}
          value={format.number(answer.valid)}
          color="teal"
        />
        <ImportStat
          label={t('supplyPoints.import.check.invalid')}
          value={format.number(answer.invalid)}
          color={answer.invalid > 0 ? 'red' : undefined}
        />
        <ImportStat
          label={t('supplyPoints.import.check.errorCount')}
          value={format.number(answer.errorCount)}
          color={answer.errorCount > 0 ? 'red' : undefined}
        />
      </SimpleGrid>

      {clean ? (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={18} />}
          title={t('supplyPoints.import.check.cleanTitle')}
        >
          <Text size="sm">{t('supplyPoints.import.check.cleanText', { count: answer.valid })}</Text>
        </Alert>
      ) : (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('supplyPoints.import.check.invalidTitle', { count: answer.invalid })}
        >
          <Text size="sm">{t('supplyPoints.import.check.invalidText')}</Text>
          {duplicates > 0 && (
            <Text size="sm" mt={4}>
              {t('supplyPoints.import.check.duplicatesHint')}
            </Text>
          )}
        </Alert>
      )}

      <FormAlert error={commitError} />

      {!clean && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('supplyPoints.import.check.errorsTitle')}
          </Title>
          <ErrorTable importId={importId} checkedAt={checkedAt} errorCount={answer.errorCount} />
        </Stack>
      )}

      <Group justify="space-between">
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={onBackToMapping}
          >
            {t('supplyPoints.import.check.backToMapping')}
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconFileUpload size={16} aria-hidden />}
            onClick={onOtherFile}
          >
            {t('supplyPoints.import.otherFile')}
          </Button>
        </Group>
        {clean && (
          <Button
            color="teal"
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={onCommit}
            loading={committing}
          >
            {t('supplyPoints.import.check.commit', { count: answer.valid })}
          </Button>
        )}
      </Group>
    </Stack>
  );
};
