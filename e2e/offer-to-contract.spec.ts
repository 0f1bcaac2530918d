import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { formatMoney } from '../domain/documents/format.js';
import { skElectricityEic } from '../server/demo/supply-point-generator.js';
import { apiCreate, apiSignIn, en, enNumber, escapeRegExp, navLink, runRandom, seedClient, seedSupplyPoint, signIn, uniqueSuffix, users } from './support.js';

/**
 * Issue 6 end to end: from a business case the sales user prices an offer for the case's supply points with a demo
 * product and sees the saving line by line and in total; the offer goes through the manager's approval, is sent with
 * its PDF and accepted, which makes the contract; the contract goes to the demo's fake Signi, is signed there and shows
 * signed; the manager then exports the data sentence of the period in a partner's layout and the file holds the contract.
 */

const o = en.offers;
const c = en.contracts;
const d = en.dataSentences;
const manager = { email: 'manager@demo.kilowatt', name: 'Marek Manažér' };

/** The demo product (server/demo/pricing-demo.ts): its 2026 price list charges 131.90 €/MWh and 1.99 €/month on DD2. */
const demoProduct = { name: 'Voltia Fix 2026', supplier: 'Voltia Energy, a.s.', pricePerMWh: 131.9, monthlyFee: 1.99 };
/** The client's current prices as the sales user types them. */
const current = { pricePerMWh: '160', monthlyFee: '3.99' };
/** A delivery period the demo prices: its price lists and regulated components are seeded for 2026 and December is still ahead. */
const delivery = { from: '2026-12-01', to: '2026-12-31' };

const fakeSigniUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;

const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
/** Money and per cent as the English UI prints them (OfferBits.tsx: en-GB currency, two decimals and " %"). */
const euro = (value: string | number): string => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(Number(value));
const percent = (value: string | number): string => `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value))} %`;
const cents = (value: string | number): number => Math.round(Number(value) * 100);
/** Today as YYYY-MM-DD in this machine's (= the browser's) time zone. */
const localDay = (date: Date): string => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

type Line = { supplyPointIdentifier: string; quantityMWh: string; currentCost: string; offeredCost: string; saving: string; savingPercent: string; comparison: { kind: string; current: string; offered: string }[] };
type Offer = { id: string; number: string; versionNumber: number; lines: Line[]; totals: { currentCost: string; offeredCost: string; saving: string; savingPercent: string } };

const choose = async (page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> => {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
};

const signedInPage = async (browser: Browser, email: string): Promise<Page> => {
  const { baseURL, locale } = test.info().project.use;
  const page = await (await browser.newContext({ baseURL, locale })).newPage();
  await signIn(page, email);
  return page;
};

/** The saving cell of a line or total: money and per cent, green as a saving. */
const savingText = (saving: string, savingPercent: string) => `${euro(saving)} (${percent(savingPercent)})`;

/** Every line row names its supply point and shows the saving in money and per cent; the totals table the sum. */
const expectSavings = async (scope: Locator, lines: Line[], totals: Offer['totals']): Promise<void> => {
  for (const line of lines) {
    const row = scope.getByRole('row').filter({ has: scope.page().getByRole('cell', { name: line.supplyPointIdentifier, exact: true }) });
    await expect(row).toContainText(demoProduct.name);
    await expect(row).toContainText(euro(line.currentCost));
    await expect(row).toContainText(euro(line.offeredCost));
    await expect(row).toContainText(savingText(line.saving, line.savingPercent));
  }
  const total = scope.getByRole('row').filter({ has: scope.page().getByRole('cell', { name: o.fields.saving, exact: true }) });
  await expect(total).toContainText(savingText(totals.saving, totals.savingPercent));
};

test.use({ actionTimeout: 20_000 });

test('offer to contract: price from the case, see the saving, approve, send with its PDF, accept, sign in Signi, export the data sentence', async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const clientName = `Ponukový klient ${suffix}`;
  const caseName = `Elektrina ${suffix}`;
  const signer = { firstName: 'Mária', lastName: `Konateľová ${suffix}`, email: `maria.${suffix.toLowerCase()}@example.sk` };

  // Seeding through the API what the flow does not show: a client of sales@'s team with two DD2 supply points carrying
  // annual consumption, a signing person with an e-mail, and a business case with both points.
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'company', clientName);
  const points = [
    await seedSupplyPoint(request, { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(runRandom, 'ZS'), annualConsumption: '120000', distributionRate: 'DD2' }),
    await seedSupplyPoint(request, { clientId: client.id, commodity: 'electricity', identifier: skElectricityEic(runRandom, 'ZS'), annualConsumption: '36500', distributionRate: 'DD2' }),
  ];
  await apiCreate(request, `/clients/${client.id}/contacts`, { ...signer, isSigningPerson: true });
  const kase = await apiCreate<{ id: string }>(request, '/cases', { clientId: client.id, name: caseName, type: 'acquisition', commodity: 'electricity', supplyPointIds: points.map((p) => p.id) });

  await signIn(page, users.salesWest.email);
  let offer!: Offer;

  await test.step('from the case, price an offer for its supply points and see the saving line by line and in total', async () => {
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole('heading', { level: 2, name: caseName })).toBeVisible();
    await page.getByRole('tab', { name: o.tab }).click();
    await expect(page.getByText(o.empty)).toBeVisible();
    await page.getByRole('button', { name: o.new }).click();
    const form = page.getByRole('dialog', { name: o.form.title });
    // Both supply points of the case are chosen.
    for (const point of points) await expect(form.getByRole('checkbox', { name: point.identifier })).toBeChecked();
    await choose(page, form, o.fields.product, `${demoProduct.name} (${demoProduct.supplier})`);
    await form.getByRole('textbox', { name: o.fields.deliveryFrom }).fill(delivery.from);
    await form.getByRole('textbox', { name: o.fields.deliveryTo }).fill(delivery.to);
    await form.getByRole('textbox', { name: o.fields.currentPricePerMWh }).fill(current.pricePerMWh);
    await form.getByRole('textbox', { name: o.fields.currentMonthlyFee }).fill(current.monthlyFee);
    await form.getByRole('button', { name: o.form.price }).click();
    for (const point of points) await expect(form.getByRole('cell', { name: point.identifier, exact: true })).toBeVisible();
    await form.getByRole('button', { name: o.form.save }).click();
    await expect(page).toHaveURL(/\/offers\/[0-9a-f-]+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    offer = (await (await request.get(`/api/v1/offers/${id}`)).json()) as Offer;
    await expect(page.getByRole('heading', { level: 2, name: `${offer.number} · ${fill(o.versionShort, { n: 1 })}` })).toBeVisible();
    await expect(page.getByText(o.state.draft, { exact: true }).first()).toBeVisible();

    // Hand-checked against the demo price list: the energy row costs the typed price against the product's per MWh.
    expect(offer.lines).toHaveLength(2);
    for (const line of offer.lines) {
      const energy = line.comparison.find((row) => row.kind === 'commodity')!;
      // The quantity is priced unrounded and shown to three decimals (kWh), so the costs agree within half a kWh's price.
      expect(Math.abs(Number(energy.current) - Number(current.pricePerMWh) * Number(line.quantityMWh))).toBeLessThanOrEqual(Number(current.pricePerMWh) * 0.0005 + 0.005);
      expect(Math.abs(Number(energy.offered) - demoProduct.pricePerMWh * Number(line.quantityMWh))).toBeLessThanOrEqual(demoProduct.pricePerMWh * 0.0005 + 0.005);
      expect(cents(line.saving)).toBe(cents(line.currentCost) - cents(line.offeredCost));
      expect(Number(line.saving)).toBeGreaterThan(0);
    }
    expect(cents(offer.totals.saving)).toBe(offer.lines.reduce((sum, line) => sum + cents(line.saving), 0));
    expect(Number(offer.totals.savingPercent)).toBeCloseTo((Number(offer.totals.saving) / Number(offer.totals.currentCost)) * 100, 1);
    await expectSavings(page.getByRole('main'), offer.lines, offer.totals);
    const energyRow = page.getByRole('row').filter({ hasText: `${o.charge.commodity} (${o.basis.per_mwh})` }).first();
    await expect(energyRow).toBeVisible();
    // Each line's quantity is the annual consumption's share of the delivery period.
    for (const line of offer.lines) await expect(page.getByRole('main')).toContainText(enNumber(Number(line.quantityMWh)));
    await page.screenshot({ path: path.join(os.tmpdir(), 'kilowatt-offer-saving.png'), fullPage: true });
  });
  const offerUrl = page.url();

  await test.step("submit: the margin and the demo owner's policy send it to the manager, who approves it", async () => {
    await page.getByRole('button', { name: o.actions.submit }).click();
    await expect(page.getByText(o.state.awaitingApproval, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(o.route.manager, { exact: true })).toBeVisible();
    // The sales user may not approve their own offer, nor send it yet.
    await expect(page.getByRole('button', { name: o.actions.approve })).toHaveCount(0);
    await expect(page.getByRole('button', { name: o.actions.send })).toHaveCount(0);

    const approver = await signedInPage(browser, manager.email);
    await approver.goto(offerUrl);
    await approver.getByRole('button', { name: o.actions.approve }).click();
    const dialog = approver.getByRole('dialog', { name: o.actions.approve });
    await dialog.getByRole('textbox', { name: o.fields.reason }).fill('Marža v poriadku');
    await dialog.getByRole('button', { name: en.common.confirm }).click();
    await expect(approver.getByText(o.state.approved, { exact: true }).first()).toBeVisible();
    await approver.context().close();

    await page.reload();
    await expect(page.getByText(o.state.approved, { exact: true }).first()).toBeVisible();
    const approvals = page.getByRole('heading', { level: 4, name: o.approvals }).locator('xpath=..');
    await expect(approvals).toContainText(`${manager.name} · ${o.decision.approved} (${o.route.manager}): Marža v poriadku`);
  });

  await test.step('send it to the client and open its PDF: the offer number and the saving are in it', async () => {
    await page.getByRole('button', { name: o.actions.send }).click();
    await expect(page.getByText(o.state.sent, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: o.documents })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: o.actions.pdf }).click()]);
    expect(download.suggestedFilename()).toBe(`${offer.number}-v1.pdf`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(offer.number);
    // The demo's offer template is Slovak: the total saving as it prints money ("12,34 €").
    expect(flat).toContain(formatMoney(offer.totals.saving, 'EUR', 'sk').replace(/\s+/g, ' '));
    for (const line of offer.lines) expect(flat).toContain(line.supplyPointIdentifier);
  });

  await test.step("its history: each step of the version, and no margin for the sales user who does not decide on it", async () => {
    await page.getByRole('tab', { name: o.tabs.history }).click();
    const history = page.getByRole('table', { name: o.tabs.history });
    const stateLabel = `${fill(o.versionShort, { n: 1 })} · ${o.fields.state}`;
    await expect(history.getByRole('row').filter({ hasText: stateLabel }).filter({ hasText: o.state.approved }).filter({ hasText: o.state.sent })).toHaveCount(1);
    await expect(history.getByRole('row').filter({ hasText: stateLabel }).filter({ hasText: o.state.awaitingApproval }).filter({ hasText: o.state.approved })).toHaveCount(1);
    await expect(history.getByRole('cell', { name: new RegExp(`· ${escapeRegExp(o.fields.margin)}`) })).toHaveCount(0);
  });

  await test.step("the client's card lists the offer with its business case", async () => {
    const offerUrl = page.url();
    await page.goto(`/clients/${client.id}`);
    await page.getByRole('tab', { name: en.clients.tabs.offers }).click();
    const row = page.getByRole('row').filter({ hasText: offer.number });
    await expect(row).toContainText(o.state.sent);
    await expect(row.getByRole('link', { name: caseName })).toHaveAttribute('href', `/cases/${kase.id}`);
    await page.goto(offerUrl);
  });

  let contractNumber = '';
  await test.step('accept it: the contract opens prefilled with the client, the supply points and the signing person', async () => {
    await page.getByRole('button', { name: o.actions.accept }).click();
    await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+$/);
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: clientName })).toBeVisible();
    for (const point of points) await expect(main.getByRole('link', { name: new RegExp(`^${escapeRegExp(point.identifier)}`) })).toHaveAttribute('href', `/supply-points/${point.id}`);
    await expect(page.getByRole('list', { name: c.fields.signatories })).toContainText(`${signer.firstName} ${signer.lastName}`);
    await expect(page.getByRole('list', { name: c.fields.signatories })).toContainText(signer.email);
    await expect(page.getByText(c.state.draft, { exact: true }).first()).toBeVisible();
    await expect(main).toContainText(demoProduct.supplier);
    contractNumber = (await page.getByRole('heading', { level: 2 }).innerText()).trim();
    expect(contractNumber).not.toBe('');
  });
  const contractUrl = page.url();

  await test.step('send the contract for signature and sign it on the fake Signi page', async () => {
    await page.getByRole('button', { name: c.signature.send }).click();
    const confirm = page.getByRole('dialog', { name: c.signature.confirmTitle });
    await expect(confirm).toContainText(signer.email);
    await confirm.getByRole('button', { name: c.signature.confirm }).click();
    await expect(page.getByText(c.state.sentForSignature, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: c.signature.requests })).toContainText(signer.email);

    await page.goto(fakeSigniUrl);
    await page.getByRole('link', { name: signer.email }).click();
    await expect(page.getByRole('heading', { name: new RegExp(escapeRegExp(contractNumber)) })).toBeVisible();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByRole('status')).not.toContainText(/pending|opened/i);
  });

  await test.step('the contract shows signed, and the offer links to it', async () => {
    await page.goto(contractUrl);
    await expect(page.getByText(c.state.signed, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: c.signature.requests })).toContainText(c.signature.state.signed);
    await expect(page.getByRole('link', { name: c.detail.signedPdf })).toBeVisible();
    await page.screenshot({ path: path.join(os.tmpdir(), 'kilowatt-offer-contract-signed.png'), fullPage: true });
    await page.goto(offerUrl);
    await expect(page.getByText(o.state.accepted, { exact: true }).first()).toBeVisible();
    await page.getByRole('link', { name: o.openContract }).click();
    await expect(page).toHaveURL(contractUrl);
  });

  await test.step("as the manager, define the supplier's layout and export this month's signatures; the file holds the contract", async () => {
    const exporter = await signedInPage(browser, manager.email);
    const layoutName = `Voltia E2E ${suffix}`;
    await navLink(exporter, d.nav.layouts).click();
    await expect(exporter.getByRole('heading', { level: 2, name: d.layoutsTitle })).toBeVisible();
    await exporter.getByRole('button', { name: d.newLayout }).click();
    const editor = exporter.getByRole('form', { name: d.editorLabel });
    await editor.getByRole('textbox', { name: d.partnerName }).fill(demoProduct.supplier);
    await editor.getByRole('textbox', { name: d.name }).fill(layoutName);
    const column = (n: number) => editor.getByRole('group', { name: new RegExp(`^${escapeRegExp(fill(d.column.title, { n }))}:`) });
    await column(1).getByRole('textbox', { name: d.column.header }).fill('EIC');
    await choose(exporter, column(1), d.column.field, d.fields.supplyPoint.identifier);
    await editor.getByRole('button', { name: d.addColumn }).click();
    await column(2).getByRole('textbox', { name: d.column.header }).fill('Číslo zmluvy');
    await choose(exporter, column(2), d.column.field, d.fields.contract.number);
    await editor.getByRole('button', { name: en.common.save }).click();
    await expect(exporter.getByText(d.saved)).toBeVisible();

    await navLink(exporter, d.nav.export).click();
    await expect(exporter.getByRole('heading', { level: 2, name: d.exportTitle })).toBeVisible();
    await choose(exporter, exporter, d.export.layout, new RegExp(escapeRegExp(layoutName)));
    await expect(exporter.getByRole('checkbox', { name: fill(d.export.onlyPartner, { supplier: demoProduct.supplier }) })).toBeChecked();
    const now = new Date();
    await exporter.getByLabel(d.export.signedFrom).fill(localDay(new Date(now.getFullYear(), now.getMonth(), 1)));
    await exporter.getByLabel(d.export.signedTo).fill(localDay(new Date(now.getFullYear(), now.getMonth() + 1, 0)));
    await exporter.getByRole('button', { name: d.export.run }).click();
    const [download] = await Promise.all([exporter.waitForEvent('download'), exporter.getByRole('link', { name: d.export.download }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['EIC', 'Číslo zmluvy']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    for (const point of points) expect(rows).toContainEqual([point.identifier, contractNumber]);
    await exporter.context().close();
  });
});
