import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import {
  GateFieldList,
  ProcessListQuery,
  ProcessTemplateCreateBody,
  ProcessTemplateList,
  ProcessTemplateResponse,
  ProcessTemplateUpdateBody,
} from './processes.api.js';
import {
  createProcessTemplate,
  getProcessTemplate,
  listGateFields,
  listProcessTemplates,
  processTemplateHistory,
  updateProcessTemplate,
} from './processes.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['processes'];

export const processRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/process-templates',
    { schema: { tags, summary: "Process templates of the caller's owner company", querystring: ProcessListQuery, response: { 200: ProcessTemplateList } } },
    async (request) => ({ items: await listProcessTemplates(contextOf(request), { includeInactive: request.query.includeInactive === 'true' }) }),
  );

  app.get(
    '/process-templates/gate-fields',
    { schema: { tags, summary: 'The case fields a stage may require (the gate catalogue)', response: { 200: GateFieldList } } },
    async (request) => {
      contextOf(request);
      return { items: listGateFields() };
    },
  );

  app.post(
    '/process-templates',
    { schema: { tags, summary: 'Define a process with ordered stages, gates and tasks', body: ProcessTemplateCreateBody, response: { 201: ProcessTemplateResponse } } },
    async (request, reply) => reply.code(201).send(await createProcessTemplate(contextOf(request), request.body)),
  );

  app.get(
    '/process-templates/:id',
    { schema: { tags, summary: 'One process template with its stages and tasks', params: IdParams, response: { 200: ProcessTemplateResponse } } },
    async (request) => getProcessTemplate(contextOf(request), request.params.id),
  );

  app.patch(
    '/process-templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a process; `stages` replaces the stages in order (keep ids of existing ones); send the version you read',
        params: IdParams,
        body: ProcessTemplateUpdateBody,
        response: { 200: ProcessTemplateResponse },
      },
    },
    async (request) => updateProcessTemplate(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/process-templates/:id/history',
    { schema: { tags, summary: 'Changes of the process, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await processTemplateHistory(ctx, request.params.id));
    },
  );
};
