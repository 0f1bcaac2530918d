import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { attachmentDisposition, sendExport, type ExportColumn } from '../../http/export.js';
import { formattersFor, translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import type { ServiceContext } from '../../context.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { getOwner } from '../owners/owners.service.js';
import { userNames } from '../users/users.service.js';
import {
  CommissionExportQuery,
  CommissionListQuery,
  CommissionPage,
  ProblemList,
  RetryResponse,
  RuleCreateBody,
  RuleList,
  RuleListQuery,
  RuleResponse,
  RuleUpdateBody,
  StatementApproveBody,
  StatementDetail,
  StatementFileQuery,
  StatementKey,
  StatementList,
  StatementListQuery,
  type CommissionItem,
} from './commissions.api.js';
import { statementFileName, statementPdf, statementWorkbook } from './commissions.files.js';
import { archiveRule, createRule, getRule, listRules, ruleHistory, updateRule } from './commissions.rules.js';
import { listCommissionProblems, listCommissions, listCommissionsForExport, retryCommissionProblems } from './commissions.service.js';
import { approveStatement, getStatement, getStatementFor, listStatements } from './commissions.statements.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['commissions'];
const fileResponse = z.any().describe('the file');

const languageOf = async (ctx: ServiceContext, requested: Language | undefined): Promise<Language> =>
  requested ?? uiLanguageOf(ctx.actor.kind === 'user' ? (await userNames(ctx, [ctx.actor.userId]))[0]?.locale : null);

/** The list's columns in its order, labelled in the caller's language. */
const exportColumns = (language: Language): ExportColumn<CommissionItem>[] => {
  const h = (field: string) => translate(language, `commissions.fields.${field}`);
  const format = formattersFor(language);
  return [
    { header: h('createdAt'), value: (c) => format.date(c.createdAt.toISOString().slice(0, 10)) },
    { header: h('person'), value: (c) => c.userName ?? translate(language, 'commissions.kind.company'), width: 24 },
    { header: h('kind'), value: (c) => translate(language, `commissions.kind.${c.kind}`) },
    { header: h('entry'), value: (c) => translate(language, `commissions.entry.${c.entry}`) },
    { header: h('contract'), value: (c) => c.contractNumber },
    { header: h('signedOn'), value: (c) => (c.signedOn ? format.date(c.signedOn) : null) },
    { header: h('client'), value: (c) => c.clientName, width: 28 },
    { header: h('supplyPoint'), value: (c) => c.supplyPointIdentifier, width: 24 },
    { header: h('rule'), value: (c) => c.ruleName, width: 24 },
    { header: h('annualMWh'), value: (c) => c.annualMWh },
    { header: h('deliveryMonths'), value: (c) => c.deliveryMonths },
    { header: h('margin'), value: (c) => c.margin },
    { header: h('explanation'), value: (c) => c.explanation, width: 28 },
    { header: h('baseAmount'), value: (c) => c.baseAmount },
    { header: h('share'), value: (c) => c.share },
    { header: h('amount'), value: (c) => c.amount },
  ];
};

export const commissionRoutes: FastifyPluginAsyncZod = async (app) => {
  // ——— rules (COMM-1)
  app.get('/commission-rules', { schema: { tags, summary: "The owner company's commission rules", querystring: RuleListQuery, response: { 200: RuleList } } }, async (request) => ({
    items: await listRules(contextOf(request), request.query),
  }));

  app.post(
    '/commission-rules',
    {
      schema: {
        tags,
        summary: 'Define a rule (admin.commissions); overlapping another rule of the same scope, or stages not adding up to 100 %, answers 400 naming field and rule',
        body: RuleCreateBody,
        response: { 201: RuleResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createRule(contextOf(request), request.body)),
  );

  app.get('/commission-rules/:id', { schema: { tags, summary: 'One rule', params: IdParams, response: { 200: RuleResponse } } }, async (request) =>
    getRule(contextOf(request), request.params.id),
  );

  app.patch(
    '/commission-rules/:id',
    { schema: { tags, summary: 'Change a rule; once commissions were computed from it, only its name and end (409 otherwise)', params: IdParams, body: RuleUpdateBody, response: { 200: RuleResponse } } },
    async (request) => updateRule(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/commission-rules/:id/archive',
    { schema: { tags, summary: 'Archive a rule: it computes no new commissions', params: IdParams, body: z.object({ version: z.number().int() }), response: { 200: RuleResponse } } },
    async (request) => archiveRule(contextOf(request), request.params.id, request.body.version),
  );

  app.get('/commission-rules/:id/history', { schema: { tags, summary: 'Changes of the rule, newest first', params: IdParams, response: { 200: HistoryPage } } }, async (request) => {
    const ctx = contextOf(request);
    return withAuthors(ctx, await ruleHistory(ctx, request.params.id));
  });

  // ——— commissions (COMM-2 to COMM-5)
  app.get(
    '/commissions',
    { schema: { tags, summary: 'Commissions with what explains them: yours, or (commissions.readAll) all of your company', querystring: CommissionListQuery, response: { 200: CommissionPage } } },
    async (request) => listCommissions(contextOf(request), request.query),
  );

  app.get(
    '/commissions/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: CommissionExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listCommissionsForExport(ctx, query);
      const language = await languageOf(ctx, requested);
      return sendExport(reply, { format, name: 'commissions', sheet: translate(language, 'commissions.title'), columns: exportColumns(language), rows });
    },
  );

  app.get('/commissions/problems', { schema: { tags, summary: 'Supply points of signed contracts that earned no commission, and why', response: { 200: ProblemList } } }, async (request) => ({
    items: await listCommissionProblems(contextOf(request)),
  }));

  app.post(
    '/commissions/retry',
    { schema: { tags, summary: 'Compute what the reported contracts lack (after a new rule), in one transaction', response: { 200: RetryResponse } } },
    async (request) => retryCommissionProblems(contextOf(request)),
  );

  // ——— statements (COMM-5)
  app.get(
    '/commission-statements',
    { schema: { tags, summary: 'Approved statements, and with a period the previews of those still to approve', querystring: StatementListQuery, response: { 200: StatementList } } },
    async (request) => ({ items: await listStatements(contextOf(request), request.query) }),
  );

  app.get(
    '/commission-statements/preview',
    { schema: { tags, summary: "A person's statement for a month: the approved one, or what approving would lock now", querystring: StatementKey, response: { 200: StatementDetail } } },
    async (request) => getStatementFor(contextOf(request), request.query.userId, request.query.period),
  );

  app.post(
    '/commission-statements',
    {
      schema: {
        tags,
        summary: "Approve a person's statement for a month (commissions.approve): it is locked; corrections go into the next month",
        body: StatementApproveBody,
        response: { 201: StatementDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await approveStatement(contextOf(request), request.body)),
  );

  app.get('/commission-statements/:id', { schema: { tags, summary: 'One approved statement with its lines', params: IdParams, response: { 200: StatementDetail } } }, async (request) =>
    getStatement(contextOf(request), request.params.id),
  );

  app.get(
    '/commission-statements/:id/pdf',
    { schema: { tags, summary: 'The approved statement as PDF', params: IdParams, querystring: StatementFileQuery, produces: ['application/pdf'], response: { 200: fileResponse } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const statement = await getStatement(ctx, request.params.id);
      const owner = await getOwner({ ...ctx, actor: { kind: 'system', name: 'commission-statement' } }, request.auth!.actor.ownerId);
      const pdf = await statementPdf(statement, await languageOf(ctx, request.query.language), owner.name);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(statementFileName(statement, 'pdf'))).send(pdf);
    },
  );

  app.get(
    '/commission-statements/:id/xlsx',
    {
      schema: {
        tags,
        summary: 'The approved statement as XLSX',
        params: IdParams,
        querystring: StatementFileQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const statement = await getStatement(ctx, request.params.id);
      const workbook = await statementWorkbook(statement, await languageOf(ctx, request.query.language));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(statementFileName(statement, 'xlsx')))
        .send(workbook);
    },
  );
};
