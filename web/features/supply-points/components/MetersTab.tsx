import { useAddressChanges } from '../../../components/address.js';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  EmptyState,
  Group,
  Radio,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconGauge, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifySuccess } from '../../../components/errors.js';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCan } from '../../auth/api.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useMeters, type Meter } from '../meters-api.js';
import { isInstalled, readingUnit, todayIso } from '../meters.js';
import type { SupplyPointTabProps } from '../tabs.js';
import { MeterForm } from './MeterForm.js';
import { MeterReadings } from './MeterReadings.js';
import { VerificationDue } from './VerificationBadge.js';

/**
 * The supply point's meters (installed first) and the readings of the chosen one. The chosen meter is kept in
 * the address (`?tab=meters&meter=…`), so a reminder can open it directly.
 */
export const MetersTab = ({ supplyPoint }: SupplyPointTabProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const typeLabel = useCodeLabel('meterType');
  const meters = useMeters(supplyPoint.id);
  const [search] = useSearchParams();
  const [form, setForm] = useState<{ meter: Meter | null } | null>(null);
  const editable = can('clients.write') && !supplyPoint.archivedAt;
  const today = todayIso();
  const unit = readingUnit(supplyPoint.commodity);

  const changeAddress = useAddressChanges<'meter'>();
  const select = (meterId: string) => changeAddress({ meter: meterId });

  if (meters.isPending) return <PageLoader />;
  if (meters.isError) return <PageError error={meters.error} onRetry={() => void meters.refetch()} />;
  const items = meters.data;
  const selected = items.find((m) => m.id === search.get('meter')) ?? items[0] ?? null;

  const addButton = editable && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({ meter: null })}>
      {t('supplyPoints.meters.add')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {t('supplyPoints.meters.title')}
          </Title>
          {items.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('supplyPoints.meters.chooseHint')}
            </Text>
          )}
        </Stack>
        {items.length > 0 && addButton}
      </Group>

      {items.length === 0 ? (
        <EmptyState
          py="lg"
          icon={<IconGauge size={28} aria-hidden />}
          title={t('supplyPoints.meters.empty')}
          description={t('supplyPoints.meters.emptyHint')}
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <Radio.Group
          value={selected?.id ?? null}
          onChange={select}
          aria-label={t('supplyPoints.meters.chooseLabel')}
        >
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label={t('supplyPoints.meters.tableLabel')} verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>{t('supplyPoints.meters.fields.number')}</Table.Th>
                  <Table.Th>{t('supplyPoints.meters.fields.type')}</Table.Th>
                  <Table.Th>{t('supplyPoints.meters.fields.registers')}</Table.Th>
                  <Table.Th>{t('supplyPoints.meters.fields.installedOn')}</Table.Th>
                  <Table.Th>{t('supplyPoints.meters.fields.removedOn')}</Table.Th>
                  <Table.Th>{t('supplyPoints.meters.fields.verificationDueOn')}</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((meter) => {
                  const active = meter.id === selected?.id;
                  const installed = isInstalled(meter, today);
                  return (
                    <Table.Tr
                      key={meter.id}
                      onClick={() => select(meter.id)}
                      style={{ cursor: 'pointer' }}
                      bg={active ? 'var(--mantine-color-blue-light)' : undefined}
                      c={installed ? undefined : 'dimmed'}
                    >
                      <Table.Td>
                        <Radio
                          value={meter.id}
                          aria-label={t('supplyPoints.meters.choose', { number: meter.number })}
                          onClick={(event) => event.stopPropagation()}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" ff="monospace" fw={500}>
                            {meter.number}
                          </Text>
                          {!installed && (
                            <Badge size="xs" color="gray" variant="outline">
                              {t('supplyPoints.meters.removedBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{typeLabel(meter.type)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {meter.registers.map((register) => (
                            <Badge key={register} variant="outline" size="sm" radius="sm" ff="monospace">
                              {register}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(meter.installedOn)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {meter.removedOn ? format.date(meter.removedOn) : '—'}
                      </Table.Td>
                      <Table.Td>
                        <VerificationDue meter={meter} />
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('supplyPoints.meters.edit', { number: meter.number })}
                              onClick={(event) => {
                                event.stopPropagation();
                                setForm({ meter });
                              }}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Radio.Group>
      )}

      {selected && (
        <>
          <Divider />
          <MeterReadings key={selected.id} meter={selected} unit={unit} editable={editable} />
        </>
      )}

      <MeterForm
        opened={form !== null}
        supplyPoint={supplyPoint}
        meter={form?.meter ?? null}
        onClose={() => setForm(null)}
        onSaved={(meter) => {
          notifySuccess(
            form?.meter
              ? t('supplyPoints.meters.saved', { number: meter.number })
              : t('supplyPoints.meters.created', { number: meter.number }),
          );
          select(meter.id);
        }}
      />
    </Stack>
  );
};
