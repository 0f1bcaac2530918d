import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { ArchivedBadge } from '../../clients/components/ClientStatusBadge.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { SupplyPoint, SupplyPointSortField } from '../api.js';
import { formatQuantity } from '../display.js';
import { supplyPointOrder } from '../list-params.js';
import { CommodityIcon, SupplyPointStatusBadge } from './SupplyPointBadges.js';
import { sortableHeaders } from '../../../components/SortableTh.js';

type SupplyPointTableProps = {
  points: SupplyPoint[];
  /** The list's sort; without it (on the client card) the headers are plain. */
  sort?: string | undefined;
  onSort?: (field: SupplyPointSortField) => void;
  /** The client column is left out where the client is already known. */
  showClient?: boolean;
};

/** Supply points as rows; a row opens the card, the client name opens the client. */
export const SupplyPointTable = ({ points, sort, onSort, showClient = true }: SupplyPointTableProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const territoryLabel = useCodeLabel('distributionTerritory');
  const th = sortableHeaders(onSort ? supplyPointOrder.parse(sort) : null, onSort);

  return (
    <Table.ScrollContainer minWidth={showClient ? 980 : 820}>
      <Table highlightOnHover striped="even" aria-label={t('supplyPoints.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('identifier', t('supplyPoints.fields.identifier'))}
            {showClient && th('clientName', t('supplyPoints.fields.client'))}
            {th('city', t('supplyPoints.fields.address'))}
            <Table.Th>{t('supplyPoints.fields.territory')}</Table.Th>
            {th('annualConsumptionKWh', t('supplyPoints.fields.annualConsumption'), 'right')}
            {th('currentSupplier', t('supplyPoints.fields.currentSupplier'))}
            {th('updatedAt', t('supplyPoints.fields.updatedAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr
              key={point.id}
              onClick={() => void navigate(`/supply-points/${point.id}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <CommodityIcon commodity={point.commodity} size={14} />
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/supply-points/${point.id}`}
                      fw={500}
                      ff="monospace"
                      size="sm"
                      onClick={(event) => event.stopPropagation()}
                    >
                      {point.identifier}
                    </Anchor>
                    {(point.name || point.status === 'inactive' || point.archivedAt) && (
                      <Group gap={6}>
                        {point.name && (
                          <Text size="xs" c="dimmed">
                            {point.name}
                          </Text>
                        )}
                        {point.status === 'inactive' && (
                          <SupplyPointStatusBadge status={point.status} size="xs" />
                        )}
                        {point.archivedAt && <ArchivedBadge />}
                      </Group>
                    )}
                  </Stack>
                </Group>
              </Table.Td>
              {showClient && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/clients/${point.clientId}`}
                    size="sm"
                    c="inherit"
                    onClick={(event) => event.stopPropagation()}
                  >
                    {point.holder.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{point.address.city}</Text>
                  {point.address.street && (
                    <Text size="xs" c="dimmed">
                      {point.address.street}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{territoryLabel(point.territoryCode)}</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {point.annualConsumptionKWh !== null ? (
                  formatQuantity(format, point.annualConsumptionKWh, 'kWh')
                ) : (
                  // Gas in m³ without a known conversion: the amount as entered, since kWh is unknown.
                  <Text span size="sm" c="dimmed">
                    {formatQuantity(format, point.annualConsumption, point.consumptionUnit)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{point.currentSupplier}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(point.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
