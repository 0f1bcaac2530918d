import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import { useFormat } from '../../i18n/format.js';
import { useUsers } from '../admin/api.js';
import { useMe } from '../auth/api.js';
import type { Client } from '../clients/api.js';
import { useCodeOptions } from '../code-lists/api.js';
import { useProcessTemplates } from '../processes/api.js';
import { ClientPicker } from '../supply-points/components/ClientPicker.js';
import { decimalSeparator, parseDecimalInput } from '../supply-points/decimal-input.js';
import {
  securityKinds,
  useCreateCase,
  useUpdateCase,
  type CaseCommodity,
  type CaseDetail,
  type CaseInput,
  type QuantityUnit,
  type SecurityKind,
} from './api.js';

type Values = {
  client: Client | null;
  name: string;
  type: string;
  commodity: CaseCommodity;
  responsibleUserId: string;
  priority: number;
  territoryCode: string | null;
  expectedCloseDate: string;
  totalDemand: string;
  totalDemandUnit: QuantityUnit | null;
  securityKind: SecurityKind | null;
  securityAmount: string;
  note: string;
  processTemplateId: string | null;
};

const decimal = (places: number) =>
  z.string().refine((v) => v === '' || new RegExp(`^\\d{1,15}(\\.\\d{1,${places}})?$`).test(v), { params: { rule: 'decimal' } });

const schema = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.string().min(1),
  totalDemand: decimal(3),
  securityAmount: decimal(2),
});

/** The fields a form maps the server's problems onto. */
const formFields = ['name', 'type', 'commodity', 'responsibleUserId', 'priority', 'territoryCode', 'expectedCloseDate', 'totalDemand', 'totalDemandUnit', 'securityKind', 'securityAmount', 'note', 'processTemplateId', 'clientId'];

const FormBody = ({
  detail,
  client,
  onClose,
  onSaved,
}: {
  detail: CaseDetail | null;
  client: Client | null;
  onClose: () => void;
  onSaved?: ((saved: CaseDetail) => void) | undefined;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(format.locale);
  const me = useMe();
  const users = useUsers();
  const types = useCodeOptions('caseType', detail?.type);
  const territories = useCodeOptions('distributionTerritory', detail?.territoryCode);
  const processes = useProcessTemplates(false, !detail);
  const done = (saved: CaseDetail) => {
    onClose();
    onSaved?.(saved);
  };
  const create = useCreateCase({ onSuccess: done });
  const update = useUpdateCase(detail?.id ?? '', { onSuccess: done });
  const shown = (value: string | null) => (value ? value.replace('.', separator) : '');
  const form = useForm<Values>({
    initialValues: {
      client,
      name: detail?.name ?? '',
      type: detail?.type ?? 'acquisition',
      commodity: detail?.commodity ?? 'electricity',
      responsibleUserId: detail?.responsibleUser?.id ?? me.data?.user.id ?? '',
      priority: detail?.priority ?? 3,
      territoryCode: detail?.territoryCode ?? null,
      expectedCloseDate: detail?.expectedCloseDate ?? '',
      totalDemand: shown(detail?.totalDemand ?? null),
      totalDemandUnit: detail?.totalDemandUnit ?? 'MWh',
      securityKind: detail?.securityKind ?? null,
      securityAmount: shown(detail?.securityAmount ?? null),
      note: detail?.note ?? '',
      processTemplateId: null,
    },
    transformValues: (values) => ({
      ...values,
      totalDemand: parseDecimalInput(values.totalDemand, separator),
      securityAmount: parseDecimalInput(values.securityAmount, separator),
    }),
    validate: (values) => {
      const errors = zodValidate<Values>(schema, t)({
        ...values,
        totalDemand: parseDecimalInput(values.totalDemand, separator),
        securityAmount: parseDecimalInput(values.securityAmount, separator),
      });
      if (!detail && !values.client) errors.client = t('validation.required');
      return errors;
    },
  });
  const problems = useFormProblems(form, formFields);

  const submit = form.onSubmit((values) => {
    problems.clear();
    const fields = {
      name: values.name.trim(),
      type: values.type,
      commodity: values.commodity,
      responsibleUserId: values.responsibleUserId || undefined,
      priority: values.priority,
      territoryCode: values.territoryCode || null,
      expectedCloseDate: values.expectedCloseDate || null,
      totalDemand: values.totalDemand || null,
      totalDemandUnit: values.totalDemand ? values.totalDemandUnit : null,
      securityKind: values.securityKind || null,
      securityAmount: values.securityAmount || null,
      note: emptyToNull(values.note),
    };
    const onError = problems.show;
    if (detail) update.mutate({ ...fields, version: detail.version }, { onError });
    else create.mutate({ ...fields, clientId: values.client!.id, processTemplateId: values.processTemplateId } as CaseInput, { onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} onReload={onClose} />
        {!detail && !client && (
          <ClientPicker
            label={t('cases.fields.client')}
            required
            value={form.values.client}
            onChange={(picked) => form.setFieldValue('client', picked)}
            error={form.errors.client}
          />
        )}
        <TextInput label={t('cases.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('cases.fields.type')} required data={types} allowDeselect={false} {...form.getInputProps('type')} />
          <Select
            label={t('cases.fields.commodity')}
            required
            allowDeselect={false}
            data={(['electricity', 'gas', 'other'] as const).map((c) => ({ value: c, label: t(`cases.commodity.${c}`) }))}
            {...form.getInputProps('commodity')}
          />
          <Select
            label={t('cases.fields.responsibleUser')}
            data={(users.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }))}
            searchable
            allowDeselect={false}
            {...form.getInputProps('responsibleUserId')}
          />
          <NumberInput label={t('cases.fields.priority')} description={t('cases.form.priorityHint')} min={1} max={5} allowDecimal={false} {...form.getInputProps('priority')} />
          <Select label={t('cases.fields.territoryCode')} data={territories} clearable searchable {...form.getInputProps('territoryCode')} />
          <TextInput label={t('cases.fields.expectedCloseDate')} type="date" {...form.getInputProps('expectedCloseDate')} />
          <TextInput label={t('cases.fields.totalDemand')} inputMode="decimal" {...form.getInputProps('totalDemand')} />
          <Select
            label={t('cases.fields.totalDemandUnit')}
            data={['kWh', 'MWh', 'm3'].map((u) => ({ value: u, label: t(`cases.units.${u}`) }))}
            allowDeselect={false}
            {...form.getInputProps('totalDemandUnit')}
          />
          <Select
            label={t('cases.fields.securityKind')}
            data={securityKinds.map((k) => ({ value: k, label: t(`cases.securityKind.${k}`) }))}
            clearable
            {...form.getInputProps('securityKind')}
          />
          <TextInput label={t('cases.fields.securityAmount')} inputMode="decimal" {...form.getInputProps('securityAmount')} />
        </SimpleGrid>
        {!detail && (
          <Select
            label={t('cases.fields.process')}
            description={t('cases.form.processHint')}
            data={(processes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            clearable
            {...form.getInputProps('processTemplateId')}
          />
        )}
        <Textarea label={t('cases.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions onCancel={onClose} pending={create.isPending || update.isPending} submitLabel={detail ? t('common.save') : t('cases.list.create')} />
      </Stack>
    </form>
  );
};

/** Opens or edits a business case: its own fields (participants, supply points and potentials have their editors). */
export const CaseForm = ({
  opened,
  onClose,
  detail = null,
  client = null,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  detail?: CaseDetail | null;
  client?: Client | null;
  onSaved?: (saved: CaseDetail) => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormDrawer opened={opened} onClose={onClose} position="right" size="lg" title={detail ? t('cases.form.editTitle') : t('cases.form.createTitle')}>
      <FormBody key={detail?.id ?? 'new'} detail={detail} client={client} onClose={onClose} onSaved={onSaved} />
    </FormDrawer>
  );
};
