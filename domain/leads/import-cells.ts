import { Decimal } from 'decimal.js';
import { toDecimalString } from '../energy/quantity.js';
import { simplify } from './import-mapping.js';

/**
 * Cell values of lead platforms' exports as people write them (Slovak, Czech and English words, Excel's number
 * and date forms), turned into the values the lead API takes. A value none of them recognises is passed on
 * unchanged, so the lead's own rules reject it with their usual rule code.
 */

const lookup =
  <T extends string>(table: Record<string, T>) =>
  (raw: string): string =>
    table[simplify(raw)] ?? raw;

export const normaliseCommodity = lookup<'electricity' | 'gas' | 'service'>({
  electricity: 'electricity',
  elektrina: 'electricity',
  elektrika: 'electricity',
  'elektricka energia': 'electricity',
  'elektricka energie': 'electricity',
  ee: 'electricity',
  power: 'electricity',
  gas: 'gas',
  plyn: 'gas',
  'zemny plyn': 'gas',
  'zemni plyn': 'gas',
  zp: 'gas',
  'natural gas': 'gas',
  service: 'service',
  services: 'service',
  sluzba: 'service',
  sluzby: 'service',
});

export const normaliseUnit = (raw: string): string =>
  (({ kwh: 'kWh', mwh: 'MWh', m3: 'm3', 'm³': 'm3', 'm^3': 'm3' }) as Record<string, string>)[
    raw.trim().toLowerCase().replace(/\s+/g, '')
  ] ?? raw;

export const normalisePriceModel = lookup<'fixed' | 'spot' | 'indexed' | 'other'>({
  fixed: 'fixed',
  fix: 'fixed',
  fixna: 'fixed',
  fixni: 'fixed',
  'fixna cena': 'fixed',
  'fixni cena': 'fixed',
  spot: 'spot',
  spotova: 'spot',
  spotovy: 'spot',
  indexed: 'indexed',
  index: 'indexed',
  indexova: 'indexed',
  indexovana: 'indexed',
  indexovany: 'indexed',
  other: 'other',
  ina: 'other',
  jina: 'other',
  iny: 'other',
  jiny: 'other',
});

export const normaliseConsent = lookup<'granted' | 'refused' | 'unknown'>({
  granted: 'granted',
  yes: 'granted',
  y: 'granted',
  true: 'granted',
  '1': 'granted',
  ano: 'granted',
  a: 'granted',
  suhlas: 'granted',
  souhlas: 'granted',
  refused: 'refused',
  no: 'refused',
  n: 'refused',
  false: 'refused',
  '0': 'refused',
  nie: 'refused',
  ne: 'refused',
  nesuhlas: 'refused',
  nesouhlas: 'refused',
  unknown: 'unknown',
  neznamy: 'unknown',
  nezname: 'unknown',
});

/** 1 (highest) … 5, also as words; anything else is passed on for the rules to reject. */
export const normalisePriority = (raw: string): string => {
  const words: Record<string, string> = {
    highest: '1',
    high: '2',
    medium: '3',
    normal: '3',
    low: '4',
    lowest: '5',
    najvyssia: '1',
    nejvyssi: '1',
    vysoka: '2',
    stredna: '3',
    stredni: '3',
    normalna: '3',
    normalni: '3',
    nizka: '4',
    najnizsia: '5',
    nejnizsi: '5',
  };
  return words[simplify(raw)] ?? raw.trim();
};

/**
 * A quantity as people write it: spaces (also no-break) as thousands separators, a decimal comma, or "1.234,5" /
 * "1,234.5" with both. Returns the plain decimal string the API uses, or the input unchanged when it is not one.
 */
export const normaliseDecimal = (raw: string): string => {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    if ((text.match(/,/g)?.length ?? 0) > 1) return raw;
    text = text.replace(',', '.');
  } else if ((text.match(/\./g)?.length ?? 0) > 1) {
    return raw;
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return raw;
  return toDecimalString(new Decimal(text));
};

const pad = (n: string) => n.padStart(2, '0');

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * A date as an ISO string: "2027-01-01", "1. 1. 2027", "01.01.2027", "1/1/2027" (day first, as in Slovakia and
 * Czechia), or a bare year ("2027", read as 1 January when `edge` is `start`, 31 December for `end`).
 * Impossible dates ("31.02.2027") are passed on unchanged.
 */
export const normaliseDate = (raw: string, edge: 'start' | 'end' = 'start'): string => {
  const text = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})$/.exec(text)))
    [y, m, d] = edge === 'start' ? [Number(match[1]), 1, 1] : [Number(match[1]), 12, 31];
  else return raw;
  if (!isRealDate(y, m, d)) return raw;
  return `${y}-${pad(String(m))}-${pad(String(d))}`;
};

/** "Ján Novák" → first "Ján", last "Novák"; "Novák" alone is a last name; "Ing. Ján Novák, PhD." keeps its titles out. */
export const splitFullName = (raw: string): { firstName: string | null; lastName: string | null } => {
  const parts = raw
    .replace(/,.*$/, '')
    .split(/\s+/)
    .filter((part) => part && !/\.$/.test(part));
  if (parts.length === 0) return { firstName: null, lastName: null };
  if (parts.length === 1) return { firstName: null, lastName: parts[0]! };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
};

/**
 * A company ID from a spreadsheet: Excel reads an IČO as a number and drops its leading zero, so a 7-digit
 * Slovak or Czech value gets it back; everything else is left to the country's rules.
 */
export const normaliseCompanyIdCell = (raw: string, country: string): string => {
  const compact = raw.replace(/[\s\u00a0\u202f]+/g, '');
  return (country === 'SK' || country === 'CZ') && /^\d{7}$/.test(compact) ? `0${compact}` : raw.trim();
};

/** A code-list value given by its code (any case) or by any of its labels; unknown values are passed on. */
export const codeOf = (
  items: readonly { code: string; labels: Record<string, string> }[],
  raw: string,
): string => {
  const wanted = raw.trim();
  const byCode = items.find((item) => item.code.toLowerCase() === wanted.toLowerCase());
  if (byCode) return byCode.code;
  const simple = simplify(wanted);
  const byLabel = items.find((item) =>
    Object.values(item.labels).some((label) => simplify(label) === simple),
  );
  return byLabel ? byLabel.code : wanted;
};

/** The unit a header names, as in "Ročná spotreba (MWh)": used when the file has no unit column. */
export const unitFromHeader = (header: string): 'kWh' | 'MWh' | 'm3' | null => {
  const match = /(?:^|[^a-z0-9])(kwh|mwh|m3|m³)(?:$|[^a-z0-9])/i.exec(header);
  if (!match) return null;
  const unit = match[1]!.toLowerCase();
  return unit === 'kwh' ? 'kWh' : unit === 'mwh' ? 'MWh' : 'm3';
};
