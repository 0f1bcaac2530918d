import { expect, test } from '@playwright/test';
import { chooseLoginLanguage, demoPassword, en, signIn, sk, users } from './support.js';

test('a wrong password shows a clear error and keeps the user on the sign-in page', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: en.auth.login.email, exact: true }).fill('manager@demo.kilowatt');
  await page
    .getByRole('textbox', { name: en.auth.login.password, exact: true })
    .fill(`${demoPassword}-wrong`);
  await page.getByRole('button', { name: en.auth.login.submit }).click();

  await expect(page.getByRole('alert')).toHaveText(en.errors.auth.invalid_credentials);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: en.auth.login.title })).toBeVisible();
  // Not signed in: the API still refuses.
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
});

test('the language switch changes the UI language between English and Slovak', async ({ page }) => {
  await test.step('on the sign-in page', async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: en.auth.login.title })).toBeVisible();

    await chooseLoginLanguage(page, sk.common.languages.sk);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sk');
    await expect(page.getByRole('heading', { name: sk.auth.login.title })).toBeVisible();
    await expect(page.getByRole('button', { name: sk.auth.login.submit })).toBeVisible();
    await expect(page.getByRole('textbox', { name: sk.auth.login.password, exact: true })).toBeVisible();

    await chooseLoginLanguage(page, en.common.languages.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: en.auth.login.title })).toBeVisible();
    await expect(page.getByRole('button', { name: sk.auth.login.submit })).toHaveCount(0);
  });

  await test.step('in the account menu once signed in', async () => {
    await signIn(page, users.salesWest.email);
    const nav = page.getByRole('navigation', { name: en.shell.nav.label });
    await expect(nav.getByRole('link', { name: en.shell.nav.clients })).toBeVisible();

    await page
      .getByRole('button', { name: en.shell.userMenu.label.replace('{{name}}', users.salesWest.name) })
      .click();
    await page.getByRole('menuitem', { name: sk.common.languages.sk }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sk');
    await expect(page.getByRole('heading', { level: 2, name: sk.clients.title })).toBeVisible();
    const skNav = page.getByRole('navigation', { name: sk.shell.nav.label });
    await expect(skNav.getByRole('link', { name: sk.shell.nav.clients })).toBeVisible();
    await expect(page.getByRole('button', { name: sk.clients.list.create })).toBeVisible();

    // The choice is remembered across a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: sk.clients.title })).toBeVisible();

    await page
      .getByRole('button', { name: sk.shell.userMenu.label.replace('{{name}}', users.salesWest.name) })
      .click();
    await page.getByRole('menuitem', { name: en.common.languages.en }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: en.clients.title })).toBeVisible();
    await expect(page.getByRole('button', { name: en.clients.list.create })).toBeVisible();
  });
});
