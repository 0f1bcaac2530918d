import { Alert, Badge, Button, Grid, Group, NavLink, Paper, ScrollArea, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowOf, type DataSentenceRecord } from '../../../domain/data-sentences/cells.js';
import { isApiError, type FieldProblem } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { notifySuccess, ruleMessage, translateCode } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import { ColumnEditor } from './ColumnEditor.js';
import { moveColumn, newColumn, partnerKinds, problemsByColumn, useLayouts, useSaveLayout, type Layout, type LayoutBody, type PartnerKind } from './api.js';

/** Made-up values of one row, so the preview shows how each column writes. */
const sampleRecord: DataSentenceRecord = {
  'contract.number': 'KW-2026-00017',
  'contract.type': 'supply',
  'contract.signedAt': '2026-03-05',
  'contract.startDate': '2027-01-01',
  'contract.endDate': '2027-12-31',
  'contract.noticePeriodMonths': '3',
  'client.name': 'Teplárne Senec a.s.',
  'client.kind': 'company',
  'client.companyId': '35742968',
  'client.taxId': '2021453419',
  'client.vatId': 'SK2021453419',
  'client.email': 'info@teplarne-senec.sk',
  'client.phone': '+421905123456',
  'client.street': 'Hlavná 1',
  'client.city': 'Senec',
  'client.postalCode': '903 01',
  'client.country': 'SK',
  'supplyPoint.identifier': '24ZZS3321456789A',
  'supplyPoint.commodity': 'electricity',
  'supplyPoint.territoryCode': 'sk-zsd',
  'supplyPoint.distributionRate': 'DD2',
  'supplyPoint.annualConsumptionMWh': '12.5005',
  'supplyPoint.street': 'Hlavná 1',
  'supplyPoint.city': 'Senec',
  'supplyPoint.postalCode': '903 01',
  'supplyPoint.iban': 'SK3112000000198742637541',
  'supplyPoint.paymentMethod': 'transfer',
  'product.code': 'EZ-FIX-27',
  'product.name': 'Fix 2027',
  'product.supplier': 'Energia Západ a.s.',
};

const emptyLayout = (): LayoutBody => ({
  partnerName: '',
  partnerKind: 'supplier',
  commodity: null,
  name: '',
  active: true,
  layout: { sheetName: 'Data', columns: [newColumn(1)] },
});

const bodyOf = (layout: Layout): LayoutBody => ({
  partnerName: layout.partnerName,
  partnerKind: layout.partnerKind,
  commodity: layout.commodity,
  name: layout.name,
  active: layout.active,
  layout: structuredClone(layout.layout),
});

/** The file's first rows as the partner will see them: the header row and one row of sample values. */
const Preview = ({ body }: { body: LayoutBody }) => {
  const { t } = useTranslation();
  const sample = rowOf(body.layout, sampleRecord);
  const cellText = (i: number): string => {
    if (!sample.ok) {
      const problem = sample.problems.find((p) => p.column === body.layout.columns[i]?.header);
      if (problem) return `⚠ ${t(`dataSentences.rules.${problem.rule}`)}`;
      return '';
    }
    const cell = sample.cells[i];
    if (!cell || cell.value === null) return '';
    if (cell.value instanceof Date) return `${cell.value.toISOString().slice(0, 10)} (${cell.numFmt ?? ''})`;
    return typeof cell.value === 'number' ? `${cell.value} (${cell.numFmt ?? ''})` : cell.value;
  };
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb="xs">
        {t('dataSentences.preview.title', { sheet: body.layout.sheetName })}
      </Text>
      <ScrollArea>
        <Table withTableBorder withColumnBorders fz="xs" aria-label={t('dataSentences.preview.title', { sheet: body.layout.sheetName })}>
          <Table.Thead>
            <Table.Tr>
              {body.layout.columns.map((c, i) => (
                <Table.Th key={i}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {body.layout.columns.map((_, i) => (
                <Table.Td key={i}>{cellText(i)}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt={4}>
        {t('dataSentences.preview.hint')}
      </Text>
    </Paper>
  );
};

const LayoutEditor = ({ layout, onSaved, onReload }: { layout: Layout | null; onSaved: (saved: Layout) => void; onReload: () => void }) => {
  const { t } = useTranslation();
  const [body, setBody] = useState<LayoutBody>(() => (layout ? bodyOf(layout) : emptyLayout()));
  const save = useSaveLayout();
  const problems: FieldProblem[] = isApiError(save.error) ? save.error.errors : [];
  const { byColumn, other } = problemsByColumn(problems);
  const fieldError = (path: string) => {
    const found = other.filter((p) => p.path === path);
    return found.length > 0 ? found.map((p) => ruleMessage(t, p.code)).join(' ') : undefined;
  };
  const layoutProblems = other.filter((p) => p.path.startsWith('layout'));
  const columns = body.layout.columns;
  const setColumns = (next: typeof columns) => setBody({ ...body, layout: { ...body.layout, columns: next } });

  const submit = () =>
    save.mutate(
      { id: layout?.id ?? null, body, version: layout?.version ?? 0 },
      {
        onSuccess: (saved) => {
          notifySuccess(t('dataSentences.saved'));
          onSaved(saved);
        },
      },
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label={t('dataSentences.editorLabel')}
    >
      <Stack>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('dataSentences.partnerName')} description={t('dataSentences.partnerNameHint')} required value={body.partnerName} error={fieldError('partnerName')} onChange={(e) => setBody({ ...body, partnerName: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Select
              label={t('dataSentences.partnerKind')}
              data={partnerKinds.map((k) => ({ value: k, label: t(`dataSentences.kinds.${k}`) }))}
              value={body.partnerKind}
              allowDeselect={false}
              onChange={(value) => value && setBody({ ...body, partnerKind: value as PartnerKind })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Select
              label={t('dataSentences.commodity')}
              data={[
                { value: 'both', label: t('dataSentences.commodities.both') },
                { value: 'electricity', label: t('dataSentences.commodities.electricity') },
                { value: 'gas', label: t('dataSentences.commodities.gas') },
              ]}
              value={body.commodity ?? 'both'}
              allowDeselect={false}
              onChange={(value) => setBody({ ...body, commodity: value === 'electricity' || value === 'gas' ? value : null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('dataSentences.name')} required value={body.name} error={fieldError('name')} onChange={(e) => setBody({ ...body, name: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput
              label={t('dataSentences.sheetName')}
              value={body.layout.sheetName}
              error={fieldError('layout.sheetName')}
              onChange={(e) => setBody({ ...body, layout: { ...body.layout, sheetName: e.currentTarget.value } })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }} pt="xl">
            <Switch label={t('dataSentences.active')} checked={body.active} onChange={(e) => setBody({ ...body, active: e.currentTarget.checked })} />
          </Grid.Col>
        </Grid>

        <Preview body={body} />

        {layoutProblems.map((p) => (
          <Alert key={`${p.path}-${p.code}`} color="red" role="alert">
            {translateCode(t, 'dataSentences.rules', p.code) ?? ruleMessage(t, p.code)}
          </Alert>
        ))}

        <Stack gap="sm">
          {columns.map((column, index) => (
            <ColumnEditor
              key={index}
              column={column}
              index={index}
              count={columns.length}
              problems={byColumn.get(index) ?? []}
              onChange={(next) => setColumns(columns.map((c, i) => (i === index ? next : c)))}
              onMove={(step) => setColumns(moveColumn(columns, index, step))}
              onRemove={() => setColumns(columns.filter((_, i) => i !== index))}
            />
          ))}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setColumns([...columns, newColumn(columns.length + 1)])}>
              {t('dataSentences.addColumn')}
            </Button>
          </Group>
        </Stack>

        <FormAlert error={save.error} unmapped={other.filter((p) => !p.path.startsWith('layout') && !['partnerName', 'name'].includes(p.path))} onReload={layout ? onReload : undefined} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Partners' data sentence layouts (CONTRACT-4): the list and the editor; administrators define them without code. */
export const LayoutsPage = () => {
  const { t } = useTranslation();
  const layouts = useLayouts();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  if (layouts.isPending) return <PageLoader />;
  if (layouts.isError) return <PageError error={layouts.error} />;
  const current = selected && selected !== 'new' ? (layouts.data.find((l) => l.id === selected) ?? null) : null;
  const open = (id: string | 'new') => {
    setSelected(id);
    setEditorKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={t('dataSentences.layoutsTitle')}
        description={t('dataSentences.layoutsDescription')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('new')}>
            {t('dataSentences.newLayout')}
          </Button>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="xs" component="nav" aria-label={t('dataSentences.layoutList')}>
            {layouts.data.length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {t('dataSentences.noLayouts')}
              </Text>
            )}
            {layouts.data.map((layout) => (
              <NavLink
                key={layout.id}
                component="button"
                active={layout.id === selected}
                label={layout.name}
                description={`${layout.partnerName} · ${t(`dataSentences.kinds.${layout.partnerKind}`)}`}
                rightSection={!layout.active ? <Badge size="xs" color="gray">{t('dataSentences.inactive')}</Badge> : null}
                onClick={() => open(layout.id)}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {selected === null ? (
            <Text c="dimmed">{t('dataSentences.chooseLayout')}</Text>
          ) : (
            <LayoutEditor
              key={`${selected}-${editorKey}-${current?.version ?? 0}`}
              layout={current}
              onSaved={(saved) => {
                setSelected(saved.id);
                setEditorKey((k) => k + 1);
              }}
              onReload={() => void layouts.refetch().then(() => setEditorKey((k) => k + 1))}
            />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
};
