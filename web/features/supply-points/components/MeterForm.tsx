import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { useCodeOptions } from '../../code-lists/api.js';
import type { SupplyPoint } from '../api.js';
import { fetchMeter, meterKeys, useCreateMeter, useUpdateMeter, type Meter } from '../meters-api.js';
import {
  defaultRegisters,
  emptyMeterValues,
  meterProblems,
  meterToValues,
  meterTypesFor,
  meterValuesToInput,
  normaliseRegisters,
  registerSuggestions,
  todayIso,
  validateMeter,
  type MeterFormValues,
} from '../meters.js';

/** Hints read as hints: under the input, not between label and input. */
const below = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
    'label' | 'input' | 'description' | 'error'
  )[],
};

type MeterFormProps = {
  supplyPoint: SupplyPoint;
  /** The meter to edit; without it the form adds a new one. */
  meter: Meter | null;
  onClose: () => void;
  onSaved?: (meter: Meter) => void;
};

const MeterFormBody = ({ supplyPoint, meter, onClose, onSaved }: MeterFormProps) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(meter?.version ?? 0);
  const form = useForm<MeterFormValues>({
    initialValues: meter ? meterToValues(meter) : emptyMeterValues(todayIso()),
    validate: validateMeter(t),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form);
  const values = form.getValues();
  const types = meterTypesFor(useCodeOptions('meterType', values.type), supplyPoint.commodity);

  const saved = (result: Meter) => {
    onSaved?.(result);
    onClose();
  };
  const create = useCreateMeter(supplyPoint.id, { onSuccess: saved });
  const update = useUpdateMeter(meter?.id ?? '', { onSuccess: saved });

  const showServerError = (error: unknown) => {
    const { fields, unmapped: rest } = meterProblems(t, error);
    for (const [field, message] of Object.entries(fields)) form.setFieldError(field, message);
    problems.showAlert(error, rest);
  };

  const submit = form.onSubmit((formValues) => {
    problems.clear();
    const input = meterValuesToInput(formValues);
    // Nothing changed: nothing to save (and no empty change in the history).
    if (meter && !form.isDirty()) return onClose();
    if (meter) update.mutate({ ...input, version }, { onError: showServerError });
    else create.mutate(input, { onError: showServerError });
  });

  // After a version conflict: the meter as stored now replaces the form (the user's changes are dropped).
  const reload = async () => {
    if (!meter) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: meterKeys.detail(meter.id),
      queryFn: ({ signal }) => fetchMeter(meter.id, signal),
      staleTime: 0,
    });
    problems.reloaded(meterToValues(fresh));
    setVersion(fresh.version);
  };

  const setType = (type: string | null) => {
    form.setFieldValue('type', type);
    // A new meter gets the registers its type usually has; registers already typed stay.
    if (!meter && values.registers.length === 0) form.setFieldValue('registers', defaultRegisters(type));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={meter ? () => void reload() : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('supplyPoints.meters.fields.number')}
            required
            data-autofocus
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('number')}
          />
          <Select
            label={t('supplyPoints.meters.fields.type')}
            placeholder={t('supplyPoints.meters.form.typePlaceholder')}
            data={types}
            required
            searchable
            allowDeselect={false}
            {...form.getInputProps('type')}
            onChange={setType}
          />
        </SimpleGrid>
        <TagsInput
          label={t('supplyPoints.meters.fields.registers')}
          description={t('supplyPoints.meters.form.registersHint')}
          required
          data={registerSuggestions}
          splitChars={[',', ' ', ';']}
          clearable
          {...below}
          {...form.getInputProps('registers')}
          onChange={(tags) => form.setFieldValue('registers', normaliseRegisters(tags))}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('supplyPoints.meters.fields.installedOn')}
            required
            {...form.getInputProps('installedOn')}
          />
          <TextInput
            type="date"
            label={t('supplyPoints.meters.fields.removedOn')}
            description={t('supplyPoints.meters.form.removedHint')}
            min={values.installedOn || undefined}
            {...below}
            {...form.getInputProps('removedOn')}
          />
          <TextInput
            type="date"
            label={t('supplyPoints.meters.fields.verificationDueOn')}
            description={t('supplyPoints.meters.form.verificationHint')}
            {...below}
            {...form.getInputProps('verificationDueOn')}
          />
        </SimpleGrid>
        <Textarea
          label={t('supplyPoints.meters.fields.note')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('note')}
        />
        <FormActions
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={meter ? t('common.save') : t('supplyPoints.meters.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Add a meter to the supply point, or change one (e.g. set its removal date when it is replaced), in a dialog. */
export const MeterForm = ({ opened, ...props }: MeterFormProps & { opened: boolean }) => {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={props.onClose}
      title={
        props.meter ? t('supplyPoints.meters.form.editTitle') : t('supplyPoints.meters.form.createTitle')
      }
      size="lg"
    >
      <MeterFormBody {...props} />
    </FormModal>
  );
};
