import { expect, test, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { skElectricityEic } from '../server/demo/supply-point-generator.js';
import { apiCreate, apiSignIn, en, escapeRegExp, navLink, runRandom, seedClient, signIn, uniqueSuffix, users } from './support.js';

/**
 * Issue 7 end to end: the administrator defines a sales commission rule in the rules screen; a contract of a case that
 * sales@ and manager@ share 60/40 is signed at the demo's fake Signi; each participant sees their own commission with
 * what it was computed from; finance approves sales@'s statement of the month and downloads it as PDF and XLSX.
 */

const k = en.commissions;
const r = k.rules;
const c = en.contracts;
const manager = { email: 'manager@demo.kilowatt' };
const finance = { email: 'finance@demo.kilowatt' };
const admin = { email: 'admin@demo.kilowatt' };
const fakeSigniUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;
const shots = '/tmp/kw-shots';

/** Money as the English UI prints it (en-GB, two decimals). */
const euro = (value: string | number): string => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(Number(value));
const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
const currentPeriod = (now = new Date()): string => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

const signedInPage = async (browser: Browser, email: string): Promise<Page> => {
  const { baseURL, locale } = test.info().project.use;
  const page = await (await browser.newContext({ baseURL, locale, viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
};

test.use({ actionTimeout: 20_000 });

test('commissions: define a rule, sign at Signi, each participant sees their share, finance approves and downloads the statement', async ({ browser, request }) => {
  test.setTimeout(240_000);
  mkdirSync(shots, { recursive: true });
  const suffix = uniqueSuffix();
  // A supplier of this test only, so the demo's rules and contracts never meet this rule.
  const supplier = `Provízna Energia E2E ${suffix}`;
  const ruleName = `E2E ${suffix} – 2 €/MWh`;
  const signer = { firstName: 'Mária', lastName: `Konateľová ${suffix}`, email: `maria.${suffix.toLowerCase()}@example.sk` };
  // 120.5 MWh × 2.00 = 241.00, split 60 / 40.
  const expected = { sales: '144.60', manager: '96.40' };

  await test.step('the administrator defines a sales rule for the supplier; an overlapping one is refused at its field', async () => {
    const page = await signedInPage(browser, admin.email);
    await navLink(page, k.nav.rules).click();
    await expect(page.getByRole('heading', { level: 2, name: k.nav.rules })).toBeVisible();
    const define = async () => {
      await page.getByRole('button', { name: r.create }).first().click();
      const form = page.getByRole('form', { name: r.formLabel });
      await form.getByRole('textbox', { name: r.fields.name }).fill(ruleName);
      await form.getByText(r.scopeKind.supplier, { exact: true }).click();
      await form.getByRole('textbox', { name: r.fields.supplier }).fill(supplier);
      await form.getByRole('textbox', { name: r.fields.amount }).fill('2.00');
      await form.getByRole('button', { name: en.common.save }).click();
      return form;
    };
    await define();
    await expect(page.getByText(r.saved)).toBeVisible();
    const row = page.getByRole('table', { name: r.tableLabel }).getByRole('row').filter({ hasText: ruleName });
    await expect(row).toContainText(fill(r.scopeText.supplier, { name: supplier }));
    await expect(row).toContainText(fill(r.basisText.perMWh, { amount: euro('2.00') }));

    const again = await define();
    await expect(again.getByText(r.errors.overlaps_rule)).toBeVisible();
    await again.getByRole('button', { name: en.common.cancel }).click();
    await page.screenshot({ path: `${shots}/commission-rules.png`, fullPage: true });

    // The problems tab computes again what signed contracts lack; the answer says how much.
    await page.getByRole('tab', { name: r.tabs.problems }).click();
    await page.getByRole('button', { name: k.problems.retry }).click();
    await expect(page.getByRole('status').filter({ hasText: k.problems.retried.split('{{')[0]! })).toBeVisible();
    await page.screenshot({ path: `${shots}/commission-problems.png`, fullPage: true });
    await page.context().close();
  });

  // Seeding through the API what the flow does not show: the participants' ids, a client of sales@'s team with one
  // supply point of 120.5 MWh a year and a signing person, a case shared 60/40 and a contract for the test's supplier.
  await apiSignIn(request, manager.email);
  const managerUser = ((await (await request.get('/api/v1/auth/me')).json()) as { user: { id: string; name: string } }).user;
  await apiSignIn(request, users.salesWest.email);
  const salesUser = ((await (await request.get('/api/v1/auth/me')).json()) as { user: { id: string; name: string } }).user;
  const client = await seedClient(request, 'company', `Provízny klient ${suffix}`);
  const point = await apiCreate<{ id: string; identifier: string }>(request, '/supply-points', {
    clientId: client.id,
    commodity: 'electricity',
    identifier: skElectricityEic(runRandom, 'ZS'),
    annualConsumption: '120.5',
    consumptionUnit: 'MWh',
  });
  await apiCreate(request, `/clients/${client.id}/contacts`, { ...signer, isSigningPerson: true });
  const contacts = (await (await request.get(`/api/v1/clients/${client.id}/contacts`)).json()) as { items: { id: string; email: string | null }[] };
  const signerId = contacts.items.find((contact) => contact.email === signer.email)!.id;
  const kase = await apiCreate<{ id: string }>(request, '/cases', {
    clientId: client.id,
    name: `Elektrina ${suffix}`,
    type: 'acquisition',
    commodity: 'electricity',
    supplyPointIds: [point.id],
    participants: [
      { userId: salesUser.id, share: '60' },
      { userId: managerUser.id, share: '40' },
    ],
  });
  const contract = await apiCreate<{ id: string; number: string }>(request, '/contracts', {
    clientId: client.id,
    caseId: kase.id,
    type: 'supply',
    commodity: 'electricity',
    supplier,
    productName: 'Fix E2E',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    supplyPointIds: [point.id],
    signatoryContactIds: [signerId],
  });

  const sales = await signedInPage(browser, users.salesWest.email);
  await test.step('sales@ sends the contract for signature and it is signed at the fake Signi', async () => {
    await sales.goto(`/contracts/${contract.id}`);
    await sales.getByRole('button', { name: c.signature.send }).click();
    await sales.getByRole('dialog', { name: c.signature.confirmTitle }).getByRole('button', { name: c.signature.confirm }).click();
    await expect(sales.getByRole('table', { name: c.signature.requests })).toContainText(signer.email);

    const signi = await sales.context().newPage();
    await signi.goto(fakeSigniUrl);
    await signi.getByRole('link', { name: signer.email }).click();
    await expect(signi.getByRole('heading', { name: new RegExp(escapeRegExp(contract.number)) })).toBeVisible();
    await signi.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(signi.getByRole('status')).not.toContainText(/pending|opened/i);
    await signi.close();
    await sales.reload();
    await expect(sales.getByText(c.state.signed, { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  });

  await test.step("sales@ sees their own commission and what it was computed from", async () => {
    await navLink(sales, k.nav.commissions).click();
    await expect(sales.getByRole('heading', { level: 2, name: k.title })).toBeVisible();
    const table = sales.getByRole('table', { name: k.list.tableLabel });
    const row = table.getByRole('row').filter({ hasText: contract.number });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(euro(expected.sales));
    await expect(row).toContainText(ruleName);
    await row.getByRole('button', { name: fill(k.list.expand, { number: contract.number }) }).click();
    const detail = sales.getByLabel(fill(k.detail.label, { number: contract.number }));
    await expect(detail).toContainText('120.5 MWh × 2.00');
    await expect(detail).toContainText(euro('241.00'));
    await expect(detail).toContainText('60 %');
    await expect(detail).toContainText(point.identifier);
    await expect(detail.getByRole('table', { name: k.fields.payouts })).toContainText(k.event.signature);
    await sales.screenshot({ path: `${shots}/commissions-list.png`, fullPage: true });
    // The contract card lists the same commission, and only sales@'s own.
    await sales.goto(`/contracts/${contract.id}?tab=commissions`);
    await expect(sales.getByRole('table', { name: k.list.tableLabel })).toContainText(euro(expected.sales));
    await expect(sales.getByRole('table', { name: k.list.tableLabel })).not.toContainText(euro(expected.manager));
    await sales.context().close();
  });

  await test.step('manager@ sees theirs', async () => {
    const page = await signedInPage(browser, manager.email);
    await page.goto('/commissions');
    const row = page.getByRole('table', { name: k.list.tableLabel }).getByRole('row').filter({ hasText: contract.number });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(euro(expected.manager));
    await page.context().close();
  });

  await test.step("finance approves sales@'s statement of this month and downloads it as PDF and XLSX", async () => {
    const period = currentPeriod();
    await apiSignIn(request, finance.email);
    const preview = (await (await request.get(`/api/v1/commission-statements/preview?userId=${salesUser.id}&period=${period}`)).json()) as { total: string; currency: string; id: string | null };
    expect(preview.id).toBeNull();

    const page = await signedInPage(browser, finance.email);
    await navLink(page, k.nav.statements).click();
    await expect(page.getByRole('heading', { level: 2, name: k.statements.title })).toBeVisible();
    await expect(page.getByRole('textbox', { name: k.statement.period })).toHaveValue(period);
    await page.getByRole('button', { name: fill(k.statements.open, { person: salesUser.name }) }).click();
    const drawer = page.getByRole('dialog', { name: k.statement.title });
    await expect(drawer.getByRole('table', { name: k.statement.lines }).getByRole('row').filter({ hasText: contract.number })).toContainText(euro(expected.sales));
    await expect(drawer.getByTestId('statement-total')).toHaveText(euro(preview.total));
    await drawer.getByRole('button', { name: k.statements.approve }).click();
    const confirm = page.getByRole('dialog', { name: k.statements.approveTitle });
    await expect(confirm).toContainText(euro(preview.total));
    await confirm.getByRole('button', { name: k.statements.approveConfirm }).click();
    await expect(page.getByText(k.statements.approved)).toBeVisible();
    await expect(drawer.getByRole('link', { name: k.statements.downloadPdf })).toBeVisible();
    await page.screenshot({ path: `${shots}/commission-statement.png`, fullPage: true });

    const [pdf] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('link', { name: k.statements.downloadPdf }).click()]);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(readFileSync(await pdf.path()))), { mergePages: true })).text;
    expect(text).toContain(`Commission statement ${period}`);
    expect(text).toContain(contract.number);
    expect(text).toContain(preview.total);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('link', { name: k.statements.downloadXlsx }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain(`${preview.total} ${preview.currency}`);
    expect(values).toContain(contract.number);
    expect(sheet.getRow(sheet.rowCount).getCell(10).value).toBe(Number(preview.total));

    // The month's list now shows the statement approved.
    await page.keyboard.press('Escape');
    const row = page.getByRole('table', { name: k.statements.tableLabel }).getByRole('row').filter({ hasText: salesUser.name });
    await expect(row).toContainText(k.statements.approvedState);
    await page.context().close();
  });
});
