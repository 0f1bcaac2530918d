import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skElectricityEic } from '../server/demo/supply-point-generator.js';
import { apiCreate, apiSignIn, en, escapeRegExp, navLink, runRandom, seedClient, seedSupplyPoint, signIn, uniqueSuffix, users } from './support.js';

/**
 * The contract register and card of issue 6 as the demo sales user: make a contract through the form, find it in
 * the register by type, send it for signature to the fake Signi the demo runs, sign it there, and see it signed with
 * its signed PDF.
 */

const c = en.contracts;

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** The demo's fake Signi: playwright.config.ts starts the app with SIGNI_FAKE_PORT on the port after the app's. */
const fakeSigniUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;

const chooseIn = async (page: Page, label: string, option: string | RegExp, scope: Page | Locator = page): Promise<void> => {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option').filter({ hasText: option }).first().click();
};

test.use({ actionTimeout: 20_000 });

test('contracts: create through the form, find in the register by type, send to the fake Signi, sign there, see it signed', async ({ page, request }) => {
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const clientName = `Zmluvný klient ${suffix}`;
  const number = `E2E-${suffix}`;
  const product = `Fix E2E ${suffix}`;
  const signer = { firstName: 'Jana', lastName: `Podpisová ${suffix}`, email: `jana.${suffix.toLowerCase()}@example.sk` };

  // Seeding through the API: a client of sales@'s team with an electricity supply point and a signing person.
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'company', clientName);
  const point = await seedSupplyPoint(request, { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(runRandom, 'ZS'), annualConsumption: '120000' });
  await apiCreate(request, `/clients/${client.id}/contacts`, { ...signer, isSigningPerson: true });

  await signIn(page, users.salesWest.email);

  await test.step('make the contract through the form', async () => {
    await navLink(page, c.nav).click();
    await expect(page.getByRole('heading', { level: 2, name: c.title })).toBeVisible();
    await page.getByRole('button', { name: c.list.create }).first().click();
    const drawer = page.getByRole('dialog', { name: c.form.createTitle });
    await expect(drawer).toBeVisible();
    await drawer.getByRole('combobox', { name: c.fields.client }).fill(clientName);
    await page.getByRole('option').filter({ hasText: clientName }).click();
    await drawer.getByRole('textbox', { name: c.fields.number }).fill(number);
    await chooseIn(page, c.fields.type, c.type.brokerage, drawer);
    await drawer.getByRole('textbox', { name: c.fields.supplier }).fill('Slovenské elektrárne');
    await drawer.getByRole('textbox', { name: c.fields.productName }).fill(product);
    await chooseIn(page, c.fields.supplyPoints, new RegExp(`^${escapeRegExp(point.identifier)}`), drawer);
    await page.keyboard.press('Escape');
    await chooseIn(page, c.fields.signatories, new RegExp(escapeRegExp(signer.email)), drawer);
    await page.keyboard.press('Escape');
    await drawer.getByRole('textbox', { name: c.fields.startDate }).fill('2027-01-01');
    // An end before the start is refused at the field before anything is sent.
    await drawer.getByRole('textbox', { name: c.fields.endDate }).fill('2026-12-31');
    await drawer.getByRole('button', { name: c.form.create }).click();
    await expect(drawer.getByText(c.validation.end_before_start)).toBeVisible();
    await drawer.getByRole('textbox', { name: c.fields.endDate }).fill('2027-12-31');
    await drawer.getByRole('textbox', { name: c.fields.noticePeriodMonths }).fill('3');
    await page.screenshot({ path: path.join(os.tmpdir(), 'kilowatt-contracts-form.png') });
    await drawer.getByRole('button', { name: c.form.create }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: number })).toBeVisible();
    await expect(page.getByText(c.state.draft, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: point.identifier })).toHaveAttribute('href', `/supply-points/${point.id}`);
    await expect(page.getByRole('list', { name: c.fields.signatories })).toContainText(`${signer.firstName} ${signer.lastName}`);
  });
  const cardUrl = page.url();

  await test.step('the register filtered by type shows it, and the address keeps the filter', async () => {
    await page.getByRole('main').getByRole('link', { name: c.detail.back }).click();
    await chooseIn(page, c.fields.type, c.type.brokerage);
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('brokerage');
    const table = page.getByRole('table', { name: c.list.tableLabel });
    const row = table.getByRole('row').filter({ hasText: number });
    await expect(row).toContainText(clientName);
    await expect(row).toContainText(c.type.brokerage);
    await expect(row).toContainText(c.state.draft);
    // Every row shown is of the chosen type.
    for (const text of await table.getByRole('row').allInnerTexts()) {
      if (text.includes(c.fields.number)) continue;
      expect(text).toContain(c.type.brokerage);
    }
    await page.screenshot({ path: path.join(os.tmpdir(), 'kilowatt-contracts-register.png'), fullPage: true });
    // The export is exactly the filtered register.
    await page.getByRole('button', { name: en.common.export.label }).click();
    const csvItem = page.getByRole('menuitem', { name: en.common.export.csv });
    await expect(csvItem).toHaveAttribute('href', /[?&]type=brokerage(&|$)/);
    const [csv] = await Promise.all([page.waitForEvent('download'), csvItem.click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText).toContain(c.fields.noticeDeadline);
    expect(csvText).toContain(number);
    expect(csvText).not.toContain(c.type.supply);
    // The notice shortcut: a deadline in about ten months is not within 180 days.
    await chooseIn(page, c.list.noticeWithin, fill(c.list.noticeWithinDays_other, { count: '180' }));
    await expect.poll(() => new URL(page.url()).searchParams.get('noticeWithin')).toBe('180');
    await expect(table.getByRole('row').filter({ hasText: number })).toHaveCount(0);
    // Choosing the chosen option again clears it.
    await chooseIn(page, c.list.noticeWithin, fill(c.list.noticeWithinDays_other, { count: '180' }));
    await expect.poll(() => new URL(page.url()).searchParams.get('noticeWithin')).toBeNull();
    await expect(table.getByRole('row').filter({ hasText: number })).toHaveCount(1);
    // Another type leaves it out.
    await chooseIn(page, c.fields.type, c.type.framework);
    await expect(table.getByRole('row').filter({ hasText: number })).toHaveCount(0);
  });

  await test.step('send it for signature: the confirmation names the signing person', async () => {
    await page.goto(cardUrl);
    await page.getByRole('button', { name: c.signature.send }).click();
    const confirm = page.getByRole('dialog', { name: c.signature.confirmTitle });
    await expect(confirm).toContainText(signer.email);
    await confirm.getByRole('button', { name: c.signature.confirm }).click();
    await expect(page.getByText(c.state.sentForSignature, { exact: true }).first()).toBeVisible();
    const requests = page.getByRole('table', { name: c.signature.requests });
    await expect(requests).toContainText(c.signature.state.sent);
    await expect(requests).toContainText(signer.email);
  });

  await test.step('sign on the fake Signi page', async () => {
    const fake = fakeSigniUrl;
    await page.goto(fake);
    await page.getByRole('link', { name: signer.email }).click();
    await expect(page.getByRole('heading', { name: new RegExp(escapeRegExp(number)) })).toBeVisible();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByRole('status')).not.toContainText(/pending|opened/i);
  });

  await test.step('the card shows it signed and gives the signed PDF', async () => {
    await page.goto(cardUrl);
    await expect(page.getByText(c.state.signed, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: c.signature.requests })).toContainText(c.signature.state.signed);
    const signedPdf = page.getByRole('link', { name: c.detail.signedPdf });
    await expect(signedPdf).toBeVisible();
    // Once signed, the terms are locked and sending again is no longer offered.
    await expect(page.getByRole('button', { name: c.signature.send })).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent('download'), signedPdf.click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`Signed in fake Signi by ${signer.email}`);
    await page.screenshot({ path: path.join(os.tmpdir(), 'kilowatt-contracts-card.png'), fullPage: true });
  });

  await test.step('history lists the creation and the state changes', async () => {
    await page.getByRole('tab', { name: c.tabs.history }).click();
    const history = page.getByRole('table', { name: c.tabs.history });
    await expect(history.getByRole('row').filter({ hasText: `${c.fields.state}${c.state.draft}${c.state.sentForSignature}` })).toHaveCount(1);
    await expect(history.getByRole('row').filter({ hasText: `${c.state.sentForSignature}${c.state.signed}` })).toHaveCount(1);
    await expect(history.getByRole('row').filter({ hasText: c.fields.number })).toContainText(number);
    // Internal keys stay out of the reader's history; sets are counted.
    await expect(history).not.toContainText('ownerId');
    await expect(history.getByRole('row').filter({ hasText: c.fields.supplyPoints })).toContainText(fill(c.history.items_one, { count: '1' }));
  });

  await test.step('once signed only the end, notice period and note change', async () => {
    await page.getByRole('tab', { name: c.tabs.overview }).click();
    await page.getByRole('button', { name: en.common.edit, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: c.form.editTitle });
    await expect(drawer.getByText(c.form.lockedHint)).toBeVisible();
    await expect(drawer.getByRole('textbox', { name: c.fields.productName })).toBeDisabled();
    await drawer.getByRole('textbox', { name: c.fields.noticePeriodMonths }).fill('2');
    await drawer.getByRole('button', { name: en.common.save, exact: true }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText('31 Oct 2027', { exact: true })).toBeVisible();
  });

  await test.step('terminate it with the day and reason, after a confirmation', async () => {
    await page.getByRole('button', { name: c.detail.more }).click();
    await page.getByRole('menuitem', { name: c.end.action }).click();
    const dialog = page.getByRole('dialog', { name: c.end.title });
    await dialog.getByRole('textbox', { name: c.end.endedOn }).fill('2027-06-30');
    await dialog.getByRole('textbox', { name: c.end.reason }).fill('The client moved out');
    await dialog.getByRole('button', { name: c.end.confirm }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: fill(c.end.confirmText, { number, how: c.end.terminated, date: '30 Jun 2027' }) });
    await confirm.getByRole('button', { name: c.end.confirm }).click();
    await expect(page.getByText(c.state.terminated, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: en.common.edit, exact: true })).toHaveCount(0);
  });

  await test.step("the client card's Contracts tab lists it", async () => {
    await page.getByRole('main').getByRole('link', { name: clientName }).click();
    await expect(page.getByRole('tab', { name: en.clients.tabs.contracts })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('table', { name: c.list.tableLabel }).getByRole('row').filter({ hasText: number })).toContainText(c.state.terminated);
  });
});
