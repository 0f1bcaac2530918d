import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Input,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { useFormProblems } from '../../../components/form/form-problems.js';
import { notifySuccess } from '../../../components/errors.js';
import { useFormat } from '../../../i18n/format.js';
import { decimalSeparator } from '../decimal-input.js';
import {
  readingSources,
  useCreateReading,
  type Meter,
  type Reading,
  type ReadingSource,
} from '../meters-api.js';
import {
  emptyReadingValues,
  neighbourReadings,
  readingProblems,
  readingValuesToInput,
  todayIso,
  validateReading,
  type ReadingFormValues,
} from '../meters.js';

type ReadingFormProps = {
  meter: Meter;
  /** The meter's readings as shown: the latest one of the chosen register is offered as a hint. */
  readings: Reading[];
  unit: string;
  onClose: () => void;
};

/** Record one register's reading; the server's rules (never below the previous reading …) show under the fields. */
export const ReadingForm = ({ meter, readings, unit, onClose }: ReadingFormProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  const separator = decimalSeparator(format.locale);
  const form = useForm<ReadingFormValues>({
    initialValues: emptyReadingValues(meter, today),
    validate: validateReading(t, separator),
    validateInputOnBlur: ['readOn', 'value'],
  });
  const problems = useFormProblems(form);
  const values = form.getValues();
  const create = useCreateReading(meter, {
    onSuccess: (reading) => {
      notifySuccess(
        t('supplyPoints.readings.saved', {
          register: reading.register,
          value: format.number(reading.value, { maximumFractionDigits: 3 }),
          date: format.date(reading.readOn),
        }),
      );
      // Ready for the next register of the same day.
      const current = form.getValues();
      const next = meter.registers[meter.registers.indexOf(reading.register) + 1];
      form.setValues({ ...current, value: '', register: next ?? current.register });
      form.resetDirty();
    },
  });

  const submit = form.onSubmit((formValues) => {
    problems.clear();
    const input = readingValuesToInput(formValues, separator);
    create.mutate(input, {
      onError: (error) => {
        const { fields, unmapped: rest } = readingProblems(t, error, {
          candidate: input,
          readings,
          meter,
          format,
        });
        for (const [field, message] of Object.entries(fields)) form.setFieldError(field, message);
        // The fields say it all; the alert only speaks when no field does.
        problems.showAlert(Object.keys(fields).length > 0 && rest.length === 0 ? null : error, rest);
      },
    });
  });

  const previous = values.register
    ? neighbourReadings(readings, values.register, values.readOn || today).earlier
    : null;
  const registerOptions = meter.registers.map((r) => ({ value: r, label: r }));

  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={t('supplyPoints.readings.form.title')}>
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('supplyPoints.readings.form.title')}
          </Text>
          <FormAlert error={problems.failure} unmapped={problems.unmapped} />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} verticalSpacing="xs">
            <TextInput
              type="date"
              label={t('supplyPoints.readings.fields.readOn')}
              required
              max={today}
              min={meter.installedOn}
              {...form.getInputProps('readOn')}
            />
            {meter.registers.length <= 4 ? (
              <Input.Wrapper
                label={t('supplyPoints.readings.fields.register')}
                required
                error={form.errors.register}
              >
                <SegmentedControl
                  fullWidth
                  aria-label={t('supplyPoints.readings.fields.register')}
                  data={registerOptions}
                  value={values.register ?? ''}
                  onChange={(register) => {
                    form.setFieldValue('register', register);
                    form.clearFieldError('register');
                  }}
                  mt={1}
                />
              </Input.Wrapper>
            ) : (
              <Select
                label={t('supplyPoints.readings.fields.register')}
                data={registerOptions}
                required
                allowDeselect={false}
                {...form.getInputProps('register')}
              />
            )}
            <TextInput
              label={t('supplyPoints.readings.fields.value')}
              required
              inputMode="decimal"
              autoComplete="off"
              data-autofocus
              rightSection={
                <Text span size="xs" c="dimmed" aria-hidden>
                  {unit}
                </Text>
              }
              rightSectionWidth={44}
              description={
                form.errors.value
                  ? undefined
                  : previous
                    ? t('supplyPoints.readings.form.previousHint', {
                        value: format.number(previous.value, { maximumFractionDigits: 3 }),
                        date: format.date(previous.readOn),
                      })
                    : t('supplyPoints.readings.form.firstHint')
              }
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              {...form.getInputProps('value')}
            />
            <Select
              label={t('supplyPoints.readings.fields.source')}
              data={readingSources.map((source) => ({
                value: source,
                label: t(`supplyPoints.readings.sources.${source}`),
              }))}
              required
              allowDeselect={false}
              {...form.getInputProps('source')}
              onChange={(source) => form.setFieldValue('source', (source ?? 'distributor') as ReadingSource)}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('supplyPoints.readings.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
};
