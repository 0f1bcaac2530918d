import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { en, escapeRegExp, randomSkIco, signIn, sk, uniqueSuffix, users } from './support.js';

/**
 * The sales pipeline of issue 5 in one flow, as the demo sales user: import leads with a duplicate, convert one,
 * move its case through a gated stage (blocked, then passing), let a field task close itself, and find the
 * meeting planned from the case in the calendar.
 */

/** The demo lead "Teplárne Senec" of sales@ (server/demo/sales-demo.ts) carries this e-mail. */
const demoLeadEmail = 'obchod0@teplrnesenec.sk';
/** The demo's municipal process: "Rokovanie" requires the expected close date and asks for the security by task. */
const municipalProcess = 'Obecný podnik / Municipal utility';
const gatedStage = 'Rokovanie';
const securityTask = 'Dohodnúť zábezpeku';

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** A day key (YYYY-MM-DD) `days` from today in the browser's (= this machine's) time zone. */
const dayKeyIn = (days: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const chooseOption = async (page: Page, label: string, option: string): Promise<void> => {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const stageButton = (page: Page, name: string) =>
  page.getByRole('list', { name: en.cases.stage.label }).getByRole('button', { name, exact: true });

const editCase = async (page: Page, change: (drawer: Locator) => Promise<void>): Promise<void> => {
  await page.getByRole('button', { name: en.common.edit, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: en.cases.form.editTitle });
  await expect(drawer).toBeVisible();
  await change(drawer);
  await drawer.getByRole('button', { name: en.common.save, exact: true }).click();
  await expect(drawer).toBeHidden();
};

test('sales pipeline: import with a duplicate, convert, gated stage, self-closing task, meeting in the calendar', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const suffix = uniqueSuffix();
  const kept = [`Teplo Alfa ${suffix}`, `Teplo Beta ${suffix}`] as const;
  const duplicate = `Teplo Duplikát ${suffix}`;
  const csv = [
    // A company client needs its company ID, so the lead to convert carries one.
    'Name,Company ID,Country,E-mail,City',
    `${kept[0]},${randomSkIco()},SK,alfa-${suffix.toLowerCase()}@example.sk,Trnava`,
    `${kept[1]},${randomSkIco()},SK,beta-${suffix.toLowerCase()}@example.sk,Nitra`,
    `${duplicate},,SK,${demoLeadEmail},Senec`,
  ].join('\n');
  const file = path.join(os.tmpdir(), `kilowatt-leads-${suffix}.csv`);
  writeFileSync(file, `${csv}\n`, 'utf8');

  await signIn(page, users.salesWest.email);

  // 1. Import: upload, mapping, preview with the duplicate side by side, skip it, commit.
  await page.goto('/leads/import');
  await expect(page.getByRole('heading', { name: en.leads.import.title })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: en.leads.import.file.upload }).click();

  await page.getByRole('combobox', { name: en.leads.import.mapping.source }).fill(`E2E ${suffix}`);
  await page.getByRole('button', { name: fill(en.leads.import.mapping.check_other, { count: '3' }) }).click();

  const comparison = page.getByRole('table', { name: fill(en.leads.import.preview.compareLabel, { row: '4' }) });
  await expect(comparison).toBeVisible();
  await expect(comparison).toContainText(duplicate);
  await expect(comparison).toContainText('Teplárne Senec');
  await expect(comparison.getByRole('row', { name: new RegExp(`^${escapeRegExp(en.leads.fields.email)}`) })).toContainText(
    [demoLeadEmail, demoLeadEmail].join(''),
  );
  await page.getByRole('radio', { name: en.leads.import.preview.decision.skip, exact: true }).check();
  await expect(page.getByText(fill(en.leads.import.preview.ready_other, { count: '3' }))).toBeVisible();
  await page.getByRole('button', { name: fill(en.leads.import.preview.commit_other, { count: '3' }) }).click();

  await expect(page.getByText(en.leads.import.run.doneTitle)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(fill(en.leads.import.run.created_other, { count: '2' }))).toBeVisible();
  await expect(page.getByText(fill(en.leads.import.run.skipped_one, { count: '1' }))).toBeVisible();
  await page.getByRole('link', { name: en.leads.import.run.showList }).click();
  const leads = page.getByRole('table', { name: en.leads.list.tableLabel });
  for (const name of kept) await expect(leads.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(leads.getByText(duplicate)).toHaveCount(0);

  // 2. Convert the first imported lead into a new client with a business case; the case opens.
  await leads.getByRole('link', { name: kept[0], exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: kept[0] })).toBeVisible();
  await page.getByRole('button', { name: en.leads.convert.action, exact: true }).click();
  const convert = page.getByRole('dialog', { name: en.leads.convert.title });
  await expect(convert.getByRole('radio', { name: fill(en.leads.convert.newClient, { name: kept[0] }) })).toBeChecked();
  await convert.getByRole('button', { name: en.leads.convert.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]+$/);
  const caseName = kept[0];
  await expect(page.getByRole('heading', { level: 2, name: caseName })).toBeVisible();

  // 3. Follow the municipal process and try its gated stage: refused with the missing field named.
  await chooseOption(page, en.cases.stage.chooseProcess, municipalProcess);
  await stageButton(page, gatedStage).click();
  const refusal = page.getByRole('alert').filter({ hasText: en.cases.stage.blocked });
  await expect(refusal).toContainText(fill(en.cases.stage.needs, { fields: en.processes.gateFields.expectedCloseDate }));
  await expect(stageButton(page, gatedStage)).not.toHaveAttribute('aria-current', 'step');

  await editCase(page, (drawer) =>
    drawer.getByRole('textbox', { name: en.cases.fields.expectedCloseDate, exact: true }).fill(dayKeyIn(60)),
  );
  await stageButton(page, gatedStage).click();
  await expect(page.getByText(fill(en.cases.stage.moved, { stage: gatedStage }))).toBeVisible();
  await expect(stageButton(page, gatedStage)).toHaveAttribute('aria-current', 'step');

  await page.getByRole('tab', { name: en.cases.tabs.history }).click();
  const stageChanges = page.getByRole('table', { name: en.cases.history.stages });
  await expect(stageChanges.getByRole('row').filter({ hasText: gatedStage })).toHaveCount(1);

  // The board shows the case in the stage it entered.
  await page.goto('/sales-board');
  await chooseOption(page, en.cases.fields.process, municipalProcess);
  const column = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(gatedStage)}, `) });
  await expect(column.getByRole('button', { name: fill(en.cases.board.dragHandle, { name: caseName }) })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: caseName })).toBeVisible();

  // 4. The stage asked for the security by a task: filling the field closes the task by itself.
  await page.getByRole('tab', { name: en.cases.tabs.activities }).click();
  const taskLink = page.getByRole('link', { name: securityTask, exact: true });
  await expect(taskLink).toBeVisible();
  await editCase(page, () => chooseOption(page, en.cases.fields.securityKind, en.cases.securityKind.deposit));
  await expect(taskLink).toBeHidden();
  await page.getByRole('switch', { name: en.activities.timeline.showClosed }).check();
  const taskRow = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('link', { name: securityTask, exact: true }) }).last();
  await expect(taskRow.getByText(en.activities.status.done, { exact: true })).toBeVisible();

  // 5. A meeting from the one-click actions, the day after tomorrow at 10:00, shows in that day of the calendar.
  const meetingDay = dayKeyIn(2);
  await page
    .getByRole('group', { name: en.cases.actions.label })
    .getByRole('button', { name: en.cases.actions.buttons.meeting, exact: true })
    .click();
  const meetingForm = page.getByRole('dialog', { name: en.cases.actions.titles.meeting });
  await meetingForm.getByRole('textbox', { name: en.cases.actions.startAt }).fill(`${meetingDay}T10:00`);
  await meetingForm.getByRole('textbox', { name: en.cases.actions.endAt }).fill(`${meetingDay}T11:00`);
  await meetingForm.getByRole('button', { name: en.cases.actions.submit.meeting }).click();
  await expect(meetingForm).toBeHidden();
  // The subject is stored in the user's profile language (Slovak for the demo sales users).
  const meetingTitle = fill(sk.cases.actions.subjects.meeting, { name: caseName });
  await expect(page.getByRole('link', { name: meetingTitle, exact: true })).toBeVisible();

  await page.goto(`/calendar?view=day&day=${meetingDay}`);
  await expect(page.getByTitle(meetingTitle, { exact: true })).toBeVisible();
  await page.goto(`/calendar?view=week&day=${meetingDay}`);
  await expect(page.getByTitle(meetingTitle, { exact: true })).toBeVisible();
  await page.goto(`/calendar?view=day&day=${dayKeyIn(1)}`);
  await expect(page.getByRole('heading', { name: en.calendar.title })).toBeVisible();
  await expect(page.getByTitle(meetingTitle, { exact: true })).toHaveCount(0);
});
