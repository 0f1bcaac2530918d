import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { defaultTimeZone } from '../../../domain/activities/days.js';
import { translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { userNames } from '../users/users.service.js';
import {
  ActivityCancelBody,
  ActivityCompleteBody,
  ActivityCreateBody,
  ActivityExportQuery,
  ActivityListItem,
  ActivityListQuery,
  ActivityPage,
  ActivityResponse,
  ActivityUpdateBody,
  MyDayQuery,
  MyDayResponse,
  VersionBody,
} from './activities.api.js';
import {
  activityHistory,
  archiveActivity,
  cancelActivity,
  completeActivity,
  createActivity,
  getActivityItem,
  listActivities,
  listActivitiesForExport,
  myDay,
  updateActivity,
} from './activities.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['activities'];

/** The list's columns in the list's order, labelled as the UI labels them in the caller's language. */
const exportColumns = (language: Language, timeZone: string): ExportColumn<ActivityListItem>[] => {
  const h = (field: string) => translate(language, `activities.fields.${field}`);
  const dateTime = new Intl.DateTimeFormat(language === 'sk' ? 'sk-SK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone });
  const format = { dateTime: (value: Date | null) => (value ? dateTime.format(value) : null) };
  return [
    { header: h('kind'), value: (a) => translate(language, `activities.kind.${a.kind}`) },
    { header: h('subject'), value: (a) => a.subject, width: 40 },
    { header: h('startAt'), value: (a) => format.dateTime(a.startAt), width: 20 },
    { header: h('dueAt'), value: (a) => format.dateTime(a.dueAt), width: 20 },
    { header: h('status'), value: (a) => translate(language, `activities.status.${a.status}`) },
    { header: h('responsibleUser'), value: (a) => a.responsibleUser?.name ?? null, width: 24 },
    { header: h('client'), value: (a) => a.client?.name ?? null, width: 30 },
    { header: h('case'), value: (a) => a.case?.name ?? null, width: 30 },
    { header: h('lead'), value: (a) => a.lead?.name ?? null, width: 30 },
    { header: h('outcome'), value: (a) => a.outcome },
    { header: h('completedAt'), value: (a) => format.dateTime(a.completedAt), width: 20 },
  ];
};

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/activities',
    { schema: { tags, summary: 'List activities the caller may see', querystring: ActivityListQuery, response: { 200: ActivityPage } } },
    async (request) => listActivities(contextOf(request), request.query),
  );

  app.get(
    '/activities/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: ActivityExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, timeZone, ...query } = request.query;
      const rows = await listActivitiesForExport(ctx, query);
      const language = requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      return sendExport(reply, { format, name: 'activities', sheet: translate(language, 'activities.title'), columns: exportColumns(language, timeZone ?? defaultTimeZone), rows });
    },
  );

  app.get(
    '/activities/my-day',
    {
      schema: {
        tags,
        summary: "The caller's open activities that are overdue or due today, with what they are linked to",
        querystring: MyDayQuery,
        response: { 200: MyDayResponse },
      },
    },
    async (request) => myDay(contextOf(request), request.query),
  );

  app.post(
    '/activities',
    { schema: { tags, summary: 'Create an activity', body: ActivityCreateBody, response: { 201: ActivityResponse } } },
    async (request, reply) => reply.code(201).send(await createActivity(contextOf(request), request.body)),
  );

  app.get(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity with the names of what it links to (404 when outside your rights)',
        params: IdParams,
        response: { 200: ActivityListItem },
      },
    },
    async (request) => getActivityItem(contextOf(request), request.params.id),
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity; send the version you read (409 when stale)',
        params: IdParams,
        body: ActivityUpdateBody,
        response: { 200: ActivityResponse },
      },
    },
    async (request) => updateActivity(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/activities/:id/complete',
    {
      schema: {
        tags,
        summary: 'Mark an open activity done, with its outcome',
        params: IdParams,
        body: ActivityCompleteBody,
        response: { 200: ActivityResponse },
      },
    },
    async (request) => completeActivity(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/activities/:id/cancel',
    { schema: { tags, summary: 'Cancel an open activity', params: IdParams, body: ActivityCancelBody, response: { 200: ActivityResponse } } },
    async (request) => cancelActivity(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/activities/:id/archive',
    { schema: { tags, summary: 'Archive an activity (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: ActivityResponse } } },
    async (request) => archiveActivity(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/activities/:id/history',
    { schema: { tags, summary: 'Changes of the activity, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await activityHistory(ctx, request.params.id));
    },
  );
};
