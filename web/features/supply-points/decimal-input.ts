/** The decimal separator of a locale: "," in Slovak, "." in English. */
export const decimalSeparator = (locale: string): string =>
  new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/**
 * A typed quantity as the API's decimal text, read the way the user's language writes numbers: in Slovak
 * "12 500,5" (a lone "950.5", as pasted from elsewhere, is still a decimal point), in English "12,500.5" (the
 * comma only groups thousands, so "1,500" is never read as 1.5). Whatever is not a number is returned compacted
 * for the check to reject; '' stays ''.
 */
export const parseDecimalInput = (raw: string, separator: string): string => {
  const text = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (separator === ',') {
    if (text.includes(',')) return text.replace(/\./g, '').replace(',', '.');
    return (text.match(/\./g)?.length ?? 0) > 1 ? text.replace(/\./g, '') : text;
  }
  return text.replace(/,/g, '');
};
