import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { PageError, PageHeader, PageLoader } from '../../components/Page.js';
import {
  codeListNames,
  useCodeList,
  useUpdateCodeListItem,
  type CodeListItem,
  type CodeListName,
} from '../code-lists/api.js';
import { CodeListItemForm } from './CodeListItemForm.js';

/** Administrable code lists: add items, relabel them, deactivate them (codes stay, records keep them). */
export const CodeListsPage = () => {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('list');
  const list: CodeListName = codeListNames.includes(requested as CodeListName)
    ? (requested as CodeListName)
    : 'relationshipType';
  const items = useCodeList(list);
  const update = useUpdateCodeListItem(list);
  const [editing, setEditing] = useState<CodeListItem | null>(null);
  const [opened, setOpened] = useState(false);
  const open = (item: CodeListItem | null) => {
    setEditing(item);
    setOpened(true);
  };

  const setActive = (item: CodeListItem, isActive: boolean) =>
    update.mutate(
      { id: item.id, isActive, version: item.version },
      {
        onSuccess: () =>
          notifySuccess(isActive ? t('admin.codeLists.activated') : t('admin.codeLists.deactivated')),
        onError: (error) => notifyError(t, error),
      },
    );

  const confirmDeactivate = (item: CodeListItem) =>
    modals.openConfirmModal({
      title: t('admin.codeLists.deactivateTitle'),
      children: (
        <Text size="sm">{t('admin.codeLists.deactivateText', { label: item.labels.en ?? item.code })}</Text>
      ),
      labels: { confirm: t('admin.codeLists.deactivate'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => setActive(item, false),
    });

  return (
    <>
      <PageHeader
        title={t('admin.codeLists.title')}
        description={t('admin.codeLists.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
            {t('admin.codeLists.add')}
          </Button>
        }
      />
      <Select
        label={t('admin.codeLists.choose')}
        data={codeListNames.map((name) => ({ value: name, label: t(`admin.codeLists.names.${name}`) }))}
        value={list}
        onChange={(value) => value && setSearch({ list: value }, { replace: true })}
        allowDeselect={false}
        w={280}
        mb="md"
      />
      <Paper withBorder radius="md">
        {items.isPending ? (
          <PageLoader />
        ) : items.isError ? (
          <PageError error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table highlightOnHover aria-label={t(`admin.codeLists.names.${list}`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.codeLists.fields.code')}</Table.Th>
                  <Table.Th>{t('admin.codeLists.fields.labelEn')}</Table.Th>
                  <Table.Th>{t('admin.codeLists.fields.labelSk')}</Table.Th>
                  <Table.Th>{t('admin.codeLists.fields.sortOrder')}</Table.Th>
                  <Table.Th>{t('admin.codeLists.fields.isActive')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.map((item) => (
                  <Table.Tr key={item.id} c={item.isActive ? undefined : 'dimmed'}>
                    <Table.Td ff="monospace">{item.code}</Table.Td>
                    <Table.Td>{item.labels.en}</Table.Td>
                    <Table.Td>{item.labels.sk}</Table.Td>
                    <Table.Td>{item.sortOrder}</Table.Td>
                    <Table.Td>
                      <Badge color={item.isActive ? 'teal' : 'gray'} variant="light" size="sm">
                        {item.isActive ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => open(item)}
                          aria-label={t('admin.codeLists.editNamed', { code: item.code })}
                        >
                          {t('common.edit')}
                        </Button>
                        {item.isActive ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => confirmDeactivate(item)}
                            aria-label={t('admin.codeLists.deactivateNamed', { code: item.code })}
                          >
                            {t('admin.codeLists.deactivate')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setActive(item, true)}
                            aria-label={t('admin.codeLists.activateNamed', { code: item.code })}
                          >
                            {t('admin.codeLists.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CodeListItemForm opened={opened} list={list} item={editing} onClose={() => setOpened(false)} />
    </>
  );
};
