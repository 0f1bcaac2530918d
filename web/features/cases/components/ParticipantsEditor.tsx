import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert.js';
import { FormActions } from '../../../components/form/FormActions.js';
import { FormModal } from '../../../components/form/FormDialog.js';
import { useFormat } from '../../../i18n/format.js';
import { useUsers } from '../../admin/api.js';
import { decimalSeparator, parseDecimalInput } from '../../supply-points/decimal-input.js';
import { useUpdateCase, type CaseDetail } from '../api.js';
import { checkShares, evenShares } from '../display.js';

type Row = { userId: string | null; share: string };

/**
 * The commission split of a case (COMM-2): participants with their shares, the running sum beside them, and
 * saving only when the shares add up to exactly 100 %.
 */
const EditorBody = ({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const separator = decimalSeparator(format.locale);
  const users = useUsers();
  const [rows, setRows] = useState<Row[]>(detail.participants.map((p) => ({ userId: p.userId, share: p.share.replace('.', separator) })));
  const save = useUpdateCase(detail.id, { onSuccess: onClose });
  const parsed = rows.map((r) => ({ userId: r.userId ?? '', share: parseDecimalInput(r.share, separator) }));
  const check = checkShares(parsed);
  const missingUser = rows.some((r) => !r.userId);
  const canSave = check.isComplete && !missingUser;
  const options = (users.data ?? []).filter((u) => u.isActive && u.ownerId === detail.ownerId).map((u) => ({ value: u.id, label: u.name }));
  const setRow = (index: number, change: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const splitEvenly = () => {
    const shares = evenShares(rows.length);
    setRows((all) => all.map((r, i) => ({ ...r, share: (shares[i] ?? '').replace('.', separator) })));
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!canSave) return;
        save.mutate({ participants: parsed, version: detail.version });
      }}
      noValidate
    >
      <Stack gap="sm">
        <FormAlert error={save.error} onReload={onClose} />
        {rows.map((row, index) => {
          const problem = check.problems.find((p) => p.path === `participants.${index}.share` || p.path === `participants.${index}.userId`);
          return (
            <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label={index === 0 ? t('cases.participants.user') : undefined}
                aria-label={t('cases.participants.user')}
                data={options}
                searchable
                value={row.userId}
                onChange={(value) => setRow(index, { userId: value })}
                error={problem?.code === 'duplicate' ? t('cases.participants.duplicate') : undefined}
                style={{ flex: 1 }}
              />
              <TextInput
                label={index === 0 ? t('cases.participants.share') : undefined}
                aria-label={t('cases.participants.share')}
                inputMode="decimal"
                rightSection={<Text size="sm">%</Text>}
                value={row.share}
                onChange={(event) => setRow(index, { share: event.currentTarget.value })}
                error={problem && problem.code !== 'duplicate' && row.share.trim() !== '' ? t('cases.participants.invalidShare') : undefined}
                w={120}
                data-autofocus={index === 0 ? true : undefined}
              />
              <ActionIcon
                variant="default"
                color="red"
                size="lg"
                disabled={rows.length === 1}
                onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                aria-label={t('cases.participants.remove')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group gap="xs">
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRows((all) => [...all, { userId: null, share: '' }])}>
            {t('cases.participants.add')}
          </Button>
          <Button variant="subtle" size="xs" onClick={splitEvenly}>
            {t('cases.participants.splitEvenly')}
          </Button>
        </Group>
        <Text size="sm" fw={600} c={canSave ? 'teal' : 'red'} aria-live="polite" role="status">
          {t('cases.participants.sum', { sum: format.number(check.total, { maximumFractionDigits: 2 }) })}
          {check.isTotalWrong && ` — ${t('cases.participants.mustBe100')}`}
          {(check.problems.length > 0 || missingUser) && ` — ${t('cases.participants.completeRows')}`}
        </Text>
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} submitDisabled={!canSave} mt={0} />
      </Stack>
    </form>
  );
};

export const ParticipantsEditor = ({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('cases.participants.editTitle')} size="lg">
      <EditorBody detail={detail} onClose={onClose} />
    </FormModal>
  );
};
