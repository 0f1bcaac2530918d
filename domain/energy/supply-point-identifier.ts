import { checkEic } from '../identifiers/eic.js';
import { checkGsrn18 } from '../identifiers/gs1.js';
import { checkMaloId, checkMeloId } from '../identifiers/malo.js';
import { compact, isBlank } from '../identifiers/normalise.js';
import type { IdentifierReason } from '../identifiers/result.js';

export const commodities = ['electricity', 'gas'] as const;
export type Commodity = (typeof commodities)[number];

/** Which identifier a supply point carries, by country and commodity (shared/domain identifiers + territories). */
export type SupplyPointScheme = 'eic' | 'gsrn' | 'sk-gas-pod' | 'malo' | 'melo' | 'other';

/**
 * Why a supply-point identifier was rejected. Beyond the generic reasons, `commodity` means the code is a valid
 * identifier but of the wrong kind for this country and commodity (e.g. a party EIC, or a Czech gas EIC for
 * electricity).
 */
export type SupplyPointIdReason = IdentifierReason | 'commodity';

export type SupplyPointIdCheck =
  | { ok: true; value: string; scheme: SupplyPointScheme; warning?: 'prefix' | 'unchecked' }
  | { ok: false; reason: SupplyPointIdReason; expected: SupplyPointScheme };

type Rule = (raw: string) => SupplyPointIdCheck;

// A check-digit-valid code whose fixed prefix (issuing office + object type, or GS1 company prefix) does not
// match is the right family but the wrong kind of code for this supply point.
const withPrefix =
  (scheme: SupplyPointScheme, check: typeof checkEic, prefix: string): Rule =>
  (raw) => {
    const result = check(raw);
    if (!result.ok) return { ok: false, reason: result.reason, expected: scheme };
    if (!result.value.startsWith(prefix)) return { ok: false, reason: 'commodity', expected: scheme };
    return { ok: true, value: result.value, scheme };
  };

// Slovak gas POD: 20 characters, structure and check character not published; SPP-D codes start SKSPPDIS and
// local distributors exist, so another prefix is only a warning.
const skGasPod: Rule = (raw) => {
  const value = compact(raw);
  if (!/^[0-9A-Z]*$/.test(value)) return { ok: false, reason: 'charset', expected: 'sk-gas-pod' };
  if (value.length === 16 && /^[0-9]{2}[A-Z]/.test(value)) return { ok: false, reason: 'commodity', expected: 'sk-gas-pod' };
  if (value.length !== 20) return { ok: false, reason: 'length', expected: 'sk-gas-pod' };
  return value.startsWith('SKSPPDIS')
    ? { ok: true, value, scheme: 'sk-gas-pod' }
    : { ok: true, value, scheme: 'sk-gas-pod', warning: 'prefix' };
};

// Germany: the MaLo-ID (11 digits) is the supply point for both commodities; the legacy 33-character MeLo-ID
// is accepted because older contracts still carry it.
const german: Rule = (raw) => {
  const value = compact(raw, ['.']);
  if (value.startsWith('DE')) {
    const melo = checkMeloId(raw);
    return melo.ok ? { ok: true, value: melo.value, scheme: 'melo' } : { ok: false, reason: melo.reason, expected: 'melo' };
  }
  const malo = checkMaloId(raw);
  return malo.ok ? { ok: true, value: malo.value, scheme: 'malo' } : { ok: false, reason: malo.reason, expected: 'malo' };
};

// Formats not researched (Polish gas, other countries): stored normalised, flagged as unchecked.
const unchecked: Rule = (raw) => {
  const value = compact(raw);
  if (!/^[0-9A-Z-]{4,40}$/.test(value)) {
    return { ok: false, reason: value.length > 40 || value.length < 4 ? 'length' : 'charset', expected: 'other' };
  }
  return { ok: true, value, scheme: 'other', warning: 'unchecked' };
};

type SchemeRule = { scheme: SupplyPointScheme; check: Rule };

const rules: Record<string, Partial<Record<Commodity, SchemeRule>>> = {
  SK: { electricity: { scheme: 'eic', check: withPrefix('eic', checkEic, '24Z') }, gas: { scheme: 'sk-gas-pod', check: skGasPod } },
  CZ: {
    electricity: { scheme: 'gsrn', check: withPrefix('gsrn', checkGsrn18, '8591824') },
    gas: { scheme: 'eic', check: withPrefix('eic', checkEic, '27ZG') },
  },
  PL: { electricity: { scheme: 'gsrn', check: withPrefix('gsrn', checkGsrn18, '590') } },
  DE: { electricity: { scheme: 'malo', check: german }, gas: { scheme: 'malo', check: german } },
};

const ruleFor = (country: string, commodity: Commodity): SchemeRule =>
  rules[country]?.[commodity] ?? { scheme: 'other', check: unchecked };

/** The scheme expected for a country and commodity, for labels and error messages. */
export const schemeOf = (country: string, commodity: Commodity): SupplyPointScheme => ruleFor(country, commodity).scheme;

/** The identifier a supply point in `country` for `commodity` must carry, checked and normalised. */
export const checkSupplyPointIdentifier = (country: string, commodity: Commodity, raw: string): SupplyPointIdCheck => {
  const rule = ruleFor(country, commodity);
  if (isBlank(raw)) return { ok: false, reason: 'required', expected: rule.scheme };
  return rule.check(raw);
};
