import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format.js';
import { CommodityIcon } from '../../supply-points/components/SupplyPointBadges.js';
import type { Product, ProductSortField } from '../api.js';
import { productOrder } from '../list-params.js';
import { sortableHeaders } from '../../../components/SortableTh.js';

/** Products as rows; the name links to the product card (a real link, so it opens by keyboard and in a new tab). */
export const ProductTable = ({
  products,
  sort,
  onSort,
}: {
  products: Product[];
  sort: string | undefined;
  onSort: (field: ProductSortField) => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const th = sortableHeaders(productOrder.parse(sort), onSort);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover striped="even" aria-label={t('priceLists.products.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            {th('name', t('priceLists.fields.name'))}
            {th('code', t('priceLists.fields.code'))}
            {th('supplier', t('priceLists.fields.supplier'))}
            {th('commodity', t('priceLists.fields.commodity'))}
            {th('country', t('priceLists.fields.country'))}
            <Table.Th>{t('priceLists.fields.priceModel')}</Table.Th>
            <Table.Th>{t('priceLists.fields.active')}</Table.Th>
            {th('updatedAt', t('priceLists.fields.updatedAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr key={product.id} c={product.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Text component={Link} to={`/products/${product.id}`} fw={600} size="sm" c="blue">
                  {product.name}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {product.code}
              </Table.Td>
              <Table.Td>{product.supplier}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <CommodityIcon commodity={product.commodity} size={14} />
                  {t(`supplyPoints.commodity.${product.commodity}`)}
                </Group>
              </Table.Td>
              <Table.Td>
                {format.country(product.country)} · {product.currency}
              </Table.Td>
              <Table.Td>{t(`priceLists.priceModel.${product.priceModel}`)}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={product.active ? 'teal' : 'gray'}>
                  {product.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(product.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
