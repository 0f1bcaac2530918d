import { ActionIcon, Alert, Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconInfoCircle, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { decimalSeparator } from '../../supply-points/decimal-input.js';
import { useChangePriceList, useCreatePriceList, type PriceList, type Product } from '../api.js';
import {
  emptyRow,
  isPriceListFormPath,
  priceListToValues,
  priceListValuesToBody,
  priceRowFields,
  priceRuleMessage,
  validatePriceList,
  versionState,
  type PriceListFormValues,
} from '../price-list-form.js';

type EditorProps = { product: Product; list: PriceList | null; onClose: () => void };

const EditorBody = ({ product, list, onClose }: EditorProps) => {
  const { t, i18n } = useTranslation();
  const separator = decimalSeparator(i18n.language);
  const state = list ? versionState(list) : 'draft';
  const readOnly = state === 'readOnly';
  const form = useForm<PriceListFormValues>({
    initialValues: priceListToValues(list),
    validate: validatePriceList(t, separator),
  });
  // The server names the same paths as the form (`rows.2.pricePerMWh`, `validFrom`): each problem goes under its field.
  const problems = useFormProblems(
    form,
    (path) => (isPriceListFormPath(path) ? path : null),
    ({ code }) => priceRuleMessage(t, code),
  );
  const create = useCreatePriceList(product.id, {
    onSuccess: () => {
      notifySuccess(t('priceLists.editor.created'));
      onClose();
    },
  });
  const change = useChangePriceList(product.id, {
    onSuccess: (saved) => {
      notifySuccess(
        saved.id === list?.id
          ? t('priceLists.editor.savedInPlace')
          : t('priceLists.editor.savedNewVersion', { revision: saved.revision }),
      );
      onClose();
    },
  });
  const send = (values: PriceListFormValues) => {
    problems.clear();
    const body = priceListValuesToBody(values, separator);
    if (list) change.mutate({ ...body, id: list.id, version: list.version }, { onError: problems.show });
    else create.mutate(body, { onError: problems.show });
  };

  // A list in use stays as it is: saving makes a new version, so the user confirms that first.
  const submit = form.onSubmit((values) => {
    if (state !== 'inUse') {
      send(values);
      return;
    }
    modals.openConfirmModal({
      title: t('priceLists.editor.confirmNewVersion.title'),
      children: <Text size="sm">{t('priceLists.editor.confirmNewVersion.text', { revision: (list?.revision ?? 0) + 1 })}</Text>,
      labels: { confirm: t('priceLists.editor.confirmNewVersion.confirm'), cancel: t('common.cancel') },
      onConfirm: () => send(values),
    });
  });

  const cell = (index: number, field: (typeof priceRowFields)[number]) => (
    <TextInput
      size="xs"
      aria-label={t('priceLists.editor.cellLabel', { column: t(`priceLists.columns.${field}`), row: index + 1 })}
      inputMode={field === 'tariffCode' ? 'text' : 'decimal'}
      placeholder={field === 'tariffCode' ? t('priceLists.editor.everyTariff') : field === 'purchasePerMWh' ? '—' : undefined}
      readOnly={readOnly}
      {...form.getInputProps(`rows.${index}.${field}`)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {state === 'inUse' && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />} title={t('priceLists.editor.inUseTitle')}>
            <Text size="sm">{t('priceLists.editor.inUseText', { revision: (list?.revision ?? 0) + 1 })}</Text>
          </Alert>
        )}
        {readOnly && (
          <Alert color="gray" icon={<IconLock size={18} />} title={t('priceLists.editor.readOnlyTitle')}>
            <Text size="sm">{t('priceLists.editor.readOnlyText')}</Text>
          </Alert>
        )}
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('priceLists.fields.validFrom')}
            required
            readOnly={readOnly}
            {...form.getInputProps('validFrom')}
          />
          <TextInput
            type="date"
            label={t('priceLists.fields.validTo')}
            description={t('priceLists.editor.validToHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            readOnly={readOnly}
            {...form.getInputProps('validTo')}
          />
        </SimpleGrid>
        <Textarea label={t('priceLists.fields.note')} autosize minRows={1} maxRows={4} readOnly={readOnly} {...form.getInputProps('note')} />
        <Text size="sm" c="dimmed">
          {t('priceLists.editor.rowsHint', { currency: product.currency })}
        </Text>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('priceLists.editor.rowsLabel')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t('priceLists.columns.tariffCode')}</Table.Th>
                <Table.Th>{t('priceLists.columns.pricePerMWh')}</Table.Th>
                <Table.Th>{t('priceLists.columns.monthlyFee')}</Table.Th>
                <Table.Th>{t('priceLists.columns.purchasePerMWh')}</Table.Th>
                {!readOnly && <Table.Th w={40} aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.rows.map((row, index) => (
                <Table.Tr key={row.key} style={{ verticalAlign: 'top' }}>
                  <Table.Td>{cell(index, 'tariffCode')}</Table.Td>
                  <Table.Td>{cell(index, 'pricePerMWh')}</Table.Td>
                  <Table.Td>{cell(index, 'monthlyFee')}</Table.Td>
                  <Table.Td>{cell(index, 'purchasePerMWh')}</Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem('rows', index)}
                        disabled={form.values.rows.length === 1}
                        aria-label={t('priceLists.editor.removeRow', { row: index + 1 })}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {typeof form.errors.rows === 'string' && (
          <Text size="sm" c="red">
            {form.errors.rows}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('rows', emptyRow())}
            >
              {t('priceLists.editor.addRow')}
            </Button>
          </Group>
        )}
        {readOnly ? (
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        ) : (
          <FormActions
            onCancel={onClose}
            pending={create.isPending || change.isPending}
            submitLabel={state === 'inUse' ? t('priceLists.editor.saveAsNewVersion') : t('common.save')}
          />
        )}
      </Stack>
    </form>
  );
};

/** Adds a price list, edits a draft in place, edits one in use as a new version, or shows an old version read-only. */
export const PriceListEditor = ({ opened, product, list, onClose }: EditorProps & { opened: boolean }) => {
  const { t } = useTranslation();
  const state = list ? versionState(list) : null;
  const title = !list
    ? t('priceLists.editor.createTitle')
    : state === 'readOnly'
      ? t('priceLists.editor.viewTitle', { revision: list.revision })
      : t('priceLists.editor.editTitle', { revision: list.revision });
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="xl">
      <EditorBody key={list?.id ?? 'new'} product={product} list={list} onClose={onClose} />
    </FormModal>
  );
};
