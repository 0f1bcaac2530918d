import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { skElectricityEic, skGasPod } from '../server/demo/supply-point-generator.js';
import {
  apiSignIn,
  apiWriteHeaders,
  cardField,
  en,
  enNumber,
  navLink,
  runRandom,
  seedClient,
  seedSupplyPoint,
  signIn,
  spacedIdentifier,
  uniqueSuffix,
  users,
} from './support.js';

// Every test seeds its own clients through the API (as sales@, team "Predaj Západ"), so each one runs alone
// too; the flows under test go through the UI. The wizard and the form walk through several screens, so the
// tests get more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

const sp = en.supplyPoints;
const territories = {
  sppd: 'SPP - distribúcia',
  zsd: 'Západoslovenská distribučná (ZSD)',
  vsd: 'Východoslovenská distribučná (VSD)',
};

/** An English plural as i18next picks it for English: `_one` for 1, `_other` otherwise. */
const plural = (forms: { one: string; other: string }, count: number, values: Record<string, string> = {}) =>
  Object.entries({ ...values, count: String(count) }).reduce(
    (text, [key, value]) => text.replaceAll(`{{${key}}}`, value),
    count === 1 ? forms.one : forms.other,
  );

/** A workbook as people send it: Slovak column names in the first row, one supply point per row below. */
const importHeaders = ['IČO', 'Komodita', 'EIC', 'Ulica', 'Obec', 'PSČ', 'Ročná spotreba', 'Jednotka'];
const xlsxFile = async (name: string, rows: string[][]) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Odberné miesta').addRows([importHeaders, ...rows]);
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
};

/** Opens the import wizard from the supply-point list and uploads the file through the file input. */
const uploadImportFile = async (page: Page, file: Awaited<ReturnType<typeof xlsxFile>>) => {
  await navLink(page, en.shell.nav.supplyPoints).click();
  await expect(page).toHaveURL(/\/supply-points$/);
  await page.getByRole('link', { name: sp.list.import, exact: true }).click();
  await expect(page).toHaveURL(/\/supply-points\/import$/);
  await expect(page.getByRole('heading', { level: 2, name: sp.import.title })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: sp.import.file.label, exact: true }).click();
  await (await chooser).setFiles(file);
  const uploaded = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && /\/api\/v1\/supply-point-imports(\?|$)/.test(response.url()),
  );
  await page.getByRole('button', { name: sp.import.file.upload }).click();
  const response = await uploaded;
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
};

/** The mapping step shows the server's suggestion for the columns; it is kept and the rows are checked. */
const checkWithSuggestedMapping = async (page: Page, fileName: string, rows: number) => {
  await expect(
    page.getByText(
      plural({ one: sp.import.mapping.intro_one, other: sp.import.mapping.intro_other }, rows, {
        fileName,
        columns: String(importHeaders.length),
      }),
    ),
  ).toBeVisible();
  const mapping = page.getByRole('table', { name: sp.import.mapping.tableLabel, exact: true });
  const column = (field: keyof typeof sp.import.fields) =>
    mapping.getByRole('combobox', {
      name: sp.import.mapping.columnFor.replace('{{field}}', sp.import.fields[field]),
      exact: true,
    });
  const suggested: [keyof typeof sp.import.fields, string][] = [
    ['clientCompanyId', 'IČO'],
    ['commodity', 'Komodita'],
    ['identifier', 'EIC'],
    ['street', 'Ulica'],
    ['city', 'Obec'],
    ['postalCode', 'PSČ'],
    ['annualConsumption', 'Ročná spotreba'],
    ['consumptionUnit', 'Jednotka'],
  ];
  for (const [field, header] of suggested) await expect(column(field)).toHaveValue(header);
  await expect(column('currentSupplier')).toHaveValue('');
  await page
    .getByRole('button', {
      name: plural({ one: sp.import.mapping.check_one, other: sp.import.mapping.check_other }, rows),
    })
    .click();
};

/** The supply-point card is open: its heading is the identifier. */
const expectCardOf = async (page: Page, identifier: string): Promise<string> => {
  await expect(page).toHaveURL(/\/supply-points\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: identifier, exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
};

test('a sales user adds a gas supply point on a household client card, with the address from the suggestions', async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'person', `Eva Plynová ${suffix}`);
  const identifier = skGasPod(runRandom);
  // The upper limit of D2, the household gas band "2,138 – 18,173 kWh".
  const consumption = 18173;

  await signIn(page, users.salesWest.email);
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole('heading', { level: 2, name: client.name })).toBeVisible();
  await page.getByRole('tab', { name: en.clients.tabs.supplyPoints }).click();
  await expect(page.getByText(sp.clientTab.empty)).toBeVisible();

  const drawer = page.getByRole('dialog', { name: sp.form.createTitle });
  await test.step('fill in the form', async () => {
    await page.getByRole('button', { name: sp.list.create }).click();
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(sp.form.forClient.replace('{{name}}', client.name))).toBeVisible();

    const commodity = drawer.getByRole('radiogroup', { name: sp.fields.commodity });
    await commodity.getByText(sp.commodity.gas, { exact: true }).click();
    await expect(commodity.getByRole('radio', { name: sp.commodity.gas })).toBeChecked();

    await drawer.getByRole('textbox', { name: sp.fields.identifier, exact: true }).fill(identifier);
    // The live check accepts it as a Slovak gas POD.
    await expect(
      drawer.getByText(sp.form.identifierValid.replace('{{scheme}}', sp.schemes['sk-gas-pod']), {
        exact: true,
      }),
    ).toBeVisible();
  });

  await test.step('choose the address from the suggestions', async () => {
    const street = drawer.getByRole('combobox', { name: sp.fields.street, exact: true });
    await street.pressSequentially('Karadžič', { delay: 30 });
    const suggestion = page.getByRole('option', { name: /Karadžičova 8/ });
    await expect(suggestion).toBeVisible();
    await expect(suggestion).toContainText('821 08 Bratislava');
    await suggestion.click();
    // The suggestion fills the whole address, not only the street.
    await expect(street).toHaveValue('Karadžičova 8');
    await expect(drawer.getByRole('textbox', { name: sp.fields.postalCode, exact: true })).toHaveValue(
      '821 08',
    );
    await expect(drawer.getByRole('textbox', { name: sp.fields.city, exact: true })).toHaveValue(
      'Bratislava',
    );
    await expect(page.getByRole('option', { name: /Karadžičova 8/ })).toHaveCount(0);
  });

  await test.step('enter the annual consumption in kWh and save', async () => {
    await drawer
      .getByRole('textbox', { name: sp.fields.annualConsumption, exact: true })
      .fill(String(consumption));
    await expect(drawer.getByRole('combobox', { name: sp.fields.consumptionUnit, exact: true })).toHaveValue(
      'kWh',
    );
    await drawer.getByRole('button', { name: sp.form.create }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(sp.form.created.replace('{{identifier}}', identifier))).toBeVisible();
  });

  await test.step('the client tab lists it and opens its card', async () => {
    const table = page.getByRole('table', { name: sp.list.tableLabel, exact: true });
    const row = table.getByRole('row').filter({ hasText: identifier });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(territories.sppd);
    await row.getByRole('link', { name: identifier }).click();
    await expectCardOf(page, identifier);
  });

  await test.step('the card shows the territory from the identifier, the band and the verified address', async () => {
    const territory = cardField(page, sp.fields.territory);
    await expect(territory.first()).toHaveText(territories.sppd);
    await expect(territory.nth(1)).toHaveText(sp.territorySource.identifier);
    await expect(cardField(page, sp.derived.suggestedTerritory).first()).toHaveText(territories.sppd);

    const band = cardField(page, sp.derived.band).first();
    await expect(band.getByText('D2', { exact: true })).toBeVisible();
    await expect(band).toContainText(`${enNumber(2138)} – ${enNumber(18173)} kWh`);
    await expect(band).toContainText(sp.derived.customerCategory.household);

    await expect(cardField(page, sp.fields.annualConsumption).first()).toHaveText(
      `${enNumber(consumption)} kWh`,
    );
    await expect(cardField(page, sp.fields.street).first()).toHaveText('Karadžičova 8');
    await expect(cardField(page, sp.fields.city).first()).toHaveText('821 08 Bratislava');
    const country = cardField(page, sp.fields.addressCountry).first();
    await expect(country).toContainText('Slovakia');
    await expect(country.getByText(sp.address.verified, { exact: true })).toBeVisible();
    await expect(page.getByText(sp.address.unverified, { exact: true })).toHaveCount(0);
  });
});

test('Ctrl+K finds a supply point by its whole identifier typed with spaces, and Enter opens its card', async ({
  page,
  request,
}) => {
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'company', `E2E Hľadanie ${uniqueSuffix()} s.r.o.`);
  const point = await seedSupplyPoint(request, {
    clientId: client.id,
    commodity: 'electricity',
    identifier: skElectricityEic(runRandom, 'ZS'),
  });

  await signIn(page, users.salesWest.email);
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: en.shell.search.label });
  await expect(search).toBeFocused();
  await search.fill(spacedIdentifier(point.identifier));

  const hits = page.getByRole('option');
  await expect(hits.filter({ hasText: point.identifier })).toHaveCount(1);
  await expect(hits.first()).toContainText(point.identifier);
  await expect(hits.first()).toContainText(client.name);
  await page.keyboard.press('Enter');

  expect(await expectCardOf(page, point.identifier)).toBe(point.id);
  // The holder, in the header and in the holder section.
  await expect(page.getByRole('link', { name: client.name }).first()).toBeVisible();
});

test('a sales user of another team cannot open the supply point', async ({ page, request }) => {
  await apiSignIn(request, users.salesWest.email);
  const client = await seedClient(request, 'company', `E2E Západ ${uniqueSuffix()} s.r.o.`);
  const point = await seedSupplyPoint(request, {
    clientId: client.id,
    commodity: 'gas',
    identifier: skGasPod(runRandom),
  });

  await signIn(page, users.salesEast.email);
  await page.goto(`/supply-points/${point.id}`);
  await expect(page.getByRole('heading', { name: en.common.notFound.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: point.identifier })).toHaveCount(0);
  await expect(page.getByText(client.name)).toHaveCount(0);
  expect((await page.request.get(`/api/v1/supply-points/${point.id}`)).status()).toBe(404);
});

test.describe('supply-point import', () => {
  test('a sales user imports an XLSX file and finds the new supply points in the list', async ({
    page,
    request,
  }) => {
    const suffix = uniqueSuffix();
    await apiSignIn(request, users.salesWest.email);
    const client = await seedClient(request, 'company', `E2E Import ${suffix} s.r.o.`);
    const ico = client.companyId!;
    const west = skElectricityEic(runRandom, 'ZS');
    const east = skElectricityEic(runRandom, 'VS');
    const gas = skGasPod(runRandom);
    const fileName = `odberne-miesta-${suffix}.xlsx`;
    const file = await xlsxFile(fileName, [
      [ico, 'elektrina', west, 'Obchodná 2', 'Bratislava', '811 06', '4200', 'kWh'],
      [ico, 'elektrina', east, 'Hlavná 68', 'Košice', '040 01', '12,5', 'MWh'],
      // 30 MWh = 30,000 kWh: band M3 of the business gas bands.
      [ico, 'plyn', gas, 'Mlynské nivy 44', 'Bratislava', '821 09', '30', 'MWh'],
    ]);

    await signIn(page, users.salesWest.email);
    await test.step('upload the file and keep the suggested mapping', async () => {
      await uploadImportFile(page, file);
      await checkWithSuggestedMapping(page, fileName, 3);
    });

    await test.step('the check passes and the import runs to the end', async () => {
      await expect(page.getByText(sp.import.check.cleanTitle, { exact: true })).toBeVisible();
      await expect(
        page.getByText(
          plural({ one: sp.import.check.cleanText_one, other: sp.import.check.cleanText_other }, 3),
        ),
      ).toBeVisible();
      await expect(page.getByRole('table', { name: sp.import.check.tableLabel })).toHaveCount(0);
      await page
        .getByRole('button', {
          name: plural({ one: sp.import.check.commit_one, other: sp.import.check.commit_other }, 3),
        })
        .click();

      // The job runner picks the import up within a few seconds; the wizard polls its progress.
      await expect(page.getByText(sp.import.run.doneTitle, { exact: true })).toBeVisible({ timeout: 45_000 });
      await expect(
        page.getByText(
          plural({ one: sp.import.run.doneText_one, other: sp.import.run.doneText_other }, 3, { fileName }),
        ),
      ).toBeVisible();
      await expect(page.getByRole('progressbar', { name: sp.import.run.progressLabel })).toHaveAttribute(
        'aria-valuenow',
        '100',
      );
    });

    const table = page.getByRole('table', { name: sp.list.tableLabel, exact: true });
    const dataRows = table.getByRole('row').filter({ has: page.getByRole('link') });
    await test.step('the list filtered by the import shows exactly them', async () => {
      await page.getByRole('link', { name: sp.import.run.showList }).click();
      await expect(page).toHaveURL(/\/supply-points\?importId=[0-9a-f-]{36}$/);
      await expect(page.getByText(sp.list.importFilter, { exact: true })).toBeVisible();
      await expect(dataRows).toHaveCount(3);
      for (const identifier of [west, east, gas])
        await expect(table.getByRole('link', { name: identifier })).toBeVisible();
      await page.getByRole('button', { name: sp.list.importFilterRemove }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('importId')).toBeNull();
    });

    await test.step('the list search by the client finds exactly them, with their territories', async () => {
      await page.getByRole('searchbox', { name: sp.list.search, exact: true }).fill(client.name);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(client.name);
      await expect(dataRows).toHaveCount(3);
      await expect(dataRows.filter({ hasText: west })).toContainText(territories.zsd);
      await expect(dataRows.filter({ hasText: east })).toContainText(territories.vsd);
      await expect(dataRows.filter({ hasText: east })).toContainText('Košice');
      await expect(dataRows.filter({ hasText: gas })).toContainText(territories.sppd);
    });

    await test.step('the imported gas supply point of a company gets a business band', async () => {
      await table.getByRole('link', { name: gas }).click();
      await expectCardOf(page, gas);
      await expect(cardField(page, sp.fields.territory).first()).toHaveText(territories.sppd);
      const band = cardField(page, sp.derived.band).first();
      await expect(band.getByText('M3', { exact: true })).toBeVisible();
      await expect(band).toContainText(`${enNumber(18173)} – ${enNumber(42760)} kWh`);
      await expect(band).toContainText(sp.derived.customerCategory.business);
      await expect(cardField(page, sp.fields.annualConsumption).first()).toHaveText('30 MWh');
      await expect(cardField(page, sp.fields.annualConsumptionKWh).first()).toHaveText(
        `${enNumber(30000)} kWh`,
      );
    });
  });

  test('a file with a bad row shows the error by row and field and cannot be imported', async ({
    page,
    request,
  }) => {
    const suffix = uniqueSuffix();
    await apiSignIn(request, users.salesWest.email);
    const client = await seedClient(request, 'company', `E2E Chyba ${suffix} s.r.o.`);
    const ico = client.companyId!;
    const good = skElectricityEic(runRandom, 'ZS');
    const valid = skElectricityEic(runRandom, 'SS');
    // The same code with another check character: a typo the checksum catches.
    const typo = `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`;
    const fileName = `chyba-${suffix}.xlsx`;
    const file = await xlsxFile(fileName, [
      [ico, 'elektrina', good, 'Obchodná 2', 'Bratislava', '811 06', '3100', 'kWh'],
      [ico, 'elektrina', typo, 'Štúrova 1', 'Košice', '040 01', '2900', 'kWh'],
    ]);

    await signIn(page, users.salesWest.email);
    const importId = await uploadImportFile(page, file);
    await checkWithSuggestedMapping(page, fileName, 2);

    await expect(
      page.getByText(
        plural({ one: sp.import.check.invalidTitle_one, other: sp.import.check.invalidTitle_other }, 1),
      ),
    ).toBeVisible();
    const errors = page.getByRole('table', { name: sp.import.check.tableLabel, exact: true });
    const errorRows = errors.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(errorRows).toHaveCount(1);
    const cells = errorRows.first().getByRole('cell');
    // Row 3 of the sheet: the header is row 1, the good row is row 2.
    await expect(cells.nth(0)).toHaveText('3');
    await expect(cells.nth(1)).toHaveText(sp.import.fields.identifier);
    await expect(cells.nth(3)).toHaveText(en.validation.checksum);

    // No way to import: the button is not offered, and the API refuses too.
    const commitForms = { one: sp.import.check.commit_one, other: sp.import.check.commit_other };
    for (const count of [1, 2]) {
      await expect(page.getByRole('button', { name: plural(commitForms, count) })).toHaveCount(0);
    }
    const commit = await page.request.post(`/api/v1/supply-point-imports/${importId}/commit`, {
      headers: apiWriteHeaders,
    });
    expect(commit.status()).toBe(409);
    const listed = await page.request.get('/api/v1/supply-points', { params: { q: good } });
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
