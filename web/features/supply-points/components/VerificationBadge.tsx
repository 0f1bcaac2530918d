import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import type { Meter } from '../meters-api.js';
import { todayIso, verificationState } from '../meters.js';

/** The verification date, with a warning when it is overdue (red) or due within 60 days (orange). */
export const VerificationDue = ({ meter }: { meter: Pick<Meter, 'verificationDueOn' | 'removedOn'> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!meter.verificationDueOn) return <Text size="sm">—</Text>;
  const state = verificationState(meter, todayIso());
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {format.date(meter.verificationDueOn)}
      </Text>
      <VerificationBadge state={state} t={t} />
    </Group>
  );
};

export const VerificationBadge = ({
  state,
  t,
}: {
  state: ReturnType<typeof verificationState>;
  t: ReturnType<typeof useTranslation>['t'];
}) => {
  if (state.state === 'overdue')
    return (
      <Badge
        color="red"
        variant="light"
        size="sm"
        leftSection={<IconAlertTriangle size={12} aria-hidden />}
        style={{ textTransform: 'none' }}
      >
        {t('supplyPoints.meters.verification.overdueBy', { count: state.days })}
      </Badge>
    );
  if (state.state === 'soon')
    return (
      <Badge
        color="orange"
        variant="light"
        size="sm"
        leftSection={<IconClockExclamation size={12} aria-hidden />}
        style={{ textTransform: 'none' }}
      >
        {state.days === 0
          ? t('supplyPoints.meters.verification.today')
          : t('supplyPoints.meters.verification.dueIn', { count: state.days })}
      </Badge>
    );
  return null;
};
