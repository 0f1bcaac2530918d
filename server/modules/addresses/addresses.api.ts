import { z } from 'zod';
import { mapyLanguages, mapyMaxLimit } from '../../integrations/mapy/client.js';

export const AddressSuggestionResponse = z
  .object({
    label: z.string().describe('Display text'),
    street: z.string().nullable(),
    houseNumber: z.string().nullable().describe('As registered: "12", "846/1"'),
    city: z.string().nullable(),
    postalCode: z.string().nullable().describe('"949 01" for SK and CZ'),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2'),
    lat: z.number(),
    lon: z.number(),
    type: z.string().describe('Geocoder entity type, e.g. regional.address'),
  })
  .describe('An address found by the geocoder');

export const AddressSuggestQuery = z.object({
  q: z.string().trim().min(1).max(150).describe('What the user typed so far'),
  limit: z.coerce.number().int().min(1).max(mapyMaxLimit).default(5),
  lang: z.enum(mapyLanguages).optional().describe('Language of place names; Mapy.cz answers in Czech by default'),
});

export const AddressSuggestResponse = z.object({
  items: z.array(AddressSuggestionResponse),
  available: z.boolean().describe('false when the geocoder is not configured, down or too slow; items is then empty'),
});

export const AddressMapResponse = z
  .discriminatedUnion('available', [
    z.object({ available: z.literal(false) }),
    z.object({
      available: z.literal(true),
      tileUrlTemplate: z
        .string()
        .describe('Raster tiles as an XYZ template with {z}, {x} and {y}; it carries the browser API key of Mapy.cz'),
      tileSize: z.number().int().describe('Tile width and height in pixels'),
      minZoom: z.number().int(),
      maxZoom: z.number().int(),
      attribution: z
        .object({ text: z.string(), url: z.string() })
        .describe('Copyright notice the provider requires on the map, shown as given and linked to url'),
      logo: z
        .object({ imageUrl: z.string(), linkUrl: z.string(), minHeightPx: z.number().int() })
        .describe('Provider logo the terms require over the map: a link to linkUrl, at least minHeightPx high'),
    }),
  ])
  .describe('Whether the web can show a map, and how (ENERGY-3)');
