/** The code lists that exist so far, shared by the API and the UI; later modules add theirs (activity types …). */
export const codeListNames = [
  'relationshipType',
  'businessArea',
  'industry',
  'contactFunction',
  'distributionTerritory',
  'distributionRate',
  'paymentMethod',
  'meterType',
  'caseType',
] as const;
export type CodeListName = (typeof codeListNames)[number];

/** One item of a code list as the API answers it. */
export type CodeListItem = {
  id: string;
  list: string;
  code: string;
  /** Label per language (`en` always present); the UI shows `labels[uiLanguage]`, else English. */
  labels: Record<string, string>;
  sortOrder: number;
  isActive: boolean;
  version: number;
};
