/**
 * The small map on the supply-point card (ENERGY-3): what `GET /addresses/map` answers, and the pure rules of
 * when and how the map is drawn. No Leaflet here, so the rules are tested without a browser.
 */

export type MapTiles = {
  available: true;
  /** XYZ template with `{z}`, `{x}`, `{y}`; it carries the browser key of Mapy.cz. */
  tileUrlTemplate: string;
  tileSize: number;
  minZoom: number;
  maxZoom: number;
  /** The provider's copyright notice, shown as given (the terms fix its wording). */
  attribution: { text: string; url: string };
  /** The provider's logo, which the terms require over the map as a link. */
  logo: { imageUrl: string; linkUrl: string; minHeightPx: number };
};

export type AddressMap = MapTiles | { available: false };

export type MapPosition = { latitude: number | null; longitude: number | null };

export type MapView = { tiles: MapTiles; center: [latitude: number, longitude: number]; zoom: number };

/** A few streets around the point: enough to recognise the place on a card-sized map. */
export const streetZoom = 16;

const isLatitude = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && Math.abs(value) <= 90;
const isLongitude = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && Math.abs(value) <= 180;

/**
 * What to draw, or null when nothing is shown at all: the server has no map (no key, or the demo's fake
 * geocoder), its answer has not come yet, or the address has no position (only a verified address has one).
 */
export const mapViewOf = (map: AddressMap | undefined, position: MapPosition): MapView | null => {
  if (!map?.available) return null;
  const { latitude, longitude } = position;
  if (!isLatitude(latitude) || !isLongitude(longitude)) return null;
  return {
    tiles: map,
    center: [latitude, longitude],
    zoom: Math.min(Math.max(streetZoom, map.minZoom), map.maxZoom),
  };
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const isWebUrl = (url: string) => {
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/**
 * The attribution as the HTML Leaflet puts in its attribution control (it uses innerHTML): escaped, and a
 * link only to an http(s) address.
 */
export const attributionHtml = ({ text, url }: MapTiles['attribution']): string =>
  isWebUrl(url)
    ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
