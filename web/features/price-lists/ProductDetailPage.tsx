import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconDownload, IconFileImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageError, PageLoader } from '../../components/Page.js';
import { useFormat } from '../../i18n/format.js';
import { useCan } from '../auth/api.js';
import { CommodityIcon } from '../supply-points/components/SupplyPointBadges.js';
import { priceListTemplateUrl, usePriceLists, useProduct, type PriceList, type Product } from './api.js';
import { PriceListEditor } from './components/PriceListEditor.js';
import { PriceListImport } from './components/PriceListImport.js';
import { PriceListVersions } from './components/PriceListVersions.js';
import { QuoteCheck } from './components/QuoteCheck.js';
import { ProductForm } from './ProductForm.js';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text component="dt" size="xs" c="dimmed" fw={500}>
      {label}
    </Text>
    <Text component="dd" size="sm" m={0}>
      {children}
    </Text>
  </div>
);

const Header = ({ product, onEdit }: { product: Product; onEdit: (() => void) | null }) => {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <Stack gap={4}>
        <Anchor component={Link} to="/products" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('priceLists.detail.back')}
          </Group>
        </Anchor>
        <Group gap="sm">
          <CommodityIcon commodity={product.commodity} size={18} />
          <Title order={2} fz="h3">
            {product.name}
          </Title>
          <Badge variant="light" color={product.active ? 'teal' : 'gray'}>
            {product.active ? t('common.active') : t('common.inactive')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {product.supplier} · <span style={{ fontFamily: 'monospace' }}>{product.code}</span>
        </Text>
      </Stack>
      {onEdit && (
        <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
    </Group>
  );
};

/** The product card: its details, every price-list version (editor, import, export) and a quick quote of a supply point. */
export const ProductDetailPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const canWrite = can('admin.pricing');
  const { id = '' } = useParams();
  const product = useProduct(id);
  const lists = usePriceLists(id);
  const [editingProduct, { open: openProduct, close: closeProduct }] = useDisclosure(false);
  const [importing, { open: openImport, close: closeImport }] = useDisclosure(false);
  const [editor, setEditor] = useState<{ list: PriceList | null } | null>(null);

  if (product.isPending) return <PageLoader />;
  if (product.isError) return <PageError error={product.error} onRetry={() => void product.refetch()} />;
  const data = product.data;

  return (
    <>
      <Header product={data} onEdit={canWrite ? openProduct : null} />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} m={0}>
          <Field label={t('priceLists.fields.commodity')}>{t(`supplyPoints.commodity.${data.commodity}`)}</Field>
          <Field label={t('priceLists.fields.country')}>{format.country(data.country)}</Field>
          <Field label={t('priceLists.fields.currency')}>{data.currency}</Field>
          <Field label={t('priceLists.fields.priceModel')}>{t(`priceLists.priceModel.${data.priceModel}`)}</Field>
        </SimpleGrid>
        {data.description && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.description}
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="price-lists-title">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} fz="h4" id="price-lists-title">
              {t('priceLists.versions.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('priceLists.versions.description')}
            </Text>
          </Stack>
          <Group gap="sm">
            <Button component="a" href={priceListTemplateUrl()} download variant="subtle" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('priceLists.import.template')}
            </Button>
            {canWrite && (
              <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={openImport}>
                {t('priceLists.import.open')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditor({ list: null })}>
                {t('priceLists.versions.add')}
              </Button>
            )}
          </Group>
        </Group>
        {lists.isPending ? (
          <PageLoader />
        ) : lists.isError ? (
          <PageError error={lists.error} onRetry={() => void lists.refetch()} />
        ) : lists.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('priceLists.versions.empty')}
          </Text>
        ) : (
          <PriceListVersions lists={lists.data} canWrite={canWrite} onOpen={(list) => setEditor({ list })} />
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="quote-title">
        <Title order={3} fz="h4" id="quote-title" mb="xs">
          {t('priceLists.quote.title')}
        </Title>
        <QuoteCheck product={data} />
      </Paper>
      <ProductForm
        opened={editingProduct}
        product={data}
        hasPriceLists={(lists.data?.length ?? 0) > 0}
        onClose={closeProduct}
      />
      <PriceListEditor opened={editor !== null} product={data} list={editor?.list ?? null} onClose={() => setEditor(null)} />
      <PriceListImport opened={importing} product={data} onClose={closeImport} />
    </>
  );
};
