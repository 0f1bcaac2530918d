import { z } from 'zod';
import { documentLanguages, documentTypes, leafKinds } from '../../../domain/documents/placeholders.js';
import { Id } from '../../../domain/schemas/common.js';

export const DocumentTypeParam = z.object({ type: z.enum(documentTypes).describe('Document type') });

export const TemplateBody = z
  .string()
  .max(100_000)
  .describe('Markdown with Handlebars placeholders ({{client.name}}, {{#each lines}}…{{/each}}); see GET /document-templates/{type}/placeholders');

export const DocumentTemplateUpdateBody = z.strictObject({
  language: z.enum(documentLanguages).describe('Language of the document: numbers, dates and money are formatted for it'),
  body: TemplateBody,
  version: z.number().int().min(0).describe('The version you read; 0 while the type still uses the built-in default'),
});
export type DocumentTemplateUpdateBody = z.infer<typeof DocumentTemplateUpdateBody>;

export const DocumentTemplatePreviewBody = z.strictObject({
  language: z.enum(documentLanguages),
  body: TemplateBody,
});
export type DocumentTemplatePreviewBody = z.infer<typeof DocumentTemplatePreviewBody>;

export const DocumentTemplateResponse = z.object({
  type: z.enum(documentTypes),
  ownerId: Id,
  language: z.enum(documentLanguages),
  body: z.string(),
  isDefault: z.boolean().describe('No owner copy yet: the built-in default applies'),
  version: z.number().int().describe('0 while the built-in default applies'),
  updatedAt: z.date().nullable(),
  updatedBy: Id.nullable(),
});
export type DocumentTemplateResponse = z.infer<typeof DocumentTemplateResponse>;

export const DocumentTemplateList = z.object({ items: z.array(DocumentTemplateResponse) });

export const PlaceholderList = z.object({
  items: z.array(
    z.object({
      path: z.string().describe('As written in the template; inside {{#each list}} relative to the item'),
      kind: z.enum([...leafKinds, 'list', 'object']),
      list: z.string().nullable().describe('The enclosing list, e.g. `lines`'),
    }),
  ),
});

export const LetterCreateBody = z.strictObject({
  clientId: Id,
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(20_000).describe('Paragraphs separated by an empty line'),
});
export type LetterCreateBody = z.infer<typeof LetterCreateBody>;

export const GeneratedDocumentResponse = z.object({
  id: Id,
  recordType: z.string(),
  recordId: Id,
  documentType: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
  createdBy: Id.nullable(),
});
export type GeneratedDocumentResponse = z.infer<typeof GeneratedDocumentResponse>;

export const GeneratedDocumentListQuery = z.object({ recordType: z.string().trim().min(1).max(40), recordId: Id });
export const GeneratedDocumentList = z.object({ items: z.array(GeneratedDocumentResponse) });
