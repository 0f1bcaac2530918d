import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { gateFields } from '../../../domain/sales/gates.js';
import type { FormOf } from '../../components/form-types.js';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import { toInput, useSaveProcessTemplate, type ProcessTemplate, type ProcessTemplateInput, type Stage } from './api.js';

type Values = ProcessTemplateInput & { description: string | null };

const schema = z.object({
  name: z.string().trim().min(1).max(120),
  stages: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(120),
        tasks: z.array(
          z.object({
            title: z.string().trim().min(1).max(200),
            departmentEmail: z.union([z.literal(''), z.null(), z.email()]),
            dueInDays: z.number().int().min(0).max(365),
          }),
        ),
      }),
    )
    .min(1),
});

const emptyStage = (): Stage => ({ name: '', requiredFields: [], closesAs: null, tasks: [] });

/** The inputs that show the server's problems: the name, the description, each stage's name and fields, each task's title and e-mail. */
const problemPaths = (values: Values) => [
  'name',
  'description',
  ...values.stages.flatMap((stage, i) => [
    `stages.${i}.name`,
    `stages.${i}.requiredFields`,
    ...stage.tasks.flatMap((_, j) => [`stages.${i}.tasks.${j}.title`, `stages.${i}.tasks.${j}.departmentEmail`]),
  ]),
];

const StageEditor = ({
  form,
  index,
  count,
}: {
  form: FormOf<Values>;
  index: number;
  count: number;
}) => {
  const { t } = useTranslation();
  const fieldOptions = gateFields.map((key) => ({ value: key, label: t(`processes.gateFields.${key}`) }));
  const stage = form.values.stages[index]!;
  return (
    <Fieldset legend={t('processes.form.stageLegend', { number: index + 1 })}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('processes.fields.stageName')}
            required
            style={{ flex: 1 }}
            {...form.getInputProps(`stages.${index}.name`)}
          />
          <ActionIcon
            variant="default"
            size="lg"
            disabled={index === 0}
            onClick={() => form.reorderListItem('stages', { from: index, to: index - 1 })}
            aria-label={t('processes.form.moveUp')}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            disabled={index === count - 1}
            onClick={() => form.reorderListItem('stages', { from: index, to: index + 1 })}
            aria-label={t('processes.form.moveDown')}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            color="red"
            size="lg"
            disabled={count === 1}
            onClick={() => form.removeListItem('stages', index)}
            aria-label={t('processes.form.removeStage')}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <MultiSelect
          label={t('processes.fields.requiredFields')}
          description={t('processes.form.requiredFieldsHint')}
          data={fieldOptions}
          clearable
          {...form.getInputProps(`stages.${index}.requiredFields`)}
        />
        <Select
          label={t('processes.fields.closesAs')}
          placeholder={t('processes.form.closesAsNone')}
          data={[
            { value: 'won', label: t('cases.outcome.won') },
            { value: 'lost', label: t('cases.outcome.lost') },
          ]}
          clearable
          {...form.getInputProps(`stages.${index}.closesAs`)}
        />
        <Text size="sm" fw={500}>
          {t('processes.fields.tasks')}
        </Text>
        {stage.tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('processes.form.noTasks')}
          </Text>
        )}
        {stage.tasks.map((task, taskIndex) => (
          <Group key={task.id ?? `new-${taskIndex}`} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('processes.fields.taskTitle')}
              required
              style={{ flex: 2, minWidth: 180 }}
              {...form.getInputProps(`stages.${index}.tasks.${taskIndex}.title`)}
            />
            <Select
              label={t('processes.fields.fieldKey')}
              placeholder={t('processes.form.fieldKeyNone')}
              data={fieldOptions}
              clearable
              w={170}
              {...form.getInputProps(`stages.${index}.tasks.${taskIndex}.fieldKey`)}
            />
            <TextInput
              label={t('processes.fields.departmentEmail')}
              type="email"
              w={200}
              {...form.getInputProps(`stages.${index}.tasks.${taskIndex}.departmentEmail`)}
            />
            <NumberInput
              label={t('processes.fields.dueInDays')}
              min={0}
              max={365}
              allowDecimal={false}
              w={110}
              {...form.getInputProps(`stages.${index}.tasks.${taskIndex}.dueInDays`)}
            />
            <ActionIcon
              variant="default"
              color="red"
              size="lg"
              onClick={() => form.removeListItem(`stages.${index}.tasks`, taskIndex)}
              aria-label={t('processes.form.removeTask')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              form.insertListItem(`stages.${index}.tasks`, { title: '', fieldKey: null, departmentEmail: null, dueInDays: 3 })
            }
          >
            {t('processes.form.addTask')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
};

const FormBody = ({ template, onClose }: { template: ProcessTemplate | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const save = useSaveProcessTemplate(template, { onSuccess: onClose });
  const form = useForm<Values>({
    initialValues: template ? toInput(template) : { name: '', description: null, isActive: true, stages: [emptyStage()] },
    validate: zodValidate<Values>(schema, t),
  });
  const problems = useFormProblems(form, (path) => (problemPaths(form.getValues()).includes(path) ? path : null));

  const submit = form.onSubmit((values) => {
    problems.clear();
    const body: ProcessTemplateInput = {
      name: values.name.trim(),
      description: emptyToNull(values.description),
      isActive: values.isActive,
      stages: values.stages.map((stage) => ({
        ...stage,
        name: stage.name.trim(),
        closesAs: stage.closesAs || null,
        tasks: stage.tasks.map((task) => ({
          ...task,
          title: task.title.trim(),
          fieldKey: task.fieldKey || null,
          departmentEmail: emptyToNull(task.departmentEmail),
        })),
      })),
    };
    save.mutate(body, { onError: problems.show });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} />
        <TextInput label={t('processes.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('processes.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <Switch label={t('processes.fields.isActive')} {...form.getInputProps('isActive', { type: 'checkbox' })} />
        <Text size="sm" c="dimmed">
          {t('processes.form.stagesHint')}
        </Text>
        {form.values.stages.map((stage, index) => (
          <StageEditor key={stage.id ?? `new-${index}`} form={form} index={index} count={form.values.stages.length} />
        ))}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.insertListItem('stages', emptyStage())}>
            {t('processes.form.addStage')}
          </Button>
        </Group>
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={template ? t('common.save') : t('processes.create')} />
      </Stack>
    </form>
  );
};

/** Defines a sales process: ordered stages, the fields each requires (the gate) and the tasks it creates. */
export const ProcessTemplateForm = ({
  opened,
  template,
  onClose,
}: {
  opened: boolean;
  template: ProcessTemplate | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={template ? t('processes.editTitle', { name: template.name }) : t('processes.createTitle')}
    >
      <FormBody key={template?.id ?? 'new'} template={template} onClose={onClose} />
    </FormDrawer>
  );
};
