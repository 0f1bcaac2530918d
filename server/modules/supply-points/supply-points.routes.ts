import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { codeLabels, type CodeLabel } from '../code-lists/code-lists.service.js';
import { userNames } from '../users/users.service.js';
import {
  DerivedParameters,
  HolderUpdateBody,
  SupplyPointCreateBody,
  SupplyPointExportQuery,
  SupplyPointListQuery,
  SupplyPointPage,
  SupplyPointResponse,
  SupplyPointUpdateBody,
} from './supply-points.api.js';
import {
  archiveSupplyPoint,
  createSupplyPoint,
  getSupplyPoint,
  listSupplyPoints,
  listSupplyPointsForExport,
  restoreSupplyPoint,
  supplyPointDerivedParameters,
  supplyPointHistory,
  updateSupplyPoint,
  updateSupplyPointHolder,
} from './supply-points.service.js';

const IdParams = z.object({ id: z.uuid() });
const VersionBody = z.strictObject({ version: z.number().int().min(1) });
const tags = ['supply points'];

/**
 * The list's columns, in the list's order: the export shows exactly these, with the list's labels in the caller's
 * language (commodity and status from the translations, territory and rate from their code lists), never codes.
 */
const exportColumns = (language: Language, label: CodeLabel): ExportColumn<SupplyPointResponse>[] => {
  const h = (field: string) => translate(language, `supplyPoints.fields.${field}`);
  return [
    { header: h('identifier'), value: (p) => p.identifier, width: 24 },
    { header: h('commodity'), value: (p) => translate(language, `supplyPoints.commodity.${p.commodity}`) },
    { header: h('client'), value: (p) => p.holder.name, width: 32 },
    { header: h('street'), value: (p) => p.address.street, width: 28 },
    { header: h('city'), value: (p) => p.address.city },
    { header: h('postalCode'), value: (p) => p.address.postalCode, width: 10 },
    { header: h('territory'), value: (p) => label('distributionTerritory', p.territoryCode), width: 32 },
    { header: h('annualConsumptionKWh'), value: (p) => (p.annualConsumptionKWh === null ? null : Number(p.annualConsumptionKWh)) },
    { header: h('currentSupplier'), value: (p) => p.currentSupplier, width: 24 },
    { header: h('distributionRate'), value: (p) => label('distributionRate', p.distributionRate), width: 28 },
    { header: h('status'), value: (p) => translate(language, `supplyPoints.status.${p.status}`) },
    { header: h('updatedAt'), value: (p) => p.updatedAt, width: 20 },
  ];
};

export const supplyPointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/supply-points',
    { schema: { tags, summary: 'List supply points of clients the caller may see', querystring: SupplyPointListQuery, response: { 200: SupplyPointPage } } },
    async (request) => listSupplyPoints(contextOf(request), request.query),
  );

  app.get(
    '/supply-points/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the list shows (same query parameters) as XLSX or CSV',
        querystring: SupplyPointExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listSupplyPointsForExport(ctx, query);
      const language = requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      const label = await codeLabels(ctx, ['distributionTerritory', 'distributionRate'], language);
      return sendExport(reply, { format, name: 'supply-points', sheet: translate(language, 'supplyPoints.title'), columns: exportColumns(language, label), rows });
    },
  );

  app.post(
    '/supply-points',
    { schema: { tags, summary: 'Create a supply point for a client', body: SupplyPointCreateBody, response: { 201: SupplyPointResponse } } },
    async (request, reply) => reply.code(201).send(await createSupplyPoint(contextOf(request), request.body, app.geocoder)),
  );

  app.get(
    '/supply-points/:id',
    { schema: { tags, summary: 'One supply point (404 when outside your rights)', params: IdParams, response: { 200: SupplyPointResponse } } },
    async (request) => getSupplyPoint(contextOf(request), request.params.id),
  );

  app.get(
    '/supply-points/:id/derived',
    {
      schema: {
        tags,
        summary: 'Consumption band, suggested territory, consumption in every unit and the gas conversion used (ENERGY-2)',
        params: IdParams,
        response: { 200: DerivedParameters },
      },
    },
    async (request) => supplyPointDerivedParameters(contextOf(request), request.params.id),
  );

  app.patch(
    '/supply-points/:id',
    { schema: { tags, summary: 'Change a supply point; send the version you read', params: IdParams, body: SupplyPointUpdateBody, response: { 200: SupplyPointResponse } } },
    async (request) => updateSupplyPoint(contextOf(request), request.params.id, request.body, app.geocoder),
  );

  app.patch(
    '/supply-points/:id/holder',
    {
      schema: {
        tags,
        summary: "Change the holder's name, address, e-mail or phone: the client's own fields (send holder.version)",
        params: IdParams,
        body: HolderUpdateBody,
        response: { 200: SupplyPointResponse },
      },
    },
    async (request) => updateSupplyPointHolder(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/supply-points/:id/archive',
    { schema: { tags, summary: 'Archive a supply point (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: SupplyPointResponse } } },
    async (request) => archiveSupplyPoint(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/supply-points/:id/restore',
    { schema: { tags, summary: 'Restore an archived supply point', params: IdParams, body: VersionBody, response: { 200: SupplyPointResponse } } },
    async (request) => restoreSupplyPoint(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/supply-points/:id/history',
    { schema: { tags, summary: 'Changes of the supply point, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await supplyPointHistory(ctx, request.params.id));
    },
  );
};
