import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { formattersFor, translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { codeLabels, type CodeLabel } from '../code-lists/code-lists.service.js';
import { userNames } from '../users/users.service.js';
import {
  BoardQuery,
  BoardResponse,
  CaseActionBody,
  CaseActionResponse,
  CaseCloseBody,
  CaseCreateBody,
  CaseDetail,
  CaseExportQuery,
  CaseListQuery,
  CasePage,
  CasesSummary,
  CaseStageBody,
  CaseUpdateBody,
  StageChangeList,
  VersionBody,
  type CaseListItem,
} from './cases.api.js';
import { runCaseAction } from './cases.actions.js';
import { caseBoard } from './cases.board.js';
import {
  archiveCase,
  caseHistory,
  caseStageChangeList,
  changeCaseStage,
  clientCasesSummary,
  closeCase,
  createCase,
  getCase,
  listCases,
  listCasesForExport,
  updateCase,
} from './cases.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['cases'];

/** The list's columns in the list's order, with the labels the UI shows in the caller's language. */
const exportColumns = (language: Language, label: CodeLabel): ExportColumn<CaseListItem>[] => {
  const h = (field: string) => translate(language, `cases.fields.${field}`);
  const format = formattersFor(language);
  const day = (value: string | null) => (value ? format.date(value) : null);
  return [
    { header: h('name'), value: (c) => c.name, width: 36 },
    { header: h('client'), value: (c) => c.clientName, width: 30 },
    { header: h('type'), value: (c) => label('caseType', c.type) },
    { header: h('commodity'), value: (c) => translate(language, `cases.commodity.${c.commodity}`) },
    { header: h('stage'), value: (c) => c.stage?.name ?? null, width: 22 },
    { header: h('state'), value: (c) => translate(language, c.outcome ? `cases.outcome.${c.outcome}` : `cases.state.${c.state}`) },
    { header: h('responsibleUser'), value: (c) => c.responsibleUser?.name ?? null, width: 24 },
    { header: h('territoryCode'), value: (c) => label('distributionTerritory', c.territoryCode), width: 26 },
    { header: h('expectedCloseDate'), value: (c) => day(c.expectedCloseDate) },
    { header: h('lastActivityAt'), value: (c) => c.lastActivityAt, width: 20 },
    { header: h('nextActivityAt'), value: (c) => c.nextActivityAt, width: 20 },
    { header: h('createdAt'), value: (c) => c.createdAt, width: 20 },
  ];
};

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cases',
    { schema: { tags, summary: 'List business cases the caller may see', querystring: CaseListQuery, response: { 200: CasePage } } },
    async (request) => listCases(contextOf(request), request.query),
  );

  app.get(
    '/cases/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: CaseExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listCasesForExport(ctx, query);
      const language = requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      const label = await codeLabels(ctx, ['caseType', 'distributionTerritory'], language);
      return sendExport(reply, { format, name: 'cases', sheet: translate(language, 'cases.title'), columns: exportColumns(language, label), rows });
    },
  );

  app.get(
    '/cases/board',
    {
      schema: {
        tags,
        summary: 'Kanban board of a process: its stages with the open cases you may see (capped per column, with counts)',
        querystring: BoardQuery,
        response: { 200: BoardResponse },
      },
    },
    async (request) => caseBoard(contextOf(request), request.query),
  );

  app.post(
    '/cases',
    { schema: { tags, summary: 'Open a business case', body: CaseCreateBody, response: { 201: CaseDetail } } },
    async (request, reply) => reply.code(201).send(await createCase(contextOf(request), request.body)),
  );

  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'One case with participants, supply points, potentials and stage (404 outside your rights)', params: IdParams, response: { 200: CaseDetail } } },
    async (request) => getCase(contextOf(request), request.params.id),
  );

  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change a case; participants, supply points and potentials given replace the sets; send the version you read',
        params: IdParams,
        body: CaseUpdateBody,
        response: { 200: CaseDetail },
      },
    },
    async (request) => updateCase(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/archive',
    { schema: { tags, summary: 'Archive a case (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: CaseDetail } } },
    async (request) => archiveCase(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/cases/:id/close',
    { schema: { tags, summary: 'Close as won or lost with a closing note; a won case may continue as service support', params: IdParams, body: CaseCloseBody, response: { 200: CaseDetail } } },
    async (request) => closeCase(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/stage',
    {
      schema: {
        tags,
        summary: "Move the case to a stage of its process; 400 case.gate_unmet lists each required field that is empty",
        params: IdParams,
        body: CaseStageBody,
        response: { 200: CaseDetail },
      },
    },
    async (request) => changeCaseStage(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/cases/:id/stage-changes',
    { schema: { tags, summary: 'Every stage change of the case, newest first', params: IdParams, response: { 200: StageChangeList } } },
    async (request) => ({ items: await caseStageChangeList(contextOf(request), request.params.id) }),
  );

  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'One click on a case: a task, a call record, a meeting (with its calendar event) or closing it',
        params: IdParams,
        body: CaseActionBody,
        response: { 200: CaseActionResponse },
      },
    },
    async (request) => runCaseAction(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/cases/:id/history',
    { schema: { tags, summary: 'Changes of the case, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await caseHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/clients/:id/cases-summary',
    {
      schema: {
        tags,
        summary: "Account-level opportunity: the client's cases you may see, total demand, won and remaining potential per commodity",
        params: IdParams,
        response: { 200: CasesSummary },
      },
    },
    async (request) => clientCasesSummary(contextOf(request), request.params.id),
  );
};
