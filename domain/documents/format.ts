import { Decimal } from 'decimal.js';
import { roundQuantity } from '../energy/quantity.js';
import { isCurrency, moneyString } from '../money.js';
import type { CatalogueNode, DocumentLanguage, LeafKind, Shape } from './placeholders.js';

/** Locale used for each document language's numbers and dates (en documents use day/month/year). */
const localeOf: Record<DocumentLanguage, string> = { sk: 'sk-SK', cs: 'cs-CZ', en: 'en-GB', de: 'de-DE', pl: 'pl-PL', ru: 'ru-RU' };

const commodityLabels: Record<DocumentLanguage, Record<'electricity' | 'gas', string>> = {
  sk: { electricity: 'elektrina', gas: 'plyn' },
  cs: { electricity: 'elektřina', gas: 'plyn' },
  en: { electricity: 'electricity', gas: 'gas' },
  de: { electricity: 'Strom', gas: 'Gas' },
  pl: { electricity: 'energia elektryczna', gas: 'gaz' },
  ru: { electricity: 'электроэнергия', gas: 'газ' },
};

/** The narrow no-break space some locales group with is not in every font; the plain no-break space is. */
const plainSpaces = (text: string) => text.replace(/\u202F/g, '\u00A0');

/**
 * Intl formats a decimal string exactly (no float in between), so a money amount is never rounded twice.
 * `format` takes a string since ECMAScript 2023; the type still says number.
 */
const formatDecimalString = (format: Intl.NumberFormat, value: string) => plainSpaces(format.format(value as unknown as number));

/** Money rounded by the one money rule (domain/money.ts) for its currency, then written in the language's form. */
export const formatMoney = (value: string, currency: string, language: DocumentLanguage): string => {
  if (!isCurrency(currency)) throw new RangeError(`not a currency of Kilowatt: ${currency}`);
  return formatDecimalString(
    new Intl.NumberFormat(localeOf[language], { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    moneyString(value, currency),
  );
};

export const formatDecimal = (value: string, language: DocumentLanguage): string =>
  formatDecimalString(new Intl.NumberFormat(localeOf[language], { maximumFractionDigits: 3 }), roundQuantity(new Decimal(value)).toFixed());

export const formatPercent = (value: string, language: DocumentLanguage): string =>
  formatDecimalString(
    new Intl.NumberFormat(localeOf[language], { style: 'unit', unit: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }),
    new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
  );

export const formatInteger = (value: number, language: DocumentLanguage): string => plainSpaces(new Intl.NumberFormat(localeOf[language]).format(value));

/** An ISO date (YYYY-MM-DD, or a full timestamp whose date part is taken) in the language's numeric form. */
export const formatDate = (value: string, language: DocumentLanguage): string => {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${value}`);
  // No-break spaces: "31. 12. 2027" never wraps inside a table cell.
  return new Intl.DateTimeFormat(localeOf[language], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(date).replace(/\s/g, '\u00A0');
};

/**
 * Values land in Markdown: every ASCII punctuation character is escaped with a backslash (CommonMark allows it
 * for all of them), so a client called "*Best* [Energy]" stays plain text and a `|` cannot split a table cell.
 */
export const escapeMarkdown = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

export const formatLeaf = (kind: LeafKind, value: unknown, options: { language: DocumentLanguage; currency: string }): string => {
  if (value === null || value === undefined || value === '') return '';
  const { language } = options;
  switch (kind) {
    case 'text':
      return escapeMarkdown(String(value).replace(/\s*\n\s*/g, ' '));
    case 'paragraphs':
      return String(value)
        .split(/\n\s*\n/)
        .map((paragraph) => escapeMarkdown(paragraph.trim()).replace(/\s*\n\s*/g, '\\\n'))
        .filter((paragraph) => paragraph.length > 0)
        .join('\n\n');
    case 'date':
      return escapeMarkdown(formatDate(String(value), language));
    case 'money':
      return escapeMarkdown(formatMoney(String(value), options.currency, language));
    case 'decimal':
      return escapeMarkdown(formatDecimal(String(value), language));
    case 'percent':
      return escapeMarkdown(formatPercent(String(value), language));
    case 'integer':
      return escapeMarkdown(formatInteger(Number(value), language));
    case 'commodity':
      return commodityLabels[language][value as 'electricity' | 'gas'] ?? escapeMarkdown(String(value));
  }
};

type View = { [key: string]: string | View | View[] };

/**
 * The data as the template sees it: every leaf formatted for the document's language and escaped for Markdown,
 * walked by the catalogue so only catalogued fields reach the template.
 */
export const formatView = (shape: Shape, data: Record<string, unknown>, options: { language: DocumentLanguage; currency: string }): View => {
  const view: View = {};
  for (const [key, node] of Object.entries(shape) as [string, CatalogueNode][]) {
    const value = data?.[key];
    if (typeof node === 'string') view[key] = formatLeaf(node, value, options);
    else if ('object' in node) view[key] = formatView(node.object, (value ?? {}) as Record<string, unknown>, options);
    else view[key] = (Array.isArray(value) ? value : []).map((item) => formatView(node.list, item as Record<string, unknown>, options));
  }
  return view;
};
