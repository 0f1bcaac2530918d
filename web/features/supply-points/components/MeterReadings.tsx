import { Badge, Button, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconListNumbers, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoader } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useReadings, type Meter } from '../meters-api.js';
import { ReadingForm } from './ReadingForm.js';

const sourceColor = { distributor: 'blue', customer: 'teal', estimate: 'gray' } as const;

/** One meter's readings, newest first, with the consumption since the previous reading of each register. */
export const MeterReadings = ({
  meter,
  unit,
  editable,
}: {
  meter: Meter;
  unit: string;
  editable: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const readings = useReadings(meter.id);
  const [adding, setAdding] = useState(false);
  const number = (value: string) => format.number(value, { maximumFractionDigits: 3 });

  const header = (
    <Group justify="space-between" wrap="wrap">
      <Title order={3} size="h5">
        {t('supplyPoints.readings.title', { number: meter.number })}
      </Title>
      {editable && !adding && (
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {t('supplyPoints.readings.add')}
        </Button>
      )}
    </Group>
  );

  if (readings.isPending)
    return (
      <Stack gap="sm">
        {header}
        <PageLoader />
      </Stack>
    );
  if (readings.isError)
    return (
      <Stack gap="sm">
        {header}
        <PageError error={readings.error} onRetry={() => void readings.refetch()} />
      </Stack>
    );
  const items = readings.data;

  return (
    <Stack gap="sm">
      {header}
      {adding && <ReadingForm meter={meter} readings={items} unit={unit} onClose={() => setAdding(false)} />}
      {items.length === 0 ? (
        <EmptyState
          py="md"
          size="sm"
          icon={<IconListNumbers size={24} aria-hidden />}
          title={t('supplyPoints.readings.empty')}
          description={t('supplyPoints.readings.emptyHint')}
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            aria-label={t('supplyPoints.readings.tableLabel', { number: meter.number })}
            verticalSpacing="xs"
            striped
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supplyPoints.readings.fields.readOn')}</Table.Th>
                <Table.Th>{t('supplyPoints.readings.fields.register')}</Table.Th>
                <Table.Th ta="right">{t('supplyPoints.readings.columns.value', { unit })}</Table.Th>
                <Table.Th>{t('supplyPoints.readings.fields.source')}</Table.Th>
                <Table.Th ta="right">{t('supplyPoints.readings.columns.consumption', { unit })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((reading) => (
                <Table.Tr key={reading.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(reading.readOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" size="sm" radius="sm" ff="monospace">
                      {reading.register}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {number(reading.value)}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      size="sm"
                      color={sourceColor[reading.source]}
                      style={{ textTransform: 'none' }}
                    >
                      {t(`supplyPoints.readings.sources.${reading.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {reading.consumption === null ? (
                      <Text size="xs" c="dimmed">
                        {t('supplyPoints.readings.firstReading')}
                      </Text>
                    ) : (
                      <Stack gap={0} align="flex-end">
                        <Text size="sm" ff="monospace" fw={500}>
                          {number(reading.consumption)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('supplyPoints.readings.since', { date: format.date(reading.previousReadOn) })}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
};
