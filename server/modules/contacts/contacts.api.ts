import { z } from 'zod';
import { Email, Id, OptionalText, Phone, Version } from '../../../domain/schemas/common.js';

const contactFields = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  function: z.string().trim().min(1).max(40).nullish().describe('Code list contactFunction'),
  email: Email.nullish(),
  phone: Phone.nullish(),
  mobile: Phone.nullish(),
  preferredChannel: z.enum(['email', 'phone', 'mobile', 'post']).nullish(),
  isSigningPerson: z.boolean().describe('May sign contracts for the client'),
  isPrimary: z.boolean(),
  note: OptionalText(4000),
};

export const ContactCreateBody = z.strictObject({
  ...contactFields,
  isSigningPerson: contactFields.isSigningPerson.default(false),
  isPrimary: contactFields.isPrimary.default(false),
});
export type ContactCreateBody = z.infer<typeof ContactCreateBody>;

export const ContactUpdateBody = z.strictObject(contactFields).partial().extend({ version: Version });
export type ContactUpdateBody = z.infer<typeof ContactUpdateBody>;

export const ContactResponse = z.object({
  id: Id,
  clientId: Id,
  ownerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  function: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  preferredChannel: z.enum(['email', 'phone', 'mobile', 'post']).nullable(),
  isSigningPerson: z.boolean(),
  isPrimary: z.boolean(),
  note: z.string().nullable(),
  archivedAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ContactResponse = z.infer<typeof ContactResponse>;

export const ContactListQuery = z.object({ archived: z.enum(['false', 'true', 'all']).default('false') });
