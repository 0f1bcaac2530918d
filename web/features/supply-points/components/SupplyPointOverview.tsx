import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.js';
import { useCodeLabel } from '../../code-lists/api.js';
import type { SupplyPoint } from '../api.js';
import { formatQuantity } from '../display.js';
import { schemeName } from '../supply-point-form.js';
import { SupplyPointMap } from '../SupplyPointMap.js';
import { Field, Section } from './Fields.js';
import { AddressStatusBadge, CommodityLabel, SupplyPointStatusBadge } from './SupplyPointBadges.js';

/** Everything stored on the supply point, grouped as on the form. */
export const SupplyPointOverview = ({ supplyPoint: point }: { supplyPoint: SupplyPoint }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const territory = useCodeLabel('distributionTerritory');
  const rate = useCodeLabel('distributionRate');
  const paymentMethod = useCodeLabel('paymentMethod');
  const { address } = point;
  const gas = point.commodity === 'gas';

  return (
    <Stack gap="lg">
      <Section title={t('supplyPoints.form.sections.supplyPoint')}>
        <Field label={schemeName(t, point.identifierScheme)}>
          <Text component="span" ff="monospace" size="sm">
            {point.identifier}
          </Text>
        </Field>
        <Field label={t('supplyPoints.fields.commodity')}>
          <CommodityLabel commodity={point.commodity} />
        </Field>
        <Field label={t('supplyPoints.fields.status')}>
          <SupplyPointStatusBadge status={point.status} />
        </Field>
        <Field
          label={t('supplyPoints.fields.territory')}
          hint={point.territorySource && t(`supplyPoints.territorySource.${point.territorySource}`)}
        >
          {territory(point.territoryCode)}
        </Field>
        <Field label={t('supplyPoints.fields.name')}>{point.name}</Field>
        <Field label={t('supplyPoints.fields.country')}>{format.country(point.country)}</Field>
      </Section>

      <Stack gap="sm">
        <Section title={t('supplyPoints.form.sections.address')}>
          <Field label={t('supplyPoints.fields.street')}>{address.street}</Field>
          <Field label={t('supplyPoints.fields.city')}>
            {[address.postalCode, address.city].filter(Boolean).join(' ')}
          </Field>
          <Field label={t('supplyPoints.fields.addressCountry')}>
            <Group gap="xs" component="span">
              {format.country(address.country)}
              <AddressStatusBadge status={point.addressStatus} />
            </Group>
          </Field>
        </Section>
        <SupplyPointMap supplyPoint={point} />
      </Stack>

      <Section title={t('supplyPoints.form.sections.consumption')}>
        <Field label={t('supplyPoints.fields.annualConsumption')}>
          {formatQuantity(format, point.annualConsumption, point.consumptionUnit)}
        </Field>
        <Field label={t('supplyPoints.fields.annualConsumptionKWh')}>
          {formatQuantity(format, point.annualConsumptionKWh, point.annualConsumptionKWh ? 'kWh' : null)}
        </Field>
        <Field label={t('supplyPoints.fields.breakerRating')}>{point.breakerRating}</Field>
        {gas && (
          <Field label={t('supplyPoints.fields.gasVolumeCoefficient')}>
            {point.gasVolumeCoefficient ?? t('supplyPoints.detail.fromReference')}
          </Field>
        )}
        {gas && (
          <Field label={t('supplyPoints.fields.gasCalorificValue')}>
            {point.gasCalorificValue
              ? formatQuantity(format, point.gasCalorificValue, 'kWh/m³')
              : t('supplyPoints.detail.fromReference')}
          </Field>
        )}
      </Section>

      <Section title={t('supplyPoints.form.sections.supply')}>
        <Field label={t('supplyPoints.fields.currentSupplier')}>{point.currentSupplier}</Field>
        <Field label={t('supplyPoints.fields.currentProduct')}>{point.currentProduct}</Field>
        <Field label={t('supplyPoints.fields.distributionRate')}>{rate(point.distributionRate)}</Field>
      </Section>

      <Section title={t('supplyPoints.form.sections.payment')}>
        <Field label={t('supplyPoints.fields.iban')}>
          {point.iban && (
            <Text component="span" ff="monospace" size="sm">
              {point.iban.replace(/(.{4})/g, '$1 ').trim()}
            </Text>
          )}
        </Field>
        <Field label={t('supplyPoints.fields.paymentMethod')}>{paymentMethod(point.paymentMethod)}</Field>
      </Section>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('supplyPoints.fields.note')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={point.note ? undefined : 'dimmed'}>
          {point.note ?? '—'}
        </Text>
      </Stack>

      <Section title={t('supplyPoints.form.sections.record')}>
        <Field label={t('supplyPoints.fields.createdAt')}>{format.dateTime(point.createdAt)}</Field>
        <Field label={t('supplyPoints.fields.updatedAt')}>{format.dateTime(point.updatedAt)}</Field>
        {point.archivedAt && (
          <Field label={t('supplyPoints.fields.archivedAt')}>{format.dateTime(point.archivedAt)}</Field>
        )}
      </Section>
    </Stack>
  );
};
