import en from '../../web/i18n/en.json' with { type: 'json' };
import sk from '../../web/i18n/sk.json' with { type: 'json' };

/** Server output (exports, documents) uses the web's translation files, so one key has one wording. */
const catalogues: Record<string, unknown> = { en, sk };

export const translate = (locale: string, key: string): string => {
  for (const catalogue of [catalogues[locale], catalogues.en]) {
    const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
    if (typeof value === 'string') return value;
  }
  return key;
};
