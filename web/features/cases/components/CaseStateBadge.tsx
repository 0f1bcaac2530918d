import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseOutcome, CaseState } from '../api.js';

const colours: Record<string, string> = { new: 'blue', won: 'teal', lost: 'red' };

/** New, or closed as won/lost. */
export const CaseStateBadge = ({ state, outcome }: { state: CaseState; outcome: CaseOutcome | null }) => {
  const { t } = useTranslation();
  const key = state === 'closed' && outcome ? outcome : state;
  return (
    <Badge size="sm" variant="light" color={colours[key] ?? 'gray'} style={{ minWidth: 'max-content' }}>
      {state === 'closed' && outcome ? t(`cases.outcome.${outcome}`) : t(`cases.state.${state}`)}
    </Badge>
  );
};
