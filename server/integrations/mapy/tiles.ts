/**
 * Mapy.cz (Mapy.com) raster map tiles, for the small map on the supply-point card (ENERGY-3).
 *
 * Checked against the vendor's published documentation and tutorials:
 *  - https://developer.mapy.cz/rest-api/funkce/mapove-dlazdice/ (English: developer.mapy.com/en/rest-api-mapy-cz/function/map-tiles/)
 *    and the OpenAPI at https://api.mapy.com/v1/docs/maptiles/: `GET /v1/maptiles/{mapset}/{tileSize}/{z}/{x}/{y}`,
 *    mapsets basic, outdoor, winter, aerial, names-overlay; 256 × 256 px tiles; the key as `apikey` query parameter.
 *  - The vendor's Leaflet tutorial: `https://api.mapy.cz/v1/maptiles/basic/256/{z}/{x}/{y}?apikey=…`, zoom 0–19,
 *    attribution `<a href="https://api.mapy.cz/copyright">&copy; Seznam.cz a.s. a další</a>` and a clickable logo
 *    `https://api.mapy.cz/img/api/logo.svg` over the map linking to https://mapy.cz/.
 *  - https://developer.mapy.cz/rest-api/atributovani/ (English: developer.mapy.com/en/rest-api-mapy-cz/atribution):
 *    a map must show the Mapy.cz logo (at least 30 px high over the map, clickable, linking to mapy.cz) and the
 *    text copyright "Seznam.cz a.s. a další" ("Seznam.cz a.s. and others").
 *
 * SECURITY: the tile URL carries the API key, and a browser has to request the tiles itself, so whoever can see
 * the map can read the key. That is how Mapy.cz keys are meant to be used in web pages; the vendor's answer is
 * restricting the key in its console (HTTP referers = our host names, and only the map tiles service). A key so
 * restricted cannot also serve our server-side geocoding, which sends no referer: hence `MAPY_MAP_API_KEY`, a
 * separate browser key (see docs/integrations.md). The URL is handed only to signed-in users.
 */
import { mapyDefaultBaseUrl } from './client.js';

export type MapyTileSettings = {
  /** The key the browser sends with every tile request; restrict it by HTTP referer in the Mapy.cz console. */
  apiKey: string;
  /** API base URL, as for the geocoder; default https://api.mapy.cz. */
  baseUrl?: string;
};

/** What a map library needs to draw Mapy.cz tiles with the attribution the terms of use require. */
export type MapyTileLayer = {
  /** Leaflet/XYZ template with `{z}`, `{x}`, `{y}`. */
  tileUrlTemplate: string;
  tileSize: number;
  minZoom: number;
  maxZoom: number;
  attribution: { text: string; url: string };
  logo: { imageUrl: string; linkUrl: string; minHeightPx: number };
};

export const mapyMapset = 'basic';
export const mapyTileSize = 256;
export const mapyMaxZoom = 19;
/** The logo's minimum height when drawn over the map (attribution rules). */
export const mapyLogoMinHeightPx = 30;

export const mapyTileLayer = (settings: MapyTileSettings): MapyTileLayer => {
  const baseUrl = (settings.baseUrl ?? mapyDefaultBaseUrl).replace(/\/+$/, '');
  return {
    tileUrlTemplate: `${baseUrl}/v1/maptiles/${mapyMapset}/${mapyTileSize}/{z}/{x}/{y}?apikey=${encodeURIComponent(settings.apiKey)}`,
    tileSize: mapyTileSize,
    minZoom: 0,
    maxZoom: mapyMaxZoom,
    // The vendor's own wording and link; the terms name this text, so it is not translated.
    attribution: { text: '© Seznam.cz a.s. a další', url: 'https://api.mapy.cz/copyright' },
    logo: {
      imageUrl: 'https://api.mapy.cz/img/api/logo.svg',
      linkUrl: 'https://mapy.cz/',
      minHeightPx: mapyLogoMinHeightPx,
    },
  };
};
