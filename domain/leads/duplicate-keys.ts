import { normalisePhone } from '../clients/client-rules.js';
import { checkCompanyIdentifiers } from '../identifiers/by-country.js';

/**
 * Duplicate detection of leads (SALES-1): a lead, a client or a row of an import is the same business when it
 * shares a company ID (in the same country), an e-mail address, a phone number or a supply-point identifier.
 * Names are never compared: "Teplárne a.s." and "Teplarne, a. s." are left to the user.
 */
export const duplicateKeyFields = ['companyId', 'email', 'phone', 'supplyPointIdentifier'] as const;
export type DuplicateKeyField = (typeof duplicateKeyFields)[number];

/** The comparable form of a record's keys; null (or an empty list) where the record has none. */
export type DuplicateKeys = {
  country: string | null;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  supplyPointIdentifiers: string[];
};

/**
 * A company ID exactly as clients and leads store it: normalised by the country's rules (a Czech IČO padded to 8
 * digits, a Slovak one kept as issued); an ID the rules reject has no key, as it is never stored.
 */
export const companyIdKey = (raw: string | null | undefined, country: string | null): string | null => {
  if (!raw || !raw.trim()) return null;
  return checkCompanyIdentifiers(country ?? 'ZZ', { companyId: raw }).values.companyId ?? null;
};

/** An e-mail address compared case-insensitively, as clients and leads store it (lower case). */
export const emailKey = (raw: string | null | undefined): string | null => {
  const value = (raw ?? '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
};

/** A phone number in E.164, national numbers read in the record's country; null when it is not a number. */
export const phoneKey = (raw: string | null | undefined, country: string | null): string | null => {
  const value = (raw ?? '').trim();
  if (!value) return null;
  // An international number reads the same in any country; a national one needs the record's country.
  return normalisePhone(value, country ?? 'ZZ');
};

/** A supply-point identifier as supply points store it: no whitespace, upper case. */
export const supplyPointKey = (raw: string | null | undefined): string | null => {
  const value = (raw ?? '').replace(/[\s\u00a0\u202f]+/g, '').replace(/[a-z]+/g, (m) => m.toUpperCase());
  return value.length >= 4 ? value : null;
};

export const duplicateKeysOf = (record: {
  country?: string | null;
  companyId?: string | null;
  email?: string | null;
  phone?: string | null;
  supplyPointIdentifiers?: readonly (string | null | undefined)[];
}): DuplicateKeys => {
  const country = record.country ?? null;
  return {
    country,
    companyId: companyIdKey(record.companyId, country),
    email: emailKey(record.email),
    phone: phoneKey(record.phone, country),
    supplyPointIdentifiers: [
      ...new Set(
        (record.supplyPointIdentifiers ?? []).map(supplyPointKey).filter((v): v is string => v !== null),
      ),
    ],
  };
};

/** Whether a record has any key at all; one without keys never matches anything. */
export const hasKeys = (keys: DuplicateKeys): boolean =>
  keys.companyId !== null ||
  keys.email !== null ||
  keys.phone !== null ||
  keys.supplyPointIdentifiers.length > 0;

/**
 * The keys two records share, in `duplicateKeyFields` order. Company IDs are compared within one country (a
 * Slovak and a Czech IČO may be the same digits); a record without a country compares by the ID alone.
 */
export const matchingFields = (a: DuplicateKeys, b: DuplicateKeys): DuplicateKeyField[] => {
  const fields: DuplicateKeyField[] = [];
  if (
    a.companyId !== null &&
    a.companyId === b.companyId &&
    (a.country === null || b.country === null || a.country === b.country)
  ) {
    fields.push('companyId');
  }
  if (a.email !== null && a.email === b.email) fields.push('email');
  if (a.phone !== null && a.phone === b.phone) fields.push('phone');
  if (a.supplyPointIdentifiers.some((id) => b.supplyPointIdentifiers.includes(id)))
    fields.push('supplyPointIdentifier');
  return fields;
};

/** The string a key is indexed by within one file: the field, and for a company ID its country. */
const indexKeys = (keys: DuplicateKeys): string[] => [
  ...(keys.companyId !== null ? [`companyId ${keys.country ?? ''} ${keys.companyId}`] : []),
  ...(keys.email !== null ? [`email ${keys.email}`] : []),
  ...(keys.phone !== null ? [`phone ${keys.phone}`] : []),
  ...keys.supplyPointIdentifiers.map((id) => `supplyPointIdentifier ${id}`),
];

export type InFileDuplicate = { row: number; fields: DuplicateKeyField[] };

/**
 * Rows of one file that repeat an earlier row: each later row is paired with the first earlier row it shares a
 * key with, and the keys they share. The first occurrence itself is not a duplicate. Linear in the rows.
 */
export const duplicatesWithinFile = (
  rows: readonly { row: number; keys: DuplicateKeys }[],
): Map<number, InFileDuplicate> => {
  const firstRowOf = new Map<string, { row: number; keys: DuplicateKeys }>();
  const result = new Map<number, InFileDuplicate>();
  for (const entry of [...rows].sort((a, b) => a.row - b.row)) {
    const keys = indexKeys(entry.keys);
    let earlier: { row: number; keys: DuplicateKeys } | undefined;
    for (const key of keys) {
      const found = firstRowOf.get(key);
      if (found && (!earlier || found.row < earlier.row)) earlier = found;
    }
    if (earlier)
      result.set(entry.row, { row: earlier.row, fields: matchingFields(entry.keys, earlier.keys) });
    for (const key of keys) if (!firstRowOf.has(key)) firstRowOf.set(key, entry);
  }
  return result;
};
