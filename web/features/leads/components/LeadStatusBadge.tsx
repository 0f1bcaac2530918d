import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../api.js';

const colors: Record<LeadStatus, string> = {
  new: 'blue',
  qualified: 'teal',
  disqualified: 'gray',
  converted: 'violet',
};

export const LeadStatusBadge = ({ status }: { status: LeadStatus }) => {
  const { t } = useTranslation();
  return (
    // Never truncated to "N…" in a narrow table column.
    <Badge color={colors[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`leads.status.${status}`)}
    </Badge>
  );
};

export const LeadArchivedBadge = ({ merged }: { merged: boolean }) => {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline">
      {merged ? t('leads.mergedBadge') : t('leads.archivedBadge')}
    </Badge>
  );
};
