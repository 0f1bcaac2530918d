import { z } from 'zod';

/**
 * A partner's data sentence layout (CONTRACT-4): the columns of the Excel file a supplier or distributor wants, in
 * their order, each with its header, where its value comes from and how it is written. Administrators define it in
 * the UI; no code is needed for a new partner.
 */

/** Fields a column may take, one row per supply point of a signed contract. */
export const dataSentenceFields = [
  'contract.number',
  'contract.type',
  'contract.signedAt',
  'contract.startDate',
  'contract.endDate',
  'contract.noticePeriodMonths',
  'client.name',
  'client.kind',
  'client.companyId',
  'client.taxId',
  'client.vatId',
  'client.email',
  'client.phone',
  'client.street',
  'client.city',
  'client.postalCode',
  'client.country',
  'supplyPoint.identifier',
  'supplyPoint.commodity',
  'supplyPoint.territoryCode',
  'supplyPoint.distributionRate',
  'supplyPoint.annualConsumptionMWh',
  'supplyPoint.street',
  'supplyPoint.city',
  'supplyPoint.postalCode',
  'supplyPoint.iban',
  'supplyPoint.paymentMethod',
  'product.code',
  'product.name',
  'product.supplier',
] as const;
export type DataSentenceField = (typeof dataSentenceFields)[number];

export const datePatterns = ['DD.MM.YYYY', 'D.M.YYYY', 'YYYY-MM-DD', 'DD/MM/YYYY', 'YYYYMMDD'] as const;

const Mapping = z
  .array(z.object({ from: z.string().trim().min(1).max(100), to: z.string().max(200) }))
  .min(1)
  .max(200)
  .refine((pairs) => new Set(pairs.map((p) => p.from)).size === pairs.length, { message: 'Each value is mapped once', params: { rule: 'duplicate_mapping' } });

export const ColumnFormat = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }),
  z.object({ kind: z.literal('date'), pattern: z.enum(datePatterns), excelDate: z.boolean().default(false) }),
  z.object({
    kind: z.literal('decimal'),
    places: z.number().int().min(0).max(6),
    /** A number cell with a number format, or a text with this decimal separator (some partners want text). */
    asText: z.boolean().default(false),
    decimalSeparator: z.enum([',', '.']).default(','),
  }),
  /** A code-list value translated to the partner's code; a value without a mapping stops the export. */
  z.object({ kind: z.literal('mapping'), pairs: Mapping, otherwise: z.enum(['error', 'empty', 'keep']).default('error') }),
]);
export type ColumnFormat = z.infer<typeof ColumnFormat>;

export const LayoutColumn = z.object({
  header: z.string().trim().min(1).max(100),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('field'), field: z.enum(dataSentenceFields) }),
    z.object({ kind: z.literal('fixed'), text: z.string().max(200) }),
  ]),
  format: ColumnFormat.default({ kind: 'text' }),
});
export type LayoutColumn = z.infer<typeof LayoutColumn>;

export const DataSentenceLayout = z.object({
  sheetName: z.string().trim().min(1).max(31).default('Data'),
  columns: z
    .array(LayoutColumn)
    .min(1)
    .max(100)
    .refine((cols) => new Set(cols.map((c) => c.header.toLowerCase())).size === cols.length, {
      message: 'Every column needs its own header',
      params: { rule: 'duplicate_header' },
    }),
});
export type DataSentenceLayout = z.infer<typeof DataSentenceLayout>;

/** What each field holds, so the editor suggests a fitting format (a date format for dates, a mapping for codes). */
export const dataSentenceFieldKinds: Record<DataSentenceField, 'text' | 'date' | 'decimal' | 'code'> = {
  'contract.number': 'text',
  'contract.type': 'code',
  'contract.signedAt': 'date',
  'contract.startDate': 'date',
  'contract.endDate': 'date',
  'contract.noticePeriodMonths': 'decimal',
  'client.name': 'text',
  'client.kind': 'code',
  'client.companyId': 'text',
  'client.taxId': 'text',
  'client.vatId': 'text',
  'client.email': 'text',
  'client.phone': 'text',
  'client.street': 'text',
  'client.city': 'text',
  'client.postalCode': 'text',
  'client.country': 'code',
  'supplyPoint.identifier': 'text',
  'supplyPoint.commodity': 'code',
  'supplyPoint.territoryCode': 'code',
  'supplyPoint.distributionRate': 'code',
  'supplyPoint.annualConsumptionMWh': 'decimal',
  'supplyPoint.street': 'text',
  'supplyPoint.city': 'text',
  'supplyPoint.postalCode': 'text',
  'supplyPoint.iban': 'text',
  'supplyPoint.paymentMethod': 'code',
  'product.code': 'text',
  'product.name': 'text',
  'product.supplier': 'text',
};
