import { Box, Button, Group, Text, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ActionsProps = {
  onCancel: () => void;
  /** The save is under way. */
  pending: boolean;
  submitLabel: ReactNode;
  /** The form cannot be sent yet (it says why beside its fields). */
  submitDisabled?: boolean;
};

const CancelAndSubmit = ({ onCancel, pending, submitLabel, submitDisabled }: ActionsProps) => {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" disabled={submitDisabled} loading={pending}>
        {submitLabel}
      </Button>
    </>
  );
};

/** A form's Cancel and submit buttons, under its fields on the right. */
export const FormActions = ({ mt = 'sm', ...props }: ActionsProps & { mt?: MantineSpacing }) => (
  <Group justify="flex-end" gap="sm" mt={mt}>
    <CancelAndSubmit {...props} />
  </Group>
);

/** A long form's buttons, kept in view at the bottom of its drawer, beside the hint on required fields. */
export const StickyFormActions = ({ hint, ...props }: ActionsProps & { hint: ReactNode }) => (
  <Box
    pos="sticky"
    bottom={0}
    py="sm"
    bg="var(--mantine-color-body)"
    style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
  >
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <Group gap="sm">
        <CancelAndSubmit {...props} />
      </Group>
    </Group>
  </Box>
);
