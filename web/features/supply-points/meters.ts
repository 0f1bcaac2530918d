import type { TFunction } from 'i18next';
import { isApiError, type FieldProblem } from '../../api/client.js';
import { ruleMessage, translateCode } from '../../components/errors.js';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull } from '../../components/validation.js';
import type { Formatters } from '../../i18n/format.js';
import type { Commodity } from './api.js';
import type { Meter, MeterInput, Reading, ReadingInput, ReadingSource, Reminder } from './meters-api.js';
import { parseDecimalInput } from './decimal-input.js';

// ------------------------------------------------------------------------------------------ dates

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the browser's time zone as an ISO date: what a user means by "today" when entering a reading. */
export const todayIso = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** How many days ahead a verification date counts as "due soon" (the reminder job's default). */
export const verificationWarningDays = 60;

export type VerificationState =
  | { state: 'overdue'; days: number }
  | { state: 'soon'; days: number }
  | { state: 'ok'; days: number }
  | { state: 'none' };

/**
 * Where a meter stands with its metrological verification: overdue, due within `warningDays` (soon), or fine.
 * A meter already removed, or without a date, has nothing due.
 */
export const verificationState = (
  meter: Pick<Meter, 'verificationDueOn' | 'removedOn'>,
  today: string,
  warningDays = verificationWarningDays,
): VerificationState => {
  if (!meter.verificationDueOn) return { state: 'none' };
  if (meter.removedOn && meter.removedOn <= today) return { state: 'none' };
  const days = daysBetween(today, meter.verificationDueOn);
  if (days < 0) return { state: 'overdue', days: -days };
  if (days <= warningDays) return { state: 'soon', days };
  return { state: 'ok', days };
};

export type ReminderSubject = {
  meterNumber: string | null;
  /** The supply point's identifier, or the contract's number. */
  identifier: string | null;
  /** The meter on its supply point's card, or the contract; null when the subject is not shown. */
  href: string | null;
  /** The subject is of an unknown kind, or no longer within the user's rights: nothing more to show. */
  missing: boolean;
};

/** What a reminder's line shows of its subject, from the reminder alone (the API sends the meter and point). */
export const reminderSubject = (
  reminder: Pick<Reminder, 'subjectType' | 'subjectId' | 'supplyPointId' | 'supplyPointIdentifier' | 'meterNumber' | 'contractId' | 'contractNumber'>,
): ReminderSubject => {
  if (reminder.subjectType === 'contract' && reminder.contractId !== null) {
    return { meterNumber: null, identifier: reminder.contractNumber, href: `/contracts/${reminder.contractId}`, missing: false };
  }
  if (reminder.subjectType !== 'meter' || reminder.supplyPointId === null) {
    return { meterNumber: null, identifier: null, href: null, missing: true };
  }
  const query = new URLSearchParams({ tab: 'meters', meter: reminder.subjectId });
  return {
    meterNumber: reminder.meterNumber,
    identifier: reminder.supplyPointIdentifier,
    href: `/supply-points/${reminder.supplyPointId}?${query.toString()}`,
    missing: false,
  };
};

/** Installed (still in place) before removed; among each, the latest installation first, as the API sorts. */
export const isInstalled = (meter: Pick<Meter, 'removedOn'>, today: string): boolean =>
  meter.removedOn === null || meter.removedOn > today;

// ------------------------------------------------------------------------------------------ meter form

export type MeterFormValues = {
  number: string;
  type: string | null;
  registers: string[];
  installedOn: string;
  removedOn: string;
  verificationDueOn: string;
  note: string;
};

/** Form paths that show a server problem under themselves (`registers.1` shows under the registers). */
export const meterFormFields = [
  'number',
  'type',
  'registers',
  'installedOn',
  'removedOn',
  'verificationDueOn',
  'note',
] as const;

export const registerPattern = /^[A-Z0-9]{1,10}$/;

/** Registers people commonly type; the input accepts any other short code too. */
export const registerSuggestions = ['VT', 'NT', 'T1', 'T2', 'T3', 'T4'];

/** "vt ", "t 1" → "VT", "T1": register codes are short capitals without spaces. */
export const normaliseRegister = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

/** Unique, normalised registers in the order typed, empty tags dropped. */
export const normaliseRegisters = (tags: readonly string[]): string[] => [
  ...new Set(tags.map(normaliseRegister).filter(Boolean)),
];

/** The registers a new meter of this type usually has: dual-rate VT and NT, anything else one register. */
export const defaultRegisters = (type: string | null): string[] =>
  type === null ? [] : type.includes('dual') ? ['VT', 'NT'] : ['T1'];

/**
 * Meter types that fit the supply point's commodity: codes named `electricity-…`/`gas-…` by their prefix;
 * codes an administrator named otherwise are always offered.
 */
export const meterTypesFor = <T extends { value: string }>(options: T[], commodity: Commodity): T[] =>
  options.filter((option) => {
    const prefix = /^(electricity|gas)-/.exec(option.value)?.[1];
    return !prefix || prefix === commodity;
  });

export const emptyMeterValues = (today: string): MeterFormValues => ({
  number: '',
  type: null,
  registers: [],
  installedOn: today,
  removedOn: '',
  verificationDueOn: '',
  note: '',
});

export const meterToValues = (meter: Meter): MeterFormValues => ({
  number: meter.number,
  type: meter.type,
  registers: [...meter.registers],
  installedOn: meter.installedOn,
  removedOn: meter.removedOn ?? '',
  verificationDueOn: meter.verificationDueOn ?? '',
  note: meter.note ?? '',
});

export const meterValuesToInput = (values: MeterFormValues): MeterInput => ({
  number: values.number.trim(),
  type: values.type ?? '',
  registers: normaliseRegisters(values.registers),
  installedOn: values.installedOn,
  removedOn: values.removedOn || null,
  verificationDueOn: values.verificationDueOn || null,
  note: emptyToNull(values.note),
});

/** The message of a meter rule: the meter's own codes first (`before_installed`, `in_use` …), then the general ones. */
export const meterRuleMessage = (t: TFunction, code: string): string =>
  translateCode(t, 'supplyPoints.meters.rules', code) ?? ruleMessage(t, code);

/** The same rules as the API, so most mistakes show while typing. */
export const validateMeter =
  (t: TFunction) =>
  (values: MeterFormValues): FormErrors => {
    const errors: FormErrors = {};
    const rule = (code: string) => meterRuleMessage(t, code);
    if (!values.number.trim()) errors.number = rule('required');
    else if (values.number.trim().length > 40) errors.number = rule('too_big');
    if (!values.type) errors.type = rule('required');
    const registers = normaliseRegisters(values.registers);
    if (registers.length === 0) errors.registers = rule('registers_required');
    else if (registers.length > 12) errors.registers = rule('too_big');
    else if (registers.some((r) => !registerPattern.test(r))) errors.registers = rule('register_format');
    if (!values.installedOn) errors.installedOn = rule('required');
    else if (!isoDate.test(values.installedOn)) errors.installedOn = rule('invalid_format');
    if (values.removedOn && !isoDate.test(values.removedOn)) errors.removedOn = rule('invalid_format');
    else if (values.removedOn && values.installedOn && values.removedOn < values.installedOn)
      errors.removedOn = rule('before_installed');
    if (values.verificationDueOn && !isoDate.test(values.verificationDueOn))
      errors.verificationDueOn = rule('invalid_format');
    return errors;
  };

/** A server problem's path on the meter form: `registers.2` belongs to the registers input. */
export const meterFieldOf = (path: string): string | null => {
  const field = path.split('.')[0] ?? '';
  return (meterFormFields as readonly string[]).includes(field) ? field : null;
};

/** The server's field problems of a meter save: messages by form field, and the ones no field shows. */
export const meterProblems = (
  t: TFunction,
  error: unknown,
): { fields: Record<string, string>; unmapped: FieldProblem[] } => {
  const fields: Record<string, string> = {};
  const unmapped: FieldProblem[] = [];
  if (!isApiError(error)) return { fields, unmapped };
  for (const problem of error.errors) {
    const field = meterFieldOf(problem.path);
    if (field && !(field in fields)) fields[field] = meterRuleMessage(t, problem.code);
    else if (!field) unmapped.push(problem);
  }
  return { fields, unmapped };
};

// ------------------------------------------------------------------------------------------ readings

export type ReadingFormValues = {
  readOn: string;
  register: string | null;
  value: string;
  source: ReadingSource;
};

export const readingFormFields = ['readOn', 'register', 'value', 'source'] as const;
export type ReadingField = (typeof readingFormFields)[number];

/** The API's reading value: at most 11 digits before the point and 3 after. */
export const readingValuePattern = /^\d{1,11}(\.\d{1,3})?$/;

export const emptyReadingValues = (meter: Pick<Meter, 'registers'>, today: string): ReadingFormValues => ({
  readOn: today,
  register: meter.registers[0] ?? null,
  value: '',
  source: 'distributor',
});

/** The form as the API takes it; the value is read with the UI language's decimal separator. */
export const readingValuesToInput = (values: ReadingFormValues, separator = '.'): ReadingInput => ({
  readOn: values.readOn,
  register: values.register ?? '',
  value: parseDecimalInput(values.value, separator),
  source: values.source,
});

export const validateReading =
  (t: TFunction, separator = '.') =>
  (values: ReadingFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (!values.readOn) errors.readOn = ruleMessage(t, 'required');
    else if (!isoDate.test(values.readOn)) errors.readOn = ruleMessage(t, 'invalid_format');
    if (!values.register) errors.register = ruleMessage(t, 'required');
    const value = parseDecimalInput(values.value, separator);
    if (!value) errors.value = ruleMessage(t, 'required');
    else if (!readingValuePattern.test(value))
      errors.value =
        translateCode(t, 'supplyPoints.readings.rules', 'value_format') ?? ruleMessage(t, 'decimal');
    return errors;
  };

type ReadingContext = {
  /** What was sent. */
  candidate: ReadingInput;
  /** The meter's readings as shown (newest first), to name the reading a value conflicts with. */
  readings: readonly Reading[];
  meter: Pick<Meter, 'registers' | 'installedOn' | 'removedOn'>;
  format: Formatters;
};

/** The neighbours of a candidate among the readings of its register: the latest earlier and the first later one. */
export const neighbourReadings = (
  readings: readonly Reading[],
  register: string,
  readOn: string,
): { earlier: Reading | null; later: Reading | null } => {
  const same = readings
    .filter((r) => r.register === register)
    .sort((a, b) => a.readOn.localeCompare(b.readOn));
  return {
    earlier: same.filter((r) => r.readOn < readOn).at(-1) ?? null,
    later: same.find((r) => r.readOn > readOn) ?? null,
  };
};

/**
 * One problem of a rejected reading in the user's language, with the facts that explain it (the previous
 * reading, the installation date …) taken from what the card already shows.
 */
export const readingProblemMessage = (
  t: TFunction,
  problem: FieldProblem,
  context: ReadingContext,
): string => {
  const { candidate, readings, meter, format } = context;
  const number = (value: string) => format.number(value, { maximumFractionDigits: 3 });
  const { earlier, later } = neighbourReadings(readings, candidate.register, candidate.readOn);
  const params: Record<string, unknown> = {
    register: candidate.register,
    date: format.date(candidate.readOn),
  };
  switch (problem.code) {
    case 'below_previous':
      if (earlier)
        Object.assign(params, { previousDate: format.date(earlier.readOn), previous: number(earlier.value) });
      else return t('supplyPoints.readings.rules.below_previous_unknown');
      break;
    case 'above_next':
      if (later) Object.assign(params, { nextDate: format.date(later.readOn), next: number(later.value) });
      else return t('supplyPoints.readings.rules.above_next_unknown');
      break;
    case 'before_installed':
      params.installedOn = format.date(meter.installedOn);
      break;
    case 'after_removed':
      params.removedOn = format.date(meter.removedOn);
      break;
    case 'unknown_register':
      params.registers = format.list([...meter.registers]);
      break;
  }
  return (
    translateCode(t, 'supplyPoints.readings.rules', problem.code, params) ?? ruleMessage(t, problem.code)
  );
};

/**
 * Maps a rejected reading's problem+json onto the form: one message per field (several problems of one field
 * are joined), and the problems of fields the form does not have.
 */
export const readingProblems = (
  t: TFunction,
  error: unknown,
  context: ReadingContext,
): { fields: Partial<Record<ReadingField, string>>; unmapped: FieldProblem[] } => {
  const fields: Partial<Record<ReadingField, string>> = {};
  const unmapped: FieldProblem[] = [];
  if (!isApiError(error)) return { fields, unmapped };
  for (const problem of error.errors) {
    const field = readingFormFields.find((f) => f === problem.path);
    if (!field) {
      unmapped.push(problem);
      continue;
    }
    const message = readingProblemMessage(t, problem, context);
    fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
  }
  return { fields, unmapped };
};

/** The unit a meter of the commodity counts in: electricity kWh, gas m³. */
export const readingUnit = (commodity: Commodity): string => (commodity === 'gas' ? 'm³' : 'kWh');
