import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format.js';

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A stored value as the reader knows it: empty as a dash, yes/no, text as `text` makes it (a translated code, a
 * name …) or a timestamp in local time or the text itself; anything else as JSON.
 */
export const plainHistoryValue = (
  t: TFunction,
  format: Formatters,
  value: unknown,
  text: (value: string) => string | null | undefined = () => null,
): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value !== 'string') return JSON.stringify(value);
  return text(value) ?? (isoDateTime.test(value) ? format.dateTime(value) : value);
};
