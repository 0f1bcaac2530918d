import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { makeFormatters, type Formatters } from './formatters.js';

export { makeFormatters, type Formatters } from './formatters.js';

/** Dates, numbers and country names in the UI language, through Intl. */
export const useFormat = (): Formatters => {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
};
