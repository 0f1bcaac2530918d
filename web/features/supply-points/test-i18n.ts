import i18next, { type TFunction } from 'i18next';
import { en } from '../../i18n/catalogues.js';

/** A real i18next with the English catalogue, so tests read the messages users see. */
export const englishT = async (): Promise<TFunction> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
};
