import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/FormAlert.js';
import { notifySuccess } from '../../components/errors.js';
import { isApiError } from '../../api/client.js';
import type { CaseDetail } from '../cases/api.js';
import { useProductOptions } from '../price-lists/api.js';
import { useCreateOffer, usePreviewOffer, type OfferLineBody } from './api.js';
import { LinesTable, TotalsRow } from './components/OfferBits.js';
import { useFormat } from '../../i18n/format.js';
import { addDays, localToday } from '../contracts/list-params.js';
import { decimalSeparator, parseDecimalInput } from '../supply-points/decimal-input.js';


/**
 * A new offer for the case: its supply points, one product and delivery period for all chosen points, and the
 * client's current prices; "Price" shows the saving line by line before anything is saved.
 */
export const OfferForm = ({ detail, opened, onClose }: { detail: CaseDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const commodity = detail.commodity === 'gas' ? 'gas' : 'electricity';
  const products = useProductOptions({ commodity });
  const format = useFormat();
  const separator = decimalSeparator(format.locale);
  // Today and next year as the user's calendar has them (a UTC day is yesterday's just after midnight in Central Europe).
  const today = localToday();
  const nextYear = Number(today.slice(0, 4)) + 1;
  const [pointIds, setPointIds] = useState<string[]>(detail.supplyPointIds);
  const [productId, setProductId] = useState<string | null>(null);
  const [deliveryFrom, setDeliveryFrom] = useState(`${nextYear}-01-01`);
  const [deliveryTo, setDeliveryTo] = useState(`${nextYear}-12-31`);
  const [currentPricePerMWh, setPrice] = useState('');
  const [currentMonthlyFee, setFee] = useState('');
  const [validUntil, setValidUntil] = useState(() => addDays(today, 30));
  const [kind, setKind] = useState<'binding' | 'indicative'>('binding');
  const [isAlternative, setAlternative] = useState(false);
  const [note, setNote] = useState('');
  const preview = usePreviewOffer(detail.id);
  const create = useCreateOffer(detail.id);

  const lines = (): OfferLineBody[] =>
        pointIds.map((supplyPointId) => ({
      supplyPointId,
      productId: productId ?? '',
      deliveryFrom,
      deliveryTo,
      // Prices as the user's language writes them ("150,5" in Slovak), as the API takes them ("150.5").
      currentPricePerMWh: parseDecimalInput(currentPricePerMWh, separator),
      currentMonthlyFee: parseDecimalInput(currentMonthlyFee, separator),
    }));
  const error = create.error ?? preview.error;
  const problems = isApiError(error) ? error.errors : [];
  const identifierOf = new Map(detail.supplyPoints.map((p) => [p.id, p.identifier]));
  // "lines.3.annualConsumption" → the supply point's identifier, so the problem names the point, not an index.
  const unmapped = problems.map((p) => {
    const match = /^lines\.(\d+)\.(.+)$/.exec(p.path);
    const id = match ? pointIds[Number(match[1])] : undefined;
    return match && id ? { ...p, path: `${identifierOf.get(id) ?? id}: ${match[2]}` } : p;
  });

  const save = () =>
    create.mutate(
      { kind, isAlternative, validUntil, note: note || null, lines: lines() },
      {
        onSuccess: (offer) => {
          notifySuccess(t('offers.form.created', { number: offer.number }));
          onClose();
          void navigate(`/offers/${offer.id}`);
        },
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} size="90%" title={t('offers.form.title')}>
      <Stack>
        <Text size="sm" fw={600}>
          {t('offers.form.supplyPoints')}
        </Text>
        <Checkbox.Group value={pointIds} onChange={setPointIds}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {detail.supplyPoints.map((p) => (
              <Checkbox key={p.id} value={p.id} label={`${p.identifier}${p.name ? ` — ${p.name}` : ''}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('offers.fields.product')}
            required
            searchable
            value={productId}
            onChange={setProductId}
            data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.supplier})` }))}
          />
          <TextInput type="date" label={t('offers.fields.deliveryFrom')} value={deliveryFrom} onChange={(e) => setDeliveryFrom(e.currentTarget.value)} required />
          <TextInput type="date" label={t('offers.fields.deliveryTo')} value={deliveryTo} onChange={(e) => setDeliveryTo(e.currentTarget.value)} required />
          <TextInput label={t('offers.fields.currentPricePerMWh')} value={currentPricePerMWh} onChange={(e) => setPrice(e.currentTarget.value)} required inputMode="decimal" />
          <TextInput label={t('offers.fields.currentMonthlyFee')} value={currentMonthlyFee} onChange={(e) => setFee(e.currentTarget.value)} required inputMode="decimal" />
          <TextInput type="date" label={t('offers.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} required />
          <Select
            label={t('offers.fields.kind')}
            value={kind}
            onChange={(v) => setKind(v === 'indicative' ? 'indicative' : 'binding')}
            data={[
              { value: 'binding', label: t('offers.kind.binding') },
              { value: 'indicative', label: t('offers.kind.indicative') },
            ]}
          />
          <Switch mt="xl" label={t('offers.fields.isAlternative')} checked={isAlternative} onChange={(e) => setAlternative(e.currentTarget.checked)} />
        </SimpleGrid>
        <Textarea label={t('offers.fields.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <FormAlert error={error} unmapped={unmapped} />
        {preview.data && !preview.error && (
          <Stack gap="xs">
            <LinesTable lines={preview.data.lines} currency={preview.data.totals.currency} showMargin={preview.data.totals.margin !== null} />
            <TotalsRow totals={preview.data.totals} showMargin={preview.data.totals.margin !== null} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" loading={preview.isPending} disabled={pointIds.length === 0} onClick={() => preview.mutate(lines())}>
            {t('offers.form.price')}
          </Button>
          <Button loading={create.isPending} disabled={pointIds.length === 0} onClick={save}>
            {t('offers.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
