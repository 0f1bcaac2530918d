import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeOptions } from '../../code-lists/api.js';
import { decimalSeparator, parseDecimalInput } from '../../supply-points/decimal-input.js';
import { priceModels, useUpdateCase, type CaseDetail, type Potential } from '../api.js';

const quantityPattern = /^\d{1,15}(\.\d{1,3})?$/;

/** The case's potential per commodity and territory (SALES-1/3): replaced as a set when saved. */
const EditorBody = ({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(format.locale);
  const territories = useCodeOptions('distributionTerritory');
  const [rows, setRows] = useState<Potential[]>(
    detail.potentials.map(({ id: _id, ...p }) => ({ ...p, quantity: p.quantity ? p.quantity.replace('.', separator) : null })),
  );
  const save = useUpdateCase(detail.id, { onSuccess: onClose });
  const setRow = (index: number, change: Partial<Potential>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const parsed = rows.map((r) => ({ ...r, quantity: r.quantity ? parseDecimalInput(r.quantity, separator) : null }));
  const badQuantity = (index: number) => {
    const q = parsed[index]?.quantity;
    return q !== null && q !== undefined && !quantityPattern.test(q);
  };
  const isValid = parsed.every((_, i) => !badQuantity(i));
  const serverError = (index: number, field: string) =>
    isApiError(save.error) ? save.error.errors.find((e) => e.path === `potentials.${index}.${field}`) : undefined;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!isValid) return;
        save.mutate({ potentials: parsed, version: detail.version });
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert error={save.error} onReload={onClose} />
        {rows.map((row, index) => (
          <Fieldset key={index} legend={t('cases.potentials.row', { number: index + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('cases.potentials.commodity')}
                data={(['electricity', 'gas', 'service'] as const).map((c) => ({ value: c, label: t(`cases.potentials.commodities.${c}`) }))}
                value={row.commodity}
                allowDeselect={false}
                onChange={(value) => setRow(index, { commodity: (value ?? 'electricity') as Potential['commodity'] })}
              />
              <Select label={t('cases.fields.territoryCode')} data={territories} clearable searchable value={row.territoryCode} onChange={(value) => setRow(index, { territoryCode: value })} />
              <Select
                label={t('cases.potentials.priceModel')}
                data={priceModels.map((m) => ({ value: m, label: t(`cases.potentials.priceModels.${m}`) }))}
                clearable
                value={row.priceModel}
                onChange={(value) => setRow(index, { priceModel: value as Potential['priceModel'] })}
              />
              <TextInput label={t('cases.potentials.periodFrom')} type="date" value={row.periodFrom ?? ''} onChange={(e) => setRow(index, { periodFrom: e.currentTarget.value || null })} />
              <TextInput
                label={t('cases.potentials.periodTo')}
                type="date"
                value={row.periodTo ?? ''}
                onChange={(e) => setRow(index, { periodTo: e.currentTarget.value || null })}
                error={serverError(index, 'periodTo') ? t('cases.potentials.periodToBeforeFrom') : undefined}
              />
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('cases.potentials.quantity')}
                  inputMode="decimal"
                  value={row.quantity ?? ''}
                  onChange={(e) => setRow(index, { quantity: e.currentTarget.value || null })}
                  error={badQuantity(index) ? t('validation.decimal') : undefined}
                  style={{ flex: 1 }}
                />
                <Select
                  aria-label={t('cases.potentials.unit')}
                  data={['kWh', 'MWh', 'm3'].map((u) => ({ value: u, label: t(`cases.units.${u}`) }))}
                  value={row.quantityUnit}
                  onChange={(value) => setRow(index, { quantityUnit: value as Potential['quantityUnit'] })}
                  error={serverError(index, 'quantityUnit') ? t('cases.potentials.unitProblem') : undefined}
                  w={90}
                />
              </Group>
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon variant="default" color="red" onClick={() => setRows((all) => all.filter((_, i) => i !== index))} aria-label={t('cases.potentials.remove')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setRows((all) => [
                ...all,
                { commodity: detail.commodity === 'gas' ? 'gas' : 'electricity', territoryCode: detail.territoryCode, periodFrom: null, periodTo: null, priceModel: null, quantity: null, quantityUnit: 'MWh' },
              ])
            }
          >
            {t('cases.potentials.add')}
          </Button>
        </Group>
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} submitDisabled={!isValid} mt={0} />
      </Stack>
    </form>
  );
};

export const PotentialsEditor = ({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('cases.potentials.editTitle')} size="xl">
      <EditorBody detail={detail} onClose={onClose} />
    </FormModal>
  );
};
