import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageError, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import type { Client } from '../clients/api.js';
import { useCasesSummary } from './api.js';
import { CaseForm } from './CaseForm.js';
import { CaseTable } from './components/CaseTable.js';

/**
 * The client card's "Cases" tab: the account-level opportunity (SALES-3) — per commodity the total demand over
 * the client's cases, what was won and what remains — and every case of the client the user may see.
 */
export const ClientCases = ({ client }: { client: Client }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const can = useCan();
  const summary = useCasesSummary(client.id);
  const [creating, { open, close }] = useDisclosure(false);
  if (summary.isPending) return <PageLoader />;
  if (summary.isError) return <PageError error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  const mwh = (value: string) => `${format.number(value, { maximumFractionDigits: 3 })} ${t('cases.units.MWh')}`;
  const m3 = (value: string) => `${format.number(value, { maximumFractionDigits: 3 })} ${t('cases.units.m3')}`;
  const hasVolumes = data.potentials.some((p) => p.totalDemandM3 !== '0');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('cases.summary.title')}
        </Title>
        {can('sales.write') && !client.archivedAt && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('cases.list.create')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 3 }} maw={480}>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('cases.summary.open')}
          </Text>
          <Text fw={600}>{data.counts.open}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('cases.summary.won')}
          </Text>
          <Text fw={600}>{data.counts.won}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('cases.summary.lost')}
          </Text>
          <Text fw={600}>{data.counts.lost}</Text>
        </Stack>
      </SimpleGrid>
      {data.potentials.length > 0 && (
        <Paper withBorder radius="md" p={0}>
          <Table aria-label={t('cases.summary.potentialTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.potentials.commodity')}</Table.Th>
                <Table.Th ta="right">{t('cases.summary.totalDemand')}</Table.Th>
                <Table.Th ta="right">{t('cases.summary.wonPotential')}</Table.Th>
                <Table.Th ta="right">{t('cases.summary.remaining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.potentials.map((p) => (
                <Table.Tr key={p.commodity}>
                  <Table.Td>{t(`cases.potentials.commodities.${p.commodity}`, { defaultValue: p.commodity })}</Table.Td>
                  <Table.Td ta="right">{mwh(p.totalDemandMWh)}</Table.Td>
                  <Table.Td ta="right">{mwh(p.wonMWh)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {mwh(p.remainingMWh)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {hasVolumes &&
                data.potentials
                  .filter((p) => p.totalDemandM3 !== '0')
                  .map((p) => (
                    <Table.Tr key={`${p.commodity}-m3`}>
                      <Table.Td>{t('cases.summary.volumeRow', { commodity: t(`cases.potentials.commodities.${p.commodity}`, { defaultValue: p.commodity }) })}</Table.Td>
                      <Table.Td ta="right">{m3(p.totalDemandM3)}</Table.Td>
                      <Table.Td ta="right">{m3(p.wonM3)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {m3(p.remainingM3)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
          {hasVolumes && (
            <Text size="xs" c="dimmed" p="xs">
              {t('cases.summary.volumeHint')}
            </Text>
          )}
        </Paper>
      )}
      {data.cases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.summary.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="md" p={0}>
          <CaseTable cases={data.cases} showClient={false} />
        </Paper>
      )}
      <CaseForm opened={creating} onClose={close} client={client} onSaved={(saved) => void navigate(`/cases/${saved.id}`)} />
    </Stack>
  );
};
