/**
 * A local stand-in for the Mapy.cz geocoding API (see client.ts for what the real one documents), used by
 * tests and by the demo when no MAPY_API_KEY is set. Same paths (`/v1/suggest`, `/v1/geocode`), same
 * parameters (`query`, `lang`, `limit`, repeated `type` and `locality`, key in `apikey` or
 * `X-Mapy-Api-Key`), same response shape, over a built-in set of ~40 Slovak and Czech addresses with
 * approximate real coordinates. Matching is accent- and case-insensitive, by word prefix or substring.
 *
 * Errors: a missing or wrong key is 401; invalid parameters are 422 with a `detail` list. The real error
 * bodies are not documented, so these bodies are ours; the client reads only the status.
 * Fault injection: `setMode('down')` answers 503, `setMode('slow', ms)` delays every answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mapyEntityTypes, mapyLanguages, mapyMaxLimit, mapySuggestMaxQueryLength } from './client.js';

type Country = 'SK' | 'CZ';

type Place = {
  country: Country;
  street: string | null;
  number: string;
  zip: string;
  city: string;
  part: string | null;
  district: string | null;
  region: string;
  lat: number;
  lon: number;
};

const place = (
  country: Country,
  street: string | null,
  number: string,
  zip: string,
  city: string,
  part: string | null,
  [district, region]: [string | null, string],
  lat: number,
  lon: number,
): Place => ({ country, street, number, zip, city, part, district, region, lat, lon });

const ba1: [string, string] = ['okres Bratislava I', 'Bratislavský kraj'];
const ba2: [string, string] = ['okres Bratislava II', 'Bratislavský kraj'];
const ke1: [string, string] = ['okres Košice I', 'Košický kraj'];
const za: [string, string] = ['okres Žilina', 'Žilinský kraj'];
const nr: [string, string] = ['okres Nitra', 'Nitriansky kraj'];
const tt: [string, string] = ['okres Trnava', 'Trnavský kraj'];
const bb: [string, string] = ['okres Banská Bystrica', 'Banskobystrický kraj'];
const pp: [string, string] = ['okres Poprad', 'Prešovský kraj'];
const po: [string, string] = ['okres Prešov', 'Prešovský kraj'];
const praha: [null, string] = [null, 'Hlavní město Praha'];
const brno: [string, string] = ['okres Brno-město', 'Jihomoravský kraj'];
const ova: [string, string] = ['okres Ostrava-město', 'Moravskoslezský kraj'];
const plzen: [string, string] = ['okres Plzeň-město', 'Plzeňský kraj'];
const olomouc: [string, string] = ['okres Olomouc', 'Olomoucký kraj'];

/** Approximate positions of real places; house numbers are plausible, not checked against the registers. */
export const fakeMapyPlaces: readonly Place[] = [
  place('SK', 'Hlavné námestie', '1', '811 01', 'Bratislava', 'Staré Mesto', ba1, 48.14366, 17.10899),
  place('SK', 'Obchodná', '2', '811 06', 'Bratislava', 'Staré Mesto', ba1, 48.14655, 17.10735),
  place('SK', 'Námestie SNP', '14', '811 06', 'Bratislava', 'Staré Mesto', ba1, 48.14515, 17.11115),
  place('SK', 'Mlynské nivy', '44', '821 09', 'Bratislava', 'Ružinov', ba2, 48.14545, 17.12955),
  place('SK', 'Karadžičova', '8', '821 08', 'Bratislava', 'Ružinov', ba2, 48.14815, 17.12310),
  place('SK', 'Bajkalská', '25', '827 18', 'Bratislava', 'Ružinov', ba2, 48.15790, 17.14420),
  place('SK', 'Hlavná', '1', '040 01', 'Košice', 'Staré Mesto', ke1, 48.71815, 21.25800),
  place('SK', 'Hlavná', '68', '040 01', 'Košice', 'Staré Mesto', ke1, 48.72310, 21.25745),
  place('SK', 'Štúrova', '1', '040 01', 'Košice', 'Staré Mesto', ke1, 48.71900, 21.26110),
  place('SK', 'Južná trieda', '48', '040 01', 'Košice', 'Juh', ke1, 48.70500, 21.26200),
  place('SK', 'Mariánske námestie', '1', '010 01', 'Žilina', null, za, 49.22315, 18.73940),
  place('SK', 'Národná', '12', '010 01', 'Žilina', null, za, 49.22200, 18.74100),
  place('SK', 'Hlinkovo námestie', '1', '010 01', 'Žilina', null, za, 49.22350, 18.74300),
  place('SK', 'Štefánikova trieda', '60', '949 01', 'Nitra', null, nr, 48.31200, 18.08600),
  place('SK', 'Svätoplukovo námestie', '1', '949 01', 'Nitra', null, nr, 48.31300, 18.08720),
  place('SK', 'Farská', '12', '949 01', 'Nitra', null, nr, 48.31500, 18.08700),
  place('SK', 'Hlavná', '1', '917 01', 'Trnava', null, tt, 48.37700, 17.58800),
  place('SK', 'Trojičné námestie', '1', '917 01', 'Trnava', null, tt, 48.37705, 17.58620),
  place('SK', 'Štefánikova', '24', '917 01', 'Trnava', null, tt, 48.37800, 17.58450),
  place('SK', 'Námestie SNP', '1', '974 01', 'Banská Bystrica', null, bb, 48.73600, 19.14600),
  place('SK', 'Dolná', '8', '974 01', 'Banská Bystrica', null, bb, 48.73550, 19.14900),
  place('SK', 'Horná', '20', '974 01', 'Banská Bystrica', null, bb, 48.73650, 19.14250),
  place('SK', 'Námestie svätého Egídia', '1', '058 01', 'Poprad', null, pp, 49.05600, 20.29700),
  place('SK', 'Popradské nábrežie', '3', '058 01', 'Poprad', null, pp, 49.05300, 20.29800),
  place('SK', 'Hlavná', '73', '080 01', 'Prešov', null, po, 48.99950, 21.23930),
  place('CZ', 'Václavské náměstí', '846/1', '110 00', 'Praha', 'Nové Město', praha, 50.08450, 14.42400),
  place('CZ', 'Národní', '1009/3', '110 00', 'Praha', 'Staré Město', praha, 50.08130, 14.41400),
  place('CZ', 'Staroměstské náměstí', '1/3', '110 00', 'Praha', 'Staré Město', praha, 50.08700, 14.42080),
  place('CZ', 'Týnská ulička', '610/7', '110 00', 'Praha', 'Staré Město', praha, 50.08800, 14.42350),
  place('CZ', 'Vinohradská', '2828/151', '130 00', 'Praha', 'Žižkov', praha, 50.07800, 14.46300),
  place('CZ', 'Korunní', '2569/108', '101 00', 'Praha', 'Vinohrady', praha, 50.07400, 14.46200),
  place('CZ', 'Masarykova', '427/31', '602 00', 'Brno', 'Brno-střed', brno, 49.19250, 16.60950),
  place('CZ', 'náměstí Svobody', '87/17', '602 00', 'Brno', 'Brno-střed', brno, 49.19500, 16.60800),
  place('CZ', 'Kounicova', '684/10', '602 00', 'Brno', 'Veveří', brno, 49.20300, 16.60100),
  place('CZ', '17. listopadu', '2172/15', '708 00', 'Ostrava', 'Poruba', ova, 49.83370, 18.16360),
  place('CZ', 'Prokešovo náměstí', '1803/8', '702 00', 'Ostrava', 'Moravská Ostrava', ova, 49.84000, 18.27700),
  place('CZ', 'Masarykovo náměstí', '3/1', '702 00', 'Ostrava', 'Moravská Ostrava', ova, 49.83550, 18.29250),
  place('CZ', 'náměstí Republiky', '1/1', '301 00', 'Plzeň', 'Vnitřní Město', plzen, 49.74750, 13.37760),
  place('CZ', 'Americká', '2235/41', '301 00', 'Plzeň', 'Východní Předměstí', plzen, 49.74300, 13.37800),
  place('CZ', 'Horní náměstí', '583', '779 00', 'Olomouc', null, olomouc, 49.59390, 17.25090),
  place('CZ', 'třída Svobody', '956/31', '779 00', 'Olomouc', null, olomouc, 49.59300, 17.25600),
  place('CZ', 'Havlíčkovo náměstí', '71', '679 06', 'Jedovnice', null, ['okres Blansko', 'Jihomoravský kraj'], 49.34470, 16.75610),
  place('CZ', null, '101', '793 36', 'Malá Morávka', null, ['okres Bruntál', 'Moravskoslezský kraj'], 50.02300, 17.30900),
];

type Lang = (typeof mapyLanguages)[number];

const countryNames: Partial<Record<Lang, Record<Country, string>>> = {
  cs: { CZ: 'Česko', SK: 'Slovensko' },
  sk: { CZ: 'Česko', SK: 'Slovensko' },
  en: { CZ: 'Czechia', SK: 'Slovakia' },
  de: { CZ: 'Tschechien', SK: 'Slowakei' },
  pl: { CZ: 'Czechy', SK: 'Słowacja' },
};
const labels: Partial<Record<Lang, { address: string; municipality: string }>> = {
  cs: { address: 'Adresa', municipality: 'Obec' },
  sk: { address: 'Adresa', municipality: 'Obec' },
  en: { address: 'Address', municipality: 'Municipality' },
  de: { address: 'Adresse', municipality: 'Gemeinde' },
  pl: { address: 'Adres', municipality: 'Gmina' },
};

type Entry = {
  type: 'regional.address' | 'regional.municipality';
  place: Place;
  words: string[];
  text: string;
  name: string;
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const entryOf = (type: Entry['type'], p: Place): Entry => {
  const name = type === 'regional.municipality' ? p.city : `${p.street ?? p.part ?? p.city} ${p.number}`;
  const parts = [name, p.part, p.city, p.district, p.region, countryNames.cs![p.country], countryNames.en![p.country], p.country];
  if (type === 'regional.address') parts.push(p.zip, p.zip.replace(/\s/g, ''));
  const text = parts.filter(Boolean).join(' ');
  return { type, place: p, name, words: words(text), text: fold(text) };
};

const municipalities = (places: readonly Place[]): Place[] => {
  const byCity = new Map<string, Place[]>();
  for (const p of places) byCity.set(`${p.country}|${p.city}`, [...(byCity.get(`${p.country}|${p.city}`) ?? []), p]);
  return [...byCity.values()].map((group) => ({
    ...group[0]!,
    street: null,
    part: null,
    lat: group.reduce((sum, p) => sum + p.lat, 0) / group.length,
    lon: group.reduce((sum, p) => sum + p.lon, 0) / group.length,
  }));
};

const buildIndex = (places: readonly Place[]): Entry[] => [
  ...places.map((p) => entryOf('regional.address', p)),
  ...municipalities(places).map((p) => entryOf('regional.municipality', p)),
];

/** Every query word must occur (as a word, a word prefix, or a substring); whole words and prefixes rank higher. */
const score = (entry: Entry, queryWords: string[], foldedQuery: string): number => {
  let total = 0;
  for (const q of queryWords) {
    if (entry.words.includes(q)) total += 3;
    else if (entry.words.some((w) => w.startsWith(q))) total += 2;
    else if (entry.text.includes(q)) total += 1;
    else return 0;
  }
  if (fold(entry.name).startsWith(foldedQuery)) total += 5;
  if (entry.type === 'regional.address') total += 1;
  return total;
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

const toItem = (entry: Entry, lang: Lang) => {
  const p = entry.place;
  const names = countryNames[lang] ?? countryNames.cs!;
  const label = labels[lang] ?? labels.cs!;
  const structure: { name: string; type: string; isoCode?: string }[] = [];
  if (entry.type === 'regional.address') {
    structure.push({ name: p.number, type: 'regional.address' });
    if (p.street) structure.push({ name: p.street, type: 'regional.street' });
    if (p.part) structure.push({ name: p.part, type: 'regional.municipality_part' });
  }
  structure.push({ name: p.city, type: 'regional.municipality' });
  if (p.district) structure.push({ name: p.district, type: 'regional.region' });
  structure.push({ name: p.region, type: 'regional.region' }, { name: names[p.country], type: 'regional.country', isoCode: p.country });
  const half = entry.type === 'regional.address' ? [0.0004, 0.0003] : [0.08, 0.05];
  return {
    name: entry.name,
    label: entry.type === 'regional.address' ? label.address : label.municipality,
    position: { lon: p.lon, lat: p.lat },
    type: entry.type,
    location: `${p.part ? `${p.city} - ${p.part}` : p.city}, ${names[p.country]}`,
    regionalStructure: structure,
    ...(entry.type === 'regional.address' ? { zip: p.zip } : {}),
    bbox: [round(p.lon - half[0]!), round(p.lat - half[1]!), round(p.lon + half[0]!), round(p.lat + half[1]!)],
  };
};

type Problem = { loc: string[]; msg: string; type: string };

const inLocality = (p: Place, locality: string[]): boolean =>
  locality.length === 0 ||
  locality.some((raw) => {
    const value = raw.trim();
    const box = /^BOX\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)$/i.exec(value);
    if (box) {
      const [minLon, minLat, maxLon, maxLat] = box.slice(1).map(Number) as [number, number, number, number];
      return p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat;
    }
    if (/^[a-z]{2}$/i.test(value)) return p.country === value.toUpperCase();
    const folded = fold(value);
    return [p.city, p.part, p.district, p.region].some((n) => n && fold(n) === folded);
  });

export type FakeMapyMode = 'ok' | 'down' | 'slow';

export type FakeMapyRequest = { path: string; params: Record<string, string[]>; keyVia: 'header' | 'query' | null };

export type FakeMapy = {
  /** Base URL to give the client, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The one key the fake accepts. */
  apiKey: string;
  /** `ok` answers normally; `down` answers 503; `slow` waits `delayMs` (default 5 s) before answering. */
  setMode: (mode: FakeMapyMode, delayMs?: number) => void;
  /** The most recent requests, oldest first (at most 50), to check what a client sent. */
  requests: FakeMapyRequest[];
  close: () => Promise<void>;
};

export type FakeMapyOptions = { port?: number; host?: string; apiKey?: string; places?: readonly Place[] };

export const fakeMapyDefaultKey = 'fake-mapy-key';

export const startFakeMapy = async (options: FakeMapyOptions = {}): Promise<FakeMapy> => {
  const apiKey = options.apiKey ?? fakeMapyDefaultKey;
  const index = buildIndex(options.places ?? fakeMapyPlaces);
  let mode: FakeMapyMode = 'ok';
  let delayMs = 5000;
  const requests: FakeMapyRequest[] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const answer = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const header = req.headers['x-mapy-api-key'];
    const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey');
    if (key !== apiKey) return send(res, 401, { detail: key ? 'Invalid API key' : 'Missing API key' });

    const problems: Problem[] = [];
    const query = url.searchParams.get('query')?.trim() ?? '';
    if (!query) problems.push({ loc: ['query', 'query'], msg: 'field required', type: 'value_error.missing' });
    if (url.pathname === '/v1/suggest' && query.length > mapySuggestMaxQueryLength) {
      problems.push({ loc: ['query', 'query'], msg: `ensure this value has at most ${mapySuggestMaxQueryLength} characters`, type: 'value_error' });
    }
    const rawLimit = url.searchParams.get('limit');
    const limit = rawLimit === null ? 5 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > mapyMaxLimit) {
      problems.push({ loc: ['query', 'limit'], msg: `ensure this value is an integer from 1 to ${mapyMaxLimit}`, type: 'value_error' });
    }
    const lang = (url.searchParams.get('lang') ?? 'cs') as Lang;
    if (!mapyLanguages.includes(lang)) problems.push({ loc: ['query', 'lang'], msg: 'unsupported language', type: 'value_error' });
    const types = url.searchParams.getAll('type');
    for (const type of types) {
      if (!(mapyEntityTypes as readonly string[]).includes(type)) problems.push({ loc: ['query', 'type'], msg: `unknown type ${type}`, type: 'value_error' });
    }
    if (problems.length) return send(res, 422, { detail: problems });

    const wanted = types.length ? types : ['regional', 'poi'];
    const locality = url.searchParams.getAll('locality');
    const foldedQuery = fold(query);
    const queryWords = words(query);
    const items = index
      .filter((entry) => (wanted.includes(entry.type) || wanted.includes('regional')) && inLocality(entry.place, locality))
      .map((entry) => ({ entry, score: score(entry, queryWords, foldedQuery) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((hit) => toItem(hit.entry, lang));
    return send(res, 200, { items });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    if (req.method !== 'GET') return send(res, 405, { detail: 'Method Not Allowed' });
    if (url.pathname !== '/v1/suggest' && url.pathname !== '/v1/geocode') return send(res, 404, { detail: 'Not Found' });

    const params: Record<string, string[]> = {};
    for (const name of new Set(url.searchParams.keys())) if (name !== 'apikey') params[name] = url.searchParams.getAll(name);
    const keyVia = req.headers['x-mapy-api-key'] ? 'header' : url.searchParams.has('apikey') ? 'query' : null;
    requests.push({ path: url.pathname, params, keyVia });
    if (requests.length > 50) requests.shift();

    if (mode === 'down') return send(res, 503, { detail: 'Service Unavailable' });
    if (mode === 'slow') {
      const timer = setTimeout(() => answer(req, res, url), delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    return answer(req, res, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    apiKey,
    requests,
    setMode: (next, delay) => {
      mode = next;
      if (delay !== undefined) delayMs = delay;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
