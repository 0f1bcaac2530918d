/**
 * Mapy.cz (Mapy.com) geocoding client: forward geocoding and suggest (autocomplete), mapped to a
 * provider-neutral `AddressSuggestion`.
 *
 * Verified against the vendor's published documentation:
 *  - https://developer.mapy.com/en/rest-api-mapy-cz/function/geocoding/
 *    (Czech: https://developer.mapy.cz/rest-api/funkce/geokodovani/)
 *  - https://github.com/mapycom/developer/blob/main/docs/rest-api/forward-geocoding.md and
 *    .../reverse-geocoding.md (the vendor's own summary of https://api.mapy.com/v1/docs/geocode/openapi.json,
 *    which itself was not read).
 * What those pages state and this client relies on:
 *  - Endpoints `GET /v1/geocode` and `GET /v1/suggest` (api.mapy.cz and api.mapy.com serve the same API).
 *  - The key goes in the `apikey` query parameter or the `X-Mapy-Api-Key` header. We send the header,
 *    so the key never appears in URLs or access logs.
 *  - Parameters: `query` (suggest: at most 150 characters); `lang` (cs, de, el, en, es, fr, it, nl, pl, pt,
 *    ru, sk, tr, uk; default cs); `limit` (default 5, at most 15); `type`, an array of regional,
 *    regional.country, regional.region, regional.municipality, regional.municipality_part,
 *    regional.street, regional.address, poi, coordinate (default regional + poi); `locality`, an array
 *    of locality names, country codes or a BOX. Arrays are sent as repeated parameters
 *    (`type=regional&type=poi`), the form used in published examples.
 *  - Response `{ items: [{ name, label, position: { lon, lat }, bbox: [minLon, minLat, maxLon, maxLat],
 *    type, location, regionalStructure: [{ name, type, isoCode? }], zip? }] }`. `regionalStructure` is
 *    ordered smallest first; the `regional.country` entry carries `isoCode` (e.g. "CZ"). For an address,
 *    the first entry is the house number itself (e.g. "610/7"). `label` is the entity kind ("Adresa"),
 *    not display text; `location` is the short locality text ("Praha 1 - Staré Město, Česko"); `zip`
 *    is present only for some addresses ("679 06").
 *  - Documented errors: 422 (invalid parameters) and 500. Rate limit: 100 requests/s per key for
 *    geocode and suggest.
 * NOT found in the documentation: the status and body for a missing, wrong or domain-restricted key.
 * Clients in the wild treat 401 and 403 as "key rejected"; so do we, and we never parse error bodies.
 */
import { z } from 'zod';

export const mapyLanguages = ['cs', 'de', 'el', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'ru', 'sk', 'tr', 'uk'] as const;
export type MapyLanguage = (typeof mapyLanguages)[number];

export const mapyEntityTypes = [
  'regional',
  'regional.country',
  'regional.region',
  'regional.municipality',
  'regional.municipality_part',
  'regional.street',
  'regional.address',
  'poi',
  'coordinate',
] as const;
export type MapyEntityType = (typeof mapyEntityTypes)[number];

export const mapyMaxLimit = 15;
export const mapySuggestMaxQueryLength = 150;
export const mapyDefaultBaseUrl = 'https://api.mapy.cz';
export const mapyDefaultTimeoutMs = 2000;

/** One place found by a geocoder, normalised away from the provider's response shape. */
export type AddressSuggestion = {
  /** Display text, e.g. "Václavské náměstí 846/1, Praha - Nové Město, Česko". */
  label: string;
  street: string | null;
  /** As the register writes it: "12", "846/1", "ev. č. 38". */
  houseNumber: string | null;
  city: string | null;
  /** "949 01" for SK/CZ (3 + 2 digits), otherwise as received. */
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  lat: number;
  lon: number;
  /** The provider's entity type, e.g. "regional.address", "regional.street", "regional.municipality". */
  type: string;
};

export type GeocodeOptions = {
  lang?: MapyLanguage;
  /** 1–15; clamped. */
  limit?: number;
  /** ISO alpha-2 codes; results only from these countries. */
  countries?: readonly string[];
  /** Entity types to return; the API's default (regional + poi) when absent. */
  types?: readonly MapyEntityType[];
  /** Cancels the request (reported as `GeocodingUnavailable` with reason `aborted`). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
};

/** What the app needs from a geocoder; the Mapy.cz client implements it, tests may stub it. */
export interface Geocoder {
  /** For incomplete input while the user types. */
  suggest(query: string, options?: GeocodeOptions): Promise<AddressSuggestion[]>;
  /** For a complete address, e.g. to verify it on save. */
  geocode(query: string, options?: GeocodeOptions): Promise<AddressSuggestion[]>;
}

export type GeocodingUnavailableReason =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'server_error'
  | 'unauthorized'
  | 'rate_limited'
  | 'invalid_response';

/** The geocoder could not answer: down, slow, unreachable, or our key was refused. Callers degrade, never fail. */
export class GeocodingUnavailable extends Error {
  override readonly name = 'GeocodingUnavailable';
  readonly reason: GeocodingUnavailableReason;
  /** The HTTP status, when the service answered. */
  readonly status: number | undefined;

  constructor(reason: GeocodingUnavailableReason, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }
}

/** The service refused our request as invalid (422 or another 4xx): a bug on our side, not an outage. */
export class GeocodingRequestRejected extends Error {
  override readonly name = 'GeocodingRequestRejected';
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const RegionalEntity = z.object({ name: z.string().optional(), type: z.string(), isoCode: z.string().optional() });

const MapyItem = z.object({
  name: z.string(),
  label: z.string().optional(),
  position: z.object({ lon: z.number(), lat: z.number() }),
  type: z.string(),
  location: z.string().optional(),
  regionalStructure: z.array(RegionalEntity).optional(),
  zip: z.string().nullish(),
  bbox: z.array(z.number()).optional(),
});
export type MapyItem = z.infer<typeof MapyItem>;

const MapyResponse = z.object({ items: z.array(MapyItem) });

/** SK and CZ postcodes are five digits written "NNN NN"; others are kept as received. */
export const formatPostalCode = (zip: string | null | undefined, country?: string | null): string | null => {
  const trimmed = zip?.trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/\s+/g, '');
  if ((!country || country === 'SK' || country === 'CZ') && /^\d{5}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3)}`;
  return trimmed;
};

/** Maps one Mapy.cz item to an `AddressSuggestion` (street, number, city and country from `regionalStructure`). */
export const toAddressSuggestion = (item: MapyItem): AddressSuggestion => {
  const structure = item.regionalStructure ?? [];
  const nameOf = (type: string) => structure.find((entity) => entity.type === type)?.name?.trim() || null;
  const isoCode = structure.find((entity) => entity.type === 'regional.country')?.isoCode?.trim().toUpperCase();
  const country = isoCode && /^[A-Z]{2}$/.test(isoCode) ? isoCode : null;
  return {
    label: item.location ? `${item.name}, ${item.location}` : item.name,
    street: nameOf('regional.street'),
    houseNumber: item.type === 'regional.address' ? nameOf('regional.address') : null,
    city: nameOf('regional.municipality'),
    postalCode: formatPostalCode(item.zip, country),
    country,
    lat: item.position.lat,
    lon: item.position.lon,
    type: item.type,
  };
};

export type MapyClientOptions = {
  apiKey: string;
  /** Default https://api.mapy.cz; tests and the demo point it at the fake server. */
  baseUrl?: string;
  /** Per request, covering connect, headers and body. Default 2 s. */
  timeoutMs?: number;
  /** Default language of names in results; the API's own default is cs. */
  lang?: MapyLanguage;
  fetch?: typeof fetch;
};

/** The real client: one `fetch` per call, bounded by an `AbortSignal` timeout. */
export const createMapyClient = (options: MapyClientOptions): Geocoder => {
  const baseUrl = (options.baseUrl ?? mapyDefaultBaseUrl).replace(/\/+$/, '');
  const defaultTimeoutMs = options.timeoutMs ?? mapyDefaultTimeoutMs;
  const fetchImpl = options.fetch ?? fetch;

  const call = async (path: '/v1/suggest' | '/v1/geocode', rawQuery: string, opts: GeocodeOptions = {}): Promise<AddressSuggestion[]> => {
    let query = rawQuery.trim();
    if (!query) return [];
    if (path === '/v1/suggest') query = query.slice(0, mapySuggestMaxQueryLength);

    const url = new URL(`${baseUrl}${path}`);
    url.searchParams.set('query', query);
    const lang = opts.lang ?? options.lang;
    if (lang) url.searchParams.set('lang', lang);
    if (opts.limit !== undefined) url.searchParams.set('limit', String(Math.min(mapyMaxLimit, Math.max(1, Math.trunc(opts.limit)))));
    for (const type of opts.types ?? []) url.searchParams.append('type', type);
    for (const country of opts.countries ?? []) url.searchParams.append('locality', country.toLowerCase());

    const timeout = AbortSignal.timeout(opts.timeoutMs ?? defaultTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    const failure = (error: unknown): GeocodingUnavailable => {
      if (timeout.aborted) return new GeocodingUnavailable('timeout', `Mapy.cz did not answer ${path} in time`, { cause: error });
      if (opts.signal?.aborted) return new GeocodingUnavailable('aborted', `The ${path} request was cancelled`, { cause: error });
      return new GeocodingUnavailable('network', `Mapy.cz is unreachable: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    };

    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { 'X-Mapy-Api-Key': options.apiKey, Accept: 'application/json' }, signal });
    } catch (error) {
      throw failure(error);
    }

    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const { status } = response;
      if (status === 401 || status === 403) {
        throw new GeocodingUnavailable('unauthorized', `Mapy.cz refused the API key (HTTP ${status})`, { status });
      }
      if (status === 429) throw new GeocodingUnavailable('rate_limited', 'Mapy.cz rate limit reached (HTTP 429)', { status });
      if (status >= 500) throw new GeocodingUnavailable('server_error', `Mapy.cz failed (HTTP ${status})`, { status });
      throw new GeocodingRequestRejected(status, `Mapy.cz rejected the ${path} request (HTTP ${status})`);
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal.aborted) throw failure(error);
      throw new GeocodingUnavailable('invalid_response', `Mapy.cz answered ${path} with invalid JSON`, { status: response.status, cause: error });
    }
    const parsed = MapyResponse.safeParse(body);
    if (!parsed.success) {
      throw new GeocodingUnavailable('invalid_response', `Mapy.cz answered ${path} in an unexpected shape`, { status: response.status, cause: parsed.error });
    }
    return parsed.data.items.map(toAddressSuggestion);
  };

  return {
    suggest: (query, opts) => call('/v1/suggest', query, opts),
    geocode: (query, opts) => call('/v1/geocode', query, opts),
  };
};
