import {
  checkCzDic,
  checkCzIco,
  checkDeVatId,
  checkPlNip,
  checkPlRegon,
  checkPlVatId,
  checkSkDic,
  checkSkIco,
  checkSkVatId,
} from './company-ids.js';
import { compact, isBlank, upperAscii } from './normalise.js';
import { invalid, valid, type IdentifierCheck, type IdentifierReason } from './result.js';

export type CompanyIdField = 'companyId' | 'taxId' | 'vatId';

export type CompanyIdentifierInput = {
  companyId?: string | null;
  taxId?: string | null;
  vatId?: string | null;
};

export type CompanyIdentifierProblem = {
  field: CompanyIdField;
  reason: IdentifierReason;
  severity: 'error' | 'warning';
};

export type CompanyIdentifierResult = {
  /** Normalised values that may be stored: absent for empty input and for rejected input. */
  values: { companyId?: string; taxId?: string; vatId?: string };
  problems: CompanyIdentifierProblem[];
};

type Checker = (raw: string) => IdentifierCheck;

// Handelsregister number ("HRB 12345 B"): free text without a checksum. Whitespace runs are folded so
// the same number typed twice compares equal; case is kept because the court name may be included.
const HANDELSREGISTER_MAX = 30;
const checkHandelsregister: Checker = (raw) => {
  const value = raw.replace(/\s+/gu, ' ').trim();
  if (value === '') return invalid('required');
  // Control and invisible format characters (zero-width space, bidi overrides) have no place in it.
  if (/[\p{Cc}\p{Cf}]/u.test(value)) return invalid('charset');
  return value.length <= HANDELSREGISTER_MAX ? valid(value) : invalid('length');
};

// Steuernummer: state format with slashes (e.g. 181/815/08155) or 13-digit federal format. The
// slashes are kept because they carry the state layout; only the digit count is checked.
const checkSteuernummer: Checker = (raw) => {
  const value = compact(raw);
  if (value === '') return invalid('required');
  if (!/^[0-9/]*$/.test(value)) return invalid('charset');
  const digits = value.split('/').join('').length;
  return digits >= 10 && digits <= 13 ? valid(value) : invalid('length');
};

// Countries without rules: store a tidy form, but never reject.
const normaliseOnly: Checker = (raw) => valid(compact(raw));

const RULES: Readonly<Record<string, Readonly<Record<CompanyIdField, Checker>>>> = {
  SK: { companyId: checkSkIco, taxId: checkSkDic, vatId: checkSkVatId },
  // In Czechia the VAT ID is the DIČ itself, so both fields follow the DIČ rule.
  CZ: { companyId: checkCzIco, taxId: checkCzDic, vatId: checkCzDic },
  PL: { companyId: checkPlRegon, taxId: checkPlNip, vatId: checkPlVatId },
  DE: { companyId: checkHandelsregister, taxId: checkSteuernummer, vatId: checkDeVatId },
};
const OTHER: Readonly<Record<CompanyIdField, Checker>> = {
  companyId: normaliseOnly,
  taxId: normaliseOnly,
  vatId: normaliseOnly,
};

const FIELDS: readonly CompanyIdField[] = ['companyId', 'taxId', 'vatId'];

/**
 * Validates and normalises a client's company, tax and VAT identifiers by the client's country
 * (ISO 3166-1 alpha-2, any case). Empty, null and whitespace-only fields are treated as not given.
 * Warnings (e.g. a Slovak IČO failing the Czech mod-11 rule) keep the value; errors drop it.
 */
export const checkCompanyIdentifiers = (
  country: string,
  ids: CompanyIdentifierInput,
): CompanyIdentifierResult => {
  const rules = RULES[upperAscii(country.trim())] ?? OTHER;
  const values: CompanyIdentifierResult['values'] = {};
  const problems: CompanyIdentifierProblem[] = [];
  for (const field of FIELDS) {
    const raw = ids[field];
    if (raw == null || isBlank(raw)) continue;
    const result = rules[field](raw);
    if (result.ok) {
      values[field] = result.value;
      if (result.warning) problems.push({ field, reason: result.warning, severity: 'warning' });
    } else {
      problems.push({ field, reason: result.reason, severity: 'error' });
    }
  }
  return { values, problems };
};
