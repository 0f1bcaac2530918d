import type { FormErrors } from '../../components/form-types.js';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { checkPartyFields } from '../../../domain/clients/client-rules.js';
import { Email, Phone } from '../../../domain/schemas/common.js';
import { ruleMessage } from '../../components/errors.js';
import { emptyToNull, zodValidate } from '../../components/validation.js';
import type { Contact, ContactInput, PreferredChannel } from './api.js';

export type ContactFormValues = {
  firstName: string;
  lastName: string;
  function: string | null;
  email: string;
  phone: string;
  mobile: string;
  preferredChannel: PreferredChannel | null;
  isSigningPerson: boolean;
  isPrimary: boolean;
  note: string;
};

export const contactFormFields = [
  'firstName',
  'lastName',
  'function',
  'email',
  'phone',
  'mobile',
  'preferredChannel',
  'isSigningPerson',
  'isPrimary',
  'note',
] as const;

export const emptyContactValues: ContactFormValues = {
  firstName: '',
  lastName: '',
  function: null,
  email: '',
  phone: '',
  mobile: '',
  preferredChannel: null,
  isSigningPerson: false,
  isPrimary: false,
  note: '',
};

export const contactToValues = (contact: Contact): ContactFormValues => ({
  firstName: contact.firstName,
  lastName: contact.lastName,
  function: contact.function,
  email: contact.email ?? '',
  phone: contact.phone ?? '',
  mobile: contact.mobile ?? '',
  preferredChannel: contact.preferredChannel,
  isSigningPerson: contact.isSigningPerson,
  isPrimary: contact.isPrimary,
  note: contact.note ?? '',
});

export const contactValuesToInput = (values: ContactFormValues): ContactInput => ({
  firstName: values.firstName.trim(),
  lastName: values.lastName.trim(),
  function: values.function || null,
  email: emptyToNull(values.email),
  phone: emptyToNull(values.phone),
  mobile: emptyToNull(values.mobile),
  preferredChannel: values.preferredChannel || null,
  isSigningPerson: values.isSigningPerson,
  isPrimary: values.isPrimary,
  note: emptyToNull(values.note),
});

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

/** Field rules of the API's ContactCreateBody, from the same domain pieces. */
export const ContactFormSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  function: z.string().nullable(),
  email: optional(Email),
  phone: optional(Phone),
  mobile: optional(Phone),
  note: z.string().trim().max(4000),
});

/** National numbers are read in the client's country, as the server does. */
export const validateContact = (t: TFunction, country: string) => {
  const fieldRules = zodValidate<ContactFormValues>(ContactFormSchema, t);
  return (values: ContactFormValues): FormErrors => {
    const errors: FormErrors = {};
    const phones = checkPartyFields({ country, phones: { phone: values.phone, mobile: values.mobile } });
    for (const issue of phones.errors) errors[issue.path] = ruleMessage(t, issue.code);
    return { ...errors, ...fieldRules(values) };
  };
};
