import { MultiSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useSupplyPointList } from '../../supply-points/api.js';
import { useUpdateCase, type CaseDetail } from '../api.js';

/** Links supply points of the case's client to the case (they stand where other CRMs put products). */
const EditorBody = ({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const list = useSupplyPointList({ clientId: detail.clientId, archived: 'false' });
  const points = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<string[]>(detail.supplyPointIds);
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
        save.mutate({ supplyPointIds: selected, version: detail.version });
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert error={save.error} onReload={onClose} />
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
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} mt={0} />
      </Stack>
    </form>
  );
};

export const SupplyPointsEditor = ({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('cases.supplyPoints.editTitle')} size="lg">
      <EditorBody detail={detail} onClose={onClose} />
    </FormModal>
  );
};
