import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../http/auth-plugin.js';
import { attachmentDisposition } from '../../http/export.js';
import { HistoryPage, withAuthors } from '../audit/audit.api.js';
import {
  AcceptResponse,
  ApprovalPolicyBody,
  ApprovalPolicyResponse,
  CompareQuery,
  OfferActionBody,
  OfferComparison,
  OfferCreateBody,
  OfferDecisionBody,
  OfferDetail,
  OfferLineBody,
  OfferListItem,
  OfferListQuery,
  OfferPage,
  OfferPreview,
  OfferRejectBody,
  OfferRelationBody,
  OfferUpdateBody,
  OfferVersions,
  Pipeline,
  PipelineQuery,
} from './offers.api.js';
import {
  acceptOffer,
  approveOffer,
  compareOfferVersions,
  createOffer,
  declineOffer,
  getApprovalPolicy,
  getOffer,
  listCaseOffers,
  linkOffers,
  listOffers,
  listOfferVersions,
  offerHistory,
  offerPdf,
  offerPipeline,
  previewOffer,
  rejectOffer,
  sendOffer,
  setApprovalPolicy,
  submitOffer,
  unlinkOffer,
  updateOffer,
} from './offers.service.js';

const IdParams = z.object({ id: z.uuid() });
const tags = ['offers'];
const pdfResponse = z.any().describe('application/pdf');
const CaseOffers = z.object({ items: z.array(OfferListItem), pipeline: Pipeline });

export const offerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/offers',
    { schema: { tags, summary: 'Offers you may see (latest versions unless allVersions), newest first', querystring: OfferListQuery, response: { 200: OfferPage } } },
    async (request) => listOffers(contextOf(request), request.query),
  );

  app.get(
    '/offers/pipeline',
    { schema: { tags, summary: 'Pipeline value of the open offers of a case or client; related offers count once with the largest', querystring: PipelineQuery, response: { 200: Pipeline } } },
    async (request) => offerPipeline(contextOf(request), request.query),
  );

  app.get(
    '/offer-approval-policy',
    { schema: { tags, summary: "Your company's approval policy: minimum margin and where offers above it go", response: { 200: ApprovalPolicyResponse } } },
    async (request) => getApprovalPolicy(contextOf(request)),
  );

  app.put(
    '/offer-approval-policy',
    { schema: { tags, summary: 'Set the approval policy (administrator); send the version read (0 for the default)', body: ApprovalPolicyBody, response: { 200: ApprovalPolicyResponse } } },
    async (request) => setApprovalPolicy(contextOf(request), request.body),
  );

  app.get(
    '/cases/:id/offers',
    { schema: { tags, summary: "The case's offers (latest versions) and their pipeline value", params: IdParams, response: { 200: CaseOffers } } },
    async (request) => listCaseOffers(contextOf(request), request.params.id),
  );

  app.post(
    '/cases/:id/offers',
    { schema: { tags, summary: "Make an offer for the case's supply points, priced from the products' price lists against the client's current prices", params: IdParams, body: OfferCreateBody, response: { 201: OfferDetail } } },
    async (request, reply) => reply.code(201).send(await createOffer(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/cases/:id/offers/preview',
    {
      schema: {
        tags,
        summary: 'Price offer lines and the saving without saving anything',
        params: IdParams,
        body: z.strictObject({ lines: z.array(OfferLineBody).min(1).max(5000) }),
        response: { 200: OfferPreview },
      },
    },
    async (request) => previewOffer(contextOf(request), request.params.id, request.body.lines),
  );

  app.get(
    '/offers/:id',
    { schema: { tags, summary: 'One offer version with its lines, the saving explained, approvals and related offers (404 outside your rights)', params: IdParams, response: { 200: OfferDetail } } },
    async (request) => getOffer(contextOf(request), request.params.id),
  );

  app.patch(
    '/offers/:id',
    {
      schema: {
        tags,
        summary: 'Change an offer: a draft in place, otherwise as a new version (answered); accepted and superseded versions are read-only',
        params: IdParams,
        body: OfferUpdateBody,
        response: { 200: OfferDetail },
      },
    },
    async (request) => updateOffer(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/offers/:id/versions',
    { schema: { tags, summary: 'Every version of the offer, newest first', params: IdParams, response: { 200: OfferVersions } } },
    async (request) => ({ items: await listOfferVersions(contextOf(request), request.params.id) }),
  );

  app.get(
    '/offers/:id/compare',
    { schema: { tags, summary: 'Two versions of the offer side by side: lines and totals', params: IdParams, querystring: CompareQuery, response: { 200: OfferComparison } } },
    async (request) => compareOfferVersions(contextOf(request), request.params.id, request.query.with),
  );

  app.get(
    '/offers/:id/history',
    { schema: { tags, summary: 'Changes of the offer and its versions, newest first', params: IdParams, response: { 200: HistoryPage } } },
    async (request) => {
      const ctx = contextOf(request);
      return withAuthors(ctx, await offerHistory(ctx, request.params.id));
    },
  );

  app.get(
    '/offers/:id/pdf',
    { schema: { tags, summary: 'The offer as a PDF from the offer template (a sent version keeps its PDF under documents)', params: IdParams, response: { 200: pdfResponse } } },
    async (request, reply) => {
      const { fileName, pdf } = await offerPdf(contextOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).send(pdf);
    },
  );

  app.post(
    '/offers/:id/relations',
    { schema: { tags, summary: 'Link with another offer of the client as related (counted once in the pipeline)', params: IdParams, body: OfferRelationBody, response: { 200: OfferDetail } } },
    async (request) => linkOffers(contextOf(request), request.params.id, request.body.offerId),
  );

  app.delete(
    '/offers/:id/relations',
    { schema: { tags, summary: 'Take the offer out of its related offers', params: IdParams, response: { 200: OfferDetail } } },
    async (request) => unlinkOffer(contextOf(request), request.params.id),
  );

  const step = (path: string, summary: string, run: typeof submitOffer) =>
    app.post(
      `/offers/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body: OfferActionBody, response: { 200: OfferDetail } } },
      async (request) => run(contextOf(request), request.params.id, request.body.version),
    );
  step('submit', 'Submit a draft: routed to the board (under the minimum margin), the manager, or approved at once, by the policy', submitOffer);
  step('send', 'Send an approved offer: its PDF is rendered and kept with the offer', sendOffer);

  app.post(
    '/offers/:id/approve',
    { schema: { tags, summary: 'Approve an offer waiting on your route (board or manager permission)', params: IdParams, body: OfferDecisionBody, response: { 200: OfferDetail } } },
    async (request) => approveOffer(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/offers/:id/reject',
    { schema: { tags, summary: 'Reject an offer waiting on your route, with the reason; it returns to a draft', params: IdParams, body: OfferRejectBody, response: { 200: OfferDetail } } },
    async (request) => rejectOffer(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/offers/:id/accept',
    { schema: { tags, summary: 'The client accepted: makes the contract (one transaction) and answers its id', params: IdParams, body: OfferActionBody, response: { 200: AcceptResponse } } },
    async (request) => acceptOffer(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/offers/:id/decline',
    { schema: { tags, summary: 'The client declined the offer; the reason is kept', params: IdParams, body: OfferDecisionBody, response: { 200: OfferDetail } } },
    async (request) => declineOffer(contextOf(request), request.params.id, request.body),
  );
};
