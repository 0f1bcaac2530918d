import type { FormErrors } from '../../components/form-types.js';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { checkPartyFields } from '../../../domain/clients/client-rules.js';
import { CountryCode, Email, Phone } from '../../../domain/schemas/common.js';
import { ruleMessage } from '../../components/errors.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import type { Client, ClientInput, ClientKind, ClientStatus } from './api.js';

export type ClientFormValues = {
  kind: ClientKind;
  name: string;
  country: string;
  companyId: string;
  taxId: string;
  vatId: string;
  status: ClientStatus;
  relationshipType: string | null;
  businessArea: string | null;
  industry: string | null;
  email: string;
  phone: string;
  website: string;
  address: { street: string; city: string; postalCode: string; country: string | null };
  note: string;
};

/** Form paths that show a server field problem under themselves; any other path goes to the form's alert. */
export const clientFormFields = [
  'kind',
  'name',
  'country',
  'companyId',
  'taxId',
  'vatId',
  'status',
  'relationshipType',
  'businessArea',
  'industry',
  'email',
  'phone',
  'website',
  'address',
  'address.street',
  'address.city',
  'address.postalCode',
  'address.country',
  'note',
] as const;

export const emptyClientValues = (country = 'SK'): ClientFormValues => ({
  kind: 'company',
  name: '',
  country,
  companyId: '',
  taxId: '',
  vatId: '',
  status: 'active',
  relationshipType: 'customer',
  businessArea: null,
  industry: null,
  email: '',
  phone: '',
  website: '',
  address: { street: '', city: '', postalCode: '', country: null },
  note: '',
});

export const clientToValues = (client: Client): ClientFormValues => ({
  kind: client.kind,
  name: client.name,
  country: client.country,
  companyId: client.companyId ?? '',
  taxId: client.taxId ?? '',
  vatId: client.vatId ?? '',
  status: client.status,
  relationshipType: client.relationshipType,
  businessArea: client.businessArea,
  industry: client.industry,
  email: client.email ?? '',
  phone: client.phone ?? '',
  website: client.website ?? '',
  address: {
    street: client.address.street ?? '',
    city: client.address.city ?? '',
    postalCode: client.address.postalCode ?? '',
    country: client.address.country,
  },
  note: client.note ?? '',
});

export const valuesToInput = (values: ClientFormValues): ClientInput => ({
  kind: values.kind,
  name: values.name.trim(),
  country: values.country,
  companyId: emptyToNull(values.companyId),
  taxId: emptyToNull(values.taxId),
  vatId: emptyToNull(values.vatId),
  status: values.status,
  relationshipType: values.relationshipType ?? 'customer',
  businessArea: values.businessArea || null,
  industry: values.industry || null,
  email: emptyToNull(values.email),
  phone: emptyToNull(values.phone),
  website: emptyToNull(values.website),
  address: {
    street: emptyToNull(values.address.street),
    city: emptyToNull(values.address.city),
    postalCode: emptyToNull(values.address.postalCode),
    country: values.address.country || null,
  },
  note: emptyToNull(values.note),
});

/** An empty optional text passes; a filled one must satisfy the API's own rule (same zod piece, same code). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const text = (max: number) => z.string().trim().max(max);

/** Field rules of the API's ClientCreateBody, built from the same domain pieces. */
export const ClientFormSchema = z.object({
  kind: z.enum(['company', 'person']),
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  companyId: text(30),
  taxId: text(30),
  vatId: text(30),
  status: z.enum(['active', 'passive']),
  relationshipType: z
    .string()
    .nullable()
    .refine((value) => Boolean(value), { params: { rule: 'required' } }),
  businessArea: z.string().nullable(),
  industry: z.string().nullable(),
  email: optional(Email),
  phone: optional(Phone),
  website: optional(z.url().max(200)),
  address: z.object({
    street: text(200),
    city: text(100),
    postalCode: text(12),
    country: CountryCode.nullable(),
  }),
  note: text(4000),
});

/** The country-dependent rules (IČO, DIČ, IČ DPH check digits, national phone numbers) the server also runs. */
export const partyCheck = (values: ClientFormValues) =>
  checkPartyFields({
    country: values.country,
    companyId: values.companyId,
    taxId: values.taxId,
    vatId: values.vatId,
    phones: { phone: values.phone },
  });

export const validateClient = (t: TFunction) => {
  const fieldRules = zodValidate<ClientFormValues>(ClientFormSchema, t);
  return (values: ClientFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (/^[A-Z]{2}$/.test(values.country)) {
      for (const issue of partyCheck(values).errors) errors[issue.path] = ruleMessage(t, issue.code);
    }
    return { ...errors, ...fieldRules(values) };
  };
};

/** Users type "example.sk"; the API wants a full URL. */
export const withScheme = (website: string): string => {
  const trimmed = website.trim();
  return trimmed && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? `https://${trimmed}` : trimmed;
};
