import type { TFunction } from 'i18next';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull } from '../../components/validation.js';
import { normaliseDecimal } from '../supply-points/supply-point-form.js';
import type {
  ChargeBasis,
  Commodity,
  ComponentKind,
  RegulatedComponent,
  RegulatedComponentBody,
  VatRate,
  VatRateBody,
} from './api.js';
import { pricePattern, priceRuleMessage } from './price-list-form.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const ratePattern = /^\d{1,2}(\.\d{1,2})?$/;

type Validity = { validFrom: string; validTo: string };

const validityErrors = (t: TFunction, values: Validity): FormErrors => {
  const errors: FormErrors = {};
  if (!values.validFrom) errors.validFrom = priceRuleMessage(t, 'required');
  else if (!isoDate.test(values.validFrom)) errors.validFrom = priceRuleMessage(t, 'invalid_format');
  if (values.validTo && !isoDate.test(values.validTo)) errors.validTo = priceRuleMessage(t, 'invalid_format');
  else if (values.validTo && values.validFrom && values.validTo < values.validFrom)
    errors.validTo = priceRuleMessage(t, 'before_valid_from');
  return errors;
};

const sourceErrors = (t: TFunction, source: string): FormErrors =>
  !source.trim() ? { source: priceRuleMessage(t, 'required') } : source.trim().length > 300 ? { source: priceRuleMessage(t, 'too_big') } : {};

// ------------------------------------------------------------------------------------ regulated components

export type RegulatedFormValues = {
  country: string | null;
  commodity: Commodity;
  territoryCode: string | null;
  tariffCode: string;
  component: ComponentKind;
  basis: ChargeBasis;
  amount: string;
  currency: string | null;
  validFrom: string;
  validTo: string;
  source: string;
};

export const regulatedFormFields = [
  'country',
  'commodity',
  'territoryCode',
  'tariffCode',
  'component',
  'basis',
  'amount',
  'currency',
  'validFrom',
  'validTo',
  'source',
] as const;

export const emptyRegulatedValues = (filter: { country?: string | undefined; commodity?: Commodity | undefined } = {}): RegulatedFormValues => ({
  country: filter.country ?? 'SK',
  commodity: filter.commodity ?? 'electricity',
  territoryCode: null,
  tariffCode: '',
  component: 'distribution',
  basis: 'per_mwh',
  amount: '',
  currency: filter.country === 'CZ' ? 'CZK' : 'EUR',
  validFrom: '',
  validTo: '',
  source: '',
});

export const regulatedToValues = (row: RegulatedComponent): RegulatedFormValues => ({
  country: row.country,
  commodity: row.commodity,
  territoryCode: row.territoryCode,
  tariffCode: row.tariffCode ?? '',
  component: row.component,
  basis: row.basis,
  amount: row.amount,
  currency: row.currency,
  validFrom: row.validFrom,
  validTo: row.validTo ?? '',
  source: row.source,
});

export const regulatedValuesToBody = (values: RegulatedFormValues, separator?: string): RegulatedComponentBody => ({
  country: values.country ?? '',
  commodity: values.commodity,
  territoryCode: values.territoryCode || null,
  tariffCode: emptyToNull(values.tariffCode),
  component: values.component,
  basis: values.basis,
  amount: normaliseDecimal(values.amount, separator),
  currency: values.currency ?? '',
  validFrom: values.validFrom,
  validTo: values.validTo || null,
  source: values.source.trim(),
});

export const validateRegulated =
  (t: TFunction, separator?: string) =>
  (values: RegulatedFormValues): FormErrors => {
    const errors: FormErrors = { ...validityErrors(t, values), ...sourceErrors(t, values.source) };
    if (!values.country) errors.country = priceRuleMessage(t, 'required');
    if (!values.currency) errors.currency = priceRuleMessage(t, 'required');
    if (values.tariffCode.trim().length > 40) errors.tariffCode = priceRuleMessage(t, 'too_big');
    const amount = normaliseDecimal(values.amount, separator);
    if (!amount) errors.amount = priceRuleMessage(t, 'required');
    else if (!pricePattern.test(amount)) errors.amount = priceRuleMessage(t, 'invalid_price');
    return errors;
  };

// ------------------------------------------------------------------------------------ VAT rates

export type VatFormValues = { country: string | null; ratePercent: string; validFrom: string; validTo: string; source: string };

export const vatFormFields = ['country', 'ratePercent', 'validFrom', 'validTo', 'source'] as const;

export const emptyVatValues = (): VatFormValues => ({ country: 'SK', ratePercent: '', validFrom: '', validTo: '', source: '' });

export const vatToValues = (rate: VatRate): VatFormValues => ({
  country: rate.country,
  ratePercent: rate.ratePercent,
  validFrom: rate.validFrom,
  validTo: rate.validTo ?? '',
  source: rate.source,
});

export const vatValuesToBody = (values: VatFormValues, separator?: string): VatRateBody => ({
  country: values.country ?? '',
  ratePercent: normaliseDecimal(values.ratePercent, separator),
  validFrom: values.validFrom,
  validTo: values.validTo || null,
  source: values.source.trim(),
});

export const validateVat =
  (t: TFunction, separator?: string) =>
  (values: VatFormValues): FormErrors => {
    const errors: FormErrors = { ...validityErrors(t, values), ...sourceErrors(t, values.source) };
    if (!values.country) errors.country = priceRuleMessage(t, 'required');
    const rate = normaliseDecimal(values.ratePercent, separator);
    if (!rate) errors.ratePercent = priceRuleMessage(t, 'required');
    else if (!ratePattern.test(rate)) errors.ratePercent = priceRuleMessage(t, 'invalid_rate');
    return errors;
  };
