import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { useSupplyPointList } from '../../supply-points/api.js';
import { useUpdateCase, type CaseDetail } from '../api.js';

/** Links supply points of the case's client to the case (they stand where other CRMs put products). */
const EditorBody = ({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const list = useSupplyPointList({ clientId: detail.clientId, archived: 'false' });
  const points = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<string[]>(detail.supplyPointIds);
  const [failure, setFailure] = useState<unknown>(null);
  const save = useUpdateCase(detail.id, { onSuccess: onClose });
  const known = new Set(points.map((p) => p.id));
  const data = [
    ...points.map((p) => ({ value: p.id, label: [p.identifier, p.name].filter(Boolean).join(' · ') })),
    ...detail.supplyPoints.filter((p) => !known.has(p.id)).map((p) => ({ value: p.id, label: p.identifier })),
  ];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setFailure(null);
        save.mutate({ supplyPointIds: selected, version: detail.version }, { onError: setFailure });
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert error={failure} onReload={onClose} />
        <MultiSelect
          label={t('cases.supplyPoints.label')}
          description={t('cases.supplyPoints.hint')}
          data={data}
          value={selected}
          onChange={setSelected}
          searchable
          clearable
          nothingFoundMessage={list.isPending ? t('common.loading') : t('cases.supplyPoints.none')}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const SupplyPointsEditor = ({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.supplyPoints.editTitle')} size="lg">
      {opened && <EditorBody detail={detail} onClose={onClose} />}
    </Modal>
  );
};
