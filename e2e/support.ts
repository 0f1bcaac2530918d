import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { checkSkIco } from '../domain/identifiers/index.js';
/** The UI's own strings: a renamed label changes here and in the app together, a missing one fails. */
import { en, sk } from '../web/i18n/catalogues.js';

export { en, sk };

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

// ------------------------------------------------------------------------------------ seeding through the API

/** Cookie sessions must send this header on every state-changing request (the server's CSRF guard). */
export const apiWriteHeaders = { 'X-Requested-With': 'kilowatt' };

/**
 * Signs a request context in through the API, for seeding data where the flow under test does not need the
 * UI. Use the `request` fixture (its own cookie jar), so the browser page still signs in through the form.
 */
export const apiSignIn = async (request: APIRequestContext, email: string): Promise<void> => {
  const response = await request.post('/api/v1/auth/login', {
    data: { email, password: demoPassword },
    headers: apiWriteHeaders,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
};

/** POSTs JSON as the signed-in user and returns the body; anything but 201 fails the test with the answer. */
export const apiCreate = async <T>(request: APIRequestContext, path: string, data: object): Promise<T> => {
  const response = await request.post(`/api/v1${path}`, { data, headers: apiWriteHeaders });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
  return (await response.json()) as T;
};

export type SeededClient = { id: string; name: string; kind: 'company' | 'person'; companyId: string | null };

/** A Slovak client of the signed-in sales user's team: a company with a random IČO, or a household. */
export const seedClient = (
  request: APIRequestContext,
  kind: 'company' | 'person',
  name: string,
): Promise<SeededClient> =>
  apiCreate<SeededClient>(request, '/clients', {
    kind,
    name,
    country: 'SK',
    ...(kind === 'company' ? { companyId: randomSkIco() } : {}),
    address: { street: 'Obchodná 2', city: 'Bratislava', postalCode: '811 06', country: 'SK' },
  });

export type SeededSupplyPoint = { id: string; identifier: string; clientId: string };

export const seedSupplyPoint = (
  request: APIRequestContext,
  data: {
    clientId: string;
    commodity: 'electricity' | 'gas';
    identifier: string;
    annualConsumption?: string;
    distributionRate?: string;
  },
): Promise<SeededSupplyPoint> =>
  apiCreate<SeededSupplyPoint>(request, '/supply-points', { consumptionUnit: 'kWh', ...data });

// ------------------------------------------------------------------------------------ supply points

/** A Math.random stream for the demo generators, so identifiers differ on every run. */
export const runRandom = (): number => Math.random();

/** An identifier as people write it on paper: groups of four characters separated by spaces. */
export const spacedIdentifier = (identifier: string): string => identifier.replace(/(.{4})(?=.)/g, '$1 ');

/** A number as the English UI prints it (en-GB): "18,173". */
export const enNumber = (value: number): string => new Intl.NumberFormat('en-GB').format(value);

/**
 * The value of one labelled field of a card (`<dt>` label, `<dd>` value, see web/…/Fields.tsx); the label
 * must be unique on the page, the hint under a value is the field's second `<dd>`.
 */
export const cardField = (scope: Page | Locator, label: string): Locator =>
  scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
    .locator('xpath=..')
    .getByRole('definition');

/** The main navigation's link to a section, e.g. `en.shell.nav.supplyPoints`. */
export const navLink = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: en.shell.nav.label }).getByRole('link', { name });
