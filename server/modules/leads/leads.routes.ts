import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { formattersFor, translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { codeLabels, type CodeLabel } from '../code-lists/code-lists.service.js';
import { userNames } from '../users/users.service.js';
import {
  ConvertBody,
  ConvertResponse,
  DisqualifyBody,
  DuplicateList,
  LeadCreateBody,
  LeadCreateResponse,
  LeadDetailResponse,
  LeadExportQuery,
  LeadListQuery,
  LeadPage,
  LeadResponse,
  LeadUpdateBody,
  MergeBody,
  VersionBody,
} from './leads.api.js';
import { convertLead } from './leads.convert.js';
import { getLeadDuplicates, mergeLead } from './leads.duplicates.js';
import {
  archiveLead,
  createLead,
  disqualifyLead,
  getLead,
  leadHistory,
  listLeads,
  listLeadsForExport,
  qualifyLead,
  restoreLead,
  updateLead,
} from './leads.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['leads'];

/**
 * The list's columns, in the list's order: the export shows exactly these, with the labels the UI shows in the
 * caller's language. Potentials are summarised as the list shows them: commodity, territory and quantity each.
 */
const exportColumns = (language: Language, label: CodeLabel): ExportColumn<LeadResponse>[] => {
  const h = (field: string) => translate(language, `leads.fields.${field}`);
  const format = formattersFor(language);
  const potential = (lead: LeadResponse) =>
    lead.potentials
      .map((p) =>
        [
          translate(language, `leads.commodity.${p.commodity}`),
          label('distributionTerritory', p.territoryCode),
          p.quantity !== null ? `${format.number(Number(p.quantity))} ${p.quantityUnit ?? ''}`.trim() : null,
        ]
          .filter(Boolean)
          .join(' '),
      )
      .join('; ');
  return [
    { header: h('name'), value: (l) => l.name, width: 36 },
    { header: h('status'), value: (l) => translate(language, `leads.status.${l.status}`) },
    { header: h('priority'), value: (l) => l.priority, width: 10 },
    { header: h('source'), value: (l) => l.source },
    { header: h('companyId'), value: (l) => l.companyId },
    { header: h('email'), value: (l) => l.email, width: 28 },
    { header: h('phone'), value: (l) => l.phone },
    {
      header: h('contact'),
      value: (l) => [l.contactFirstName, l.contactLastName].filter(Boolean).join(' ') || null,
      width: 24,
    },
    { header: h('city'), value: (l) => l.address.city },
    { header: h('industry'), value: (l) => label('industry', l.industry), width: 26 },
    { header: h('potentials'), value: potential, width: 40 },
    {
      header: h('totalDemand'),
      value: (l) =>
        l.totalDemand !== null
          ? `${format.number(Number(l.totalDemand))} ${l.totalDemandUnit ?? ''}`.trim()
          : null,
    },
    { header: h('lastActivityAt'), value: (l) => l.lastActivityAt, width: 20 },
    { header: h('nextActivityAt'), value: (l) => l.nextActivityAt, width: 20 },
    { header: h('createdAt'), value: (l) => l.createdAt, width: 20 },
  ];
};

export const leadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/leads',
    {
      schema: {
        tags,
        summary: 'List leads the caller may see',
        querystring: LeadListQuery,
        response: { 200: LeadPage },
      },
    },
    async (request) => listLeads(contextOf(request), request.query),
  );

  app.get(
    '/leads/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: LeadExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listLeadsForExport(ctx, query);
      const language =
        requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      const label = await codeLabels(ctx, ['industry', 'distributionTerritory'], language);
      return sendExport(reply, {
        format,
        name: 'leads',
        sheet: translate(language, 'leads.title'),
        columns: exportColumns(language, label),
        rows,
      });
    },
  );

  app.post(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Create a lead; the answer lists possible duplicates (creating is allowed)',
        body: LeadCreateBody,
        response: { 201: LeadCreateResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createLead(contextOf(request), request.body)),
  );

  app.get(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'One lead with its potentials and links to what it became (404 when outside your rights)',
        params: IdParams,
        response: { 200: LeadDetailResponse },
      },
    },
    async (request) => getLead(contextOf(request), request.params.id),
  );

  app.patch(
    '/leads/:id',
    {
      schema: {
        tags,
        summary:
          'Change a lead; send the version you read (409 when stale); potentials, when sent, replace the set',
        params: IdParams,
        body: LeadUpdateBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => updateLead(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/qualify',
    {
      schema: {
        tags,
        summary: 'Mark the lead qualified (also reopens a disqualified one)',
        params: IdParams,
        body: VersionBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => qualifyLead(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/leads/:id/disqualify',
    {
      schema: {
        tags,
        summary: 'Disqualify the lead with a reason',
        params: IdParams,
        body: DisqualifyBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => disqualifyLead(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a lead (nothing is deleted)',
        params: IdParams,
        body: VersionBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => archiveLead(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/leads/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived lead',
        params: IdParams,
        body: VersionBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => restoreLead(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/leads/:id/history',
    {
      schema: {
        tags,
        summary: 'Changes of the lead, newest first',
        params: IdParams,
        response: { 200: HistoryPage },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await leadHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/leads/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Leads and clients you may see that share a company ID, e-mail, phone or supply-point identifier with the lead',
        params: IdParams,
        response: { 200: DuplicateList },
      },
    },
    async (request) => ({ items: await getLeadDuplicates(contextOf(request), request.params.id) }),
  );

  app.post(
    '/leads/:id/merge',
    {
      schema: {
        tags,
        summary:
          "Merge this lead into another: fills the kept lead's empty fields, moves the potentials, archives this one",
        params: IdParams,
        body: MergeBody,
        response: { 200: LeadResponse },
      },
    },
    async (request) => mergeLead(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/convert',
    {
      schema: {
        tags,
        summary:
          'Convert the lead into a client (or link an existing one) with a contact and a business case, in one transaction',
        params: IdParams,
        body: ConvertBody,
        response: { 200: ConvertResponse },
      },
    },
    async (request) => convertLead(contextOf(request), request.params.id, request.body),
  );
};
