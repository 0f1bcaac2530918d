import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMapyClient, GeocodingRequestRejected, GeocodingUnavailable, type Geocoder } from './client.js';
import { startFakeMapy, type FakeMapy } from './fake.js';

let fake: FakeMapy;
let client: Geocoder;

beforeAll(async () => {
  fake = await startFakeMapy();
  client = createMapyClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 1000 });
});
afterAll(() => fake.close());
afterEach(() => fake.setMode('ok'));

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

describe('the fake speaks the Mapy.cz API', () => {
  it('answers /v1/suggest with items in the documented shape, key in the query or the header', async () => {
    const viaQuery = await fetch(`${fake.url}/v1/suggest?query=Tynska&lang=cs&limit=3&apikey=${fake.apiKey}`);
    expect(viaQuery.status).toBe(200);
    const { items } = (await viaQuery.json()) as { items: any[] };
    expect(items[0]).toEqual({
      name: 'Týnská ulička 610/7',
      label: 'Adresa',
      position: { lon: 14.4235, lat: 50.088 },
      type: 'regional.address',
      location: 'Praha - Staré Město, Česko',
      regionalStructure: [
        { name: '610/7', type: 'regional.address' },
        { name: 'Týnská ulička', type: 'regional.street' },
        { name: 'Staré Město', type: 'regional.municipality_part' },
        { name: 'Praha', type: 'regional.municipality' },
        { name: 'Hlavní město Praha', type: 'regional.region' },
        { name: 'Česko', type: 'regional.country', isoCode: 'CZ' },
      ],
      zip: '110 00',
      bbox: [14.4231, 50.0877, 14.4239, 50.0883],
    });
    const viaHeader = await fetch(`${fake.url}/v1/geocode?query=Brno&type=regional.municipality`, { headers: { 'X-Mapy-Api-Key': fake.apiKey } });
    expect(((await viaHeader.json()) as { items: any[] }).items.map((i) => [i.name, i.type, i.label])).toEqual([['Brno', 'regional.municipality', 'Obec']]);
  });

  it('answers 401 without a key or with a wrong one, 422 for invalid parameters, 404 elsewhere', async () => {
    expect((await fetch(`${fake.url}/v1/suggest?query=Praha`)).status).toBe(401);
    expect((await fetch(`${fake.url}/v1/suggest?query=Praha&apikey=nope`)).status).toBe(401);
    const invalid = await fetch(`${fake.url}/v1/geocode?query=Praha&limit=16&lang=xx`, { headers: { 'X-Mapy-Api-Key': fake.apiKey } });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { detail: { loc: string[] }[] }).detail.map((d) => d.loc[1])).toEqual(['limit', 'lang']);
    expect((await fetch(`${fake.url}/v1/routing/route?apikey=${fake.apiKey}`)).status).toBe(404);
  });
});

describe('the Mapy.cz client', () => {
  it('suggests addresses mapped to street, number, city, postcode, country and position', async () => {
    const items = await client.suggest('Marianske nam', { lang: 'sk', limit: 5 });
    expect(items[0]).toEqual({
      label: 'Mariánske námestie 1, Žilina, Slovensko',
      street: 'Mariánske námestie',
      houseNumber: '1',
      city: 'Žilina',
      postalCode: '010 01',
      country: 'SK',
      lat: 49.22315,
      lon: 18.7394,
      type: 'regional.address',
    });
    // The key travels in the header, never in the URL; lang and limit are passed through.
    expect(fake.requests.at(-1)).toEqual({ path: '/v1/suggest', params: { query: ['Marianske nam'], lang: ['sk'], limit: ['5'] }, keyVia: 'header' });
  });

  it('matches without accents, honours limit, and filters by country through `locality`', async () => {
    const kosice = await client.suggest('kosice hlavna', { types: ['regional.address'] });
    expect(kosice.map((s) => `${s.street} ${s.houseNumber}, ${s.city}`)).toEqual(['Hlavná 1, Košice', 'Hlavná 68, Košice']);

    const limited = await client.suggest('Hlavná', { limit: 2, types: ['regional.address'] });
    expect(limited).toHaveLength(2);

    const czOnly = await client.suggest('namesti', { countries: ['CZ'], limit: 15, types: ['regional.address'] });
    expect(czOnly.length).toBeGreaterThan(3);
    expect(new Set(czOnly.map((s) => s.country))).toEqual(new Set(['CZ']));
    expect(fake.requests.at(-1)!.params.locality).toEqual(['cz']);
    expect(fake.requests.at(-1)!.params.type).toEqual(['regional.address']);
  });

  it('geocodes a full address, and a village without streets', async () => {
    const [first] = await client.geocode('17. listopadu 2172/15, 708 00 Ostrava', { types: ['regional.address'] });
    expect(first).toMatchObject({ street: '17. listopadu', houseNumber: '2172/15', city: 'Ostrava', postalCode: '708 00', country: 'CZ', lat: 49.8337, lon: 18.1636 });

    const [village] = await client.geocode('Malá Morávka 101', { types: ['regional.address'] });
    expect(village).toMatchObject({ street: null, houseNumber: '101', city: 'Malá Morávka', postalCode: '793 36', label: 'Malá Morávka 101, Malá Morávka, Česko' });

    expect(await client.geocode('Neexistujúca ulica 999, Trnava')).toEqual([]);
  });

  it('reports a missing or wrong key as GeocodingUnavailable (unauthorized)', async () => {
    for (const apiKey of ['wrong-key', '']) {
      const error = await rejection(createMapyClient({ apiKey, baseUrl: fake.url }).suggest('Praha'));
      expect(error).toBeInstanceOf(GeocodingUnavailable);
      expect(error).toMatchObject({ reason: 'unauthorized', status: 401 });
    }
  });

  it('reports a service that is down as GeocodingUnavailable (server_error)', async () => {
    fake.setMode('down');
    const error = await rejection(client.geocode('Hlavná 1, Trnava'));
    expect(error).toBeInstanceOf(GeocodingUnavailable);
    expect(error).toMatchObject({ reason: 'server_error', status: 503 });
  });

  it('gives up on a slow service at its timeout', async () => {
    fake.setMode('slow', 3000);
    const started = Date.now();
    const error = await rejection(createMapyClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 200 }).suggest('Praha'));
    expect(error).toBeInstanceOf(GeocodingUnavailable);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports an unreachable service as GeocodingUnavailable (network)', async () => {
    const gone = await startFakeMapy();
    await gone.close();
    const error = await rejection(createMapyClient({ apiKey: gone.apiKey, baseUrl: gone.url }).suggest('Praha'));
    expect(error).toBeInstanceOf(GeocodingUnavailable);
    expect(error).toMatchObject({ reason: 'network' });
  });

  it('reports a request the service refuses as invalid (422) as GeocodingRequestRejected, not as an outage', async () => {
    const failing = createMapyClient({
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      fetch: (input, init) => fetch(String(input).replace('limit=', 'limit=99&x='), init),
    });
    const error = await rejection(failing.suggest('Praha', { limit: 3 }));
    expect(error).toBeInstanceOf(GeocodingRequestRejected);
    expect(error).toMatchObject({ status: 422 });
  });
});
