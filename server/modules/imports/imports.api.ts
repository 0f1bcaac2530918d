import { z } from 'zod';
import { Id } from '../../../domain/schemas/common.js';
import { supplyPointTargetFields, type TargetField } from './imports.mapping.js';

const Header = z.string().min(1).max(300);

/** Target field → the header whose column fills it; fields left out (or null) stay empty. */
export const ImportMapping = z
  .strictObject(Object.fromEntries(supplyPointTargetFields.map((f) => [f, Header.nullish()])) as Record<TargetField, z.ZodOptional<z.ZodNullable<typeof Header>>>)
  .describe('Target field → header of the file, e.g. {"identifier": "EIC", "clientCompanyId": "IČO"}');
export type ImportMapping = z.infer<typeof ImportMapping>;

export const UploadQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional().describe('The file name shown in the wizard (required with application/octet-stream)'),
});

export const RowError = z.object({
  row: z.number().int().describe('Row number as the spreadsheet shows it (the header row is 1)'),
  path: z.string().describe('The target field, or "row"'),
  code: z.string(),
  message: z.string(),
  supplyPointId: Id.optional().describe('duplicate: the existing supply point'),
  rows: z.array(z.number().int()).optional().describe('duplicate_in_file: the other rows with this identifier'),
});
export type RowError = z.infer<typeof RowError>;

export const TargetFieldInfo = z.object({ field: z.enum(supplyPointTargetFields), required: z.boolean() });

export const UploadResponse = z.object({
  id: Id,
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())).describe('The first 5 data rows, cells in the order of `headers`'),
  total: z.number().int().describe('Data rows in the file'),
  suggestedMapping: z.record(z.enum(supplyPointTargetFields), z.string().nullable()).describe('Target field → header, by name similarity'),
  fields: z.array(TargetFieldInfo).describe('The target fields in display order'),
});
export type UploadResponse = z.infer<typeof UploadResponse>;

export const ValidateBody = z.strictObject({ mapping: ImportMapping });

export const ValidateResponse = z.object({
  status: z.literal('validated'),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowError).describe('The first 200 errors by row; page through all with GET …/errors'),
});
export type ValidateResponse = z.infer<typeof ValidateResponse>;

export const ImportStatus = z.enum(['uploaded', 'validated', 'running', 'done', 'failed']);

const FieldProblem = z.object({
  path: z.string().describe('The field, e.g. "identifier", or "rows.5.identifier" for a row of the file'),
  code: z.string().describe('The rule, e.g. "duplicate", "checksum"'),
  message: z.string(),
});

export const ImportFailure = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().describe('The HTTP status a request refused for this reason answers'),
    code: z
      .string()
      .describe(
        'Stable: import.invalid_rows (validate again), supply_point.duplicate_identifier (created meanwhile), ' +
          'auth.forbidden (the uploader may no longer create supply points), duplicate, internal',
      ),
    detail: z.string().describe('In English, for logs; the UI translates by code'),
    errors: z.array(FieldProblem).optional(),
  })
  .describe('Why the import failed, as application/problem+json (RFC 9457) would say it');

export const ImportResponse = z.object({
  id: Id,
  kind: z.literal('supplyPoints'),
  fileName: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  status: ImportStatus,
  phase: z.enum(['preparing', 'writing']).nullable().describe('While running: rows are re-checked (processed counts up), then written in one transaction'),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  errorCount: z.number().int(),
  error: ImportFailure.nullable().describe('Set when the import failed'),
  createdBy: Id,
  createdAt: z.date(),
  updatedAt: z.date(),
  validatedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  version: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const CommitResponse = z.object({ id: Id, status: z.literal('running') });

export const ErrorsQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ErrorsPage = z.object({ items: z.array(RowError), nextCursor: z.string().nullable() });
export type ErrorsPage = z.infer<typeof ErrorsPage>;
