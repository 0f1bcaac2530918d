import { ActionIcon, Alert, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert.js';
import { FormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { notifySuccess } from '../../components/errors.js';
import type { Client } from '../clients/api.js';
import { ClientPicker } from '../supply-points/components/ClientPicker.js';
import {
  contractCommodities,
  contractTypes,
  useClientSupplyPoints,
  useCreateContract,
  useSigningPersons,
  useUpdateContract,
  type ContractDetail,
} from './api.js';
import { applyContractProblems, contractRuleMessage } from './display.js';
import {
  initialFormValues,
  moveInOrder,
  termsLocked,
  toCreateBody,
  toUpdateBody,
  validateContractForm,
  type ContractFormValues,
} from './form-values.js';

/** The fields the form maps the server's problems onto (`supplyPointIds.0` shows at `supplyPointIds`). */
const formFields = ['clientId', 'number', 'type', 'commodity', 'supplier', 'productName', 'startDate', 'endDate', 'noticePeriodMonths', 'supplyPointIds', 'signatoryContactIds', 'note'];

export type PresetClient = { id: string; name: string };

const FormBody = ({
  detail,
  presetClient,
  caseId,
  onClose,
  onSaved,
}: {
  detail: ContractDetail | null;
  presetClient: PresetClient | null;
  caseId: string | null;
  onClose: () => void;
  onSaved?: ((saved: ContractDetail) => void) | undefined;
}) => {
  const { t } = useTranslation();
  const [client, setClient] = useState<Client | null>(null);
  const locked = detail ? termsLocked(detail.state) : false;
  const done = (saved: ContractDetail) => {
    notifySuccess(t('contracts.saved'));
    onClose();
    onSaved?.(saved);
  };
  const create = useCreateContract({ onSuccess: done });
  const update = useUpdateContract(detail?.id ?? '', { onSuccess: done });
  const form = useForm<ContractFormValues>({
    initialValues: initialFormValues(detail, presetClient?.id ?? null),
    validate: (values) => Object.fromEntries(Object.entries(validateContractForm(values)).map(([field, code]) => [field, contractRuleMessage(t, code)])),
  });
  // The contract's own rules put its problems on its inputs (applyContractProblems).
  const problems = useFormProblems(form);
  const { clientId, commodity } = form.values;
  const points = useClientSupplyPoints(clientId, commodity);
  const signing = useSigningPersons(clientId);
  const signingById = new Map((signing.data ?? []).map((c) => [c.id, c]));
  // The contract's current signatories stay choosable even if no longer marked (the server then says why).
  const signatoryOptions = [
    ...(signing.data ?? []).map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}${c.email ? ` · ${c.email}` : ` · ${t('contracts.form.noEmail')}`}` })),
    ...(detail?.signatories ?? []).filter((s) => !signingById.has(s.contactId)).map((s) => ({ value: s.contactId, label: s.name })),
  ];
  const nameOf = (id: string) => {
    const contact = signingById.get(id);
    return contact ? `${contact.firstName} ${contact.lastName}` : (detail?.signatories.find((s) => s.contactId === id)?.name ?? id);
  };
  const pointOptions = [
    ...(points.data ?? []).map((p) => ({ value: p.id, label: [p.identifier, p.name, p.address.city].filter(Boolean).join(' · ') })),
    ...form.values.supplyPointIds.filter((id) => !(points.data ?? []).some((p) => p.id === id)).map((id) => ({ value: id, label: id })),
  ];

  const submit = form.onSubmit((values) => {
    problems.clear();
    const onError = (error: unknown) =>
      problems.showAlert(error, applyContractProblems(t, error, formFields, form.setFieldError));
    if (detail) update.mutate(toUpdateBody(values, detail), { onError });
    else create.mutate(toCreateBody(values, caseId), { onError });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={problems.failure} unmapped={problems.unmapped} onReload={onClose} />
        {locked && (
          <Alert color="blue" icon={<IconLock size={18} aria-hidden />}>
            {t('contracts.form.lockedHint')}
          </Alert>
        )}
        {!detail && !presetClient && (
          <ClientPicker
            label={t('contracts.fields.client')}
            required
            data-autofocus
            value={client}
            onChange={(picked) => {
              setClient(picked);
              form.setValues({ clientId: picked?.id ?? null, supplyPointIds: [], signatoryContactIds: [] });
            }}
            error={form.errors.clientId}
          />
        )}
        {(detail || presetClient) && (
          <TextInput label={t('contracts.fields.client')} value={detail?.clientName ?? presetClient?.name ?? ''} readOnly variant="filled" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('contracts.fields.number')} description={detail ? undefined : t('contracts.form.numberHint')} disabled={locked} maxLength={40} {...form.getInputProps('number')} />
          <Select
            label={t('contracts.fields.type')}
            required
            allowDeselect={false}
            disabled={locked}
            data={contractTypes.map((v) => ({ value: v, label: t(`contracts.type.${v}`) }))}
            {...form.getInputProps('type')}
          />
          <Select
            label={t('contracts.fields.commodity')}
            required
            allowDeselect={false}
            disabled={locked}
            data={contractCommodities.map((v) => ({ value: v, label: t(`contracts.commodity.${v}`) }))}
            {...form.getInputProps('commodity')}
            onChange={(value) => {
              if (!value || value === commodity) return;
              form.setValues({ commodity: value as ContractFormValues['commodity'], supplyPointIds: [] });
            }}
          />
          <TextInput label={t('contracts.fields.supplier')} disabled={locked} {...form.getInputProps('supplier')} />
        </SimpleGrid>
        <TextInput label={t('contracts.fields.productName')} disabled={locked} {...form.getInputProps('productName')} />
        <MultiSelect
          label={t('contracts.fields.supplyPoints')}
          description={clientId ? (points.data?.length === 0 ? t('contracts.form.supplyPointsNone') : t('contracts.form.supplyPointsHint')) : t('contracts.form.pickClientFirst')}
          data={pointOptions}
          searchable
          clearable
          disabled={locked || !clientId}
          {...form.getInputProps('supplyPointIds')}
        />
        <MultiSelect
          label={t('contracts.fields.signatories')}
          description={clientId ? (signing.data?.length === 0 ? t('contracts.form.signatoriesNone') : t('contracts.form.signatoriesHint')) : t('contracts.form.pickClientFirst')}
          data={signatoryOptions}
          searchable
          disabled={locked || !clientId}
          {...form.getInputProps('signatoryContactIds')}
        />
        {form.values.signatoryContactIds.length > 1 && !locked && (
          <Paper withBorder p="xs" radius="sm">
            <Text size="xs" c="dimmed" mb={4} id="signing-order">
              {t('contracts.form.signingOrder')}
            </Text>
            <Stack gap={2} component="ol" aria-labelledby="signing-order" style={{ margin: 0, paddingLeft: 20 }}>
              {form.values.signatoryContactIds.map((id, index, all) => (
                <li key={id}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm">{nameOf(id)}</Text>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        disabled={index === 0}
                        aria-label={t('contracts.form.moveUp', { name: nameOf(id) })}
                        onClick={() => form.setFieldValue('signatoryContactIds', moveInOrder(all, index, -1))}
                      >
                        <IconArrowUp size={14} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        disabled={index === all.length - 1}
                        aria-label={t('contracts.form.moveDown', { name: nameOf(id) })}
                        onClick={() => form.setFieldValue('signatoryContactIds', moveInOrder(all, index, 1))}
                      >
                        <IconArrowDown size={14} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                </li>
              ))}
            </Stack>
          </Paper>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('contracts.fields.startDate')} type="date" required disabled={locked} {...form.getInputProps('startDate')} />
          <TextInput label={t('contracts.fields.endDate')} type="date" {...form.getInputProps('endDate')} />
          <NumberInput label={t('contracts.fields.noticePeriodMonths')} min={0} max={60} allowDecimal={false} {...form.getInputProps('noticePeriodMonths')} />
        </SimpleGrid>
        <Textarea label={t('contracts.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions onCancel={onClose} pending={create.isPending || update.isPending} submitLabel={detail ? t('common.save') : t('contracts.form.create')} />
      </Stack>
    </form>
  );
};

/** Makes a contract (client, supply points, signing persons in order, terms) or changes one: a draft fully, later only end, notice period and note. */
export const ContractForm = ({
  opened,
  onClose,
  detail = null,
  client = null,
  caseId = null,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  detail?: ContractDetail | null;
  client?: PresetClient | null;
  caseId?: string | null;
  onSaved?: (saved: ContractDetail) => void;
}) => {
  const { t } = useTranslation();
  return (
    <FormDrawer opened={opened} onClose={onClose} position="right" size="lg" title={detail ? t('contracts.form.editTitle') : t('contracts.form.createTitle')}>
      <FormBody key={detail ? `${detail.id}-${detail.version}` : 'new'} detail={detail} presetClient={client} caseId={caseId} onClose={onClose} onSaved={onSaved} />
    </FormDrawer>
  );
};
