import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, sk } from './catalogues.js';

export const languages = ['en', 'sk'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'kilowatt.language';

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/** The language the user picked in the app shell, if any: it wins over their profile and the browser. */
const chosenLanguage = (): Language | null => {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
};

const browserLanguage = (): Language => {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
    // Czech readers understand Slovak better than English.
    if (base === 'cs') return 'sk';
  }
  return 'en';
};

export const initI18n = async (): Promise<void> => {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, sk: { translation: sk } },
    lng: chosenLanguage() ?? browserLanguage(),
    supportedLngs: [...languages],
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
};

/** Switches the UI language and remembers the choice in this browser. */
export const chooseLanguage = async (lng: Language): Promise<void> => {
  try {
    window.localStorage.setItem(storageKey, lng);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  await i18n.changeLanguage(lng);
};

/** After sign-in, the user's profile language applies unless they chose one in this browser. */
export const adoptProfileLanguage = async (locale: string): Promise<void> => {
  if (chosenLanguage()) return;
  const base = locale.toLowerCase().split('-')[0];
  const lng = isLanguage(base) ? base : base === 'cs' ? 'sk' : null;
  if (lng && lng !== i18n.language) await i18n.changeLanguage(lng);
};

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

export { i18n };
