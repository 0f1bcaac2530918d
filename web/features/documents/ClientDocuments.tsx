import { Button, Group, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { notifySuccess } from '../../components/errors.js';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { NoRecords, RecordTable } from '../../components/form/RecordTable.js';
import { ListPanel } from '../../components/ListPanel.js';
import { zodValidate } from '../../components/validation.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { documentDownloadUrl, useCreateLetter, useRecordDocuments } from './api.js';

type Client = { id: string; name: string };
type LetterValues = { subject: string; text: string };

/** The limits of `POST /documents/letters`. */
const letterSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(20_000),
});

const LetterFormBody = ({ client, onClose }: { client: Client; onClose: () => void }) => {
  const { t } = useTranslation();
  const form = useForm<LetterValues>({
    initialValues: { subject: '', text: '' },
    validate: zodValidate<LetterValues>(letterSchema, t),
  });
  const problems = useFormProblems(form, ['subject', 'text']);
  const create = useCreateLetter();
  const submit = form.onSubmit((values) => {
    problems.clear();
    create.mutate(
      { clientId: client.id, subject: values.subject.trim(), text: values.text.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('documents.client.created'));
          onClose();
        },
        onError: problems.show,
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput label={t('documents.client.subject')} required data-autofocus {...form.getInputProps('subject')} />
        <Textarea
          label={t('documents.client.text')}
          description={t('documents.client.textHint')}
          required
          autosize
          minRows={8}
          maxRows={20}
          {...form.getInputProps('text')}
        />
        <FormActions onCancel={onClose} pending={create.isPending} submitLabel={t('documents.client.create')} />
      </Stack>
    </form>
  );
};

/** The client card's "Documents" tab: the files generated for the client, newest first, and a new letter to them. */
export const ClientDocuments = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const documents = useRecordDocuments('client', client.id);
  const [writing, { open, close }] = useDisclosure(false);
  return (
    <>
      {can('clients.write') && (
        <Group justify="flex-end" mb="sm">
          <Button size="xs" leftSection={<IconMail size={14} aria-hidden />} onClick={open}>
            {t('documents.client.writeLetter')}
          </Button>
        </Group>
      )}
      <ListPanel
        query={documents}
        empty={documents.data?.length === 0 ? <NoRecords>{t('documents.client.empty')}</NoRecords> : undefined}
      >
        <RecordTable
          label={t('documents.client.title')}
          minWidth={560}
          columns={[t('documents.client.fileName'), t('documents.client.type'), t('documents.client.createdAt'), t('common.actions')]}
        >
          {documents.data?.map((document) => (
            <Table.Tr key={document.id}>
              <Table.Td fw={500}>{document.fileName}</Table.Td>
              <Table.Td>{document.documentType ? t(`documents.types.${document.documentType}`) : ''}</Table.Td>
              <Table.Td>{format.dateTime(document.createdAt)}</Table.Td>
              <Table.Td>
                <Button
                  component="a"
                  href={documentDownloadUrl(document.id)}
                  download
                  size="xs"
                  variant="subtle"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  aria-label={t('documents.client.downloadNamed', { name: document.fileName })}
                >
                  {t('documents.client.download')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </ListPanel>
      <FormModal opened={writing} onClose={close} title={t('documents.client.letterTitle', { name: client.name })} size="lg">
        <LetterFormBody client={client} onClose={close} />
      </FormModal>
    </>
  );
};
