import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { sendExport, type ExportColumn } from '../../http/export.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import {
  PriceListCreateBody,
  PriceListImportBody,
  PriceListImportResponse,
  PriceListResponse,
  PriceListUpdateBody,
  ProductCreateBody,
  ProductExportQuery,
  ProductListQuery,
  ProductPage,
  ProductResponse,
  ProductUpdateBody,
  QuoteBody,
  QuoteResponse,
  RegulatedComponentInput,
  RegulatedComponentQuery,
  RegulatedComponentResponse,
  RegulatedComponentUpdate,
  VatRateInput,
  VatRateResponse,
  VatRateUpdate,
} from './price-lists.api.js';
import {
  changePriceList,
  createPriceList,
  createProduct,
  createRegulatedComponent,
  createVatRate,
  getPriceList,
  getProduct,
  listPriceLists,
  listProducts,
  listProductsForExport,
  listRegulatedComponents,
  listVatRates,
  productHistory,
  quoteSupplyPoint,
  updateProduct,
  updateRegulatedComponent,
  updateVatRate,
} from './price-lists.service.js';
import { exportPriceList, importPriceList, priceListTemplate } from './price-lists.xlsx.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['price-lists'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const productColumns: ExportColumn<ProductResponse>[] = [
  { header: 'Code', value: (p) => p.code, width: 16 },
  { header: 'Name', value: (p) => p.name, width: 32 },
  { header: 'Supplier', value: (p) => p.supplier, width: 28 },
  { header: 'Commodity', value: (p) => p.commodity },
  { header: 'Country', value: (p) => p.country, width: 10 },
  { header: 'Currency', value: (p) => p.currency, width: 10 },
  { header: 'Price model', value: (p) => p.priceModel },
  { header: 'Active', value: (p) => p.active, width: 10 },
];

/** Products, price lists, regulated components, VAT rates and quotes of supply points (OFFER-1). */
export const priceListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/products',
    { schema: { tags, summary: "The owner company's products (every user may read them)", querystring: ProductListQuery, response: { 200: ProductPage } } },
    async (request) => listProducts(contextOf(request), request.query),
  );

  app.get(
    '/products/export',
    { schema: { tags, summary: 'The product list as XLSX or CSV, with the list’s own filters and sort', querystring: ProductExportQuery } },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const rows = await listProductsForExport(contextOf(request), query);
      return sendExport(reply, { format, name: 'products', sheet: 'Products', columns: productColumns, rows });
    },
  );

  app.post(
    '/products',
    { schema: { tags, summary: 'Create a product (pricing administration)', body: ProductCreateBody, response: { 201: ProductResponse } } },
    async (request, reply) => reply.code(201).send(await createProduct(contextOf(request), request.body)),
  );

  app.get('/products/:id', { schema: { tags, summary: 'One product', params: IdParams, response: { 200: ProductResponse } } }, async (request) =>
    getProduct(contextOf(request), request.params.id),
  );

  app.patch(
    '/products/:id',
    { schema: { tags, summary: 'Change a product; send the version you read', params: IdParams, body: ProductUpdateBody, response: { 200: ProductResponse } } },
    async (request) => updateProduct(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/products/:id/history',
    { schema: { tags, summary: 'Changes of the product and its price lists, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await productHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/products/:id/price-lists',
    { schema: { tags, summary: 'Every price-list version of the product, newest validity first', params: IdParams, response: { 200: z.object({ items: z.array(PriceListResponse) }) } } },
    async (request) => ({ items: await listPriceLists(contextOf(request), request.params.id) }),
  );

  app.post(
    '/products/:id/price-lists',
    {
      schema: {
        tags,
        summary: 'Add a price list (its validity must not overlap the product’s other current price lists)',
        params: IdParams,
        body: PriceListCreateBody,
        response: { 201: PriceListResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await createPriceList(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/products/:id/price-lists/import',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a price list from XLSX: preview (commit false) lists problems by row and column; commit creates it in one transaction',
        params: IdParams,
        body: PriceListImportBody,
        response: { 200: PriceListImportResponse },
      },
    },
    async (request) => importPriceList(contextOf(request), request.params.id, request.body),
  );

  app.get('/price-lists/template', { schema: { tags, summary: 'The XLSX template for a price-list import' } }, async (_request, reply) => {
    reply.header('content-disposition', 'attachment; filename="price-list-template.xlsx"');
    return reply.type(xlsxType).send(await priceListTemplate());
  });

  app.get('/price-lists/:id', { schema: { tags, summary: 'One price-list version', params: IdParams, response: { 200: PriceListResponse } } }, async (request) =>
    getPriceList(contextOf(request), request.params.id),
  );

  app.patch(
    '/price-lists/:id',
    {
      schema: {
        tags,
        summary: 'Change a price list: in place while not in use, otherwise as a new version that replaces it (returned)',
        params: IdParams,
        body: PriceListUpdateBody,
        response: { 200: PriceListResponse },
      },
    },
    async (request) => changePriceList(contextOf(request), request.params.id, request.body),
  );

  app.get('/price-lists/:id/export', { schema: { tags, summary: 'A price-list version as XLSX (the import’s layout)', params: IdParams } }, async (request, reply) => {
    const { buffer, list } = await exportPriceList(contextOf(request), request.params.id);
    reply.header('content-disposition', `attachment; filename="price-list-${list.validFrom}-r${list.revision}.xlsx"`);
    return reply.type(xlsxType).send(buffer);
  });

  app.post(
    '/supply-points/:id/quote',
    {
      schema: {
        tags,
        summary: 'Price a supply point for a product and delivery period, line by line (404 outside your rights)',
        params: IdParams,
        body: QuoteBody,
        response: { 200: QuoteResponse },
      },
    },
    async (request) => quoteSupplyPoint(contextOf(request), { supplyPointId: request.params.id, ...request.body }),
  );

  app.get(
    '/regulated-components',
    { schema: { tags, summary: 'Regulated price components (distribution, system services, taxes …) with validity', querystring: RegulatedComponentQuery, response: { 200: z.object({ items: z.array(RegulatedComponentResponse) }) } } },
    async (request) => ({ items: await listRegulatedComponents(contextOf(request), request.query) }),
  );

  app.post(
    '/regulated-components',
    { schema: { tags, summary: 'Add a regulated component (pricing administration)', body: RegulatedComponentInput, response: { 201: RegulatedComponentResponse } } },
    async (request, reply) => reply.code(201).send(await createRegulatedComponent(contextOf(request), request.body)),
  );

  app.patch(
    '/regulated-components/:id',
    { schema: { tags, summary: 'Change a regulated component', params: IdParams, body: RegulatedComponentUpdate, response: { 200: RegulatedComponentResponse } } },
    async (request) => updateRegulatedComponent(contextOf(request), request.params.id, request.body),
  );

  app.get('/vat-rates', { schema: { tags, summary: 'VAT rates per country with validity', response: { 200: z.object({ items: z.array(VatRateResponse) }) } } }, async (request) => ({
    items: await listVatRates(contextOf(request)),
  }));

  app.post(
    '/vat-rates',
    { schema: { tags, summary: 'Add a VAT rate (pricing administration)', body: VatRateInput, response: { 201: VatRateResponse } } },
    async (request, reply) => reply.code(201).send(await createVatRate(contextOf(request), request.body)),
  );

  app.patch(
    '/vat-rates/:id',
    { schema: { tags, summary: 'Change a VAT rate', params: IdParams, body: VatRateUpdate, response: { 200: VatRateResponse } } },
    async (request) => updateVatRate(contextOf(request), request.params.id, request.body),
  );
};
