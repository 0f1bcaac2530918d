import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { defaultTemplates } from '../../../domain/documents/defaults.js';
import { fillTemplate } from '../../../domain/documents/fill.js';
import {
  documentTypes,
  placeholderList,
  type CommonDocumentData,
  type DocumentDataByType,
  type DocumentLanguage,
  type DocumentType,
} from '../../../domain/documents/placeholders.js';
import { sampleDataOf } from '../../../domain/documents/samples.js';
import { checkTemplate, type TemplateIssue } from '../../../domain/documents/template-check.js';
import { SupplyPointListQuery } from '../supply-points/supply-points.api.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import { getClient } from '../clients/clients.service.js';
import { listContactsOfClient } from '../contacts/contacts.service.js';
import { getOwner } from '../owners/owners.service.js';
import { listSupplyPoints } from '../supply-points/supply-points.service.js';
import { userNames } from '../users/users.service.js';
import type { DocumentTemplateResponse, DocumentTemplateUpdateBody, GeneratedDocumentResponse, LetterCreateBody } from './documents.api.js';
import { markdownToPdf } from './documents.pdf.js';
import { documentPartyOf, documentPersonOf } from './document-data.js';
import { documentTemplates, generatedDocuments } from './documents.schema.js';

// ---------------------------------------------------------------- templates

type TemplateRow = typeof documentTemplates.$inferSelect;

/** Templates are the owner company's configuration; a user works with their own owner's. */
const ownerOf = (ctx: ServiceContext, ownerId?: string): string => {
  if (ownerId) return ownerId;
  if (ctx.actor.kind === 'user') return ctx.actor.ownerId;
  throw new Error('a system actor renders a document only for a named owner company');
};

/** Anyone who works with offers or contracts reads templates; editing them is `documents.templates`. */
const assertCanReadTemplates = (ctx: ServiceContext) => {
  if (!can(ctx.actor, 'documents.templates') && !can(ctx.actor, 'contracts.read')) assertCan(ctx.actor, 'sales.read');
};

const toTemplate = (type: DocumentType, ownerId: string, row: TemplateRow | undefined): DocumentTemplateResponse =>
  row
    ? { type, ownerId, language: row.language as DocumentLanguage, body: row.body, isDefault: false, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    : { type, ownerId, ...defaultTemplates[type], isDefault: true, version: 0, updatedAt: null, updatedBy: null };

const loadTemplateRow = async (ctx: ServiceContext, ownerId: string, type: DocumentType, forUpdate = false) => {
  const query = ctx.db
    .select()
    .from(documentTemplates)
    .where(and(eq(documentTemplates.ownerId, ownerId), eq(documentTemplates.type, type)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
};

export const listDocumentTemplates = async (ctx: ServiceContext): Promise<DocumentTemplateResponse[]> => {
  assertCanReadTemplates(ctx);
  const ownerId = ownerOf(ctx);
  const rows = await ctx.db.select().from(documentTemplates).where(eq(documentTemplates.ownerId, ownerId));
  return documentTypes.map((type) => toTemplate(type, ownerId, rows.find((r) => r.type === type)));
};

export const getDocumentTemplate = async (ctx: ServiceContext, type: DocumentType): Promise<DocumentTemplateResponse> => {
  assertCanReadTemplates(ctx);
  const ownerId = ownerOf(ctx);
  return toTemplate(type, ownerId, await loadTemplateRow(ctx, ownerId, type));
};

export const listPlaceholders = (ctx: ServiceContext, type: DocumentType) => {
  assertCanReadTemplates(ctx);
  return placeholderList(type);
};

/** 400 naming `body` and each problem: unknown placeholders are listed one per entry (code `unknown_placeholder`). */
const assertTemplateValid = (type: DocumentType, body: string) => {
  const issues = checkTemplate(type, body);
  if (issues.length === 0) return;
  const describe = (i: TemplateIssue) => (i.line ? `${i.message} (line ${i.line})` : i.message);
  const unknown = [...new Set(issues.filter((i) => i.code === 'unknown_placeholder').map((i) => i.placeholder))];
  throw new AppError(
    'validation',
    unknown.length > 0 ? `Unknown placeholders: ${unknown.join(', ')}` : issues.map(describe).join('; '),
    { errors: issues.map((i) => ({ path: 'body', code: i.code, message: describe(i) })) },
  );
};

const versionConflict = () => new AppError('version_conflict', 'The template was changed by someone else; reload it and try again');

const templateTarget = (row: { id: string; ownerId: string }) => ({
  entityType: 'documentTemplate',
  entityId: row.id,
  rootType: 'documentTemplate',
  rootId: row.id,
  ownerId: row.ownerId,
});

/**
 * Saves the owner's template of a type. Version 0 replaces the built-in default (the first save creates the row);
 * a stale version answers 409. The change and its history (before, after) commit together.
 */
export const updateDocumentTemplate = async (
  ctx: ServiceContext,
  type: DocumentType,
  input: DocumentTemplateUpdateBody,
): Promise<DocumentTemplateResponse> => {
  assertCan(ctx.actor, 'documents.templates');
  assertTemplateValid(type, input.body);
  const ownerId = ownerOf(ctx);
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const current = await loadTemplateRow(ctx, ownerId, type, true);
    if ((current?.version ?? 0) !== input.version) throw versionConflict();
    const before = toTemplate(type, ownerId, current);
    let row: TemplateRow | undefined;
    if (!current) {
      [row] = await ctx.db
        .insert(documentTemplates)
        .values({ ownerId, type, language: input.language, body: input.body, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
        .onConflictDoNothing()
        .returning();
    } else {
      [row] = await ctx.db
        .update(documentTemplates)
        .set({ language: input.language, body: input.body, version: current.version + 1, updatedAt: ctx.now(), updatedBy: by })
        .where(and(eq(documentTemplates.id, current.id), eq(documentTemplates.version, input.version)))
        .returning();
    }
    if (!row) throw versionConflict();
    const after = toTemplate(type, ownerId, row);
    await recordChange(ctx, templateTarget(row), current ? 'update' : 'create', { language: before.language, body: before.body }, { language: after.language, body: after.body });
    return after;
  });
};

export const documentTemplateHistory = async (ctx: ServiceContext, type: DocumentType): Promise<HistoryEntry[]> => {
  assertCanReadTemplates(ctx);
  const row = await loadTemplateRow(ctx, ownerOf(ctx), type);
  return row ? listHistory(ctx, { type: 'documentTemplate', id: row.id }) : [];
};

// ---------------------------------------------------------------- rendering

const titles: Record<DocumentType, string> = { offer: 'Offer', contract: 'Contract', letter: 'Letter' };

const commonData = async (ctx: ServiceContext, ownerId: string): Promise<CommonDocumentData> => {
  const owner = await getOwner({ ...ctx, actor: { kind: 'system', name: 'documents' } }, ownerId);
  const userId = actorUserId(ctx.actor);
  const [user] = userId ? await userNames(ctx, [userId]) : [];
  return {
    owner: { name: owner.name, companyId: owner.companyId, country: owner.country, currency: owner.currency },
    today: ctx.now().toISOString().slice(0, 10),
    user: { name: user?.name ?? null, email: user?.email ?? null },
  };
};

const renderWith = async <T extends DocumentType>(
  type: T,
  template: { language: DocumentLanguage; body: string },
  data: DocumentDataByType[T] & CommonDocumentData,
  title: string,
): Promise<Buffer> => {
  const markdown = fillTemplate(type, template.body, data, { language: template.language, currency: data.owner.currency ?? 'EUR' });
  return markdownToPdf({ markdown, title, author: data.owner.name ?? '', language: template.language });
};

/**
 * THE API for offers, contracts and others: the PDF of a document from the owner company's template of its type,
 * filled with `data` (the type's data; the owner company, today and the acting user are added here) and formatted
 * for the template's language, fonts embedded. `ownerId` is the record's owner company (the actor's by default).
 * The caller has checked access to the record the data comes from.
 */
export const renderDocumentPdf = async <T extends DocumentType>(
  ctx: ServiceContext,
  type: T,
  data: DocumentDataByType[T],
  options: { ownerId?: string; title?: string } = {},
): Promise<Buffer> => {
  const ownerId = ownerOf(ctx, options.ownerId);
  const template = toTemplate(type, ownerId, await loadTemplateRow(ctx, ownerId, type));
  return renderWith(type, template, { ...data, ...(await commonData(ctx, ownerId)) }, options.title ?? titles[type]);
};

/** A template as typed in the editor, rendered with sample data (nothing saved); 400 when it has unknown placeholders. */
export const previewDocumentTemplate = async (
  ctx: ServiceContext,
  type: DocumentType,
  input: { language: DocumentLanguage; body: string },
): Promise<Buffer> => {
  assertCan(ctx.actor, 'documents.templates');
  assertTemplateValid(type, input.body);
  const sample = sampleDataOf(type);
  const common = await commonData(ctx, ownerOf(ctx));
  return renderWith(type, input, { ...sample, owner: common.owner, user: common.user, today: common.today }, `${titles[type]} (preview)`);
};

// ---------------------------------------------------------------- generated files

/**
 * Who may download a record's files: a check that throws 404 (or 403) unless the caller may see the record. The
 * module that owns the record type registers it once (e.g. offers: `registerDocumentAccess('offer', assertOfferVisible)`).
 */
export type DocumentAccessCheck = (ctx: ServiceContext, recordId: string) => Promise<unknown>;

const accessChecks = new Map<string, DocumentAccessCheck>([
  ['client', (ctx, id) => getClient(ctx, id)],
]);

export const registerDocumentAccess = (recordType: string, check: DocumentAccessCheck): void => {
  accessChecks.set(recordType, check);
};

/** SECURITY-CRITICAL: a file is visible exactly when its record is; an unregistered record type hides its files. */
const assertRecordVisible = async (ctx: ServiceContext, recordType: string, recordId: string) => {
  const check = accessChecks.get(recordType);
  if (!check) throw notFound('Document');
  await check(ctx, recordId);
};

const fileColumns = {
  id: generatedDocuments.id,
  ownerId: generatedDocuments.ownerId,
  recordType: generatedDocuments.recordType,
  recordId: generatedDocuments.recordId,
  documentType: generatedDocuments.documentType,
  fileName: generatedDocuments.fileName,
  mediaType: generatedDocuments.mediaType,
  sizeBytes: generatedDocuments.sizeBytes,
  sha256: generatedDocuments.sha256,
  createdAt: generatedDocuments.createdAt,
  createdBy: generatedDocuments.createdBy,
};

const toFile = ({ ownerId: _ownerId, ...row }: GeneratedDocumentResponse & { ownerId: string }): GeneratedDocumentResponse => row;

export type StoreDocumentInput = {
  ownerId: string;
  recordType: string;
  recordId: string;
  documentType?: DocumentType | null;
  fileName: string;
  mediaType: string;
  content: Buffer;
};

/**
 * Keeps a generated file with its SHA-256 and size, linked to its record. Joins the caller's transaction, so an
 * offer and its PDF commit together. The caller has checked access to the record.
 */
export const storeDocument = async (ctx: ServiceContext, input: StoreDocumentInput): Promise<GeneratedDocumentResponse> => {
  const [row] = await ctx.db
    .insert(generatedDocuments)
    .values({
      ownerId: input.ownerId,
      recordType: input.recordType,
      recordId: input.recordId,
      documentType: input.documentType ?? null,
      fileName: input.fileName,
      mediaType: input.mediaType,
      sizeBytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdAt: ctx.now(),
      createdBy: actorUserId(ctx.actor),
    })
    .returning(fileColumns);
  return toFile(row!);
};

export const listDocumentsOf = async (ctx: ServiceContext, recordType: string, recordId: string): Promise<GeneratedDocumentResponse[]> => {
  await assertRecordVisible(ctx, recordType, recordId);
  const rows = await ctx.db
    .select(fileColumns)
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.recordType, recordType), eq(generatedDocuments.recordId, recordId)))
    .orderBy(desc(generatedDocuments.createdAt), desc(generatedDocuments.id));
  return rows.map(toFile);
};

/** A stored file with its bytes; 404 unless the caller may see the record it belongs to. */
export const getDocumentFile = async (ctx: ServiceContext, id: string): Promise<GeneratedDocumentResponse & { content: Buffer }> => {
  const [meta] = await ctx.db.select(fileColumns).from(generatedDocuments).where(eq(generatedDocuments.id, id));
  if (!meta) throw notFound('Document');
  await assertRecordVisible(ctx, meta.recordType, meta.recordId);
  const [row] = await ctx.db.select({ content: generatedDocuments.content }).from(generatedDocuments).where(eq(generatedDocuments.id, id));
  return { ...toFile(meta), content: row!.content };
};

// ---------------------------------------------------------------- letters

const safeFileName = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80) || 'document';

/** A letter to a client from the letter template, kept on the client's card (its access follows the client). */
export const createClientLetter = async (ctx: ServiceContext, input: LetterCreateBody): Promise<GeneratedDocumentResponse> => {
  assertCan(ctx.actor, 'clients.write');
  const client = await getClient(ctx, input.clientId);
  const contacts = await listContactsOfClient(ctx, client.id);
  const points = await listSupplyPoints(ctx, SupplyPointListQuery.parse({ clientId: client.id, limit: 500 }));
  const pdf = await renderDocumentPdf(
    ctx,
    'letter',
    {
      client: documentPartyOf(client),
      contacts: contacts.map(documentPersonOf),
      supplyPoints: points.items.map((p) => ({
        identifier: p.identifier,
        commodity: p.commodity,
        annualConsumption: p.annualConsumption,
        consumptionUnit: p.consumptionUnit,
        address: { street: p.address.street ?? null, postalCode: p.address.postalCode ?? null, city: p.address.city ?? null, country: p.address.country ?? null },
      })),
      letter: { subject: input.subject, text: input.text },
    },
    { ownerId: client.ownerId, title: input.subject },
  );
  return withTx(ctx, (ctx) =>
    storeDocument(ctx, {
      ownerId: client.ownerId,
      recordType: 'client',
      recordId: client.id,
      documentType: 'letter',
      fileName: `${safeFileName(input.subject)}.pdf`,
      mediaType: 'application/pdf',
      content: pdf,
    }),
  );
};
