import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list with no rows. Filtered: "nothing matches" and a button clearing the filters; else "nothing yet" and the
 * list's own action (create, import). `texts` is the list's i18n prefix, with `empty`, `emptyHint`,
 * `emptyFiltered`, `emptyFilteredHint` and `clearFilters`.
 */
export const ListEmptyState = ({
  icon,
  texts,
  filtered,
  onClearFilters,
  action,
}: {
  icon: ReactNode;
  texts: string;
  filtered: boolean;
  onClearFilters: () => void;
  action?: ReactNode;
}) => {
  const { t } = useTranslation();
  const actions = filtered ? (
    <Button variant="light" onClick={onClearFilters}>
      {t(`${texts}.clearFilters`)}
    </Button>
  ) : (
    action
  );
  return (
    <EmptyState
      py="xl"
      icon={icon}
      title={t(`${texts}.${filtered ? 'emptyFiltered' : 'empty'}`)}
      description={t(`${texts}.${filtered ? 'emptyFilteredHint' : 'emptyHint'}`)}
    >
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
};
