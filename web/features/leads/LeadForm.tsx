import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { FormAlert } from '../../components/FormAlert.js';
import { StickyFormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
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
  const form = useForm<LeadFormValues>({
    initialValues: lead ? leadToValues(lead, separator) : emptyLeadValues(me.data?.owner.country ?? 'SK'),
    validate: validateLead(t, separator),
    validateInputOnBlur: true,
  });
  const problems = useFormProblems(form, (path) => (isLeadFormField(path) ? path : null));
  const create = useCreateLead({
    onSuccess: (created) => {
      onCreated?.(created);
      onClose();
    },
  });
  const update = useUpdateLead(lead?.id ?? '', { onSuccess: onClose });

  const submit = form.onSubmit(
    (values) => {
      problems.clear();
      const input = valuesToInput(values, separator);
      if (lead) update.mutate({ ...input, version }, { onError: problems.show });
      else create.mutate(input, { onError: problems.show });
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
    problems.reloaded(leadToValues(fresh, separator));
    setVersion(fresh.version);
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={lead ? t('leads.form.editTitle') : t('leads.form.createTitle')}
    >
      <Stack gap="md">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={lead ? () => void reload() : undefined}
        />
        <LeadFormFields form={form} />
        <StickyFormActions
          hint={t('leads.form.requiredHint')}
          onCancel={onClose}
          pending={create.isPending || update.isPending}
          submitLabel={lead ? t('common.save') : t('leads.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Create or edit a lead in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const LeadForm = ({ opened, onClose, lead, onCreated }: LeadFormProps) => {
  const { t } = useTranslation();
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      title={lead ? t('leads.form.editTitle') : t('leads.form.createTitle')}
      size="xl"
    >
      <LeadFormBody lead={lead} onClose={onClose} onCreated={onCreated} />
    </FormDrawer>
  );
};
