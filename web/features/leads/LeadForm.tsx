import { Box, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type FieldProblem } from '../../api/client.js';
import { ruleMessage } from '../../components/errors.js';
import { FormAlert } from '../../components/FormAlert.js';
import { useMe } from '../auth/api.js';
import { decimalSeparator } from '../supply-points/decimal-input.js';
import {
  leadKeys,
  useCreateLead,
  useUpdateLead,
  type DuplicateMatch,
  type Lead,
  type LeadDetail,
} from './api.js';
import { LeadFormFields } from './components/LeadFormFields.js';
import {
  emptyLeadValues,
  isLeadFormField,
  leadToValues,
  validateLead,
  valuesToInput,
  type LeadFormValues,
} from './lead-form.js';

type LeadFormProps = {
  opened: boolean;
  onClose: () => void;
  /** The lead to edit; without it the form creates a new one. */
  lead?: Lead | undefined;
  /** A new lead, with the leads and clients that look like it (the card shows them side by side). */
  onCreated?: (lead: Lead & { duplicates: DuplicateMatch[] }) => void;
};

const LeadFormBody = ({ lead, onClose, onCreated }: Omit<LeadFormProps, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const separator = decimalSeparator(i18n.language);
  const [version, setVersion] = useState(lead?.version ?? 0);
  const [failure, setFailure] = useState<unknown>(null);
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
  const form = useForm<LeadFormValues>({
    initialValues: lead ? leadToValues(lead, separator) : emptyLeadValues(me.data?.owner.country ?? 'SK'),
    validate: validateLead(t, separator),
    validateInputOnBlur: true,
  });
  const create = useCreateLead({
    onSuccess: (created) => {
      onCreated?.(created);
      onClose();
    },
  });
  const update = useUpdateLead(lead?.id ?? '', { onSuccess: onClose });

  const showServerError = (error: unknown) => {
    const rest: FieldProblem[] = [];
    if (isApiError(error)) {
      for (const problem of error.errors) {
        if (isLeadFormField(problem.path)) form.setFieldError(problem.path, ruleMessage(t, problem.code));
        else rest.push(problem);
      }
    }
    setUnmapped(rest);
    setFailure(error);
  };

  const submit = form.onSubmit(
    (values) => {
      setFailure(null);
      const input = valuesToInput(values, separator);
      if (lead) update.mutate({ ...input, version }, { onError: showServerError });
      else create.mutate(input, { onError: showServerError });
    },
    // Errors inside a folded part of a long form: bring the first into view.
    (errors) =>
      document.querySelector(`[name="${Object.keys(errors)[0] ?? ''}"]`)?.scrollIntoView({ block: 'center' }),
  );

  const reload = async () => {
    if (!lead) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: leadKeys.detail(lead.id),
      queryFn: () => api.get<LeadDetail>(`/leads/${lead.id}`),
      staleTime: 0,
    });
    form.setValues(leadToValues(fresh, separator));
    form.resetDirty();
    form.clearErrors();
    setVersion(fresh.version);
    setFailure(null);
    setUnmapped([]);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={lead ? t('leads.form.editTitle') : t('leads.form.createTitle')}
    >
      <Stack gap="md">
        <FormAlert error={failure} unmapped={unmapped} onReload={lead ? () => void reload() : undefined} />
        <LeadFormFields form={form} />
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
        >
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('leads.form.requiredHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {lead ? t('common.save') : t('leads.form.create')}
              </Button>
            </Group>
          </Group>
        </Box>
      </Stack>
    </form>
  );
};

/** Create or edit a lead in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const LeadForm = ({ opened, onClose, lead, onCreated }: LeadFormProps) => {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={lead ? t('leads.form.editTitle') : t('leads.form.createTitle')}
      size="xl"
    >
      {opened && <LeadFormBody lead={lead} onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
};
