import type { TFunction } from 'i18next';
import { translateCode } from '../../components/errors.js';
import type { Formatters } from '../../i18n/format.js';
import type { HistoryEntry } from '../clients/api.js';
import { unitLabel } from './display.js';

type CodeList = 'distributionTerritory' | 'distributionRate' | 'paymentMethod' | 'meterType';

/** Stored fields whose values are codes of a code list. */
const codeListFields: Record<string, CodeList> = {
  territoryCode: 'distributionTerritory',
  distributionRate: 'distributionRate',
  paymentMethod: 'paymentMethod',
  meterType: 'meterType',
  // A meter's type (the only `type` in a supply point's history).
  type: 'meterType',
};

/** Stored fields that are decimals: shown as local numbers ("12 500,5"), not as padded column text. */
const numericFields = new Set([
  'annualConsumption',
  'annualConsumptionKWh',
  'gasVolumeCoefficient',
  'gasCalorificValue',
]);

/** Translated enums: field → i18n group of its values. */
const enumFields: Record<string, string> = {
  commodity: 'supplyPoints.commodity',
  status: 'supplyPoints.status',
  territorySource: 'supplyPoints.territorySource',
  addressStatus: 'supplyPoints.addressStatus',
  identifierScheme: 'supplyPoints.schemes',
  source: 'supplyPoints.readings.sources',
};

/** A forecast's history names the month it changed: "2025-03". */
const forecastMonth = /^\d{4}-\d{2}$/;

/** "2025-03" → "March 2025" in the UI language; null for any other field. */
export const forecastMonthLabel = (format: Formatters, field: string): string | null => {
  if (!forecastMonth.test(field)) return null;
  const [year, month] = field.split('-').map(Number);
  return new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, 1)),
  );
};

/** Meter and reading fields that are decimals. */
const readingNumericFields = new Set(['value', 'quantityKWh']);

/** Coordinates follow the address; the reader sees the address change, not the numbers. */
const hiddenFields = new Set(['latitude', 'longitude']);

export const shownInHistory = (entry: HistoryEntry): boolean =>
  !entry.field || !hiddenFields.has(entry.field);

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type ValueContext = {
  t: TFunction;
  format: Formatters;
  codeLabel: (list: CodeList, code: string) => string;
};

/** A stored value as the reader knows it: translated enums, code-list labels, local numbers and dates. */
export const historyValue = (
  { t, format, codeLabel }: ValueContext,
  field: string | null,
  value: unknown,
): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return format.number(value);
  // A meter's registers: ["VT", "NT"] reads as "VT, NT".
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || '—';
  if (typeof value !== 'string') return JSON.stringify(value);
  if (!field) return value;
  const list = codeListFields[field];
  if (list) return codeLabel(list, value);
  const group = enumFields[field];
  if (group) return translateCode(t, group, value) ?? value;
  if (numericFields.has(field) || readingNumericFields.has(field) || forecastMonth.test(field))
    return format.number(value, { maximumFractionDigits: 4 });
  if (isoDate.test(value)) return format.date(value);
  if (field === 'consumptionUnit') return unitLabel(value);
  if (field === 'country' || field === 'addressCountry') return format.country(value);
  if (isoDateTime.test(value)) return format.dateTime(value);
  return value;
};
