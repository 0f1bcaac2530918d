import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { skGasPod } from '../server/demo/supply-point-generator.js';
import { apiSignIn, en, escapeRegExp, navLink, runRandom, seedClient, seedSupplyPoint, signIn, uniqueSuffix } from './support.js';

// Screenshots (for a look at the layout) go to the test output folder.
// The manager (team "Predaj Západ", owner SK) administers pricing. Demo data gives each owner's products a 2026
// price list (in use: its validity has begun) and a 2027 one (a draft until it starts). A fresh database per run.
test.describe.configure({ timeout: 120_000 });

const pl = en.priceLists;
const manager = 'manager@demo.kilowatt';
const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((result, [key, value]) => result.replaceAll(`{{${key}}}`, String(value)), text);

/** A version's row in the product card's table, named "Price list <validity>, version <n>". */
const versionRow = (page: Page, validity: string, revision: number) =>
  page
    .getByRole('table', { name: pl.versions.tableLabel })
    .getByRole('row', { name: fill(pl.versions.named, { validity, revision }), exact: true });

const price2026 = '1 Jan 2026 – 31 Dec 2026';
const price2027 = '1 Jan 2027 – 31 Dec 2027';

/** A price-list workbook as the import reads it: the template's headers, one row per tariff. */
const priceListFile = async (rows: (string | number)[][]) => {
  const workbook = new ExcelJS.Workbook();
  workbook
    .addWorksheet('Price list')
    .addRows([['Tariff [tariffCode]', 'Price per MWh [pricePerMWh]', 'Monthly fee [monthlyFee]', 'Purchase cost per MWh [purchasePerMWh]'], ...rows]);
  return {
    name: 'voltia-2028.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
};

const openProduct = async (page: Page, name: string) => {
  await navLink(page, pl.nav.products).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('heading', { level: 2, name: pl.products.title })).toBeVisible();
  const table = page.getByRole('table', { name: pl.products.tableLabel });
  await expect(table.getByRole('link', { name: 'Voltia Spot+' })).toBeVisible();
  await table.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
};

test('an in-use price list changes only as a new version; the old one stays read-only', async ({ page }) => {
  await signIn(page, manager);
  await openProduct(page, 'Voltia Fix 2026');

  await expect(versionRow(page, price2026, 1).getByText(pl.versions.state.inUse, { exact: true })).toBeVisible();
  await expect(versionRow(page, price2027, 1).getByText(pl.versions.state.draft, { exact: true })).toBeVisible();

  const v1Name = fill(pl.versions.named, { validity: price2026, revision: 1 });
  await versionRow(page, price2026, 1)
    .getByRole('button', { name: fill(pl.versions.editNamed, { name: v1Name }) })
    .click();
  const editor = page.getByRole('dialog', { name: fill(pl.editor.editTitle, { revision: 1 }) });
  await expect(editor.getByText(pl.editor.inUseTitle)).toBeVisible();
  const firstPrice = editor.getByRole('textbox', { name: fill(pl.editor.cellLabel, { column: pl.columns.pricePerMWh, row: 1 }) });
  await expect(firstPrice).toHaveValue(/^139\.90?$/);
  await editor.screenshot({ path: test.info().outputPath('editor.png') });
  await firstPrice.fill('141.5');
  await editor.getByRole('button', { name: pl.editor.saveAsNewVersion }).click();

  const confirm = page.getByRole('dialog', { name: pl.editor.confirmNewVersion.title });
  await expect(confirm.getByText(fill(pl.editor.confirmNewVersion.text, { revision: 2 }))).toBeVisible();
  await confirm.getByRole('button', { name: pl.editor.confirmNewVersion.confirm }).click();
  await expect(page.getByText(fill(pl.editor.savedNewVersion, { revision: 2 }))).toBeVisible();
  await expect(editor).toBeHidden();

  // The new version prices from now on; the old one is kept as it was and opens read-only.
  await expect(versionRow(page, price2026, 2).getByText(pl.versions.state.inUse, { exact: true })).toBeVisible();
  const old = versionRow(page, price2026, 1);
  await expect(old.getByText(pl.versions.state.readOnly, { exact: true })).toBeVisible();
  await expect(old.getByRole('button', { name: fill(pl.versions.editNamed, { name: v1Name }) })).toHaveCount(0);
  await old.getByRole('button', { name: fill(pl.versions.viewNamed, { name: v1Name }) }).click();
  const viewer = page.getByRole('dialog', { name: fill(pl.editor.viewTitle, { revision: 1 }) });
  await expect(viewer.getByText(pl.editor.readOnlyTitle)).toBeVisible();
  const oldPrice = viewer.getByRole('textbox', { name: fill(pl.editor.cellLabel, { column: pl.columns.pricePerMWh, row: 1 }) });
  await expect(oldPrice).toHaveValue(/^139\.90?$/);
  await expect(oldPrice).toHaveAttribute('readonly', '');
  await expect(viewer.getByRole('button', { name: en.common.save })).toHaveCount(0);
  await viewer.getByRole('button', { name: en.common.close, exact: true }).last().click();
  await expect(viewer).toBeHidden();

  // Open the new version again: it carries the changed price.
  const v2Name = fill(pl.versions.named, { validity: price2026, revision: 2 });
  await versionRow(page, price2026, 2)
    .getByRole('button', { name: fill(pl.versions.editNamed, { name: v2Name }) })
    .click();
  const v2 = page.getByRole('dialog', { name: fill(pl.editor.editTitle, { revision: 2 }) });
  await expect(
    v2.getByRole('textbox', { name: fill(pl.editor.cellLabel, { column: pl.columns.pricePerMWh, row: 1 }) }),
  ).toHaveValue('141.5');
});

test('an XLSX import previews a bad row naming its row and column, and imports only after the fix', async ({ page }) => {
  await signIn(page, manager);
  await openProduct(page, 'Voltia Spot+');

  await page.getByRole('button', { name: pl.import.open }).click();
  const dialog = page.getByRole('dialog', { name: pl.import.title });
  await expect(dialog.getByRole('link', { name: pl.import.template })).toHaveAttribute('href', '/api/v1/price-lists/template');

  const chooseFile = async (rows: (string | number)[][]) => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: new RegExp(`^${escapeRegExp(pl.import.file)}`) }).click();
    await (await chooser).setFiles(await priceListFile(rows));
  };
  await chooseFile([
    ['DD1', '130.5', '1.99', '99'],
    ['DD2', '12,5x', '1.99', '99'],
    ['DD3', '110', '2.49', ''],
  ]);
  await dialog.getByLabel(pl.fields.validFrom).fill('2028-01-01');
  await dialog.getByRole('button', { name: pl.import.check }).click();

  const problems = dialog.getByRole('alert');
  await expect(problems.getByText(fill(pl.import.errorsTitle_one, { count: 1 }))).toBeVisible();
  await expect(
    problems.getByText(fill(pl.import.problem, { row: 3, column: pl.columns.pricePerMWh, rule: pl.rules.invalid_price })),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);

  await chooseFile([
    ['DD1', '130.5', '1.99', '99'],
    ['DD2', '125', '1.99', '99'],
    ['DD3', '110', '2.49', ''],
  ]);
  await dialog.getByRole('button', { name: pl.import.check }).click();
  await expect(dialog.getByText(fill(pl.import.readyTitle_other, { count: 3 }))).toBeVisible();
  await dialog.getByRole('button', { name: fill(pl.import.confirm_other, { count: 3 }) }).click();
  await expect(page.getByText(fill(pl.import.done_other, { count: 3 }))).toBeVisible();
  await expect(versionRow(page, '1 Jan 2028', 1).or(versionRow(page, 'from 1 Jan 2028', 1))).toBeVisible();
});

test('a supply point is priced with the product line by line, with totals', async ({ page, request }) => {
  await apiSignIn(request, manager);
  const client = await seedClient(request, 'person', `Domácnosť ${uniqueSuffix()}`);
  const point = await seedSupplyPoint(request, { clientId: client.id, commodity: 'gas', identifier: skGasPod(runRandom), annualConsumption: '15000' });

  await signIn(page, manager);
  await openProduct(page, 'Nordgas Plyn Fix');
  const section = page.getByRole('region', { name: pl.quote.title });
  await section.getByRole('combobox', { name: pl.quote.supplyPoint }).fill(point.identifier);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(point.identifier)}`) }).click();
  await expect(section.getByLabel(pl.quote.deliveryFrom)).toHaveValue(`${new Date().getFullYear() + 1}-01-01`);
  // The reference data has regulated components for 2026, so the 2026 price list prices the whole year.
  await section.getByLabel(pl.quote.deliveryFrom).fill('2026-01-01');
  await section.getByLabel(pl.quote.deliveryTo).fill('2026-12-31');
  await section.getByRole('button', { name: pl.quote.submit }).click();

  const lines = section.getByRole('table', { name: pl.quote.linesLabel });
  await expect(lines.getByRole('row').filter({ hasText: pl.lineKinds.commodity }).first()).toBeVisible();
  await expect(lines.getByRole('row').filter({ hasText: pl.lineKinds.supplier_fee })).toBeVisible();
  await expect(lines.getByRole('row').filter({ hasText: pl.lineKinds.distribution }).first()).toBeVisible();
  await expect(lines.getByRole('row').filter({ hasText: pl.quote.net })).toContainText('EUR');
  await expect(lines.getByRole('row').filter({ hasText: pl.quote.gross })).toContainText('EUR');
  await section.screenshot({ path: test.info().outputPath('quote.png') });

  // A period outside the product's price lists is refused, naming the field and the rule.
  await section.getByLabel(pl.quote.deliveryFrom).fill('2030-01-01');
  await section.getByLabel(pl.quote.deliveryTo).fill('2030-12-31');
  await section.getByRole('button', { name: pl.quote.submit }).click();
  await expect(
    section.getByRole('alert').getByText(fill(pl.quote.problem, { field: pl.quote.fields.deliveryFrom, rule: pl.rules.outside_price_list_validity })),
  ).toBeVisible();
});

test('products are filtered, exported as shown, and created from a form that names each missing field', async ({ page }) => {
  await signIn(page, manager);
  await navLink(page, pl.nav.products).click();
  const table = page.getByRole('table', { name: pl.products.tableLabel });
  await expect(table.getByRole('link', { name: 'Voltia Fix 2026' })).toBeVisible();

  await page.getByRole('combobox', { name: pl.fields.commodity }).click();
  await page.getByRole('option', { name: en.supplyPoints.commodity.gas }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('commodity')).toBe('gas');
  await expect(table.getByRole('link', { name: 'Voltia Fix 2026' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Nordgas Plyn Fix' })).toBeVisible();
  await page.getByRole('button', { name: en.common.export.label }).click();
  await expect(page.getByRole('menuitem', { name: en.common.export.xlsx })).toHaveAttribute('href', /\/api\/v1\/products\/export\?.*commodity=gas.*format=xlsx/);
  await page.keyboard.press('Escape');

  await page.getByRole('searchbox', { name: pl.products.search }).fill('no such product');
  await expect(page.getByText(pl.products.emptyFiltered)).toBeVisible();
  await page.getByRole('button', { name: pl.products.clearFilters }).first().click();
  await expect(table.getByRole('link', { name: 'Voltia Fix 2026' })).toBeVisible();

  await page.getByRole('button', { name: pl.products.create }).click();
  const dialog = page.getByRole('dialog', { name: pl.products.createTitle });
  await expect(dialog.getByRole('textbox', { name: pl.fields.supplier })).toBeFocused();
  await dialog.getByRole('textbox', { name: pl.fields.name }).press('Enter');
  await expect(dialog.getByRole('textbox', { name: pl.fields.supplier })).toHaveAccessibleDescription(pl.rules.required);
  await expect(dialog.getByRole('textbox', { name: pl.fields.code })).toHaveAccessibleDescription(new RegExp(escapeRegExp(pl.rules.required)));

  const code = `E2E-${uniqueSuffix()}`;
  await dialog.getByRole('textbox', { name: pl.fields.supplier }).fill('Test Energy s.r.o.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Test Fix 2027');
  await page.keyboard.press('Tab');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Test Fix 2027' })).toBeVisible();
  await expect(page.getByText(code)).toBeVisible();
  await expect(page.getByText(pl.versions.empty)).toBeVisible();
});

test('regulated components are listed by country and commodity, and a new one is added', async ({ page }) => {
  await signIn(page, manager);
  await navLink(page, pl.nav.regulated).click();
  await expect(page.getByRole('heading', { level: 2, name: pl.regulated.title })).toBeVisible();
  const table = page.getByRole('table', { name: pl.regulated.tableLabel });
  await page.getByRole('combobox', { name: pl.fields.country }).click();
  await page.getByRole('option', { name: 'Czechia' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('CZ');
  await expect(table.getByRole('row').nth(1)).toContainText('CZ');
  await expect(table.getByRole('cell', { name: 'SK', exact: true })).toHaveCount(0);

  const source = `ERÚ test ${uniqueSuffix()}`;
  await page.getByRole('button', { name: pl.regulated.add }).click();
  const dialog = page.getByRole('dialog', { name: pl.regulated.createTitle });
  await dialog.getByRole('textbox', { name: pl.regulated.fields.amount }).fill('12.3456789');
  await dialog.getByLabel(pl.fields.validFrom).fill('2028-01-01');
  await dialog.getByRole('textbox', { name: pl.regulated.fields.source }).fill(source);
  await dialog.getByRole('button', { name: pl.regulated.add }).click();
  await expect(dialog.getByRole('textbox', { name: pl.regulated.fields.amount })).toHaveAccessibleDescription(pl.rules.invalid_price);
  await dialog.getByRole('textbox', { name: pl.regulated.fields.amount }).fill('12.5');
  await dialog.getByRole('button', { name: pl.regulated.add }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: source })).toContainText('12.5 CZK');
  await page.screenshot({ path: test.info().outputPath('regulated.png'), fullPage: true });

  await page.getByRole('tab', { name: pl.vat.tab }).click();
  await expect(page.getByRole('table', { name: pl.vat.tableLabel }).getByRole('row').filter({ hasText: 'Slovakia' }).first()).toBeVisible();
});

test('screenshots of the product list and the product card', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, manager);
  await navLink(page, pl.nav.products).click();
  await expect(page.getByRole('table', { name: pl.products.tableLabel }).getByRole('link', { name: 'Voltia Fix 2026' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('products.png'), fullPage: true });
  await page.getByRole('link', { name: 'Nordgas Plyn Fix', exact: true }).click();
  await expect(versionRow(page, price2027, 1)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('product-card.png'), fullPage: true });
});
