import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js/max';

/** Shared request pieces: the web form and the server reject the same input with the same code. */
export const Id = z.uuid();

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code, e.g. SK');

export const OptionalText = (max: number) =>
  z.string().trim().max(max).nullish();

export const Email = z.email().max(254);

/** International numbers, or national ones read in the record's country; stored as E.164 by the service. */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => /^[+0-9 ()/-]+$/.test(v) && v.replace(/\D/g, '').length >= 6, {
    message: 'Not a phone number',
    params: { rule: 'invalid_phone' },
  });

export const isPhoneValidIn = (phone: string, country: string): boolean =>
  isValidPhoneNumber(phone, country as Parameters<typeof isValidPhoneNumber>[1]);

export const Version = z.number().int().min(1).describe('The version read; a stale one answers 409');

export const Limit = z.coerce.number().int().min(1).max(500).default(50);

/** `?sort=name` ascending, `?sort=-name` descending, from a fixed set of fields. */
export const sortParam = <const T extends readonly [string, ...string[]]>(fields: T, fallback: T[number]) =>
  z
    .enum([...fields, ...fields.map((f) => `-${f}`)] as [string, ...string[]])
    .default(fallback)
    .transform((raw) => ({
      field: raw.replace(/^-/, '') as T[number],
      direction: raw.startsWith('-') ? ('desc' as const) : ('asc' as const),
    }));

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
