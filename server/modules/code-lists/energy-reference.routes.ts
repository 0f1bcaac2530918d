import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CountryCode, Version } from '../../../domain/schemas/common.js';
import { contextOf } from '../../http/auth-plugin.js';
import { createConsumptionBand, listConsumptionBands, updateConsumptionBand } from './energy-reference.service.js';

const Kwh = z.string().trim().regex(/^\d{1,15}(\.\d{1,3})?$/, 'A non-negative decimal number as text');
const IsoDate = z.iso.date();

const BandFields = z.strictObject({
  code: z.string().trim().min(1).max(20),
  country: CountryCode,
  commodity: z.enum(['electricity', 'gas']),
  customerCategory: z.enum(['household', 'business']),
  territoryCode: z.string().trim().max(40).nullish().describe('Code list distributionTerritory; empty for a country-wide band'),
  lowerKWh: Kwh,
  upperKWh: Kwh.nullish().describe('Empty for "and above"'),
  lowerInclusive: z.boolean(),
  upperInclusive: z.boolean(),
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  source: z.string().trim().min(1).max(300).describe('The decision or price list the limits come from'),
});

const Band = BandFields.extend({
  id: z.uuid(),
  territoryCode: z.string().nullable(),
  upperKWh: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number().int(),
});

/** Consumption bands are dated regulator data an administrator keeps current (ENERGY-2). */
export const energyReferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['code lists'];
  app.get(
    '/consumption-bands',
    {
      schema: {
        tags,
        summary: 'Consumption bands with their validity and source',
        querystring: z.object({ country: CountryCode.optional(), commodity: z.enum(['electricity', 'gas']).optional() }),
        response: { 200: z.object({ items: z.array(Band) }) },
      },
    },
    async (request) => ({ items: await listConsumptionBands(contextOf(request), request.query) }),
  );
  app.post(
    '/consumption-bands',
    { schema: { tags, summary: 'Add a band, e.g. for a new price decision (administrator)', body: BandFields, response: { 201: Band } } },
    async (request, reply) => reply.code(201).send(await createConsumptionBand(contextOf(request), request.body)),
  );
  app.patch(
    '/consumption-bands/:id',
    {
      schema: {
        tags,
        summary: 'Correct a band or end its validity (administrator)',
        params: z.object({ id: z.uuid() }),
        body: BandFields.partial().extend({ version: Version }),
        response: { 200: Band },
      },
    },
    async (request) => updateConsumptionBand(contextOf(request), request.params.id, request.body),
  );
};
