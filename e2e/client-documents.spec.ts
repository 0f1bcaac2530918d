import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { apiSignIn, en, seedClient, signIn, uniqueSuffix, users } from './support.js';

/**
 * The client card's "Documents" tab: a sales user writes a letter to their own client from the company's letter
 * template, finds it listed on the card and downloads its PDF; a sales user of another team can neither list nor
 * download the client's documents.
 */

const d = en.documents.client;
const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

type GeneratedDocument = { id: string; fileName: string; documentType: string | null };

test('a sales user writes a letter to their client and downloads its PDF; another team gets 404', async ({ page, request, browser }) => {
  const suffix = uniqueSuffix();
  const subject = `Zmena ceny ${suffix}`;
  const fileName = `Zmena-ceny-${suffix}.pdf`;
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'company', `E2E Listy ${suffix} s.r.o.`);

  await signIn(page, users.salesWest.email);
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole('heading', { level: 2, name: client.name })).toBeVisible();

  await test.step('the Documents tab starts empty', async () => {
    await page.getByRole('tab', { name: en.clients.tabs.documents }).click();
    await expect(page.getByText(d.empty)).toBeVisible();
  });

  await test.step('write a letter: it is listed as a letter', async () => {
    await page.getByRole('button', { name: d.writeLetter }).click();
    const dialog = page.getByRole('dialog', { name: fill(d.letterTitle, { name: client.name }) });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: d.subject, exact: true }).fill(subject);
    await dialog
      .getByRole('textbox', { name: d.text, exact: true })
      .fill('Vážený klient,\n\nod budúceho mesiaca sa mení cena elektriny.\n\nS pozdravom');
    await dialog.getByRole('button', { name: d.create }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(d.created)).toBeVisible();

    const row = page.getByRole('table', { name: d.title, exact: true }).getByRole('row').filter({ hasText: fileName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(en.documents.types.letter);
  });

  await test.step('download it: a PDF with the subject in it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: fill(d.downloadNamed, { name: fileName }) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(subject);
  });

  await test.step('a sales user of another team gets 404 for its list and its file', async () => {
    const listed = await request.get('/api/v1/documents', { params: { recordType: 'client', recordId: client.id } });
    expect(listed.status()).toBe(200);
    const [letter] = ((await listed.json()) as { items: GeneratedDocument[] }).items;
    expect(letter).toMatchObject({ fileName, documentType: 'letter' });

    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      await apiSignIn(other.request, users.salesEast.email);
      const list = await other.request.get('/api/v1/documents', { params: { recordType: 'client', recordId: client.id } });
      expect(list.status(), 'the list').toBe(404);
      const file = await other.request.get(`/api/v1/documents/${letter!.id}/download`);
      expect(file.status(), 'the download').toBe(404);
    } finally {
      await other.close();
    }
  });
});
