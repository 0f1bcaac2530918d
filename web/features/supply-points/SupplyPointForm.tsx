import { List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { ruleMessage } from '../../components/errors.js';
import { FormAlert } from '../../components/FormAlert.js';
import { StickyFormActions } from '../../components/form/FormActions.js';
import { FormDrawer } from '../../components/form/FormDialog.js';
import { useFormProblems } from '../../components/form/form-problems.js';
import { schemeOf } from '../../../domain/energy/supply-point-identifier.js';
import type { Client, FieldWarning } from '../clients/api.js';
import {
  fetchSupplyPoint,
  supplyPointKeys,
  useCreateSupplyPoint,
  useUpdateSupplyPoint,
  type SupplyPoint,
} from './api.js';
import { SupplyPointFormFields } from './components/SupplyPointFormFields.js';
import {
  emptySupplyPointValues,
  identifierMessage,
  supplyPointFormFields,
  supplyPointToValues,
  validateSupplyPoint,
  valuesToInput,
  type SupplyPointFormValues,
} from './supply-point-form.js';

type SupplyPointFormProps = {
  opened: boolean;
  onClose: () => void;
  /** The supply point to edit; without it the form creates a new one. */
  supplyPoint?: SupplyPoint | undefined;
  /** Creating from a client's card: the holder is fixed. Without it (and without `supplyPoint`) a picker asks. */
  client?: Client | undefined;
  onSaved?: (point: SupplyPoint) => void;
};

/** A save's warnings (unusual prefix, kWh not derivable …) as a notice: they did not stop the save. */
export const warningText = (t: TFunction, warning: FieldWarning): string => {
  const field = t(`supplyPoints.fields.${warning.path}`, { defaultValue: warning.path });
  return t('supplyPoints.detail.warning', { field, rule: ruleMessage(t, warning.code) });
};

const notifyWarnings = (t: TFunction, point: SupplyPoint) => {
  if (point.warnings.length === 0) return;
  notifications.show({
    color: 'yellow',
    title: t('supplyPoints.detail.warningsTitle'),
    autoClose: 10_000,
    message: (
      <List size="sm">
        {point.warnings.map((warning) => (
          <List.Item key={`${warning.path}-${warning.code}`}>{warningText(t, warning)}</List.Item>
        ))}
      </List>
    ),
  });
};

const SupplyPointFormBody = ({
  supplyPoint,
  client,
  onClose,
  onSaved,
}: Omit<SupplyPointFormProps, 'opened'>) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Client | null>(null);
  const [version, setVersion] = useState(supplyPoint?.version ?? 0);
  const withPicker = !supplyPoint && !client;
  const country = supplyPoint?.country ?? client?.country ?? picked?.country ?? null;

  const form = useForm<SupplyPointFormValues>({
    initialValues: supplyPoint
      ? supplyPointToValues(supplyPoint)
      : emptySupplyPointValues(client?.id ?? null),
    validate: (values) => validateSupplyPoint(t, country, withPicker)(values),
    validateInputOnBlur: true,
  });
  // An identifier's problem names the format of the point's country and commodity.
  const problems = useFormProblems(form, supplyPointFormFields, ({ path, code }) =>
    path === 'identifier'
      ? identifierMessage(t, code, country ? schemeOf(country, form.getValues().commodity) : 'other')
      : ruleMessage(t, code),
  );

  const saved = (result: SupplyPoint) => {
    notifyWarnings(t, result);
    onSaved?.(result);
    onClose();
  };
  const create = useCreateSupplyPoint({ onSuccess: saved });
  const update = useUpdateSupplyPoint(supplyPoint?.id ?? '', { onSuccess: saved });
  const pending = create.isPending || update.isPending;

  const showServerError = (error: unknown) => {
    if (isApiError(error) && error.code === 'supply_point.duplicate_identifier') {
      form.setFieldError('identifier', t('errors.supply_point.duplicate_identifier'));
      problems.clear();
      return;
    }
    problems.show(error);
  };

  const submit = form.onSubmit((values) => {
    problems.clear();
    const input = valuesToInput(values);
    if (supplyPoint) update.mutate({ ...input, version }, { onError: showServerError });
    else create.mutate({ ...input, clientId: values.clientId ?? '' }, { onError: showServerError });
  });

  const reload = async () => {
    if (!supplyPoint) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: supplyPointKeys.detail(supplyPoint.id),
      queryFn: ({ signal }) => fetchSupplyPoint(supplyPoint.id, signal),
      // The cached card is the stale version that caused the conflict: always ask the server.
      staleTime: 0,
    });
    problems.reloaded(supplyPointToValues(fresh));
    setVersion(fresh.version);
  };

  const title = supplyPoint ? t('supplyPoints.form.editTitle') : t('supplyPoints.form.createTitle');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <FormAlert
          error={problems.failure}
          unmapped={problems.unmapped}
          onReload={supplyPoint ? () => void reload() : undefined}
        />
        {client && !supplyPoint && (
          <Text size="sm">{t('supplyPoints.form.forClient', { name: client.name })}</Text>
        )}
        <SupplyPointFormFields
          form={form}
          country={country}
          supplyPoint={supplyPoint}
          picker={withPicker ? { client: picked, onChange: setPicked } : undefined}
        />
        <StickyFormActions
          hint={t('supplyPoints.form.requiredHint')}
          onCancel={onClose}
          pending={pending}
          submitLabel={supplyPoint ? t('common.save') : t('supplyPoints.form.create')}
        />
      </Stack>
    </form>
  );
};

/** Create or edit a supply point in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const SupplyPointForm = ({ opened, onClose, ...rest }: SupplyPointFormProps) => {
  const { t } = useTranslation();
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      title={rest.supplyPoint ? t('supplyPoints.form.editTitle') : t('supplyPoints.form.createTitle')}
      size="xl"
    >
      <SupplyPointFormBody onClose={onClose} {...rest} />
    </FormDrawer>
  );
};
