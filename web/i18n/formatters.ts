// Pure Intl formatters (no React), so the server's exports format exactly as the UI does.

/** BCP 47 locale used by Intl for each UI language (British English: day before month, 24-hour clock). */
const intlLocale: Record<string, string> = { en: 'en-GB', sk: 'sk-SK' };

const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

export type Formatters = {
  locale: string;
  date: (value: Date | string | number | null | undefined) => string;
  dateTime: (value: Date | string | number | null | undefined) => string;
  number: (value: number | string | null | undefined, options?: Intl.NumberFormatOptions) => string;
  country: (code: string | null | undefined) => string;
  list: (items: string[]) => string;
};

export const makeFormatters = (language: string): Formatters => {
  const locale = intlLocale[language] ?? language;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const listFormat = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });
  const valid = (value: Date | string | number | null | undefined): value is Date | string | number =>
    value !== null && value !== undefined && value !== '' && !Number.isNaN(toDate(value).getTime());
  return {
    locale,
    date: (value) => (valid(value) ? dateFormat.format(toDate(value)) : ''),
    dateTime: (value) => (valid(value) ? dateTimeFormat.format(toDate(value)) : ''),
    number: (value, options) => {
      if (value === null || value === undefined || value === '') return '';
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(n) ? String(value) : new Intl.NumberFormat(locale, options).format(n);
    },
    country: (code) => {
      if (!code) return '';
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    list: (items) => listFormat.format(items),
  };
};
