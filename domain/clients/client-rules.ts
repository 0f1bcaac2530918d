import { parsePhoneNumberFromString, type CountryCode as PhoneCountry } from 'libphonenumber-js/max';
import { checkCompanyIdentifiers } from '../identifiers/by-country.js';

export type FieldIssue = { path: string; code: string; message: string };

const identifierMessages: Record<string, string> = {
  length: 'has the wrong length for this country',
  charset: 'contains characters not allowed for this country',
  checksum: 'check digit does not match',
  component: 'is not a valid identifier for this country',
  required: 'is required',
};

/** Normalises a phone number to E.164, reading national numbers in the given country. */
export const normalisePhone = (raw: string, country: string): string | null => {
  const parsed = parsePhoneNumberFromString(raw, country as PhoneCountry);
  return parsed && parsed.isValid() ? parsed.number : null;
};

/**
 * Rules that need several fields at once (identifiers depend on the country, a national phone number on
 * it too). Used by the server on the merged record and by the web form as the user types.
 */
export const checkPartyFields = (input: {
  country: string;
  companyId?: string | null;
  taxId?: string | null;
  vatId?: string | null;
  phones?: Record<string, string | null | undefined>;
}): {
  values: { companyId: string | null; taxId: string | null; vatId: string | null; phones: Record<string, string | null> };
  errors: FieldIssue[];
  warnings: FieldIssue[];
} => {
  const ids = checkCompanyIdentifiers(input.country, input);
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const p of ids.problems) {
    const issue = { path: p.field, code: p.reason, message: `${p.field} ${identifierMessages[p.reason] ?? p.reason}` };
    (p.severity === 'error' ? errors : warnings).push(issue);
  }
  const phones: Record<string, string | null> = {};
  for (const [path, raw] of Object.entries(input.phones ?? {})) {
    if (!raw || !raw.trim()) {
      phones[path] = null;
      continue;
    }
    const normalised = normalisePhone(raw, input.country);
    if (!normalised) errors.push({ path, code: 'invalid_phone', message: `${path} is not a phone number` });
    phones[path] = normalised;
  }
  return {
    values: {
      companyId: ids.values.companyId ?? null,
      taxId: ids.values.taxId ?? null,
      vatId: ids.values.vatId ?? null,
      phones,
    },
    errors,
    warnings,
  };
};

/** Lower-case, accent-free text that search matches against ("Žilina" is found by "zilina"). */
export const searchable = (...parts: (string | null | undefined)[]): string =>
  parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
