import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../domain/documents/defaults.js';
import { sampleDocumentData } from '../../../domain/documents/samples.js';
import { systemContext } from '../../context.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { documentTemplates, generatedDocuments } from './documents.schema.js';
import { renderDocumentPdf } from './documents.service.js';

const { db, as, send } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const manager = await as('manager@demo.kilowatt');
const legal = await as('legal@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');
const finance = await as('finance@demo.kilowatt');
const put = (caller: { cookie: string }, url: string, body: Record<string, unknown>) => send('PUT', url, caller.cookie, body);

const pdfText = async (pdf: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
};

const storedTemplates = () => db.select().from(documentTemplates);

describe('document templates', () => {
  it('start as the built-in Slovak defaults, one per type, readable by sales staff', async () => {
    const res = await sales.get('/api/v1/document-templates');
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { type: string }) => t.type)).toEqual(['offer', 'contract', 'letter']);
    for (const t of res.body.items) {
      expect(t).toMatchObject({ isDefault: true, version: 0, language: 'sk', body: defaultTemplates[t.type as 'offer'].body });
    }
    const placeholders = await sales.get('/api/v1/document-templates/offer/placeholders');
    expect(placeholders.body.items).toContainEqual({ path: 'saving', kind: 'money', list: 'lines' });
  });

  it('are saved by a manager with history (who, before, after) and optimistic locking', async () => {
    const body = '# Ponuka {{offer.number}}\n\n{{client.name}}\n';
    const saved = await put(manager, '/api/v1/document-templates/offer', { language: 'sk', body, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ type: 'offer', isDefault: false, version: 1, body });

    const stale = await put(manager, '/api/v1/document-templates/offer', { language: 'cs', body: 'x', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');

    const changed = await put(legal, '/api/v1/document-templates/offer', { language: 'cs', body: `${body}{{today}}\n`, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    expect((await manager.get('/api/v1/document-templates/offer')).body).toMatchObject({ version: 2, language: 'cs', body: `${body}{{today}}\n` });

    const history = await manager.get('/api/v1/document-templates/offer/history');
    expect(history.status).toBe(200);
    const bodyChanges = history.body.items.filter((h: { field: string }) => h.field === 'body');
    expect(bodyChanges).toHaveLength(2);
    expect(bodyChanges[0]).toMatchObject({ before: body, after: `${body}{{today}}\n`, by: { name: expect.any(String) } });
    expect(bodyChanges[1]).toMatchObject({ before: defaultTemplates.offer.body, after: body });
    expect(history.body.items.find((h: { field: string }) => h.field === 'language')).toMatchObject({ before: 'sk', after: 'cs' });
  });

  it('refuse an unknown placeholder: 400 naming body and the rule, listing each; nothing saved', async () => {
    const before = await storedTemplates();
    const res = await put(manager, '/api/v1/document-templates/letter', {
      language: 'sk',
      body: '{{client.name}}\n{{client.nmae}}\n{{#each lines}}{{product}}{{/each}}',
      version: 0,
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('validation');
    expect(res.body.detail).toContain('client.nmae');
    expect(res.body.errors).toEqual([
      { path: 'body', code: 'unknown_placeholder', message: 'unknown placeholder "client.nmae" (line 2)' },
      { path: 'body', code: 'unknown_placeholder', message: 'unknown placeholder "lines" (line 3)' },
      { path: 'body', code: 'unknown_placeholder', message: 'unknown placeholder "product" (line 3)' },
    ]);
    expect(await storedTemplates()).toEqual(before);
  });

  it('refuse bad input by field: a type that does not exist, a language, a missing version', async () => {
    expect((await put(manager, '/api/v1/document-templates/invoice', { language: 'sk', body: 'x', version: 0 })).status).toBe(400);
    const res = await put(manager, '/api/v1/document-templates/letter', { language: 'xx', body: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['language', 'version']);
  });

  it('are changed and previewed only with documents.templates (403 for sales and finance)', async () => {
    const before = await storedTemplates();
    expect((await put(sales, '/api/v1/document-templates/letter', { language: 'sk', body: 'x', version: 0 })).status).toBe(403);
    expect((await put(finance, '/api/v1/document-templates/letter', { language: 'sk', body: 'x', version: 0 })).status).toBe(403);
    expect((await sales.post('/api/v1/document-templates/letter/preview', { language: 'sk', body: 'x' })).status).toBe(403);
    expect(await storedTemplates()).toEqual(before);
  });

  it('preview a template as typed with sample data as a PDF, and refuse an unknown placeholder there too', async () => {
    const res = await manager.post('/api/v1/document-templates/offer/preview', { language: 'sk', body: defaultTemplates.offer.body });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.raw);
    expect(text).toContain('Cenová ponuka č. P-2026-0042');
    expect(text).toContain('Mestské teplárne Žilina, a.s.');
    expect(text).toContain('Spolu dnes platíte 61 097,50 €, s našou ponukou zaplatíte 55 200,00 € a ušetríte 5 897,50 € (9,65 %).');
    const bad = await manager.post('/api/v1/document-templates/offer/preview', { language: 'sk', body: '{{offer.nuber}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'body', code: 'unknown_placeholder' });
  });
});

describe('rendering for other modules', () => {
  it('renders each type from the owner template with the data given, formatted in the template language', async () => {
    const [demoOwner] = await db.select({ ownerId: documentTemplates.ownerId }).from(documentTemplates).limit(1);
    const ctx = systemContext(db, pino({ enabled: false }), 'test');
    // The offer template was changed above (Czech, client name and date); contracts still use the default.
    const offer = await pdfText(await renderDocumentPdf(ctx, 'offer', sampleDocumentData.offer, { ownerId: demoOwner!.ownerId }));
    expect(offer).toMatch(/^Ponuka P-2026-0042\nMestské teplárne Žilina, a\.s\.\n\d{1,2}\. \d{1,2}\. \d{4}\n/);
    const contract = await pdfText(await renderDocumentPdf(ctx, 'contract', sampleDocumentData.contract, { ownerId: demoOwner!.ownerId }));
    expect(contract).toContain('Zmluva o združenej dodávke č. Z-2026-0017');
    expect(contract).toContain('V mene odberateľa konajú: Ing. Ľubomír Šťastný (predseda predstavenstva)');
  });
});

describe('generated documents', () => {
  it('keeps a letter to a client with its hash; access follows the client (404 outside rights)', async () => {
    const client = await sales.post('/api/v1/clients', companyBody({ name: 'Vodárne Poprad, a.s.' }));
    expect(client.status).toBe(201);
    const letter = await sales.post('/api/v1/documents/letters', {
      clientId: client.body.id,
      subject: 'Koniec zmluvy',
      text: 'Vážení,\n\nvaša zmluva končí.',
    });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ recordType: 'client', recordId: client.body.id, documentType: 'letter', mediaType: 'application/pdf', fileName: 'Koniec-zmluvy.pdf' });

    const file = await sales.get(`/api/v1/documents/${letter.body.id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.raw.length).toBe(letter.body.sizeBytes);
    expect(createHash('sha256').update(file.raw).digest('hex')).toBe(letter.body.sha256);
    const text = await pdfText(file.raw);
    expect(text).toContain('Vodárne Poprad, a.s.\nHlavná 1\n949 01 Nitra');
    expect(text).toContain('Koniec zmluvy\nVážení,\nvaša zmluva končí.');

    const [row] = await db.select({ createdBy: generatedDocuments.createdBy, ownerId: generatedDocuments.ownerId }).from(generatedDocuments).where(eq(generatedDocuments.id, letter.body.id));
    expect(row!.createdBy).toBe(client.body.createdBy);

    expect((await sales.get(`/api/v1/documents?recordType=client&recordId=${client.body.id}`)).body.items.map((d: { id: string }) => d.id)).toEqual([letter.body.id]);
    // Owner-wide roles see the client and so its files.
    expect((await finance.get(`/api/v1/documents/${letter.body.id}/download`)).status).toBe(200);
    expect((await admin.get(`/api/v1/documents/${letter.body.id}/download`)).status).toBe(200);
    // Another team's sales user does not see the client: the file and the list are not found.
    const outside = await sales2.get(`/api/v1/documents/${letter.body.id}/download`);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('not_found');
    expect((await sales2.get(`/api/v1/documents?recordType=client&recordId=${client.body.id}`)).status).toBe(404);
    const count = (await db.select().from(generatedDocuments)).length;
    expect((await sales2.post('/api/v1/documents/letters', { clientId: client.body.id, subject: 'x', text: 'y' })).status).toBe(404);
    expect((await db.select().from(generatedDocuments)).length).toBe(count);
    // A record type no module registered hides its files; an unknown id is simply not found.
    expect((await sales.get(`/api/v1/documents?recordType=offer&recordId=${client.body.id}`)).status).toBe(404);
    expect((await sales.get('/api/v1/documents/00000000-0000-4000-8000-000000000000/download')).status).toBe(404);
  });

  it('prints Slovak, Czech, Polish, German and Russian text exactly through a saved template', async () => {
    const current = await manager.get('/api/v1/document-templates/letter');
    const saved = await put(manager, '/api/v1/document-templates/letter', {
      language: 'de',
      body: '# {{letter.subject}}\n\n{{letter.text}}\n\nZażółć gęślą jaźń\n\nGröße Straße\n\nСъешь же ещё этих мягких французских булок\n\n{{client.name}}, {{today}}\n',
      version: current.body.version,
    });
    expect(saved.status).toBe(200);
    const client = await sales.post('/api/v1/clients', companyBody({ name: 'Žltý kôň úpěl ďábelské ódy s.r.o.' }));
    const letter = await sales.post('/api/v1/documents/letters', { clientId: client.body.id, subject: 'Příliš žluťoučký kůň', text: 'Žltý kôň úpěl ďábelské ódy' });
    expect(letter.status).toBe(201);
    const text = await pdfText((await sales.get(`/api/v1/documents/${letter.body.id}/download`)).raw);
    const today = new Date();
    const date = `${String(today.getUTCDate()).padStart(2, '0')}.${String(today.getUTCMonth() + 1).padStart(2, '0')}.${today.getUTCFullYear()}`;
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Příliš žluťoučký kůň',
      'Žltý kôň úpěl ďábelské ódy',
      'Zażółć gęślą jaźń',
      'Größe Straße',
      'Съешь же ещё этих мягких французских булок',
      `Žltý kôň úpěl ďábelské ódy s.r.o., ${date}`,
    ]);
  });
});
