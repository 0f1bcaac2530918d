import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import {
  ForecastList,
  ForecastPutBody,
  ForecastQuery,
  ForecastYear,
  MeterCreateBody,
  MeterList,
  MeterResponse,
  MeterUpdateBody,
  ReadingCreateBody,
  ReadingList,
  ReadingResponse,
  ReminderList,
  ReminderResponse,
} from './meters.api.js';
import {
  createMeter,
  createReading,
  getMeter,
  listForecasts,
  listMeters,
  listMyReminders,
  listReadings,
  markReminderDone,
  replaceForecastYear,
  updateMeter,
} from './meters.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['meters'];

/** Meters, readings and consumption forecasts of supply points (ENERGY-5), and the caller's reminders. */
export const meterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/supply-points/:id/meters',
    {
      schema: {
        tags,
        summary: "The supply point's meters, installed ones first (404 when outside your rights)",
        params: IdParams,
        response: { 200: MeterList },
      },
    },
    async (request) => ({ items: await listMeters(contextOf(request), request.params.id) }),
  );

  app.post(
    '/supply-points/:id/meters',
    {
      schema: {
        tags,
        summary: 'Add a meter to a supply point',
        params: IdParams,
        body: MeterCreateBody,
        response: { 201: MeterResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMeter(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/meters/:id',
    { schema: { tags, summary: 'One meter', params: IdParams, response: { 200: MeterResponse } } },
    async (request) => getMeter(contextOf(request), request.params.id),
  );

  app.patch(
    '/meters/:id',
    {
      schema: {
        tags,
        summary: 'Change a meter (e.g. set removedOn when it is replaced); send the version you read',
        params: IdParams,
        body: MeterUpdateBody,
        response: { 200: MeterResponse },
      },
    },
    async (request) => updateMeter(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/meters/:id/readings',
    {
      schema: {
        tags,
        summary: "The meter's readings, newest first, with the consumption since the previous reading",
        params: IdParams,
        response: { 200: ReadingList },
      },
    },
    async (request) => ({ items: await listReadings(contextOf(request), request.params.id) }),
  );

  app.post(
    '/meters/:id/readings',
    {
      schema: {
        tags,
        summary: 'Record a reading of one register',
        params: IdParams,
        body: ReadingCreateBody,
        response: { 201: ReadingResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReading(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/supply-points/:id/forecasts',
    {
      schema: {
        tags,
        summary: 'Expected monthly consumption in kWh, by year',
        params: IdParams,
        querystring: ForecastQuery,
        response: { 200: ForecastList },
      },
    },
    async (request) => ({
      items: await listForecasts(contextOf(request), request.params.id, request.query.year),
    }),
  );

  app.put(
    '/supply-points/:id/forecasts',
    {
      schema: {
        tags,
        summary: "Replace one year's monthly forecast (business clients only)",
        params: IdParams,
        body: ForecastPutBody,
        response: { 200: ForecastYear },
      },
    },
    async (request) => replaceForecastYear(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/reminders',
    {
      schema: {
        tags: ['reminders'],
        summary: "The caller's open reminders",
        response: { 200: ReminderList },
      },
    },
    async (request) => ({ items: await listMyReminders(contextOf(request)) }),
  );

  app.post(
    '/reminders/:id/done',
    {
      schema: {
        tags: ['reminders'],
        summary: 'Mark one of your reminders done',
        params: IdParams,
        response: { 200: ReminderResponse },
      },
    },
    async (request) => markReminderDone(contextOf(request), request.params.id),
  );
};
