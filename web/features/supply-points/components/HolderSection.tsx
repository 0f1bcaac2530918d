import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconPencil, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import type { SupplyPoint } from '../api.js';
import { addressLine } from '../display.js';
import { Field } from './Fields.js';
import { HolderForm } from './HolderForm.js';

/** The holder is the client: shown from the client's record, edited there (one source of truth). */
export const HolderSection = ({ supplyPoint }: { supplyPoint: SupplyPoint }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [editing, { open, close }] = useDisclosure(false);
  const { holder } = supplyPoint;
  const address = addressLine(holder.address);
  const editable = can('clients.write') && !supplyPoint.archivedAt;

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconUser size={18} aria-hidden />
          <Title order={3} size="h5">
            {t('supplyPoints.holder.title')}
          </Title>
        </Group>
        {editable && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={open}
            aria-label={t('supplyPoints.holder.edit')}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Stack gap="sm" component="dl" m={0}>
        <Field label={t('supplyPoints.holder.fields.name')}>
          <Anchor component={Link} to={`/clients/${holder.clientId}`} size="sm" fw={500}>
            {holder.name}
          </Anchor>
          <Text component="span" size="xs" c="dimmed" ml={6}>
            {holder.kind === 'company' ? t('clients.kind.company') : t('clients.kind.person')}
          </Text>
        </Field>
        <Field label={t('supplyPoints.holder.fields.email')}>
          {holder.email && (
            <Anchor href={`mailto:${holder.email}`} size="sm">
              {holder.email}
            </Anchor>
          )}
        </Field>
        <Field label={t('supplyPoints.holder.fields.phone')}>
          {holder.phone && (
            <Anchor href={`tel:${holder.phone}`} size="sm">
              {holder.phone}
            </Anchor>
          )}
        </Field>
        <Field label={t('supplyPoints.holder.fields.address')}>
          {address &&
            [address, holder.address.country ? format.country(holder.address.country) : null]
              .filter(Boolean)
              .join(', ')}
        </Field>
      </Stack>
      <Group justify="space-between" mt="sm" gap="xs">
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {t('supplyPoints.holder.hint')}
        </Text>
        <Anchor component={Link} to={`/clients/${holder.clientId}`} size="sm">
          <Group gap={4} wrap="nowrap">
            {t('supplyPoints.holder.openClient')}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <HolderForm opened={editing} onClose={close} supplyPoint={supplyPoint} />
    </Paper>
  );
};
