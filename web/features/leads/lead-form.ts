import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  checkLead,
  potentialCommodities,
  priceModels,
  quantityUnits,
  type PotentialCommodity,
  type PriceModel,
  type QuantityUnit,
} from '../../../domain/leads/lead-rules.js';
import { CountryCode, Email, Phone } from '../../../domain/schemas/common.js';
import { ruleMessage } from '../../components/errors.js';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import { parseDecimalInput } from '../supply-points/decimal-input.js';
import type { Lead, LeadInput, MarketingConsent, PotentialInput } from './api.js';

export type PotentialValues = {
  commodity: PotentialCommodity;
  territoryCode: string | null;
  supplyPointIdentifier: string;
  periodFrom: string | null;
  periodTo: string | null;
  priceModel: PriceModel | null;
  /** As typed, in the user's language ("12 500,5" in Slovak). */
  quantity: string;
  quantityUnit: QuantityUnit | null;
  /** Stable React key of the row while it is edited. */
  key: string;
};

export type LeadFormValues = {
  kind: 'company' | 'person';
  name: string;
  country: string;
  companyId: string;
  email: string;
  phone: string;
  contactFirstName: string;
  contactLastName: string;
  contactFunction: string;
  address: { street: string; city: string; postalCode: string };
  industry: string | null;
  priority: string;
  source: string;
  campaign: string;
  channel: string;
  marketingConsent: MarketingConsent;
  totalDemand: string;
  totalDemandUnit: QuantityUnit | null;
  note: string;
  potentials: PotentialValues[];
};

/** Form paths that show a server field problem under themselves; any other path goes to the form's alert. */
export const isLeadFormField = (path: string): boolean =>
  /^(kind|name|country|companyId|email|phone|contactFirstName|contactLastName|contactFunction|address\.(street|city|postalCode)|industry|priority|source|campaign|channel|marketingConsent|totalDemand|totalDemandUnit|note)$/.test(
    path,
  ) ||
  /^potentials\.\d+\.(commodity|territoryCode|supplyPointIdentifier|periodFrom|periodTo|priceModel|quantity|quantityUnit)$/.test(
    path,
  );

let rowKey = 0;
const nextKey = () => `potential-${(rowKey += 1)}`;

/** How a decimal string from the API is shown for editing in the user's language. */
const shownDecimal = (value: string | null, separator: string) =>
  value === null ? '' : value.replace('.', separator);

export const emptyPotential = (commodity: PotentialCommodity = 'electricity'): PotentialValues => ({
  commodity,
  territoryCode: null,
  supplyPointIdentifier: '',
  periodFrom: null,
  periodTo: null,
  priceModel: null,
  quantity: '',
  quantityUnit: commodity === 'service' ? null : 'MWh',
  key: nextKey(),
});

export const emptyLeadValues = (country = 'SK'): LeadFormValues => ({
  kind: 'company',
  name: '',
  country,
  companyId: '',
  email: '',
  phone: '',
  contactFirstName: '',
  contactLastName: '',
  contactFunction: '',
  address: { street: '', city: '', postalCode: '' },
  industry: null,
  priority: '3',
  source: 'manual',
  campaign: '',
  channel: '',
  marketingConsent: 'unknown',
  totalDemand: '',
  totalDemandUnit: 'MWh',
  note: '',
  potentials: [],
});

export const leadToValues = (lead: Lead, separator: string): LeadFormValues => ({
  kind: lead.kind,
  name: lead.name,
  country: lead.country,
  companyId: lead.companyId ?? '',
  email: lead.email ?? '',
  phone: lead.phone ?? '',
  contactFirstName: lead.contactFirstName ?? '',
  contactLastName: lead.contactLastName ?? '',
  contactFunction: lead.contactFunction ?? '',
  address: {
    street: lead.address.street ?? '',
    city: lead.address.city ?? '',
    postalCode: lead.address.postalCode ?? '',
  },
  industry: lead.industry,
  priority: String(lead.priority),
  source: lead.source,
  campaign: lead.campaign ?? '',
  channel: lead.channel ?? '',
  marketingConsent: lead.marketingConsent,
  totalDemand: shownDecimal(lead.totalDemand, separator),
  totalDemandUnit: lead.totalDemandUnit ?? 'MWh',
  note: lead.note ?? '',
  potentials: lead.potentials.map((p) => ({
    commodity: p.commodity,
    territoryCode: p.territoryCode,
    supplyPointIdentifier: p.supplyPointIdentifier ?? '',
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    priceModel: p.priceModel,
    quantity: shownDecimal(p.quantity, separator),
    quantityUnit: p.quantityUnit,
    key: nextKey(),
  })),
});

const potentialToInput = (p: PotentialValues, separator: string): PotentialInput => {
  const quantity = emptyToNull(parseDecimalInput(p.quantity, separator));
  return {
    commodity: p.commodity,
    territoryCode: p.territoryCode || null,
    supplyPointIdentifier: p.commodity === 'service' ? null : emptyToNull(p.supplyPointIdentifier),
    periodFrom: p.periodFrom || null,
    periodTo: p.periodTo || null,
    priceModel: p.priceModel,
    quantity,
    // A unit without a quantity means nothing: the form preselects one, so it is sent only with a number.
    quantityUnit: quantity === null ? null : p.quantityUnit,
  };
};

export const valuesToInput = (values: LeadFormValues, separator: string): LeadInput => {
  const totalDemand = emptyToNull(parseDecimalInput(values.totalDemand, separator));
  return {
    kind: values.kind,
    name: values.name.trim(),
    country: values.country,
    companyId: emptyToNull(values.companyId),
    email: emptyToNull(values.email),
    phone: emptyToNull(values.phone),
    contactFirstName: emptyToNull(values.contactFirstName),
    contactLastName: emptyToNull(values.contactLastName),
    contactFunction: emptyToNull(values.contactFunction),
    address: {
      street: emptyToNull(values.address.street),
      city: emptyToNull(values.address.city),
      postalCode: emptyToNull(values.address.postalCode),
    },
    industry: values.industry || null,
    priority: Number(values.priority),
    source: values.source.trim() || 'manual',
    campaign: emptyToNull(values.campaign),
    channel: emptyToNull(values.channel),
    marketingConsent: values.marketingConsent,
    totalDemand,
    totalDemandUnit: totalDemand === null ? null : values.totalDemandUnit,
    note: emptyToNull(values.note),
    potentials: values.potentials.map((p) => potentialToInput(p, separator)),
  };
};

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const text = (max: number) => z.string().trim().max(max);

/** Field rules of the API's LeadCreateBody, from the same domain pieces (same rule codes). */
export const LeadFormSchema = z.object({
  kind: z.enum(['company', 'person']),
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  companyId: text(30),
  email: optional(Email),
  phone: optional(Phone),
  contactFirstName: text(100),
  contactLastName: text(100),
  contactFunction: text(100),
  address: z.object({ street: text(200), city: text(100), postalCode: text(12) }),
  priority: z.string().regex(/^[1-5]$/),
  source: z.string().trim().min(1).max(60),
  campaign: text(100),
  channel: text(40),
  note: text(4000),
  potentials: z.array(
    z.object({
      commodity: z.enum(potentialCommodities),
      priceModel: z.enum(priceModels).nullable(),
      quantityUnit: z.enum(quantityUnits).nullable(),
      supplyPointIdentifier: text(60),
    }),
  ),
});

/**
 * The form's rules: the API's field rules and the lead's own (identifiers by country, potentials' identifiers,
 * periods, units, the total demand with its unit), each message under its field.
 */
export const validateLead = (t: TFunction, separator: string) => {
  const fieldRules = zodValidate<LeadFormValues>(LeadFormSchema, t);
  return (values: LeadFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (/^[A-Z]{2}$/.test(values.country)) {
      const input = valuesToInput(values, separator);
      for (const issue of checkLead(input).errors)
        if (!(issue.path in errors)) errors[issue.path] = ruleMessage(t, issue.code);
    }
    return { ...errors, ...fieldRules(values) };
  };
};
