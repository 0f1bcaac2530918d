import { Badge, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBolt, IconFlame, IconMapPinCheck, IconMapPinQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Commodity, SupplyPoint, SupplyPointStatus } from '../api.js';

/** Electricity a bolt in yellow, gas a flame in orange: the same everywhere a supply point is shown. */
export const CommodityIcon = ({ commodity, size = 16 }: { commodity: Commodity; size?: number }) => {
  const { t } = useTranslation();
  const Icon = commodity === 'gas' ? IconFlame : IconBolt;
  return (
    <ThemeIcon
      variant="light"
      color={commodity === 'gas' ? 'orange' : 'yellow'}
      size={size + 8}
      radius="xl"
      aria-label={t(`supplyPoints.commodity.${commodity}`)}
      role="img"
    >
      <Icon size={size} aria-hidden />
    </ThemeIcon>
  );
};

export const CommodityLabel = ({ commodity }: { commodity: Commodity }) => {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <CommodityIcon commodity={commodity} size={14} />
      <Text size="sm" component="span">
        {t(`supplyPoints.commodity.${commodity}`)}
      </Text>
    </Group>
  );
};

export const SupplyPointStatusBadge = ({
  status,
  size = 'md',
}: {
  status: SupplyPointStatus;
  size?: 'xs' | 'sm' | 'md';
}) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'active' ? 'teal' : 'gray'}
      variant="light"
      size={size}
      style={{ flexShrink: 0 }}
    >
      {t(`supplyPoints.status.${status}`)}
    </Badge>
  );
};

/** Whether the geocoder confirmed the address; saving never waits for it. */
export const AddressStatusBadge = ({ status }: { status: SupplyPoint['addressStatus'] }) => {
  const { t } = useTranslation();
  const verified = status === 'verified';
  return (
    <Tooltip
      label={verified ? t('supplyPoints.address.verifiedHint') : t('supplyPoints.address.unverifiedHint')}
    >
      <Badge
        color={verified ? 'teal' : 'gray'}
        variant={verified ? 'light' : 'outline'}
        size="sm"
        leftSection={
          verified ? <IconMapPinCheck size={12} aria-hidden /> : <IconMapPinQuestion size={12} aria-hidden />
        }
        style={{ textTransform: 'none' }}
      >
        {verified ? t('supplyPoints.address.verified') : t('supplyPoints.address.unverified')}
      </Badge>
    </Tooltip>
  );
};
