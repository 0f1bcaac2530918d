import { en, sk } from '../../web/i18n/catalogues.js';
import { makeFormatters, type Formatters } from '../../web/i18n/formatters.js';

/** The languages the UI is written in; server output (exports, documents) uses the web's translation files. */
export const languages = ['en', 'sk'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, unknown> = { en, sk };

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/**
 * The UI language of a profile locale, chosen as the web chooses it (web/i18n `adoptProfileLanguage`): the
 * locale's own language, Czech read as Slovak, anything else English.
 */
export const uiLanguageOf = (locale: string | null | undefined): Language => {
  const base = (locale ?? '').toLowerCase().split('-')[0] ?? '';
  return isLanguage(base) ? base : base === 'cs' ? 'sk' : 'en';
};

export const translate = (locale: string, key: string): string => {
  for (const catalogue of [catalogues[uiLanguageOf(locale)], catalogues.en]) {
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
    if (typeof value === 'string') return value;
  }
  return key;
};

/** Dates, numbers and country names exactly as the UI formats them in that language. */
export const formattersFor = (language: Language): Formatters => makeFormatters(language);
