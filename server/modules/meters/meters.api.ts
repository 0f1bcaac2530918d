import { z } from 'zod';
import { Id, OptionalText, Version } from '../../../domain/schemas/common.js';

const IsoDate = z.iso.date();

/** A tariff register's short code, e.g. "VT", "NT", "T1". */
const RegisterCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{1,10}$/, 'A short register code in capitals, e.g. "VT", "NT", "T1"');

const Registers = z
  .array(RegisterCode)
  .min(1)
  .max(12)
  .refine((list) => new Set(list).size === list.length, {
    message: 'Each register once',
    params: { rule: 'not_unique' },
  })
  .describe('Tariff registers read on this meter, each once');

const meterFields = {
  number: z.string().trim().min(1).max(40).describe('The serial number on the meter'),
  type: z.string().trim().min(1).max(40).describe('Code list meterType'),
  registers: Registers,
  installedOn: IsoDate,
  removedOn: IsoDate.nullish().describe('Set when the meter was replaced or removed; not before installedOn'),
  verificationDueOn: IsoDate.nullish().describe('When the meter’s metrological verification falls due'),
  note: OptionalText(4000),
};

export const MeterCreateBody = z.strictObject(meterFields);
export type MeterCreateBody = z.infer<typeof MeterCreateBody>;

export const MeterUpdateBody = z.strictObject(meterFields).partial().extend({ version: Version });
export type MeterUpdateBody = z.infer<typeof MeterUpdateBody>;

export const MeterResponse = z.object({
  id: Id,
  ownerId: Id,
  supplyPointId: Id,
  number: z.string(),
  type: z.string(),
  registers: z.array(z.string()),
  installedOn: z.string(),
  removedOn: z.string().nullable(),
  verificationDueOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type MeterResponse = z.infer<typeof MeterResponse>;

export const MeterList = z.object({ items: z.array(MeterResponse) });

/** A meter reading: at most 11 digits before the point and 3 after, as text. */
const ReadingValue = z
  .string()
  .trim()
  .regex(/^\d{1,11}(\.\d{1,3})?$/, 'A non-negative decimal number as text, e.g. "15234.5"');

export const readingSources = ['distributor', 'customer', 'estimate'] as const;

export const ReadingCreateBody = z.strictObject({
  readOn: IsoDate.describe('Not in the future, within the meter’s installation period'),
  register: RegisterCode.describe('One of the meter’s registers'),
  value: ReadingValue.describe(
    'Not lower than the latest earlier reading of the register, not higher than a later one',
  ),
  source: z.enum(readingSources),
});
export type ReadingCreateBody = z.infer<typeof ReadingCreateBody>;

export const ReadingResponse = z.object({
  id: Id,
  meterId: Id,
  readOn: z.string(),
  register: z.string(),
  value: z.string(),
  source: z.enum(readingSources),
  previousReadOn: z
    .string()
    .nullable()
    .describe('The date of the previous reading of this register on this meter'),
  consumption: z
    .string()
    .nullable()
    .describe('Consumption since the previous reading of the register; null for the first'),
  createdAt: z.date(),
  createdBy: Id.nullable(),
});
export type ReadingResponse = z.infer<typeof ReadingResponse>;

export const ReadingList = z.object({ items: z.array(ReadingResponse).describe('Newest first') });

/** Expected monthly consumption, kWh as text (at most 15 digits before the point, 3 after). */
const QuantityKWh = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'A non-negative decimal number as text, e.g. "12500.5"');

const Year = z.coerce.number().int().min(2000).max(2100);

export const ForecastPutBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  months: z
    .array(z.strictObject({ month: z.number().int().min(1).max(12), quantityKWh: QuantityKWh }))
    .max(12)
    .refine((list) => new Set(list.map((m) => m.month)).size === list.length, {
      message: 'Each month once',
      params: { rule: 'not_unique' },
    })
    .describe("The year's months; replaces every month stored for the year (an empty list clears it)"),
});
export type ForecastPutBody = z.infer<typeof ForecastPutBody>;

export const ForecastQuery = z.object({ year: Year.optional() });

export const ForecastYear = z.object({
  year: z.number().int(),
  months: z.array(z.object({ month: z.number().int(), quantityKWh: z.string() })),
  totalKWh: z.string(),
});
export type ForecastYear = z.infer<typeof ForecastYear>;

export const ForecastList = z.object({ items: z.array(ForecastYear) });

export const ReminderResponse = z.object({
  id: Id,
  kind: z.string().describe('e.g. meter.verification_due'),
  subjectType: z.string().describe('e.g. meter'),
  subjectId: Id,
  dueOn: z.string(),
  supplyPointId: Id.nullable().describe(
    "The meter's supply point; null when the subject is not a meter or is no longer within your rights",
  ),
  supplyPointIdentifier: z.string().nullable().describe("That supply point's EIC/EAN code; null as supplyPointId"),
  meterNumber: z.string().nullable().describe("The meter's serial number; null as supplyPointId"),
  contractId: Id.nullable().describe('The contract of a contract reminder; null when the subject is not a contract or is outside your rights'),
  contractNumber: z.string().nullable().describe("That contract's number; null as contractId"),
  createdAt: z.date(),
  doneAt: z.date().nullable(),
});
export type ReminderResponse = z.infer<typeof ReminderResponse>;

export const ReminderList = z.object({
  items: z.array(ReminderResponse).describe('Open reminders, soonest due first'),
});
