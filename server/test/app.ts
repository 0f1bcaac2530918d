import { afterAll } from 'vitest';
import { buildApp, type App } from '../http/app.js';
import type { Database } from '../db/client.js';
import type { Geocoder } from '../integrations/mapy/client.js';
import type { MapyTileSettings } from '../integrations/mapy/tiles.js';
import type { SigningSetup } from '../modules/signature-requests/signature-requests.service.js';
import { demoPassword } from '../demo/demo-data.js';
import { seededRandom, validIco } from '../demo/generator.js';
import { openTestDatabase } from './database.js';

type Json = Record<string, unknown> | unknown[];

export type Caller = {
  get: (url: string) => Promise<Response>;
  post: (url: string, body?: Json) => Promise<Response>;
  patch: (url: string, body: Json) => Promise<Response>;
  delete: (url: string) => Promise<Response>;
  cookie: string;
};

export type Response = { status: number; body: any; headers: Record<string, unknown>; raw: Buffer };

/** Builds the app on a private database; `as(email)` signs in a demo user and sends requests as them. */
export const createTestApp = async (options: { geocoder?: Geocoder; mapTiles?: MapyTileSettings; signing?: SigningSetup } = {}) => {
  const database = await openTestDatabase();
  const app: App = await buildApp({ db: database.db, sessionHours: 1, secureCookies: false, geocoder: options.geocoder, mapTiles: options.mapTiles, signing: options.signing });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const send = async (method: string, url: string, cookie: string | null, body?: Json, headers: Record<string, string> = {}): Promise<Response> => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'x-requested-with': 'kilowatt' }), ...headers },
      ...(body !== undefined ? { payload: body } : {}),
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, body: isJson ? response.json() : response.body, headers: response.headers, raw: response.rawPayload };
  };

  const sessions = new Map<string, string>();
  const as = async (email: string): Promise<Caller> => {
    let cookie = sessions.get(email);
    if (!cookie) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: demoPassword } });
      if (login.statusCode !== 200) throw new Error(`login of ${email} failed: ${login.body}`);
      const setCookie = login.cookies.find((c) => c.name === 'kw_session');
      cookie = `kw_session=${setCookie!.value}`;
      sessions.set(email, cookie);
    }
    const c = cookie;
    return {
      cookie: c,
      get: (url) => send('GET', url, c),
      post: (url, body) => send('POST', url, c, body ?? {}),
      patch: (url, body) => send('PATCH', url, c, body),
      delete: (url) => send('DELETE', url, c),
    };
  };

  return { app, db: database.db as Database, database, as, send };
};

let serial = 0;
const random = seededRandom(Date.now() % 1_000_000_007);
/** A valid company client body; identifiers differ per call so tests never collide on a duplicate IČO. */
export const companyBody = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    kind: 'company',
    name: `Teplárne Test ${serial} a.s.`,
    country: 'SK',
    companyId: validIco(random),
    relationshipType: 'customer',
    email: `info${serial}@teplarne.sk`,
    phone: '+421905123456',
    address: { street: 'Hlavná 1', city: 'Nitra', postalCode: '949 01', country: 'SK' },
    ...overrides,
  };
};
