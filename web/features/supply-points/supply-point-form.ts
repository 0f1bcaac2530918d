import i18next from 'i18next';
import { Decimal } from 'decimal.js';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { checkPartyFields } from '../../../domain/clients/client-rules.js';
import { unitsFor } from '../../../domain/energy/consumption.js';
import { checkGasConversion } from '../../../domain/energy/gas-conversion.js';
import {
  checkSupplyPointIdentifier,
  type SupplyPointIdReason,
  type SupplyPointScheme,
} from '../../../domain/energy/supply-point-identifier.js';
import { checkIban } from '../../../domain/identifiers/iban.js';
import { Email } from '../../../domain/schemas/common.js';
import { ruleMessage, translateCode } from '../../components/errors.js';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import { decimalPattern } from './list-params.js';
import { decimalSeparator, parseDecimalInput } from './decimal-input.js';
import type {
  AddressSuggestion,
  Commodity,
  ConsumptionUnit,
  Holder,
  HolderInput,
  SupplyPoint,
  SupplyPointInput,
  SupplyPointStatus,
} from './api.js';

export type AddressValues = { street: string; city: string; postalCode: string; country: string | null };

export type SupplyPointFormValues = {
  /** Only when creating: the holder. */
  clientId: string | null;
  commodity: Commodity;
  identifier: string;
  /** A territory the user chose; null lets the server derive it from the identifier. */
  territoryCode: string | null;
  status: SupplyPointStatus;
  name: string;
  address: AddressValues;
  annualConsumption: string;
  consumptionUnit: ConsumptionUnit | null;
  gasVolumeCoefficient: string;
  gasCalorificValue: string;
  currentSupplier: string;
  currentProduct: string;
  distributionRate: string | null;
  breakerRating: string;
  iban: string;
  paymentMethod: string | null;
  note: string;
};

/** Form paths that show a server field problem under themselves; any other path goes to the form's alert. */
export const supplyPointFormFields = [
  'clientId',
  'commodity',
  'identifier',
  'territoryCode',
  'status',
  'name',
  'address',
  'address.street',
  'address.city',
  'address.postalCode',
  'address.country',
  'annualConsumption',
  'consumptionUnit',
  'gasVolumeCoefficient',
  'gasCalorificValue',
  'currentSupplier',
  'currentProduct',
  'distributionRate',
  'breakerRating',
  'iban',
  'paymentMethod',
  'note',
] as const;

export const emptySupplyPointValues = (clientId: string | null = null): SupplyPointFormValues => ({
  clientId,
  commodity: 'electricity',
  identifier: '',
  territoryCode: null,
  status: 'active',
  name: '',
  address: { street: '', city: '', postalCode: '', country: null },
  annualConsumption: '',
  consumptionUnit: 'kWh',
  gasVolumeCoefficient: '',
  gasCalorificValue: '',
  currentSupplier: '',
  currentProduct: '',
  distributionRate: null,
  breakerRating: '',
  iban: '',
  paymentMethod: null,
  note: '',
});

export const supplyPointToValues = (point: SupplyPoint): SupplyPointFormValues => ({
  clientId: point.clientId,
  commodity: point.commodity,
  identifier: point.identifier,
  // A derived territory is not the user's choice: left empty, it follows a changed identifier.
  territoryCode: point.territorySource === 'manual' ? point.territoryCode : null,
  status: point.status,
  name: point.name ?? '',
  address: {
    street: point.address.street ?? '',
    city: point.address.city ?? '',
    postalCode: point.address.postalCode ?? '',
    country: point.address.country,
  },
  annualConsumption: point.annualConsumption ?? '',
  consumptionUnit: point.consumptionUnit ?? 'kWh',
  gasVolumeCoefficient: point.gasVolumeCoefficient ?? '',
  gasCalorificValue: point.gasCalorificValue ?? '',
  currentSupplier: point.currentSupplier ?? '',
  currentProduct: point.currentProduct ?? '',
  distributionRate: point.distributionRate,
  breakerRating: point.breakerRating ?? '',
  iban: point.iban ?? '',
  paymentMethod: point.paymentMethod,
  note: point.note ?? '',
});

/**
 * A typed quantity as decimal text, read the way the user's language writes numbers ("12 500,5" in Slovak,
 * "12,500.5" in English). Anything else stays for the check to report.
 */
export const normaliseDecimal = (raw: string, separator = decimalSeparator(i18next.language || 'en')): string =>
  parseDecimalInput(raw, separator);

const decimalOrNull = (raw: string): string | null => {
  const value = normaliseDecimal(raw);
  return value === '' ? null : value;
};

export const valuesToInput = (values: SupplyPointFormValues): SupplyPointInput => {
  const gas = values.commodity === 'gas';
  const amount = decimalOrNull(values.annualConsumption);
  return {
    commodity: values.commodity,
    identifier: values.identifier.trim(),
    territoryCode: values.territoryCode || null,
    status: values.status,
    name: emptyToNull(values.name),
    address: {
      street: emptyToNull(values.address.street),
      city: emptyToNull(values.address.city),
      postalCode: emptyToNull(values.address.postalCode),
      country: values.address.country || null,
    },
    annualConsumption: amount,
    consumptionUnit: amount === null ? null : values.consumptionUnit,
    gasVolumeCoefficient: gas ? decimalOrNull(values.gasVolumeCoefficient) : null,
    gasCalorificValue: gas ? decimalOrNull(values.gasCalorificValue) : null,
    currentSupplier: emptyToNull(values.currentSupplier),
    currentProduct: emptyToNull(values.currentProduct),
    distributionRate: values.distributionRate || null,
    breakerRating: emptyToNull(values.breakerRating),
    iban: emptyToNull(values.iban),
    paymentMethod: values.paymentMethod || null,
    note: emptyToNull(values.note),
  };
};

/** Units offered for a commodity: electricity has no m³. */
export const unitOptions = (commodity: Commodity): readonly ConsumptionUnit[] => unitsFor(commodity);

/** The unit to keep after the commodity changed: m³ does not exist for electricity. */
export const unitAfterCommodityChange = (
  commodity: Commodity,
  unit: ConsumptionUnit | null,
): ConsumptionUnit | null => (unit && unitOptions(commodity).includes(unit) ? unit : 'kWh');

/** The street line of a suggestion, with the house number; villages without streets use their name. */
export const streetLine = (s: AddressSuggestion): string =>
  [s.street ?? s.city, s.houseNumber].filter(Boolean).join(' ') || s.label;

/** A chosen suggestion fills the whole address. */
export const suggestionToAddress = (
  suggestion: AddressSuggestion,
  fallbackCountry: string | null,
): AddressValues => ({
  street: streetLine(suggestion),
  city: suggestion.city ?? '',
  postalCode: suggestion.postalCode ?? '',
  country: suggestion.country ?? fallbackCountry,
});

// ------------------------------------------------------------------------------------ identifier

/**
 * Lengths of the fixed-length schemes (domain/identifiers: EIC 16, GSRN 18, SK gas POD 20, MaLo 11, MeLo 33),
 * used only to tell "still typing" from "too long" while the user types.
 */
const schemeLengths: Record<SupplyPointScheme, number | null> = {
  eic: 16,
  gsrn: 18,
  'sk-gas-pod': 20,
  malo: 11,
  melo: 33,
  other: null,
};

const expectedLength = (scheme: SupplyPointScheme): string => String(schemeLengths[scheme] ?? '4–40');

export type IdentifierFeedback =
  | { state: 'empty'; scheme: SupplyPointScheme }
  | { state: 'typing'; scheme: SupplyPointScheme; length: number; expected: number }
  | { state: 'valid'; scheme: SupplyPointScheme; value: string; warning: 'prefix' | 'unchecked' | null }
  | { state: 'invalid'; scheme: SupplyPointScheme; reason: SupplyPointIdReason };

/** What to tell the user about the identifier typed so far, by the same rules the server applies on save. */
export const identifierFeedback = (
  country: string,
  commodity: Commodity,
  raw: string,
): IdentifierFeedback => {
  const result = checkSupplyPointIdentifier(country, commodity, raw);
  if (result.ok)
    return { state: 'valid', scheme: result.scheme, value: result.value, warning: result.warning ?? null };
  if (result.reason === 'required') return { state: 'empty', scheme: result.expected };
  const expected = schemeLengths[result.expected];
  const length = raw.replace(/[\s.]/g, '').length;
  if (result.reason === 'length' && expected !== null && length < expected) {
    return { state: 'typing', scheme: result.expected, length, expected };
  }
  return { state: 'invalid', scheme: result.expected, reason: result.reason };
};

export const schemeName = (t: TFunction, scheme: string): string =>
  translateCode(t, 'supplyPoints.schemes', scheme) ?? t('supplyPoints.schemes.other');

/** A rejected identifier in the user's language, naming the kind of code expected. */
export const identifierMessage = (t: TFunction, reason: string, scheme: SupplyPointScheme): string =>
  translateCode(t, 'supplyPoints.identifierRules', reason, {
    scheme: schemeName(t, scheme),
    expected: expectedLength(scheme),
  }) ?? ruleMessage(t, reason);

// ------------------------------------------------------------------------------------ validation

const text = (max: number) => z.string().trim().max(max);

/** Text lengths of the API's SupplyPointCreateBody. */
const SupplyPointTextRules = z.object({
  name: text(200),
  address: z.object({ street: text(200), city: text(100), postalCode: text(12) }),
  currentSupplier: text(200),
  currentProduct: text(200),
  breakerRating: text(20),
  iban: text(42),
  note: text(4000),
});

// Each gas value is checked against a mid-range partner, so the domain's plausible ranges stay in one place.
const typicalK = new Decimal('0.97');
const typicalHs = new Decimal('10.6');

/**
 * Checks a filled-in form as the server would: the identifier by the holder's country (unknown until a client
 * is picked), consumption and its unit, gas conversion values, IBAN and text lengths.
 */
export const validateSupplyPoint =
  (t: TFunction, country: string | null, needsClient: boolean) =>
  (values: SupplyPointFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (needsClient && !values.clientId) errors.clientId = ruleMessage(t, 'required');

    if (!values.identifier.trim()) errors.identifier = ruleMessage(t, 'required');
    else if (country) {
      const check = checkSupplyPointIdentifier(country, values.commodity, values.identifier);
      if (!check.ok) errors.identifier = identifierMessage(t, check.reason, check.expected);
    }

    const amount = normaliseDecimal(values.annualConsumption);
    if (amount) {
      if (!decimalPattern.test(amount)) errors.annualConsumption = ruleMessage(t, 'decimal');
      if (!values.consumptionUnit) errors.consumptionUnit = ruleMessage(t, 'required');
      else if (!unitOptions(values.commodity).includes(values.consumptionUnit))
        errors.consumptionUnit = ruleMessage(t, 'unit_not_allowed');
    }

    if (values.commodity === 'gas') {
      const k = normaliseDecimal(values.gasVolumeCoefficient);
      if (k) {
        if (!/^\d\.\d{1,4}$/.test(k)) errors.gasVolumeCoefficient = ruleMessage(t, 'decimal');
        else if (checkGasConversion({ k: new Decimal(k), hs: typicalHs }))
          errors.gasVolumeCoefficient = ruleMessage(t, 'coefficient_out_of_range');
      }
      const hs = normaliseDecimal(values.gasCalorificValue);
      if (hs) {
        if (!/^\d{1,2}(\.\d{1,4})?$/.test(hs)) errors.gasCalorificValue = ruleMessage(t, 'decimal');
        else if (checkGasConversion({ k: typicalK, hs: new Decimal(hs) }))
          errors.gasCalorificValue = ruleMessage(t, 'calorific_value_out_of_range');
      }
    }

    if (values.iban.trim()) {
      const iban = checkIban(values.iban);
      if (!iban.ok) errors.iban = ruleMessage(t, iban.reason);
    }

    return { ...zodValidate<SupplyPointFormValues>(SupplyPointTextRules, t)(values), ...errors };
  };

// ------------------------------------------------------------------------------------ holder

export type HolderFormValues = { name: string; email: string; phone: string; address: AddressValues };

export const holderFormFields = [
  'name',
  'email',
  'phone',
  'address',
  'address.street',
  'address.city',
  'address.postalCode',
  'address.country',
] as const;

export const holderToValues = (holder: Holder): HolderFormValues => ({
  name: holder.name,
  email: holder.email ?? '',
  phone: holder.phone ?? '',
  address: {
    street: holder.address.street ?? '',
    city: holder.address.city ?? '',
    postalCode: holder.address.postalCode ?? '',
    country: holder.address.country,
  },
});

export const holderValuesToInput = (values: HolderFormValues): HolderInput => ({
  name: values.name.trim(),
  email: emptyToNull(values.email),
  phone: emptyToNull(values.phone),
  address: {
    street: emptyToNull(values.address.street),
    city: emptyToNull(values.address.city),
    postalCode: emptyToNull(values.address.postalCode),
    country: values.address.country || null,
  },
});

const optionalEmail = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  Email.optional(),
);

const HolderRules = z.object({
  name: z.string().trim().min(1).max(200),
  email: optionalEmail,
  address: z.object({ street: text(200), city: text(100), postalCode: text(12) }),
});

/** The client's rules: name required, e-mail format, a phone number valid in the client's country. */
export const validateHolder = (t: TFunction, country: string) => {
  const fieldRules = zodValidate<HolderFormValues>(HolderRules, t);
  return (values: HolderFormValues): FormErrors => {
    const errors: FormErrors = {};
    for (const issue of checkPartyFields({ country, phones: { phone: values.phone } }).errors)
      errors[issue.path] = ruleMessage(t, issue.code);
    return { ...errors, ...fieldRules(values) };
  };
};
