import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { en, navLink, signIn, uniqueSuffix } from './support.js';

/**
 * Data sentences of issue 6 (CONTRACT-4) as the demo administrator: define a partner's Excel layout in the UI
 * (columns reordered with the keyboard-usable buttons, a field chosen by its readable label, a code mapping), see a
 * duplicate header refused at its column, export a period and open the downloaded file, and find the export kept.
 */

const d = en.dataSentences;
const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

const chooseIn = async (page: Page, scope: Locator, label: string, option: string): Promise<void> => {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

test.use({ actionTimeout: 20_000 });

test('data sentences: define a layout in the UI, export a period, open the file, find the export kept', async ({ page }) => {
  const partner = `Energia Test ${uniqueSuffix()}`;
  await signIn(page, 'admin@demo.kilowatt');
  await navLink(page, d.nav.layouts).click();
  await expect(page.getByRole('heading', { level: 2, name: d.layoutsTitle })).toBeVisible();
  await page.getByRole('button', { name: d.newLayout }).click();

  const editor = page.getByRole('form', { name: d.editorLabel });
  await editor.getByRole('textbox', { name: d.partnerName }).fill(partner);
  await editor.getByRole('textbox', { name: d.name }).fill(`${partner} – new contracts`);

  const columnGroup = (n: number) => editor.getByRole('group', { name: new RegExp(`^${fill(d.column.title, { n })}:`) });
  const first = columnGroup(1);
  await first.getByRole('textbox', { name: d.column.header }).fill('Typ OM');
  await chooseIn(page, first, d.column.field, d.fields.supplyPoint.commodity);
  await chooseIn(page, first, d.column.format, d.formats.mapping);
  await first.getByRole('textbox', { name: fill(d.column.fromN, { n: 1 }) }).fill('electricity');
  await first.getByRole('textbox', { name: fill(d.column.toN, { n: 1 }) }).fill('EE');
  await first.getByRole('button', { name: d.column.addPair }).click();
  await first.getByRole('textbox', { name: fill(d.column.fromN, { n: 2 }) }).fill('gas');
  await first.getByRole('textbox', { name: fill(d.column.toN, { n: 2 }) }).fill('ZP');

  await editor.getByRole('button', { name: d.addColumn }).click();
  const second = columnGroup(2);
  await second.getByRole('textbox', { name: d.column.header }).fill('typ om');
  // A duplicate header (case-insensitive) is refused and named at its place.
  await editor.getByRole('button', { name: en.common.save }).click();
  await expect(editor.getByRole('alert').filter({ hasText: d.rules.duplicate_header })).toBeVisible();

  await second.getByRole('textbox', { name: d.column.header }).fill('Číslo zmluvy');
  // Move the contract number to the front with the keyboard.
  await editor.getByRole('button', { name: fill(d.column.moveUp, { n: 2 }) }).focus();
  await page.keyboard.press('Enter');
  const preview = editor.getByRole('table', { name: fill(d.preview.title, { sheet: 'Data' }) });
  await expect(preview.getByRole('columnheader')).toHaveText(['Číslo zmluvy', 'Typ OM']);
  await expect(preview.getByRole('cell')).toHaveText(['KW-2026-00017', 'EE']);
  await editor.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByText(d.saved)).toBeVisible();
  await expect(page.getByRole('navigation', { name: d.layoutList }).getByRole('button', { name: new RegExp(partner) })).toBeVisible();

  // Export: a period of last year (whatever the demo holds), then open the file.
  await navLink(page, d.nav.export).click();
  await expect(page.getByRole('heading', { level: 2, name: d.exportTitle })).toBeVisible();
  await page.getByRole('combobox', { name: d.export.layout }).click();
  await page.getByRole('option', { name: new RegExp(partner) }).click();
  await page.getByLabel(d.export.signedFrom).fill('2025-01-01');
  await page.getByLabel(d.export.signedTo).fill('2025-12-31');
  await page.getByRole('button', { name: d.export.run }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: d.export.download }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Číslo zmluvy', 'Typ OM']);

  const kept = page.getByRole('table', { name: d.kept.title });
  await expect(kept.getByRole('row').filter({ hasText: partner }).first()).toBeVisible();
});
