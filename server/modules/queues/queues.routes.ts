import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import {
  CallList,
  CallListQuery,
  QueueOutcomeBody,
  QueueOutcomeResponse,
  QueueRuleCreateBody,
  QueueRuleList,
  QueueRuleResponse,
  QueueRuleUpdateBody,
  VisitSchedule,
  VisitScheduleQuery,
} from './queues.api.js';
import { callList, createQueueRule, listQueueRules, logQueueOutcome, updateQueueRule, visitSchedule } from './queues.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['work queues'];

export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/queues/calls',
    { schema: { tags, summary: 'Your call list for the day: due leads and cases by the phone rules of your teams', querystring: CallListQuery, response: { 200: CallList } } },
    async (request) => callList(contextOf(request), request.query),
  );

  app.get(
    '/queues/visits',
    { schema: { tags, summary: 'Your visit schedule over the next working days, by the field rules of your teams', querystring: VisitScheduleQuery, response: { 200: VisitSchedule } } },
    async (request) => visitSchedule(contextOf(request), request.query),
  );

  app.post(
    '/queues/outcomes',
    { schema: { tags, summary: 'Log a call or visit from the queue and plan its follow-up, in one step', body: QueueOutcomeBody, response: { 201: QueueOutcomeResponse } } },
    async (request, reply) => reply.code(201).send(await logQueueOutcome(contextOf(request), request.body)),
  );

  app.get(
    '/queue-rules',
    { schema: { tags, summary: "Work-queue rules of your owner company", response: { 200: QueueRuleList } } },
    async (request) => ({ items: await listQueueRules(contextOf(request)) }),
  );

  app.post(
    '/queue-rules',
    { schema: { tags, summary: 'Define which open leads and cases a team works by phone or in the field', body: QueueRuleCreateBody, response: { 201: QueueRuleResponse } } },
    async (request, reply) => reply.code(201).send(await createQueueRule(contextOf(request), request.body)),
  );

  app.patch(
    '/queue-rules/:id',
    { schema: { tags, summary: 'Change a rule; send the version you read', params: IdParams, body: QueueRuleUpdateBody, response: { 200: QueueRuleResponse } } },
    async (request) => updateQueueRule(contextOf(request), request.params.id, request.body),
  );
};
