import { z } from 'zod';
import { duplicateKeyFields } from '../../../domain/leads/duplicate-keys.js';
import { leadTargetFields, type LeadTargetField } from '../../../domain/leads/import-mapping.js';
import { Id } from '../../../domain/schemas/common.js';

const Header = z.string().min(1).max(300);
const Source = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe('The lead platform the file comes from, e.g. "Reinet"');

/** Target field → the header whose column fills it; fields left out (or null) stay empty. */
export const LeadImportMapping = z
  .strictObject(
    Object.fromEntries(leadTargetFields.map((f) => [f, Header.nullish()])) as Record<
      LeadTargetField,
      z.ZodOptional<z.ZodNullable<typeof Header>>
    >,
  )
  .describe('Target field → header of the file, e.g. {"name": "Názov firmy", "companyId": "IČO"}');
export type LeadImportMapping = z.infer<typeof LeadImportMapping>;

export const LeadUploadQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional().describe('The file name shown in the wizard'),
  source: Source.optional().describe(
    'When known at upload: the suggested mapping starts from the one saved for it',
  ),
});

export const SavedMapping = z.object({
  source: z.string(),
  mapping: z.record(z.string(), z.string()),
  updatedAt: z.date(),
});

export const LeadUploadResponse = z.object({
  id: Id,
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())).describe('The first 5 data rows, cells in the order of `headers`'),
  total: z.number().int(),
  suggestedMapping: z
    .record(z.enum(leadTargetFields), z.string().nullable())
    .describe('From the saved mapping of `source`, else by header names'),
  fields: z.array(z.object({ field: z.enum(leadTargetFields), required: z.boolean() })),
  savedMappings: z
    .array(SavedMapping)
    .describe("Mappings saved for your owner company's sources, newest first"),
});
export type LeadUploadResponse = z.infer<typeof LeadUploadResponse>;

export const LeadValidateBody = z.strictObject({ source: Source, mapping: LeadImportMapping });

export const LeadRowError = z.object({
  row: z.number().int().describe('Row number as the spreadsheet shows it (the header row is 1)'),
  path: z.string().describe('The target field, or "row"'),
  code: z.string(),
  message: z.string(),
});
export type LeadRowError = z.infer<typeof LeadRowError>;

export const LeadValidateResponse = z.object({
  status: z.literal('validated'),
  source: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  errorCount: z.number().int(),
  duplicates: z
    .number()
    .int()
    .describe('Rows matching a lead or client you may see, or an earlier row of the file'),
  errors: z
    .array(LeadRowError)
    .describe('The first 200 errors by row; page through all with GET …/rows?filter=errors'),
});
export type LeadValidateResponse = z.infer<typeof LeadValidateResponse>;

const Decision = z.enum(['merge', 'skip', 'keep']);

export const MatchedRecord = z.object({
  name: z.string(),
  country: z.string().nullable(),
  companyId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  status: z.string().nullable(),
});

export const RowMatch = z.object({
  type: z.enum(['lead', 'client', 'row']),
  id: Id.optional().describe('lead or client'),
  row: z.number().int().optional().describe('row: the earlier row of the file'),
  fields: z.array(z.enum(duplicateKeyFields)).describe('The keys both share'),
  record: MatchedRecord.describe('The match as it stands, for the side-by-side view'),
});

export const ImportRowItem = z.object({
  row: z.number().int(),
  values: z.record(z.string(), z.string()).describe('The mapped cells, by target field'),
  errors: z.array(LeadRowError.omit({ row: true })),
  matches: z.array(RowMatch),
  decision: z
    .object({ decision: Decision, targetLeadId: Id.nullable(), targetClientId: Id.nullable() })
    .nullable()
    .describe('What you chose for a duplicate row'),
});
export type ImportRowItem = z.infer<typeof ImportRowItem>;

export const RowsQuery = z.object({
  filter: z.enum(['all', 'errors', 'duplicates']).default('all'),
  cursor: z.coerce.number().int().min(0).optional().describe('The row number to continue after'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const RowsPage = z.object({ items: z.array(ImportRowItem), nextCursor: z.number().int().nullable() });

export const DecisionsBody = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        row: z.number().int().min(1),
        decision: Decision,
        targetLeadId: Id.nullish().describe('merge: the matching lead to merge the row into'),
        targetClientId: Id.nullish().describe('merge: the matching client the new lead is linked to'),
      }),
    )
    .max(5000)
    .default([]),
  rest: z
    .enum(['skip', 'keep'])
    .optional()
    .describe('Applied to every duplicate row still without a decision'),
});
export type DecisionsBody = z.infer<typeof DecisionsBody>;

export const DecisionsResponse = z.object({
  duplicates: z.number().int(),
  decided: z.number().int(),
  undecided: z.number().int(),
});

export const ImportFailure = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z
      .string()
      .describe(
        'Stable: import.invalid_rows, import.undecided_duplicates (check again), auth.forbidden, version_conflict, internal',
      ),
    detail: z.string().describe('In English, for logs; the UI translates by code'),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .describe('Why the import failed, as application/problem+json (RFC 9457) would say it');

export const LeadImportResponse = z.object({
  id: Id,
  source: z.string().nullable(),
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  status: z.enum(['uploaded', 'validated', 'running', 'done', 'failed']),
  phase: z
    .enum(['preparing', 'writing'])
    .nullable()
    .describe('While running: rows are re-checked (processed counts up), then written in one transaction'),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int().describe('New leads (linked ones included)'),
  merged: z.number().int().describe('Rows merged into an existing lead'),
  linked: z.number().int().describe('New leads linked to an existing client'),
  skipped: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  errorCount: z.number().int(),
  duplicates: z.number().int(),
  undecided: z.number().int().describe('Duplicate rows without a decision'),
  error: ImportFailure.nullable(),
  createdBy: Id,
  createdAt: z.date(),
  updatedAt: z.date(),
  validatedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  version: z.number().int(),
});
export type LeadImportResponse = z.infer<typeof LeadImportResponse>;

export const CommitResponse = z.object({ id: Id, status: z.literal('running') });

export const MappingsResponse = z.object({ items: z.array(SavedMapping) });
