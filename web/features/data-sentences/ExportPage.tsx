import { Alert, Anchor, Button, Checkbox, Grid, Group, List, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { errorMessage, translateCode } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { exportFileUrl, useCreateExport, useExports, useLayouts, type KeptExport } from './api.js';

/** The first and last day of the previous calendar month, the period a monthly data sentence usually covers. */
const previousMonth = (today = new Date()): { from: string; to: string } => {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
};

const KeptExports = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const exports = useExports(null);
  if (exports.isPending) return <PageLoader />;
  if (exports.isError) return <PageError error={exports.error} />;
  const items: KeptExport[] = exports.data.pages.flatMap((p) => p.items);
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('dataSentences.kept.title')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dataSentences.kept.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('dataSentences.kept.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dataSentences.kept.createdAt')}</Table.Th>
                <Table.Th>{t('dataSentences.kept.createdBy')}</Table.Th>
                <Table.Th>{t('dataSentences.kept.layout')}</Table.Th>
                <Table.Th>{t('dataSentences.kept.period')}</Table.Th>
                <Table.Th ta="right">{t('dataSentences.kept.contracts')}</Table.Th>
                <Table.Th ta="right">{t('dataSentences.kept.rows')}</Table.Th>
                <Table.Th>{t('dataSentences.kept.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{item.createdBy?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {item.layoutName ?? item.partnerName}
                    <Text size="xs" c="dimmed">
                      {item.supplier ? t('dataSentences.kept.onlySupplier', { supplier: item.supplier }) : item.partnerName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('dataSentences.kept.periodValue', { from: format.date(item.signedFrom), to: format.date(item.signedTo) })}</Table.Td>
                  <Table.Td ta="right">{format.number(item.contractCount)}</Table.Td>
                  <Table.Td ta="right">{format.number(item.rowCount)}</Table.Td>
                  <Table.Td>
                    <Anchor href={exportFileUrl(item.id)} download aria-label={t('dataSentences.kept.downloadNamed', { name: item.fileName })}>
                      <Group gap={4} wrap="nowrap">
                        <IconDownload size={14} aria-hidden />
                        {item.fileName}
                      </Group>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {exports.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={exports.isFetchingNextPage} onClick={() => void exports.fetchNextPage()}>
            {t('dataSentences.kept.more')}
          </Button>
        </Group>
      )}
    </Paper>
  );
};

/** Export a data sentence (CONTRACT-4): choose a partner's layout and a period, get the file; every export is kept. */
export const ExportPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const layouts = useLayouts();
  const create = useCreateExport();
  const month = previousMonth();
  const [layoutId, setLayoutId] = useState<string | null>(null);
  const [from, setFrom] = useState(month.from);
  const [to, setTo] = useState(month.to);
  const [onlyPartner, setOnlyPartner] = useState(true);
  if (layouts.isPending) return <PageLoader />;
  if (layouts.isError) return <PageError error={layouts.error} />;
  const active = layouts.data.filter((l) => l.active);
  const layout = active.find((l) => l.id === layoutId) ?? null;
  const problems = isApiError(create.error) ? create.error.errors : [];
  const fieldError = (path: string) => {
    const found = problems.filter((p) => p.path === path);
    return found.length > 0 ? found.map((p) => translateCode(t, 'dataSentences.rules', p.code) ?? t('validation.invalid')).join(' ') : undefined;
  };
  const rowProblems = problems.filter((p) => p.path.startsWith('rows.'));

  return (
    <>
      <PageHeader title={t('dataSentences.exportTitle')} description={t('dataSentences.exportDescription')} />
      <Stack>
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!layout) return;
              create.mutate({ layoutId: layout.id, signedFrom: from, signedTo: to, onlyPartnerContracts: layout.partnerKind === 'supplier' && onlyPartner });
            }}
          >
            <Grid align="flex-end">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Select
                  label={t('dataSentences.export.layout')}
                  placeholder={t('dataSentences.export.chooseLayout')}
                  data={active.map((l) => ({ value: l.id, label: `${l.name} (${l.partnerName})` }))}
                  value={layoutId}
                  onChange={setLayoutId}
                  required
                  error={fieldError('layoutId')}
                  nothingFoundMessage={t('dataSentences.noLayouts')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <TextInput type="date" label={t('dataSentences.export.signedFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required error={fieldError('signedFrom')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <TextInput type="date" label={t('dataSentences.export.signedTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required error={fieldError('signedTo')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Button type="submit" disabled={!layout} loading={create.isPending} leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
                  {t('dataSentences.export.run')}
                </Button>
              </Grid.Col>
            </Grid>
            {layout?.partnerKind === 'supplier' && (
              <Checkbox
                mt="sm"
                label={t('dataSentences.export.onlyPartner', { supplier: layout.partnerName })}
                checked={onlyPartner}
                onChange={(e) => setOnlyPartner(e.currentTarget.checked)}
              />
            )}
          </form>
          {create.isPending && (
            <Group mt="md" role="status" aria-live="polite">
              <Loader size="sm" />
              <Text size="sm">{t('dataSentences.export.running')}</Text>
            </Group>
          )}
          {create.isSuccess && (
            <Alert mt="md" color="teal" role="status" title={t('dataSentences.export.done', { count: create.data.rowCount })}>
              <Text size="sm">{t('dataSentences.kept.periodValue', { from: format.date(create.data.signedFrom), to: format.date(create.data.signedTo) })}</Text>
              <Button mt="xs" component="a" href={exportFileUrl(create.data.id)} download leftSection={<IconDownload size={16} aria-hidden />}>
                {t('dataSentences.export.download')}
              </Button>
            </Alert>
          )}
          {create.isError && (
            <Alert mt="md" color="red" role="alert" title={errorMessage(t, create.error)}>
              {rowProblems.length > 0 && (
                <List size="sm">
                  {rowProblems.map((p) => (
                    <List.Item key={`${p.path}-${p.code}`}>
                      {t('dataSentences.export.problem', { rule: translateCode(t, 'dataSentences.rules', p.code) ?? p.code, detail: p.message })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </Paper>
        <KeptExports />
      </Stack>
    </>
  );
};
