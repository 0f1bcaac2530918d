import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { potentialSum } from '../../../../domain/leads/lead-rules.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { Lead } from '../api.js';
import { quantityText } from '../display.js';

/** The potentials of a lead (per commodity and territory) and its total demand, with their sum where units agree. */
export const LeadPotentials = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useCodeLabel('distributionTerritory');
  const sum = potentialSum(lead.potentials);
  if (lead.potentials.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('leads.potentials.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={t('leads.potentials.title')} striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leads.potentials.commodity')}</Table.Th>
              <Table.Th>{t('leads.potentials.territory')}</Table.Th>
              <Table.Th>{t('leads.potentials.supplyPointIdentifier')}</Table.Th>
              <Table.Th>{t('leads.potentials.period')}</Table.Th>
              <Table.Th>{t('leads.potentials.priceModel')}</Table.Th>
              <Table.Th ta="right">{t('leads.potentials.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lead.potentials.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{t(`leads.commodity.${p.commodity}`)}</Table.Td>
                <Table.Td>{p.territoryCode ? territory(p.territoryCode) : '—'}</Table.Td>
                <Table.Td ff="monospace">{p.supplyPointIdentifier ?? '—'}</Table.Td>
                <Table.Td>
                  {p.periodFrom || p.periodTo
                    ? `${p.periodFrom ? format.date(p.periodFrom) : '…'} – ${p.periodTo ? format.date(p.periodTo) : '…'}`
                    : '—'}
                </Table.Td>
                <Table.Td>{p.priceModel ? t(`leads.priceModel.${p.priceModel}`) : '—'}</Table.Td>
                <Table.Td ta="right">{quantityText(format, p.quantity, p.quantityUnit) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xl">
        {sum && (
          <Text size="sm">
            {t('leads.potentials.sum')}: <b>{quantityText(format, sum.quantity, sum.unit)}</b>
          </Text>
        )}
        <Text size="sm">
          {t('leads.fields.totalDemand')}:{' '}
          <b>{quantityText(format, lead.totalDemand, lead.totalDemandUnit) ?? '—'}</b>
        </Text>
      </Group>
    </Stack>
  );
};
