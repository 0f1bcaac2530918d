import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractState } from '../api.js';
import { stateColours } from '../display.js';

export const ContractStateBadge = ({ state, size = 'sm' }: { state: ContractState; size?: 'sm' | 'lg' }) => {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="light" color={stateColours[state]} style={{ minWidth: 'max-content' }}>
      {t(`contracts.state.${state}`)}
    </Badge>
  );
};
