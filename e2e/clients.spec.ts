import { expect, test } from '@playwright/test';
import {
  clientListSearch,
  clientTable,
  en,
  escapeRegExp,
  randomSkIco,
  searchClientList,
  signIn,
  uniqueSuffix,
  users,
} from './support.js';

type CreatedClient = { id: string; name: string; companyId: string; contactName: string };

// The second test checks the record the first one made, so they run in order and share it. The first one
// walks through five screens, so it gets more than the default minute on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('client lifecycle and team scope', () => {
  const suffix = uniqueSuffix();
  const name = `E2E Teplo ${suffix} s.r.o.`;
  const companyId = randomSkIco();
  const emailBefore = `info-${suffix.toLowerCase()}@teplo-e2e.sk`;
  const emailAfter = `obchod-${suffix.toLowerCase()}@teplo-e2e.sk`;
  const contact = {
    firstName: 'Jana',
    lastName: `Nováková ${suffix}`,
    email: `jana-${suffix.toLowerCase()}@teplo-e2e.sk`,
  };
  let created: CreatedClient | undefined;

  test('a sales user creates a client with a contact, finds it, edits it and sees the change in its history', async ({
    page,
  }) => {
    await signIn(page, users.salesWest.email);

    await test.step('create the client', async () => {
      await page.getByRole('button', { name: en.clients.list.create }).click();
      const drawer = page.getByRole('dialog', { name: en.clients.form.createTitle });
      await expect(drawer).toBeVisible();
      await drawer.getByRole('textbox', { name: en.clients.fields.name, exact: true }).fill(name);
      // A new client starts as a company in the owner's country (Slovakia), so the IČO is checked as Slovak.
      await expect(drawer.getByRole('radio', { name: en.clients.kind.company })).toBeChecked();
      await drawer.getByRole('textbox', { name: en.clients.fields.companyId, exact: true }).fill(companyId);
      await drawer.getByRole('textbox', { name: en.clients.fields.email, exact: true }).fill(emailBefore);
      await drawer.getByRole('textbox', { name: en.clients.fields.city, exact: true }).fill('Nitra');
      await drawer.getByRole('button', { name: en.clients.form.create }).click();

      await expect(drawer).toBeHidden();
      await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
      await expect(page.getByText(`${en.clients.kind.company} · ${companyId} · Nitra`)).toBeVisible();
      created = {
        id: new URL(page.url()).pathname.split('/').pop()!,
        name,
        companyId,
        contactName: `${contact.firstName} ${contact.lastName}`,
      };
    });

    await test.step('add a contact person', async () => {
      await page.getByRole('tab', { name: en.clients.tabs.contacts }).click();
      await expect(page.getByText(en.contacts.empty)).toBeVisible();
      await page.getByRole('button', { name: en.contacts.add }).click();
      const dialog = page.getByRole('dialog', { name: en.contacts.form.createTitle });
      await dialog
        .getByRole('textbox', { name: en.contacts.fields.firstName, exact: true })
        .fill(contact.firstName);
      await dialog
        .getByRole('textbox', { name: en.contacts.fields.lastName, exact: true })
        .fill(contact.lastName);
      await dialog.getByRole('textbox', { name: en.contacts.fields.email, exact: true }).fill(contact.email);
      await dialog.getByRole('checkbox', { name: en.contacts.fields.isPrimary }).check();
      await dialog.getByRole('button', { name: en.contacts.form.create }).click();

      await expect(dialog).toBeHidden();
      const contacts = page.getByRole('table', { name: en.contacts.title, exact: true });
      const row = contacts.getByRole('row').filter({ hasText: created!.contactName });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(contact.email);
      await expect(row).toContainText(en.contacts.primaryBadge);
    });

    await test.step('find it with the list search', async () => {
      await page
        .getByRole('navigation', { name: en.shell.nav.label })
        .getByRole('link', { name: en.shell.nav.clients })
        .click();
      await expect(page).toHaveURL(/\/clients$/);
      await searchClientList(page, name);
      const rows = clientTable(page)
        .getByRole('row')
        .filter({ has: page.getByRole('link') });
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(companyId);
      await expect(rows.first()).toContainText('Nitra');

      // The search also matches the company ID, and a search for something else leaves it out.
      await searchClientList(page, companyId);
      await expect(clientTable(page).getByRole('link', { name })).toBeVisible();
      await searchClientList(page, `nothing-like-${suffix}`);
      await expect(page.getByText(en.clients.list.emptyFiltered)).toBeVisible();

      await searchClientList(page, name);
      await clientTable(page).getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`/clients/${created!.id}$`));
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    });

    await test.step('edit its e-mail', async () => {
      await page.getByRole('button', { name: en.common.edit, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: en.clients.form.editTitle });
      const email = drawer.getByRole('textbox', { name: en.clients.fields.email, exact: true });
      await expect(email).toHaveValue(emailBefore);
      await email.fill(emailAfter);
      await drawer.getByRole('button', { name: en.common.save, exact: true }).click();
      await expect(drawer).toBeHidden();
      await expect(page.getByRole('link', { name: emailAfter })).toBeVisible();
      await expect(page.getByRole('link', { name: emailBefore })).toHaveCount(0);
    });

    await test.step('see the change in the History tab', async () => {
      await page.getByRole('tab', { name: en.clients.tabs.history }).click();
      const history = page.getByRole('table', { name: en.clients.history.tableLabel, exact: true });
      const emailRows = history
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: en.clients.fields.email, exact: true }) });
      await expect(emailRows).toHaveCount(1);
      const cells = emailRows.getByRole('cell');
      await expect(cells.nth(1)).toHaveText(users.salesWest.name);
      // Before, then after, in that order.
      await expect(cells.nth(3)).toHaveText(
        new RegExp(`^\\s*${escapeRegExp(emailBefore)}\\s*${escapeRegExp(emailAfter)}\\s*$`),
      );
      // Creating the client and adding the contact are recorded too.
      await expect(
        history.getByRole('cell', { name: en.clients.history.actions.create, exact: true }),
      ).toHaveCount(1);
      const contactAdded = history.getByRole('row').filter({ hasText: en.contacts.history.actions.create });
      await expect(contactAdded).toHaveCount(1);
      await expect(contactAdded).toContainText(created!.contactName);
    });

    await test.step('the API serves it to its owner team', async () => {
      const response = await page.request.get(`/api/v1/clients/${created!.id}`);
      expect(response.status()).toBe(200);
      expect((await response.json()) as { email: string }).toMatchObject({
        name,
        companyId,
        email: emailAfter,
      });
    });
  });

  test('a sales user of another team can neither open nor find it', async ({ page }) => {
    expect(created, 'the client of the previous test').toBeDefined();
    const client = created!;
    await signIn(page, users.salesEast.email);

    await test.step('opening its address shows not found', async () => {
      await page.goto(`/clients/${client.id}`);
      await expect(page.getByRole('heading', { name: en.common.notFound.title })).toBeVisible();
      await expect(page.getByRole('heading', { name: client.name })).toHaveCount(0);
      await expect(page.getByText(client.companyId)).toHaveCount(0);
      await expect(page.getByRole('tab', { name: en.clients.tabs.history })).toHaveCount(0);
    });

    await test.step('the list search does not find it', async () => {
      await page
        .getByRole('navigation', { name: en.shell.nav.label })
        .getByRole('link', { name: en.shell.nav.clients })
        .click();
      await expect(page).toHaveURL(/\/clients$/);
      // Their own team's clients are listed, so the empty result below comes from the search.
      await expect(clientTable(page).getByRole('link').first()).toBeVisible();
      await searchClientList(page, client.name);
      await expect(page.getByText(en.clients.list.emptyFiltered)).toBeVisible();
      await expect(clientTable(page)).toHaveCount(0);
      await searchClientList(page, client.companyId);
      await expect(page.getByText(en.clients.list.emptyFiltered)).toBeVisible();
      await expect(clientListSearch(page)).toHaveValue(client.companyId);
    });

    await test.step('the API answers 404 for it, its history and its contacts', async () => {
      for (const path of [
        `/clients/${client.id}`,
        `/clients/${client.id}/history`,
        `/clients/${client.id}/contacts`,
      ]) {
        const response = await page.request.get(`/api/v1${path}`);
        expect(response.status(), path).toBe(404);
      }
      const list = await page.request.get('/api/v1/clients', { params: { q: client.name } });
      expect(list.status()).toBe(200);
      expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
    });
  });
});
