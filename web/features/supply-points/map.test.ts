import { describe, expect, it } from 'vitest';
import { attributionHtml, mapViewOf, streetZoom, type AddressMap, type MapTiles } from './map.js';

// As `GET /api/v1/addresses/map` answers with a key (server/modules/addresses/addresses.test.ts).
const tiles: MapTiles = {
  available: true,
  tileUrlTemplate: 'https://api.mapy.cz/v1/maptiles/basic/256/{z}/{x}/{y}?apikey=key',
  tileSize: 256,
  minZoom: 0,
  maxZoom: 19,
  attribution: { text: '© Seznam.cz a.s. a další', url: 'https://api.mapy.cz/copyright' },
  logo: { imageUrl: 'https://api.mapy.cz/img/api/logo.svg', linkUrl: 'https://mapy.cz/', minHeightPx: 30 },
};

// Žilina, Mariánske námestie 1: the fake geocoder's verified position.
const zilina = { latitude: 49.22315, longitude: 18.7394 };

describe('mapViewOf', () => {
  it('centres a map with tiles on a verified address, at street zoom', () => {
    expect(mapViewOf(tiles, zilina)).toEqual({ tiles, center: [49.22315, 18.7394], zoom: streetZoom });
  });

  it.each<[string, AddressMap | undefined, { latitude: number | null; longitude: number | null }]>([
    ['the server has no map (no key, or the demo fake)', { available: false }, zilina],
    ['the answer has not come yet (or failed)', undefined, zilina],
    ['the address has no position (unverified)', tiles, { latitude: null, longitude: null }],
    ['only one coordinate is known', tiles, { latitude: 49.2, longitude: null }],
    ['the latitude is out of range', tiles, { latitude: 91, longitude: 18.7 }],
    ['the longitude is out of range', tiles, { latitude: 49.2, longitude: -180.5 }],
    ['a coordinate is not a number', tiles, { latitude: Number.NaN, longitude: 18.7 }],
  ])('shows nothing when %s', (_, map, position) => {
    expect(mapViewOf(map, position)).toBeNull();
  });

  it('keeps the zoom inside what the tiles offer', () => {
    expect(mapViewOf({ ...tiles, maxZoom: 14 }, zilina)?.zoom).toBe(14);
    expect(mapViewOf({ ...tiles, minZoom: 18 }, zilina)?.zoom).toBe(18);
  });

  it('accepts the edges of the coordinate ranges', () => {
    expect(mapViewOf(tiles, { latitude: -90, longitude: 180 })?.center).toEqual([-90, 180]);
    expect(mapViewOf(tiles, { latitude: 0, longitude: 0 })?.center).toEqual([0, 0]);
  });
});

describe('attributionHtml', () => {
  it('links the provider notice, opening in a new tab', () => {
    expect(attributionHtml(tiles.attribution)).toBe(
      '<a href="https://api.mapy.cz/copyright" target="_blank" rel="noopener noreferrer">© Seznam.cz a.s. a další</a>',
    );
  });

  it.each([
    [
      'markup in the text is escaped',
      { text: '<b>x</b> & "y"', url: 'https://e.test/' },
      '>&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</a>',
    ],
    [
      'quotes in the address are escaped',
      { text: 'x', url: 'https://e.test/?a="b"' },
      'href="https://e.test/?a=&quot;b&quot;"',
    ],
  ])('%s', (_, attribution, expected) => {
    expect(attributionHtml(attribution)).toContain(expected);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'not a url'])(
    'shows only the text for the address %s',
    (url) => {
      expect(attributionHtml({ text: '© Seznam.cz', url })).toBe('© Seznam.cz');
    },
  );
});
