import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import {
  formatPostalCode,
  GeocodingUnavailable,
  type AddressSuggestion,
  type Geocoder,
  type MapyLanguage,
} from '../../integrations/mapy/client.js';
import { mapyTileLayer, type MapyTileLayer, type MapyTileSettings } from '../../integrations/mapy/tiles.js';

export type { AddressSuggestion, Geocoder } from '../../integrations/mapy/client.js';
export type { MapyTileSettings } from '../../integrations/mapy/tiles.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Address geocoder (Mapy.cz or its fake); null when none is configured. */
    geocoder: Geocoder | null;
    /** Mapy.cz map tiles with a real key; null without one, and always with the local fake (it has no tiles). */
    mapTiles: MapyTileSettings | null;
  }
}

export type AddressMap = ({ available: true } & MapyTileLayer) | { available: false };

/**
 * Whether the web may draw a map, and with which tiles. Only a real Mapy.cz key gives one: the tile URL then
 * holds that key, which is acceptable for a referer-restricted browser key (see `integrations/mapy/tiles.ts`).
 */
export const describeAddressMap = (tiles: MapyTileSettings | null | undefined): AddressMap =>
  tiles ? { available: true, ...mapyTileLayer(tiles) } : { available: false };

/** The app's geocoder, for routes that verify addresses on save; null when none is configured. */
export const geocoderOf = (request: FastifyRequest): Geocoder | null => request.server.geocoder;

export type AddressSuggestions = { items: AddressSuggestion[]; available: boolean };

/**
 * Suggestions while the user types. Never throws: without a geocoder, or when it is down, slow or refuses
 * our key, the answer is `available: false` with no items, so the form falls back to free input.
 */
export const suggestAddresses = async (
  geocoder: Geocoder | null | undefined,
  query: string,
  options: { limit?: number; lang?: MapyLanguage; log?: FastifyBaseLogger } = {},
): Promise<AddressSuggestions> => {
  if (!geocoder) return { items: [], available: false };
  try {
    const items = await geocoder.suggest(query, { limit: options.limit ?? 5, types: ['regional.address'], ...(options.lang ? { lang: options.lang } : {}) });
    return { items, available: true };
  } catch (error) {
    options.log?.warn({ err: error }, 'address suggestions unavailable');
    return { items: [], available: false };
  }
};

/** An address as the forms hold it; `street` includes the house number ("Hlavná 12"). */
export type AddressInput = {
  street?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
};

export type NormalisedAddress = { street: string; city: string; postalCode: string | null; country: string };

export type AddressVerification =
  | { status: 'verified'; address: NormalisedAddress; lat: number; lon: number; label: string }
  | {
      status: 'unverified';
      /**
       * not_configured: no geocoder; incomplete: street or city missing; timeout: no answer in time;
       * unavailable: down, unreachable or key refused; not_found: no confident match.
       */
      reason: 'not_configured' | 'incomplete' | 'timeout' | 'unavailable' | 'not_found';
    };

export const defaultVerifyTimeoutMs = 2000;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();

const houseNumberPattern = /\s(\d+[a-z]?(?:\/\d+[a-z]?)?)\s*$/i;

/** "Hlavná 12" → { name: "Hlavná", number: "12" }; "Václavské nám. 846/1" → number "846/1". */
const splitStreet = (street: string): { name: string; number: string | null } => {
  const match = houseNumberPattern.exec(` ${street.trim()}`);
  if (!match) return { name: street.trim(), number: null };
  return { name: ` ${street.trim()}`.slice(0, match.index).trim(), number: match[1]!.toLowerCase() };
};

/** A typed "1" matches a registered "846/1" (orientation number) or "846" (descriptive number), and "846/1" itself. */
const sameHouseNumber = (typed: string, registered: string): boolean => {
  const found = registered.toLowerCase().replace(/\s+/g, '');
  if (typed === found) return true;
  if (typed.includes('/')) return false;
  return found.split('/').includes(typed);
};

/** Every typed word is a prefix of a registered word: "nám. SNP" matches "Námestie SNP". */
const sameStreet = (typed: string, registered: string): boolean => {
  const typedWords = fold(typed).split(' ').filter(Boolean);
  const registeredWords = fold(registered).split(' ').filter(Boolean);
  return typedWords.length > 0 && typedWords.every((word) => registeredWords.some((r) => r.startsWith(word)));
};

/** "Praha 1" or "Bratislava - Staré Mesto" match the municipality "Praha" / "Bratislava". */
const sameCity = (typed: string, registered: string): boolean => {
  const a = fold(typed);
  const b = fold(registered);
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
};

const digits = (s: string) => s.replace(/\D/g, '');

/** A candidate is confident only when it is an address and agrees on country, postcode, city, street and number. */
const isConfidentMatch = (candidate: AddressSuggestion, input: { street: string; city: string; postalCode: string | null; country: string | null }) => {
  if (candidate.type !== 'regional.address' || !candidate.houseNumber || !candidate.city) return false;
  if (input.country && candidate.country !== input.country) return false;
  if (input.postalCode && candidate.postalCode && digits(input.postalCode) !== digits(candidate.postalCode)) return false;
  if (!sameCity(input.city, candidate.city)) return false;
  const typed = splitStreet(input.street);
  if (!typed.number || !sameHouseNumber(typed.number, candidate.houseNumber)) return false;
  // Villages without streets are addressed "<village> <number>".
  return sameStreet(typed.name, candidate.street ?? candidate.city);
};

const langFor = (country: string | null): MapyLanguage => (country === 'SK' ? 'sk' : country === 'CZ' ? 'cs' : 'en');

/**
 * Checks an address against the geocoder when a record is saved. It never throws and never takes longer
 * than `timeoutMs` (default 2 s): when the geocoder is missing, down, slow or unsure the answer is
 * `unverified` and the caller saves the address as typed.
 */
export const verifyAddress = async (
  geocoder: Geocoder | null | undefined,
  address: AddressInput,
  options: { timeoutMs?: number; log?: FastifyBaseLogger } = {},
): Promise<AddressVerification> => {
  if (!geocoder) return { status: 'unverified', reason: 'not_configured' };
  const street = address.street?.trim();
  const city = address.city?.trim();
  if (!street || !city) return { status: 'unverified', reason: 'incomplete' };
  const country = address.country?.trim().toUpperCase() || null;
  const postalCode = address.postalCode?.trim() || null;
  const timeoutMs = options.timeoutMs ?? defaultVerifyTimeoutMs;

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([
      geocoder.geocode(`${street}, ${[postalCode, city].filter(Boolean).join(' ')}`, {
        limit: 5,
        types: ['regional.address'],
        lang: langFor(country),
        ...(country ? { countries: [country] } : {}),
        signal: controller.signal,
        timeoutMs,
      }),
      deadline,
    ]);
    if (outcome === 'timeout') return { status: 'unverified', reason: 'timeout' };
    const match = outcome.find((candidate) => isConfidentMatch(candidate, { street, city, postalCode, country }));
    if (!match) return { status: 'unverified', reason: 'not_found' };
    const matchCountry = match.country ?? country ?? '';
    return {
      status: 'verified',
      address: {
        street: `${match.street ?? match.city} ${match.houseNumber}`,
        city: match.city!,
        postalCode: match.postalCode ?? formatPostalCode(postalCode, matchCountry),
        country: matchCountry,
      },
      lat: match.lat,
      lon: match.lon,
      label: match.label,
    };
  } catch (error) {
    if (controller.signal.aborted || (error instanceof GeocodingUnavailable && error.reason === 'timeout')) {
      return { status: 'unverified', reason: 'timeout' };
    }
    options.log?.warn({ err: error }, 'address verification skipped: geocoder unavailable');
    return { status: 'unverified', reason: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
};
