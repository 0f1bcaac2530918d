import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { anonymousContextOf, contextOf } from '../../http/auth-plugin.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { EventCreateBody, EventRange, EventRangeQuery, EventResponse, EventUpdateBody, FeedCreated, FeedStatus, VersionBody } from './calendar.api.js';
import { buildFeed } from './calendar.feed.js';
import {
  archiveEvent,
  createEvent,
  eventHistory,
  feedStatus,
  getEvent,
  listEvents,
  revokeFeedToken,
  rotateFeedToken,
  updateEvent,
} from './calendar.service.js';

const IdParams = z.object({ id: z.uuid() });
const FeedParams = z.object({ file: z.string().max(200).regex(/^[\w-]+\.ics$/, 'The feed file, <token>.ics') });
const tags = ['calendar'];

/** The address the caller reached us at (behind a proxy: its X-Forwarded-* headers, as `trustProxy` allows). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/events',
    {
      schema: {
        tags,
        summary: 'The team calendar between two instants: events you may see (meetings through their events)',
        querystring: EventRangeQuery,
        response: { 200: EventRange },
      },
    },
    async (request) => listEvents(contextOf(request), request.query),
  );

  app.post(
    '/calendar/events',
    { schema: { tags, summary: 'Put an event in the team calendar', body: EventCreateBody, response: { 201: EventResponse } } },
    async (request, reply) => reply.code(201).send(await createEvent(contextOf(request), request.body)),
  );

  app.get(
    '/calendar/events/:id',
    { schema: { tags, summary: 'One event (404 when outside your rights)', params: IdParams, response: { 200: EventResponse } } },
    async (request) => getEvent(contextOf(request), request.params.id),
  );

  app.patch(
    '/calendar/events/:id',
    {
      schema: {
        tags,
        summary: "Change an event entered by hand (a meeting's event changes with its activity); 409 when stale",
        params: IdParams,
        body: EventUpdateBody,
        response: { 200: EventResponse },
      },
    },
    async (request) => updateEvent(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/calendar/events/:id/archive',
    { schema: { tags, summary: 'Take an event out of the calendar (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: EventResponse } } },
    async (request) => archiveEvent(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/calendar/events/:id/history',
    { schema: { tags, summary: 'Changes of the event, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await eventHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/calendar/feed',
    { schema: { tags, summary: 'Whether the caller has a calendar feed (the URL itself is shown only when created)', response: { 200: FeedStatus } } },
    async (request) => feedStatus(contextOf(request)),
  );

  app.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Create or replace your iCalendar feed URL (the old one stops working); the URL is returned only now',
        response: { 201: FeedCreated },
      },
    },
    async (request, reply) => {
      const { token, createdAt } = await rotateFeedToken(contextOf(request));
      const url = `${originOf(request)}/api/v1/calendar/feed/${token}.ics`;
      return reply.code(201).send({ url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt });
    },
  );

  app.delete(
    '/calendar/feed',
    { schema: { tags, summary: 'Revoke your calendar feed URL', response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeFeedToken(contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/calendar/feed/:file',
    {
      // The secret token in the URL is the credential: calendar applications cannot sign in. Request lines are
      // logged at info level, so this route logs only warnings and errors, keeping tokens out of the logs.
      config: { public: true },
      logLevel: 'warn',
      schema: {
        tags,
        summary: "A user's calendar as iCalendar (RFC 5545) for Outlook or Google Calendar; 404 for an unknown or revoked token",
        security: [],
        params: FeedParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const body = await buildFeed(anonymousContextOf(request), token, originOf(request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="kilowatt.ics"')
        .send(body);
    },
  );
};
