import { Box, Button, Drawer, Group, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldProblem } from '../../api/client.js';
import { ruleMessage } from '../../components/errors.js';
import { FormAlert } from '../../components/FormAlert.js';
import { applyFieldProblems } from '../../components/validation.js';
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
  const [failure, setFailure] = useState<unknown>(null);
  const [unmapped, setUnmapped] = useState<FieldProblem[]>([]);
  const withPicker = !supplyPoint && !client;
  const country = supplyPoint?.country ?? client?.country ?? picked?.country ?? null;

  const form = useForm<SupplyPointFormValues>({
    initialValues: supplyPoint
      ? supplyPointToValues(supplyPoint)
      : emptySupplyPointValues(client?.id ?? null),
    validate: (values) => validateSupplyPoint(t, country, withPicker)(values),
    validateInputOnBlur: true,
  });

  const saved = (result: SupplyPoint) => {
    notifyWarnings(t, result);
    onSaved?.(result);
    onClose();
  };
  const create = useCreateSupplyPoint({ onSuccess: saved });
  const update = useUpdateSupplyPoint(supplyPoint?.id ?? '', { onSuccess: saved });
  const pending = create.isPending || update.isPending;

  const showServerError = (error: unknown) => {
    setUnmapped([]);
    if (isApiError(error) && error.code === 'supply_point.duplicate_identifier') {
      form.setFieldError('identifier', t('errors.supply_point.duplicate_identifier'));
      setFailure(null);
      return;
    }
    const values = form.getValues();
    const scheme = country ? schemeOf(country, values.commodity) : 'other';
    const problems = isApiError(error) ? error.errors : [];
    setUnmapped(
      applyFieldProblems(t, error, supplyPointFormFields, (path, message) => {
        const code = problems.find((p) => p.path === path)?.code;
        form.setFieldError(
          path,
          path === 'identifier' && code ? identifierMessage(t, code, scheme) : message,
        );
      }),
    );
    setFailure(error);
  };

  const submit = form.onSubmit((values) => {
    setFailure(null);
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
    form.setValues(supplyPointToValues(fresh));
    form.resetDirty(supplyPointToValues(fresh));
    form.clearErrors();
    setVersion(fresh.version);
    setFailure(null);
    setUnmapped([]);
  };

  const title = supplyPoint ? t('supplyPoints.form.editTitle') : t('supplyPoints.form.createTitle');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        <FormAlert
          error={failure}
          unmapped={unmapped}
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
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
        >
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('supplyPoints.form.requiredHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={pending}>
                {supplyPoint ? t('common.save') : t('supplyPoints.form.create')}
              </Button>
            </Group>
          </Group>
        </Box>
      </Stack>
    </form>
  );
};

/** Create or edit a supply point in a side drawer: Enter saves, Escape closes, server rules show under their fields. */
export const SupplyPointForm = ({ opened, onClose, ...rest }: SupplyPointFormProps) => {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={rest.supplyPoint ? t('supplyPoints.form.editTitle') : t('supplyPoints.form.createTitle')}
      size="xl"
    >
      {opened && <SupplyPointFormBody onClose={onClose} {...rest} />}
    </Drawer>
  );
};
