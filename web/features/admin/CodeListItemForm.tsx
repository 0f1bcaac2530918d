import { NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormModal } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { zodValidate } from '../../components/validation.js';
import {
  useCreateCodeListItem,
  useUpdateCodeListItem,
  type CodeListItem,
  type CodeListName,
} from '../code-lists/api.js';

type Values = { code: string; en: string; sk: string; sortOrder: number | string };

// The API's rule for new codes: they are stored for good, so they are plain identifiers.
const codeRule = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/);
const schema = (creating: boolean) =>
  z.object({
    ...(creating ? { code: codeRule } : {}),
    en: z.string().trim().min(1).max(100),
    sk: z.string().trim().max(100),
  });

/** The API names label problems `labels.en`; the form's inputs are `en` and `sk`. */
const fieldOf = (path: string) =>
  path === 'labels' ? 'en' : path.startsWith('labels.') ? path.slice('labels.'.length) : path;
const paths = ['code', 'labels', 'labels.en', 'labels.sk', 'sortOrder'];
const inputOf = (path: string) => (paths.includes(path) ? fieldOf(path) : null);

const ItemFormBody = ({
  list,
  item,
  onClose,
}: {
  list: CodeListName;
  item: CodeListItem | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const create = useCreateCodeListItem(list, { onSuccess: onClose });
  const update = useUpdateCodeListItem(list, { onSuccess: onClose });
  const form = useForm<Values>({
    initialValues: {
      code: item?.code ?? '',
      en: item?.labels.en ?? '',
      sk: item?.labels.sk ?? '',
      sortOrder: item?.sortOrder ?? '',
    },
    validate: zodValidate<Values>(schema(!item), t),
  });
  const problems = useFormProblems(form, inputOf);

  const submit = form.onSubmit((values) => {
    problems.clear();
    const labels: Record<string, string> = { ...(item?.labels ?? {}), en: values.en.trim() };
    if (values.sk.trim()) labels.sk = values.sk.trim();
    else delete labels.sk;
    const sortOrder = typeof values.sortOrder === 'number' ? values.sortOrder : undefined;
    const onError = problems.show;
    if (item)
      update.mutate(
        { id: item.id, labels, ...(sortOrder === undefined ? {} : { sortOrder }), version: item.version },
        { onError },
      );
    else
      create.mutate(
        { code: values.code.trim(), labels, ...(sortOrder === undefined ? {} : { sortOrder }) },
        { onError },
      );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput
          label={t('admin.codeLists.fields.code')}
          description={item ? t('admin.codeLists.codeFixed') : t('admin.codeLists.codeRule')}
          required={!item}
          disabled={Boolean(item)}
          data-autofocus={item ? undefined : true}
          ff="monospace"
          {...form.getInputProps('code')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.codeLists.fields.labelEn')}
            required
            data-autofocus={item ? true : undefined}
            {...form.getInputProps('en')}
          />
          <TextInput label={t('admin.codeLists.fields.labelSk')} {...form.getInputProps('sk')} />
        </SimpleGrid>
        <NumberInput
          label={t('admin.codeLists.fields.sortOrder')}
          min={0}
          max={10000}
          allowDecimal={false}
          w={160}
          {...form.getInputProps('sortOrder')}
        />
        <FormActions
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={item ? t('common.save') : t('admin.codeLists.add')}
        />
      </Stack>
    </form>
  );
};

export const CodeListItemForm = ({
  opened,
  list,
  item,
  onClose,
}: {
  opened: boolean;
  list: CodeListName;
  item: CodeListItem | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={item ? t('admin.codeLists.editTitle') : t('admin.codeLists.createTitle')}
      size="lg"
    >
      <ItemFormBody list={list} item={item} onClose={onClose} />
    </FormModal>
  );
};
