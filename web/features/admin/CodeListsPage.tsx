import { Button, Group, Select, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../components/errors.js';
import { ActiveBadge } from '../../components/form/ActiveBadge.js';
import { AddButton, EditButton } from '../../components/form/RecordButtons.js';
import { RecordTable } from '../../components/form/RecordTable.js';
import { useEditDialog } from '../../components/form/use-edit-dialog.js';
import { ListPanel } from '../../components/ListPanel.js';
import { PageHeader } from '../../components/Page.js';
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
  const dialog = useEditDialog<CodeListItem>();

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
        actions={<AddButton onClick={() => dialog.open(null)}>{t('admin.codeLists.add')}</AddButton>}
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
      <ListPanel query={items}>
        <RecordTable
          label={t(`admin.codeLists.names.${list}`)}
          minWidth={700}
          highlightOnHover
          columns={[
            t('admin.codeLists.fields.code'),
            t('admin.codeLists.fields.labelEn'),
            t('admin.codeLists.fields.labelSk'),
            t('admin.codeLists.fields.sortOrder'),
            t('admin.codeLists.fields.isActive'),
            t('common.actions'),
          ]}
        >
          {items.data?.map((item) => (
            <Table.Tr key={item.id} c={item.isActive ? undefined : 'dimmed'}>
              <Table.Td ff="monospace">{item.code}</Table.Td>
              <Table.Td>{item.labels.en}</Table.Td>
              <Table.Td>{item.labels.sk}</Table.Td>
              <Table.Td>{item.sortOrder}</Table.Td>
              <Table.Td>
                <ActiveBadge active={item.isActive} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <EditButton
                    onClick={() => dialog.open(item)}
                    label={t('admin.codeLists.editNamed', { code: item.code })}
                  />
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
        </RecordTable>
      </ListPanel>
      <CodeListItemForm opened={dialog.opened} list={list} item={dialog.editing} onClose={dialog.close} />
    </>
  );
};
