/**
 * Stage gates (SALES-6): the case fields a process stage can require before a case enters it. The catalogue is
 * fixed here, so the administrator's screen, the server's check and the case card's hints name the same fields.
 */
export const gateFields = [
  'supplyPointIds',
  'participants',
  'potentials',
  'totalDemand',
  'expectedCloseDate',
  'securityKind',
  'securityAmount',
  'territoryCode',
  'note',
] as const;
export type GateField = (typeof gateFields)[number];

export const isGateField = (value: string): value is GateField => (gateFields as readonly string[]).includes(value);

/** What of a case a gate looks at; lists count as filled when they have at least one row. */
export type GateSnapshot = {
  supplyPointIds: readonly string[];
  participants: readonly unknown[];
  potentials: readonly unknown[];
  totalDemand: string | null;
  expectedCloseDate: string | null;
  securityKind: string | null;
  securityAmount: string | null;
  territoryCode: string | null;
  note: string | null;
};

export const isGateFieldFilled = (field: GateField, snapshot: GateSnapshot): boolean => {
  const value = snapshot[field];
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' ? value.trim() !== '' : value !== null;
};

/** The required fields a case has not filled, in the order the stage names them (unknown keys count as missing). */
export const missingGateFields = (required: readonly string[], snapshot: GateSnapshot): string[] =>
  [...new Set(required)].filter((field) => !isGateField(field) || !isGateFieldFilled(field, snapshot));

export const filledGateFields = (snapshot: GateSnapshot): GateField[] => gateFields.filter((f) => isGateFieldFilled(f, snapshot));

/** Gate fields empty before a change and filled after it: the tasks asking for them close themselves. */
export const newlyFilledGateFields = (before: GateSnapshot, after: GateSnapshot): GateField[] =>
  gateFields.filter((f) => !isGateFieldFilled(f, before) && isGateFieldFilled(f, after));
