/** Countries whose identifier rules the domain knows first, then the neighbours users trade with. */
export const countryCodes = ['SK', 'CZ', 'PL', 'DE', 'AT', 'HU', 'RU'] as const;
