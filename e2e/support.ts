import { expect, type Locator, type Page } from '@playwright/test';
import { checkSkIco } from '../domain/identifiers/index.js';
import enJson from '../web/i18n/en.json' with { type: 'json' };
import skJson from '../web/i18n/sk.json' with { type: 'json' };

/** The UI's own strings: a renamed label changes here and in the app together, a missing one fails. */
export const en = enJson;
export const sk = skJson;

/** Demo sign-ins (DESIGN.md): sales@ and sales2@ are sales users with team scope in two different teams. */
export const demoPassword = 'kilowatt-demo';
export const users = {
  /** Simona Predajná, team "Predaj Západ", profile language Slovak. */
  salesWest: { email: 'sales@demo.kilowatt', name: 'Simona Predajná' },
  /** Samuel Východný, team "Predaj Východ", profile language Slovak. */
  salesEast: { email: 'sales2@demo.kilowatt', name: 'Samuel Východný' },
} as const;

/** A short token that makes names unique per run, so a rerun against the same data still finds its own rows. */
export const uniqueSuffix = (): string =>
  `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`.toUpperCase();

/**
 * A random 8-digit Slovak IČO that the project's own validator accepts without a checksum warning. Random
 * (not one of the seeded demo numbers), so it does not collide with demo data or an earlier run.
 */
export const randomSkIco = (): string => {
  for (;;) {
    const base = `${1 + Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    for (let check = 0; check <= 9; check++) {
      const candidate = `${base}${check}`;
      const result = checkSkIco(candidate);
      if (result.ok && !result.warning) return candidate;
    }
  }
};

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Picks the UI language with the switch on the sign-in page; the choice then wins over the profile language. */
export const chooseLoginLanguage = async (page: Page, label: string): Promise<void> => {
  const switcher = page.getByRole('group', { name: /^(Language|Jazyk)$/ });
  const button = switcher.getByRole('button', { name: label, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
};

/**
 * Signs in through the form, in English: the demo sales users have Slovak as profile language, so the
 * English choice is made on the sign-in page first (remembered in this browser context).
 */
export const signIn = async (page: Page, email: string): Promise<void> => {
  await page.goto('/login');
  await chooseLoginLanguage(page, en.common.languages.en);
  await page.getByRole('textbox', { name: en.auth.login.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: en.auth.login.password, exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: en.auth.login.submit }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('heading', { level: 2, name: en.clients.title })).toBeVisible();
};

/** The client list's own search box (not the global search in the header). */
export const clientListSearch = (page: Page): Locator =>
  page.getByRole('searchbox', { name: en.clients.list.search, exact: true });

export const clientTable = (page: Page): Locator =>
  page.getByRole('table', { name: en.clients.list.tableLabel, exact: true });

/** Types into the list search and waits until the address carries the (debounced) query. */
export const searchClientList = async (page: Page, text: string): Promise<void> => {
  await clientListSearch(page).fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(text);
};
