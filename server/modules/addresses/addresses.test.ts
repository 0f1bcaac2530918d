import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMapyClient, GeocodingUnavailable, type AddressSuggestion, type Geocoder } from '../../integrations/mapy/client.js';
import { startFakeMapy } from '../../integrations/mapy/fake.js';
import { createTestApp } from '../../test/app.js';
import { suggestAddresses, verifyAddress } from './addresses.service.js';

const fake = await startFakeMapy();
afterAll(() => fake.close());
afterEach(() => fake.setMode('ok'));
const geocoder = createMapyClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 500 });

const { as, send } = await createTestApp({ geocoder });
const sales = await as('sales@demo.kilowatt');

describe('GET /api/v1/addresses/suggest', () => {
  it('suggests addresses from the geocoder, accent-insensitively, up to the limit', async () => {
    const res = await sales.get('/api/v1/addresses/suggest?q=banska%20bystrica%20dolna');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      available: true,
      items: [
        {
          label: 'Dolná 8, Banská Bystrica, Slovensko',
          street: 'Dolná',
          houseNumber: '8',
          city: 'Banská Bystrica',
          postalCode: '974 01',
          country: 'SK',
          lat: 48.7355,
          lon: 19.149,
          type: 'regional.address',
        },
      ],
    });
    const limited = await sales.get('/api/v1/addresses/suggest?q=Praha&limit=2');
    expect(limited.body.items).toHaveLength(2);
    expect(limited.body.items.every((i: AddressSuggestion) => i.city === 'Praha' && i.type === 'regional.address')).toBe(true);
  });

  it('answers 200 with available:false and no items when the geocoder is down or slow', async () => {
    fake.setMode('down');
    expect(await sales.get('/api/v1/addresses/suggest?q=Praha')).toMatchObject({ status: 200, body: { items: [], available: false } });

    fake.setMode('slow', 3000);
    const started = Date.now();
    expect(await sales.get('/api/v1/addresses/suggest?q=Praha')).toMatchObject({ status: 200, body: { items: [], available: false } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers available:false when the geocoder refuses the key', async () => {
    const revoked = createMapyClient({ apiKey: 'revoked', baseUrl: fake.url });
    expect(await suggestAddresses(revoked, 'Praha')).toEqual({ items: [], available: false });
    expect(await suggestAddresses(geocoder, 'Praha', { limit: 1 })).toMatchObject({ available: true, items: [{ city: 'Praha' }] });
  });

  it('answers available:false when no geocoder is configured', async () => {
    const { as: asWithout } = await createTestApp();
    const res = await (await asWithout('sales@demo.kilowatt')).get('/api/v1/addresses/suggest?q=Praha');
    expect(res).toMatchObject({ status: 200, body: { items: [], available: false } });
  });

  it('requires sign-in and a query', async () => {
    const anonymous = await send('GET', '/api/v1/addresses/suggest?q=Praha', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('auth.unauthenticated');
    const empty = await sales.get('/api/v1/addresses/suggest?q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toContainEqual(expect.objectContaining({ path: 'q' }));
  });
});

describe('GET /api/v1/addresses/map', () => {
  it('answers available:false without a Mapy.cz key, also when the demo runs against the local fake; is in the OpenAPI', async () => {
    expect(await sales.get('/api/v1/addresses/map')).toMatchObject({ status: 200, body: { available: false } });
    const { app, as: asWithout } = await createTestApp();
    const res = await (await asWithout('sales@demo.kilowatt')).get('/api/v1/addresses/map');
    expect(res).toEqual(expect.objectContaining({ status: 200, body: { available: false } }));

    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(spec.paths['/api/v1/addresses/map'].get.responses['200'])).toContain('tileUrlTemplate');
  });

  it('gives the Mapy.cz tile template with the key, and the attribution and logo the terms require', async () => {
    const { as: asWithKey, send: sendWithKey } = await createTestApp({ mapTiles: { apiKey: 'browser key/1+2', baseUrl: 'https://api.mapy.cz/' } });
    const res = await (await asWithKey('backoffice@demo.kilowatt')).get('/api/v1/addresses/map');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      available: true,
      tileUrlTemplate: 'https://api.mapy.cz/v1/maptiles/basic/256/{z}/{x}/{y}?apikey=browser%20key%2F1%2B2',
      tileSize: 256,
      minZoom: 0,
      maxZoom: 19,
      attribution: { text: '© Seznam.cz a.s. a další', url: 'https://api.mapy.cz/copyright' },
      logo: { imageUrl: 'https://api.mapy.cz/img/api/logo.svg', linkUrl: 'https://mapy.cz/', minHeightPx: 30 },
    });

    // The answer carries the key: nobody signed out gets it.
    const anonymous = await sendWithKey('GET', '/api/v1/addresses/map', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('auth.unauthenticated');
    expect(JSON.stringify(anonymous.body)).not.toContain('browser');
  });
});

describe('verifyAddress', () => {
  it('verifies a known address and returns it normalised with its position', async () => {
    const result = await verifyAddress(geocoder, { street: 'Marianske nam. 1', city: 'zilina', postalCode: '01001', country: 'SK' });
    expect(result).toEqual({
      status: 'verified',
      address: { street: 'Mariánske námestie 1', city: 'Žilina', postalCode: '010 01', country: 'SK' },
      lat: 49.22315,
      lon: 18.7394,
      label: 'Mariánske námestie 1, Žilina, Slovensko',
    });
  });

  it('matches a Czech orientation number and a city district written with the city', async () => {
    const result = await verifyAddress(geocoder, { street: 'Václavské náměstí 1', city: 'Praha 1', postalCode: '110 00', country: 'CZ' });
    expect(result).toMatchObject({ status: 'verified', address: { street: 'Václavské náměstí 846/1', city: 'Praha', postalCode: '110 00' } });
  });

  it('is unverified when nothing matches, or the match disagrees on number, postcode or country', async () => {
    expect(await verifyAddress(geocoder, { street: 'Neexistujúca 999', city: 'Trnava', country: 'SK' })).toEqual({ status: 'unverified', reason: 'not_found' });
    expect(await verifyAddress(geocoder, { street: 'Hlavná 1', city: 'Trnava', postalCode: '949 01', country: 'SK' })).toEqual({
      status: 'unverified',
      reason: 'not_found',
    });
    expect(await verifyAddress(geocoder, { street: 'Hlavná 1', city: 'Trnava', country: 'CZ' })).toEqual({ status: 'unverified', reason: 'not_found' });
  });

  it('does not trust a street-level or wrong-number candidate', async () => {
    const candidate = (over: Partial<AddressSuggestion>): AddressSuggestion => ({
      label: 'Hlavná, Trnava, Slovensko',
      street: 'Hlavná',
      houseNumber: '1',
      city: 'Trnava',
      postalCode: '917 01',
      country: 'SK',
      lat: 48.377,
      lon: 17.588,
      type: 'regional.address',
      ...over,
    });
    const stub = (items: AddressSuggestion[]): Geocoder => ({ suggest: async () => items, geocode: async () => items });
    const input = { street: 'Hlavná 1', city: 'Trnava', postalCode: '917 01', country: 'SK' };
    expect(await verifyAddress(stub([candidate({ type: 'regional.street', houseNumber: null })]), input)).toMatchObject({ status: 'unverified' });
    expect(await verifyAddress(stub([candidate({ houseNumber: '11' })]), input)).toMatchObject({ status: 'unverified' });
    expect(await verifyAddress(stub([candidate({ postalCode: '918 01' })]), input)).toMatchObject({ status: 'unverified' });
    expect(await verifyAddress(stub([candidate({ city: 'Trnovec' })]), input)).toMatchObject({ status: 'unverified' });
    expect(await verifyAddress(stub([candidate({ street: 'Hlavná trieda' }), candidate({})]), { ...input, street: 'Hlavná 1' })).toMatchObject({
      status: 'verified',
    });
    expect(await verifyAddress(stub([candidate({})]), { ...input, street: 'Hlavná' })).toEqual({ status: 'unverified', reason: 'not_found' });
  });

  it('is unverified, never an error, when the geocoder is down, refuses the key, is missing or the address is incomplete', async () => {
    const address = { street: 'Hlavná 1', city: 'Trnava', postalCode: '917 01', country: 'SK' };
    expect(await verifyAddress(geocoder, address)).toMatchObject({ status: 'verified' });
    fake.setMode('down');
    expect(await verifyAddress(geocoder, address)).toEqual({ status: 'unverified', reason: 'unavailable' });
    fake.setMode('ok');
    expect(await verifyAddress(createMapyClient({ apiKey: 'wrong', baseUrl: fake.url }), address)).toEqual({ status: 'unverified', reason: 'unavailable' });
    const broken: Geocoder = {
      suggest: async () => [],
      geocode: async () => {
        throw new Error('bug in a geocoder');
      },
    };
    expect(await verifyAddress(broken, address)).toEqual({ status: 'unverified', reason: 'unavailable' });
    expect(await verifyAddress(undefined, address)).toEqual({ status: 'unverified', reason: 'not_configured' });
    expect(await verifyAddress(geocoder, { street: 'Hlavná 1', city: null })).toEqual({ status: 'unverified', reason: 'incomplete' });
  });

  it('is unverified after the timeout when the geocoder is slow (default 2 s, configurable)', async () => {
    fake.setMode('slow', 5000);
    const slowClient = createMapyClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 10_000 });
    let started = Date.now();
    expect(await verifyAddress(slowClient, { street: 'Hlavná 1', city: 'Trnava', country: 'SK' }, { timeoutMs: 300 })).toEqual({
      status: 'unverified',
      reason: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(1500);

    // A geocoder that ignores cancellation is cut off by verifyAddress's own deadline, at the default 2 s.
    const hanging: Geocoder = { suggest: () => new Promise(() => undefined), geocode: () => new Promise(() => undefined) };
    started = Date.now();
    expect(await verifyAddress(hanging, { street: 'Hlavná 1', city: 'Trnava' })).toEqual({ status: 'unverified', reason: 'timeout' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3000);
  });

  it('classifies a client-side timeout as timeout', async () => {
    const timingOut: Geocoder = {
      suggest: async () => [],
      geocode: async () => {
        throw new GeocodingUnavailable('timeout', 'slow');
      },
    };
    expect(await verifyAddress(timingOut, { street: 'Hlavná 1', city: 'Trnava' })).toEqual({ status: 'unverified', reason: 'timeout' });
  });
});
