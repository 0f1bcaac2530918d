import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { attachmentDisposition, sendExport, type ExportColumn } from '../../http/export.js';
import { formattersFor, translate, uiLanguageOf, type Language } from '../../http/i18n.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import { userNames } from '../users/users.service.js';
import {
  ContractCreateBody,
  ContractDetail,
  ContractEndBody,
  ContractExportQuery,
  ContractListQuery,
  ContractPage,
  ContractUpdateBody,
  VersionBody,
  type ContractListItem,
} from './contracts.api.js';
import {
  archiveContract,
  contractHistory,
  createContract,
  endContract,
  getContract,
  listContracts,
  listContractsForExport,
  updateContract,
} from './contracts.service.js';
import { contractPdf, contractSignatureRequests, sendContractForSignature, signedContractPdf } from './contracts.signing.js';

const pdfResponse = z.any().describe('application/pdf');

const SignatureRequestItem = z.object({
  id: z.uuid(),
  state: z.enum(['created', 'sent', 'viewed', 'signed', 'rejected', 'expired']),
  fileName: z.string(),
  signers: z.array(z.object({ name: z.string(), email: z.string() }).loose()),
  expiresAt: z.date(),
  stateChangedAt: z.date(),
  hasSignedPdf: z.boolean(),
  createdAt: z.date(),
});

const IdParams = z.object({ id: z.uuid() });
const tags = ['contracts'];

/** The register's columns in the list's order, with the labels the UI shows in the caller's language. */
const exportColumns = (language: Language): ExportColumn<ContractListItem>[] => {
  const h = (field: string) => translate(language, `contracts.fields.${field}`);
  const format = formattersFor(language);
  const day = (value: string | null) => (value ? format.date(value) : null);
  return [
    { header: h('number'), value: (c) => c.number, width: 18 },
    { header: h('client'), value: (c) => c.clientName, width: 30 },
    { header: h('type'), value: (c) => translate(language, `contracts.type.${c.type}`) },
    { header: h('commodity'), value: (c) => translate(language, `contracts.commodity.${c.commodity}`) },
    { header: h('supplier'), value: (c) => c.supplier, width: 24 },
    { header: h('productName'), value: (c) => c.productName, width: 24 },
    { header: h('state'), value: (c) => translate(language, `contracts.state.${c.state}`) },
    { header: h('startDate'), value: (c) => day(c.startDate) },
    { header: h('endDate'), value: (c) => day(c.endDate) },
    { header: h('noticeDeadline'), value: (c) => day(c.noticeDeadline) },
    { header: h('supplyPointCount'), value: (c) => c.supplyPointCount },
  ];
};

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contracts',
    { schema: { tags, summary: 'The contract register: contracts the caller may see, by type, state, supplier and end date', querystring: ContractListQuery, response: { 200: ContractPage } } },
    async (request) => listContracts(contextOf(request), request.query),
  );

  app.get(
    '/contracts/export',
    {
      schema: {
        tags,
        summary: 'Export exactly what the register shows (same query parameters) as XLSX or CSV',
        querystring: ContractExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, language: requested, ...query } = request.query;
      const rows = await listContractsForExport(ctx, query);
      const language = requested ?? uiLanguageOf((await userNames(ctx, [request.auth!.actor.userId]))[0]?.locale);
      return sendExport(reply, { format, name: 'contracts', sheet: translate(language, 'contracts.title'), columns: exportColumns(language), rows });
    },
  );

  app.post(
    '/contracts',
    { schema: { tags, summary: "Make a contract for a client's supply points with its signing persons", body: ContractCreateBody, response: { 201: ContractDetail } } },
    async (request, reply) => reply.code(201).send(await createContract(contextOf(request), request.body)),
  );

  app.get(
    '/contracts/:id',
    { schema: { tags, summary: 'One contract (404 outside your rights)', params: IdParams, response: { 200: ContractDetail } } },
    async (request) => getContract(contextOf(request), request.params.id),
  );

  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft contract; once out for signature only end date, notice period and note; send the version you read',
        params: IdParams,
        body: ContractUpdateBody,
        response: { 200: ContractDetail },
      },
    },
    async (request) => updateContract(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/contracts/:id/end',
    { schema: { tags, summary: 'Cancel (before delivery) or terminate (a signed contract) with the day and reason', params: IdParams, body: ContractEndBody, response: { 200: ContractDetail } } },
    async (request) => endContract(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/contracts/:id/archive',
    { schema: { tags, summary: 'Archive a draft, cancelled or ended contract (nothing is deleted)', params: IdParams, body: VersionBody, response: { 200: ContractDetail } } },
    async (request) => archiveContract(contextOf(request), request.params.id, request.body.version),
  );

  app.get(
    '/contracts/:id/history',
    { schema: { tags, summary: 'Changes of the contract, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await contractHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/contracts/:id/pdf',
    { schema: { tags, summary: "The contract as a PDF from the company's contract template, as it would be sent now", params: IdParams, produces: ['application/pdf'], response: { 200: pdfResponse } } },
    async (request, reply) => {
      const { fileName, pdf } = await contractPdf(contextOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).send(pdf);
    },
  );

  app.post(
    '/contracts/:id/signature',
    {
      schema: {
        tags,
        summary: "Send the contract to the client's signing persons through Signi; 502 signature.provider_failed says why when Signi fails (the contract stays unsent)",
        params: IdParams,
        response: { 200: ContractDetail },
      },
    },
    async (request) => sendContractForSignature(contextOf(request), request.server.signing, request.params.id),
  );

  app.get(
    '/contracts/:id/signature-requests',
    { schema: { tags, summary: "The contract's signature requests and their states, newest first", params: IdParams, response: { 200: z.object({ items: z.array(SignatureRequestItem) }) } } },
    async (request) => ({ items: await contractSignatureRequests(contextOf(request), request.params.id) }),
  );

  app.get(
    '/contracts/:id/signed-pdf',
    { schema: { tags, summary: 'The signed PDF as Signi returned it (404 until signed)', params: IdParams, produces: ['application/pdf'], response: { 200: pdfResponse } } },
    async (request, reply) => {
      const { fileName, bytes } = await signedContractPdf(contextOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).send(bytes);
    },
  );
};
