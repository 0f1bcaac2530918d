import { Alert, Anchor, Button, FileInput, Group, List, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { notifySuccess } from '../../../components/errors.js';
import { FormAlert } from '../../../components/FormAlert.js';
import { priceListTemplateUrl, useImportPriceList, type ImportAnswer, type Product } from '../api.js';
import { fileToBase64, importProblemText, priceRuleMessage } from '../price-list-form.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The preview's answer: every problem by row and column, or the rows that will be imported. */
const Preview = ({ answer, currency }: { answer: ImportAnswer; currency: string }) => {
  const { t } = useTranslation();
  if (answer.errors.length > 0)
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('priceLists.import.errorsTitle', { count: answer.errors.length })} role="alert">
        <List size="sm">
          {answer.errors.map((problem) => (
            <List.Item key={`${problem.row}-${problem.column}-${problem.code}`}>{importProblemText(t, problem)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('priceLists.import.readyTitle', { count: answer.rows.length })}>
        <Text size="sm">{t('priceLists.import.readyText')}</Text>
      </Alert>
      <Table.ScrollContainer minWidth={520} mah={260}>
        <Table aria-label={t('priceLists.import.previewLabel')} striped="even" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('priceLists.columns.tariffCode')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.columns.pricePerMWh')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.columns.monthlyFee')}</Table.Th>
              <Table.Th ta="right">{t('priceLists.columns.purchasePerMWh')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answer.rows.map((row) => (
              <Table.Tr key={row.tariffCode ?? ''}>
                <Table.Td>{row.tariffCode ?? t('priceLists.editor.everyTariff')}</Table.Td>
                <Table.Td ta="right">
                  {row.pricePerMWh} {currency}
                </Table.Td>
                <Table.Td ta="right">
                  {row.monthlyFee} {currency}
                </Table.Td>
                <Table.Td ta="right">{row.purchasePerMWh ? `${row.purchasePerMWh} ${currency}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
};

const ImportBody = ({ product, onClose }: { product: Product; onClose: () => void }) => {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [missing, setMissing] = useState<{ file?: string; validFrom?: string }>({});
  const [preview, setPreview] = useState<ImportAnswer | null>(null);
  const run = useImportPriceList(product.id);

  const send = async (commit: boolean) => {
    const problems = {
      ...(file ? {} : { file: priceRuleMessage(t, 'required') }),
      ...(validFrom ? {} : { validFrom: priceRuleMessage(t, 'required') }),
      ...(validTo && validFrom && validTo < validFrom ? { validFrom: priceRuleMessage(t, 'before_valid_from') } : {}),
    };
    setMissing(problems);
    if (!file || Object.keys(problems).length > 0) return;
    const body = { file: await fileToBase64(file), commit, validFrom, validTo: validTo || null, note: null };
    run.mutate(body, {
      onSuccess: (answer) => {
        if (!commit) setPreview(answer);
        else {
          notifySuccess(t('priceLists.import.done', { count: answer.rows.length }));
          onClose();
        }
      },
    });
  };
  const changed = () => {
    setPreview(null);
    run.reset();
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('priceLists.import.intro')}{' '}
        <Anchor href={priceListTemplateUrl()} download size="sm">
          <IconDownload size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('priceLists.import.template')}
        </Anchor>
      </Text>
      <FileInput
        label={t('priceLists.import.file')}
        placeholder={t('priceLists.import.filePlaceholder')}
        accept={`${xlsxType},.xlsx`}
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        value={file}
        onChange={(chosen) => {
          setFile(chosen);
          changed();
        }}
        error={missing.file}
        required
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('priceLists.fields.validFrom')}
          value={validFrom}
          onChange={(event) => {
            setValidFrom(event.currentTarget.value);
            changed();
          }}
          error={missing.validFrom}
          required
        />
        <TextInput
          type="date"
          label={t('priceLists.fields.validTo')}
          description={t('priceLists.editor.validToHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={validTo}
          onChange={(event) => {
            setValidTo(event.currentTarget.value);
            changed();
          }}
        />
      </SimpleGrid>
      <FormAlert error={run.error} unmapped={isApiError(run.error) ? run.error.errors : []} />
      {preview && <Preview answer={preview} currency={product.currency} />}
      <Group justify="flex-end" gap="sm" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        {preview && preview.errors.length === 0 ? (
          <Button onClick={() => void send(true)} loading={run.isPending}>
            {t('priceLists.import.confirm', { count: preview.rows.length })}
          </Button>
        ) : (
          <Button onClick={() => void send(false)} loading={run.isPending}>
            {t('priceLists.import.check')}
          </Button>
        )}
      </Group>
    </Stack>
  );
};

/** XLSX import of a new price list: the file is checked first (problems by row and column), then imported on confirmation. */
export const PriceListImport = ({ opened, product, onClose }: { opened: boolean; product: Product; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('priceLists.import.title')} size="lg">
      {opened && <ImportBody product={product} onClose={onClose} />}
    </Modal>
  );
};
