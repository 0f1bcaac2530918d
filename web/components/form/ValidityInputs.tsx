import { SimpleGrid, TextInput } from '@mantine/core';

/** A form with a validity: its first day and its last (empty: open-ended). */
type ValidityForm = { getInputProps: (path: 'validFrom' | 'validTo') => object };

/**
 * A record's validity as two dates side by side: the first day, required, and the last, with `hint` under it
 * (saying that empty means open-ended).
 */
export const ValidityInputs = ({
  form,
  fromLabel,
  toLabel,
  hint,
}: {
  form: ValidityForm;
  fromLabel: string;
  toLabel: string;
  hint: string;
}) => (
  <SimpleGrid cols={{ base: 1, sm: 2 }}>
    <TextInput type="date" label={fromLabel} required {...form.getInputProps('validFrom')} />
    <TextInput
      type="date"
      label={toLabel}
      description={hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...form.getInputProps('validTo')}
    />
  </SimpleGrid>
);
