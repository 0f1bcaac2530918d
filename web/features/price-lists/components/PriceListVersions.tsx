import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconEye, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { priceListExportUrl, type PriceList } from '../api.js';
import { versionState, type VersionState } from '../price-list-form.js';

const stateColor: Record<VersionState, string> = { draft: 'blue', inUse: 'teal', readOnly: 'gray' };

export const VersionStateBadge = ({ list }: { list: PriceList }) => {
  const { t } = useTranslation();
  const state = versionState(list);
  return (
    <Badge size="sm" variant="light" color={stateColor[state]} title={t(`priceLists.versions.stateHint.${state}`)}>
      {t(`priceLists.versions.state.${state}`)}
    </Badge>
  );
};

export const validityText = (
  t: TFunction,
  date: (value: string) => string,
  list: Pick<PriceList, 'validFrom' | 'validTo'>,
): string =>
  list.validTo
    ? t('priceLists.versions.validRange', { from: date(list.validFrom), to: date(list.validTo) })
    : t('priceLists.versions.validFromOnly', { from: date(list.validFrom) });

/** Every version of the product's price lists: validity, revision, state; current ones open for editing, old ones read-only. */
export const PriceListVersions = ({
  lists,
  canWrite,
  onOpen,
}: {
  lists: PriceList[];
  canWrite: boolean;
  onOpen: (list: PriceList) => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label={t('priceLists.versions.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('priceLists.versions.validity')}</Table.Th>
            <Table.Th>{t('priceLists.versions.revision')}</Table.Th>
            <Table.Th>{t('priceLists.versions.stateLabel')}</Table.Th>
            <Table.Th ta="right">{t('priceLists.versions.rows')}</Table.Th>
            <Table.Th>{t('priceLists.fields.note')}</Table.Th>
            <Table.Th>{t('priceLists.versions.changed')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((list) => {
            const state = versionState(list);
            const label = t('priceLists.versions.named', {
              validity: validityText(t, format.date, list),
              revision: list.revision,
            });
            const editable = canWrite && state !== 'readOnly';
            return (
              <Table.Tr key={list.id} c={state === 'readOnly' ? 'dimmed' : undefined} aria-label={label}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{validityText(t, format.date, list)}</Table.Td>
                <Table.Td>{t('priceLists.versions.revisionValue', { revision: list.revision })}</Table.Td>
                <Table.Td>
                  <VersionStateBadge list={list} />
                </Table.Td>
                <Table.Td ta="right">{list.rows.length}</Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={1} title={list.note ?? undefined}>
                    {list.note ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(list.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={editable ? <IconPencil size={14} aria-hidden /> : <IconEye size={14} aria-hidden />}
                      onClick={() => onOpen(list)}
                      aria-label={t(editable ? 'priceLists.versions.editNamed' : 'priceLists.versions.viewNamed', { name: label })}
                    >
                      {editable ? t('common.edit') : t('priceLists.versions.view')}
                    </Button>
                    <Tooltip label={t('priceLists.versions.export')}>
                      <ActionIcon
                        component="a"
                        href={priceListExportUrl(list.id)}
                        download
                        variant="subtle"
                        aria-label={t('priceLists.versions.exportNamed', { name: label })}
                      >
                        <IconDownload size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
