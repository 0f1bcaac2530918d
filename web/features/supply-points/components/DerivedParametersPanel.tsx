import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../../components/Page.js';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import { useDerivedParameters, type DerivedParameters, type SupplyPoint } from '../api.js';
import { formatQuantity } from '../display.js';
import { Field } from './Fields.js';

/** "50 001 – 100 000 kWh" or "above 630 000 kWh". */
const bandRange = (
  t: ReturnType<typeof useTranslation>['t'],
  format: ReturnType<typeof useFormat>,
  band: NonNullable<DerivedParameters['consumptionBand']>,
) =>
  band.upperKWh === null
    ? t('supplyPoints.derived.bandFrom', { lower: formatQuantity(format, band.lowerKWh, 'kWh') })
    : t('supplyPoints.derived.bandRange', {
        lower: format.number(band.lowerKWh),
        upper: formatQuantity(format, band.upperKWh, 'kWh'),
      });

/**
 * What Kilowatt derives for the supply point from the reference data valid today (ENERGY-2): consumption in every
 * unit, the consumption band with its validity and source, the territory the identifier suggests, and for gas
 * the conversion k × Hs used.
 */
export const DerivedParametersPanel = ({ supplyPoint }: { supplyPoint: SupplyPoint }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useCodeLabel('distributionTerritory');
  const derived = useDerivedParameters(supplyPoint.id);

  const body = () => {
    if (derived.isPending) return <Skeleton h={160} />;
    if (derived.isError) return <PageError error={derived.error} onRetry={() => void derived.refetch()} />;
    const { consumption, consumptionBand: band, gasConversion: gas, suggestedTerritoryCode } = derived.data;
    const differs = suggestedTerritoryCode && suggestedTerritoryCode !== supplyPoint.territoryCode;
    return (
      <Stack gap="sm" component="dl" m={0}>
        <Field label={t('supplyPoints.derived.consumption')}>
          {consumption.kWh ? (
            <Group gap="md" component="span">
              <span>{formatQuantity(format, consumption.kWh, 'kWh')}</span>
              {consumption.MWh && <span>{formatQuantity(format, consumption.MWh, 'MWh')}</span>}
              {consumption.m3 && <span>{formatQuantity(format, consumption.m3, 'm3')}</span>}
            </Group>
          ) : supplyPoint.annualConsumption ? (
            t('supplyPoints.derived.notConvertible', {
              amount: formatQuantity(format, supplyPoint.annualConsumption, supplyPoint.consumptionUnit),
            })
          ) : (
            t('supplyPoints.derived.noConsumption')
          )}
        </Field>
        <Field
          label={t('supplyPoints.derived.band')}
          hint={
            band &&
            t('supplyPoints.derived.bandSource', {
              validFrom: format.date(band.validFrom),
              source: band.source,
            })
          }
        >
          {band ? (
            <Group gap="xs" component="span">
              <Badge variant="light" size="sm">
                {band.code}
              </Badge>
              <span>{bandRange(t, format, band)}</span>
              <Text component="span" size="xs" c="dimmed">
                {t(
                  `supplyPoints.derived.customerCategory.${band.customerCategory === 'household' ? 'household' : 'business'}`,
                )}
              </Text>
            </Group>
          ) : (
            t('supplyPoints.derived.noBand')
          )}
        </Field>
        <Field
          label={t('supplyPoints.derived.suggestedTerritory')}
          hint={differs ? t('supplyPoints.derived.territoryDiffers') : null}
        >
          {suggestedTerritoryCode ? territory(suggestedTerritoryCode) : t('supplyPoints.derived.noTerritory')}
        </Field>
        {supplyPoint.commodity === 'gas' && (
          <>
            <Field
              label={t('supplyPoints.derived.gasK')}
              hint={gas && t(`supplyPoints.derived.kSource.${gas.kSource}`)}
            >
              {gas
                ? format.number(gas.k, { maximumFractionDigits: 4 })
                : t('supplyPoints.derived.noConversion')}
            </Field>
            <Field
              label={t('supplyPoints.derived.gasHs')}
              hint={gas && t(`supplyPoints.derived.hsSource.${gas.hsSource}`)}
            >
              {gas
                ? `${format.number(gas.hs, { maximumFractionDigits: 4 })} kWh/m³`
                : t('supplyPoints.derived.noConversion')}
            </Field>
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('supplyPoints.derived.referenceDate', { date: format.date(derived.data.on) })}
        </Text>
      </Stack>
    );
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="xs" mb="sm">
        <IconCalculator size={18} aria-hidden />
        <Title order={3} size="h5">
          {t('supplyPoints.derived.title')}
        </Title>
      </Group>
      {body()}
    </Paper>
  );
};
