import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's button adding a record (it opens the add dialog). */
export const AddButton = ({ onClick, children }: { onClick: () => void; children: ReactNode }) => (
  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick}>
    {children}
  </Button>
);

/** A table row's "Edit"; `label` names the row's record for screen readers ("Edit Voltia"). */
export const EditButton = ({ onClick, label }: { onClick: () => void; label?: string }) => {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="subtle" onClick={onClick} aria-label={label}>
      {t('common.edit')}
    </Button>
  );
};
