import { nextYearlyNumber } from '../../db/numbering.js';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import type { OfferDocumentData } from '../../../domain/documents/placeholders.js';
import { moneyString } from '../../../domain/money.js';
import { approvalRouteOf, type ApprovalPolicy } from '../../../domain/offers/approval.js';
import { nextOfferState, offerChangeMode, type OfferAction } from '../../../domain/offers/lifecycle.js';
import { pipelineValue } from '../../../domain/offers/pipeline.js';
import { readTogether, withTx, type ServiceContext } from '../../context.js';
import { encodeCursor, keysetAfter, keysetOrder, pageOf, type Keyset } from '../../db/keyset.js';
import { AppError, invalidField, notFound, type FieldProblem, invalidFields } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { visibleTo } from '../auth/access.js';
import { actorUserId, assertCan, can, type Actor } from '../auth/permissions.js';
import { loadVisibleCase, visibleCaseNames } from '../cases/cases.records.js';
import { getCase } from '../cases/cases.service.js';
import { clientNames, getClient } from '../clients/clients.service.js';
import { listContactsOfClient } from '../contacts/contacts.service.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { createContract } from '../contracts/contracts.service.js';
import { documentClient, documentPersonOf, documentSupplyPoints } from '../documents/document-data.js';
import { getDocumentFile, listDocumentsOf, registerDocumentAccess, renderDocumentPdf, storeDocument } from '../documents/documents.service.js';
import { getProduct, markPriceListUsed, productsByIds } from '../price-lists/price-lists.service.js';
import { visibleSupplyPoints } from '../supply-points/supply-points.service.js';
import { userNames } from '../users/users.service.js';
import type {
  ApprovalPolicyBody,
  OfferComparison,
  OfferCreateBody,
  OfferDecisionBody,
  OfferDetail,
  OfferLine,
  OfferLineBody,
  OfferListItem,
  OfferListQuery,
  OfferPreview,
  OfferRejectBody,
  OfferUpdateBody,
} from './offers.api.js';
import { priceOfferLines, totalsOf, totalsResponse, type LineValues, type StoredPricing } from './offers.pricing.js';
import { offerApprovalPolicies, offerApprovals, offerLines, offers } from './offers.schema.js';

type OfferRow = typeof offers.$inferSelect;
type LineRow = typeof offerLines.$inferSelect;

// ——— access and shared pieces ———

const visibleOffers = (ctx: ServiceContext): SQL => visibleTo(ctx.actor, offers);

/** The one way an offer version is read for anything: through the caller's access filter, 404 otherwise. */
const loadVisibleOffer = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<OfferRow> => {
  const query = ctx.db.select().from(offers).where(and(eq(offers.id, id), visibleOffers(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Offer');
  return row;
};

// A stored offer PDF is downloadable exactly when the offer version is visible.
registerDocumentAccess('offer', (ctx, id) => loadVisibleOffer(ctx, id));

const offerTarget = (row: { id: string; rootId: string; ownerId: string }) => ({
  entityType: 'offer',
  entityId: row.id,
  rootType: 'offer',
  rootId: row.rootId,
  ownerId: row.ownerId,
});

/** Margins are shown to those who decide on them. */
const seesMargin = (actor: Actor) => can(actor, 'offers.approveManager') || can(actor, 'offers.approveBoard');

const versionConflict = () => new AppError('version_conflict', 'The offer was changed by someone else; reload it and try again');


const transition = (row: OfferRow, action: OfferAction) => {
  const next = nextOfferState(row.state, action);
  if (!next.ok) throw new AppError('offer.wrong_state', `A ${row.state} offer cannot take the step "${action.kind}"`);
  return next.state;
};

const today = (ctx: ServiceContext) => businessDate(ctx.now());

const assertNotExpired = (ctx: ServiceContext, row: OfferRow) => {
  if (row.validUntil < today(ctx)) throw new AppError('offer.expired', `The offer was valid until ${row.validUntil}`);
};

/** The next number of the owner's offers this year, shared by its versions: OF-<year>-<five digits>. */
const nextOfferNumber = (ctx: ServiceContext, ownerId: string): Promise<string> =>
  nextYearlyNumber(ctx, { table: offers, number: offers.number, owner: offers.ownerId, prefix: 'OF' }, ownerId);

type Terms = {
  contactId: string | null;
  validUntil: string;
  bindingFrom: string | null;
  bindingTo: string | null;
};

/** Rules of the offer's own fields: a contact of the client, a validity not in the past, a binding period in order. */
const assertTerms = async (ctx: ServiceContext, clientId: string, terms: Terms) => {
  const errors: FieldProblem[] = [];
  if (terms.validUntil < today(ctx)) errors.push({ path: 'validUntil', code: 'in_the_past', message: `must be today (${today(ctx)}) or later` });
  if (terms.bindingFrom && terms.bindingTo && terms.bindingTo < terms.bindingFrom) {
    errors.push({ path: 'bindingTo', code: 'before_binding_from', message: 'the binding period ends before it starts' });
  }
  if (terms.contactId) {
    const contacts = await listContactsOfClient(ctx, clientId);
    if (!contacts.some((c) => c.id === terms.contactId)) errors.push({ path: 'contactId', code: 'other_client', message: "not a contact of the offer's client" });
  }
  if (errors.length > 0) throw invalidFields(errors);
};

// ——— responses ———

const totalsOfRow = (row: OfferRow) => ({
  quantityMWh: '0',
  currentCost: row.currentCost,
  offeredCost: row.offeredCost,
  saving: row.saving,
  savingPercent: row.savingPercent,
  offeredGross: row.offeredGross,
  margin: row.margin,
  marginPercent: row.marginPercent,
});

const lineCounts = async (ctx: ServiceContext, ids: string[]) => {
  if (ids.length === 0) return new Map<string, { count: number; quantity: string }>();
  const rows = await ctx.db
    .select({ offerId: offerLines.offerId, count: sql<number>`count(*)::int`, quantity: sql<string>`sum(${offerLines.quantityMWh})::text` })
    .from(offerLines)
    .where(inArray(offerLines.offerId, ids))
    .groupBy(offerLines.offerId);
  return new Map(rows.map((r) => [r.offerId, { count: r.count, quantity: new Decimal(r.quantity).toFixed(3) }]));
};

const listItemOf = (ctx: ServiceContext, row: OfferRow, lines: { count: number; quantity: string } | undefined, caseName: string | null): OfferListItem => ({
  id: row.id,
  rootId: row.rootId,
  versionNumber: row.versionNumber,
  number: row.number,
  caseId: row.caseId,
  caseName,
  clientId: row.clientId,
  state: row.state,
  kind: row.kind,
  isAlternative: row.isAlternative,
  relationGroupId: row.relationGroupId,
  commodity: row.commodity,
  validUntil: row.validUntil,
  approvalRoute: row.approvalRoute,
  totals: totalsResponse(row.currency, { ...totalsOfRow(row), quantityMWh: lines?.quantity ?? '0.000' }, seesMargin(ctx.actor)),
  lineCount: lines?.count ?? 0,
  contractId: row.contractId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

const toListItems = async (ctx: ServiceContext, rows: OfferRow[]): Promise<OfferListItem[]> => {
  const [counts, caseNames] = await readTogether(
    ctx,
    () => lineCounts(ctx, rows.map((r) => r.id)),
    // Null where the case is outside the caller's rights.
    () => visibleCaseNames(ctx, [...new Set(rows.map((r) => r.caseId))]),
  );
  return rows.map((row) => listItemOf(ctx, row, counts.get(row.id), caseNames.get(row.caseId) ?? null));
};

/** Identifiers of the lines' supply points the caller may see, and product names. */
const lineLabels = async (ctx: ServiceContext, lines: { supplyPointId: string; productId: string }[]) => {
  const pointIds = [...new Set(lines.map((l) => l.supplyPointId))];
  const visible = visibleSupplyPoints(ctx);
  const points = pointIds.length
    ? await ctx.db.select({ id: visible.id, identifier: visible.identifier }).from(visible).where(inArray(visible.id, pointIds))
    : [];
  // One query for every product; the lines' products were checked against the owner company when they were priced.
  const named = await productsByIds(ctx, lines.map((l) => l.productId));
  const products = new Map(lines.map((l) => [l.productId, named.get(l.productId)?.name ?? null]));
  return { identifiers: new Map(points.map((p) => [p.id, p.identifier])), products };
};

const lineOf = (
  line: Omit<LineRow, 'id' | 'offerId'> | LineValues,
  labels: Awaited<ReturnType<typeof lineLabels>>,
  margin: boolean,
): OfferLine => {
  const pricing = line.pricing as StoredPricing;
  return {
    position: line.position,
    supplyPointId: line.supplyPointId,
    supplyPointIdentifier: labels.identifiers.get(line.supplyPointId) ?? null,
    productId: line.productId,
    productName: labels.products.get(line.productId) ?? null,
    priceListId: line.priceListId,
    deliveryFrom: line.deliveryFrom,
    deliveryTo: line.deliveryTo,
    quantityMWh: new Decimal(line.quantityMWh).toFixed(3),
    currentPricePerMWh: new Decimal(line.currentPricePerMWh).toFixed(),
    currentMonthlyFee: new Decimal(line.currentMonthlyFee).toFixed(),
    currentCost: line.currentCost,
    offeredCost: line.offeredCost,
    saving: line.saving,
    savingPercent: line.savingPercent ?? null,
    offeredGross: line.offeredGross,
    margin: margin ? (line.margin ?? null) : null,
    marginPercent: margin ? (line.marginPercent ?? null) : null,
    comparison: pricing.comparison,
    offeredLines: pricing.offered.lines,
    currentLines: pricing.current.lines,
  };
};

const linesOf = async (ctx: ServiceContext, offerId: string): Promise<LineRow[]> =>
  ctx.db.select().from(offerLines).where(eq(offerLines.offerId, offerId)).orderBy(asc(offerLines.position));

/** The offer's approvals, oldest first, with the names of those who decided. */
const approvalsOf = async (ctx: ServiceContext, offerId: string) => {
  const approvals = await ctx.db.select().from(offerApprovals).where(eq(offerApprovals.offerId, offerId)).orderBy(asc(offerApprovals.decidedAt));
  const deciders = new Map((await userNames(ctx, [...new Set(approvals.map((a) => a.decidedBy).filter((id): id is string => id !== null))])).map((u) => [u.id, u.name]));
  return { approvals, deciders };
};

const toDetail = async (ctx: ServiceContext, row: OfferRow): Promise<OfferDetail> => {
  const margin = seesMargin(ctx.actor);
  const [{ lines, labels }, { approvals, deciders }, related, clientName, caseName, documents] = await readTogether(
    ctx,
    async () => {
      const lines = await linesOf(ctx, row.id);
      return { lines, labels: await lineLabels(ctx, lines) };
    },
    () => approvalsOf(ctx, row.id),
    async () =>
      row.relationGroupId
        ? ctx.db
            .select()
            .from(offers)
            .where(and(eq(offers.relationGroupId, row.relationGroupId), ne(offers.rootId, row.rootId), ne(offers.state, 'superseded'), visibleOffers(ctx)))
            .orderBy(asc(offers.number))
        : [],
    async () => (await clientNames(ctx, [row.clientId])).get(row.clientId) ?? null,
    // Null when the case is outside the caller's rights.
    async () => (await visibleCaseNames(ctx, [row.caseId])).get(row.caseId) ?? null,
    () => listDocumentsOf(ctx, 'offer', row.id),
  );
  const quantity = lines.reduce((s, l) => s.plus(l.quantityMWh), new Decimal(0)).toFixed(3);
  const route = row.approvalRoute;
  return {
    ...listItemOf(ctx, row, { count: lines.length, quantity }, caseName),
    ownerId: row.ownerId,
    teamId: row.teamId,
    responsibleUserId: row.responsibleUserId,
    clientName,
    caseName,
    contactId: row.contactId,
    bindingFrom: row.bindingFrom,
    bindingTo: row.bindingTo,
    note: row.note,
    sentAt: row.sentAt,
    closedAt: row.closedAt,
    closingReason: row.closingReason,
    changeMode: offerChangeMode(row.state),
    canApprove: row.state === 'awaitingApproval' && route !== null && route !== 'none' && can(ctx.actor, route === 'board' ? 'offers.approveBoard' : 'offers.approveManager'),
    lines: lines.map((l) => lineOf(l, labels, margin)),
    approvals: approvals.map((a) => ({
      id: a.id,
      route: a.route,
      decision: a.decision,
      reason: a.reason,
      by: a.decidedBy ? { id: a.decidedBy, name: deciders.get(a.decidedBy) ?? '' } : null,
      at: a.decidedAt,
    })),
    related: related.map((r) => ({ id: r.id, number: r.number, versionNumber: r.versionNumber, state: r.state, offeredCost: r.offeredCost })),
    documents: documents.map((d) => ({ id: d.id, fileName: d.fileName, createdAt: d.createdAt })),
  };
};

// ——— reading ———

export const getOffer = async (ctx: ServiceContext, id: string): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.read');
  return toDetail(ctx, await loadVisibleOffer(ctx, id));
};

const listConditions = (ctx: ServiceContext, query: Omit<OfferListQuery, 'limit' | 'cursor'>) => [
  visibleOffers(ctx),
  query.caseId ? eq(offers.caseId, query.caseId) : undefined,
  query.clientId ? eq(offers.clientId, query.clientId) : undefined,
  query.state ? eq(offers.state, query.state) : undefined,
  query.allVersions === 'true' ? undefined : ne(offers.state, 'superseded'),
];

const listKeyset: Keyset = { expression: offers.createdAt, id: offers.id, direction: 'desc', isTime: true };

/** Offers the caller may see (the latest version of each unless `allVersions`), newest first. */
export const listOffers = async (ctx: ServiceContext, query: OfferListQuery): Promise<{ items: OfferListItem[]; nextCursor: string | null }> => {
  assertCan(ctx.actor, 'sales.read');
  const rows = await ctx.db
    .select()
    .from(offers)
    .where(and(...listConditions(ctx, query), keysetAfter(listKeyset, query.cursor)))
    .orderBy(...keysetOrder(listKeyset))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => encodeCursor(row.createdAt, row.id));
  return { items: await toListItems(ctx, page.items), nextCursor: page.nextCursor };
};

/** The case's offers (latest versions) with their pipeline value; 404 when the case is outside the caller's rights. */
export const listCaseOffers = async (ctx: ServiceContext, caseId: string) => {
  // The pipeline reads the case first: 404 before anything is listed.
  const pipeline = await offerPipeline(ctx, { caseId });
  const page = await listOffers(ctx, { caseId, allVersions: 'false', limit: 500 });
  return { items: page.items, pipeline };
};

/** Every version of the offer, newest first (404 outside the caller's rights). */
export const listOfferVersions = async (ctx: ServiceContext, id: string): Promise<OfferListItem[]> => {
  assertCan(ctx.actor, 'sales.read');
  const row = await loadVisibleOffer(ctx, id);
  const rows = await ctx.db
    .select()
    .from(offers)
    .where(and(eq(offers.rootId, row.rootId), visibleOffers(ctx)))
    .orderBy(desc(offers.versionNumber));
  return toListItems(ctx, rows);
};

/** Two versions of one offer side by side: lines matched by supply point (in order), totals and their difference. */
export const compareOfferVersions = async (ctx: ServiceContext, id: string, otherId: string): Promise<OfferComparison> => {
  assertCan(ctx.actor, 'sales.read');
  const left = await loadVisibleOffer(ctx, id);
  const right = await loadVisibleOffer(ctx, otherId);
  if (left.rootId !== right.rootId) throw invalidField('with', 'other_offer', 'not a version of the same offer');
  const [leftLines, rightLines] = [await linesOf(ctx, left.id), await linesOf(ctx, right.id)];
  const labels = await lineLabels(ctx, [...leftLines, ...rightLines]);
  const margin = seesMargin(ctx.actor);
  const keyed = (lines: LineRow[]) => {
    const seen = new Map<string, number>();
    return new Map(
      lines.map((l) => {
        const n = (seen.get(l.supplyPointId) ?? 0) + 1;
        seen.set(l.supplyPointId, n);
        return [`${l.supplyPointId}#${n}`, l] as const;
      }),
    );
  };
  const a = keyed(leftLines);
  const b = keyed(rightLines);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const [items] = [await toListItems(ctx, [left, right])];
  const diff = (field: 'currentCost' | 'offeredCost' | 'saving') => moneyString(new Decimal(right[field]).minus(left[field]), left.currency);
  return {
    left: items[0]!,
    right: items[1]!,
    lines: keys.map((key) => {
      const l = a.get(key);
      const r = b.get(key);
      const supplyPointId = (l ?? r)!.supplyPointId;
      return {
        supplyPointId,
        supplyPointIdentifier: labels.identifiers.get(supplyPointId) ?? null,
        left: l ? lineOf(l, labels, margin) : null,
        right: r ? lineOf(r, labels, margin) : null,
      };
    }),
    difference: { currentCost: diff('currentCost'), offeredCost: diff('offeredCost'), saving: diff('saving') },
  };
};

export const offerHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCan(ctx.actor, 'sales.read');
  const row = await loadVisibleOffer(ctx, id);
  const entries = await listHistory(ctx, { type: 'offer', id: row.rootId });
  return seesMargin(ctx.actor) ? entries : entries.flatMap(withoutMargins);
};

/** What the offer's history keeps of its margins, which only those who decide on them see. */
const marginFields = new Set(['margin', 'marginPercent', 'purchaseCost']);
const withoutMargins = (entry: HistoryEntry): HistoryEntry[] => {
  if (entry.field && marginFields.has(entry.field)) return [];
  const strip = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([key]) => !marginFields.has(key))) : value;
  return [{ ...entry, before: strip(entry.before), after: strip(entry.after) }];
};

/**
 * The pipeline value (OFFER-3) of the open offers the caller may see, of a case or a client: related offers count
 * once with their largest total (domain/offers/pipeline.ts).
 */
export const offerPipeline = async (ctx: ServiceContext, filter: { caseId?: string | undefined; clientId?: string | undefined }) => {
  assertCan(ctx.actor, 'sales.read');
  // A case or client outside the caller's rights is not found, rather than worth nothing.
  if (filter.caseId) await loadVisibleCase(ctx, filter.caseId);
  if (filter.clientId) await getClient(ctx, filter.clientId);
  const rows = await ctx.db
    .select({ id: offers.id, relationGroupId: offers.relationGroupId, state: offers.state, total: offers.offeredCost })
    .from(offers)
    .where(
      and(
        visibleOffers(ctx),
        ne(offers.state, 'superseded'),
        filter.caseId ? eq(offers.caseId, filter.caseId) : undefined,
        filter.clientId ? eq(offers.clientId, filter.clientId) : undefined,
      ),
    );
  const open = rows.filter((r) => ['draft', 'awaitingApproval', 'approved', 'sent'].includes(r.state));
  return { value: pipelineValue(rows), offerCount: open.length };
};

// ——— making and changing ———

const caseForOffer = async (ctx: ServiceContext, caseId: string) => {
  const kase = await getCase(ctx, caseId);
  if (kase.archivedAt) throw new AppError('case.archived', 'The business case is archived');
  if (kase.state === 'closed') throw new AppError('case.closed', 'The business case is closed');
  return kase;
};

/** What a new offer of the case would cost, line by line, without saving anything (the form's preview). */
export const previewOffer = async (ctx: ServiceContext, caseId: string, lines: OfferLineBody[]): Promise<OfferPreview> => {
  assertCan(ctx.actor, 'sales.read');
  const kase = await getCase(ctx, caseId);
  const priced = await priceOfferLines(ctx, new Set(kase.supplyPointIds), lines);
  const labels = await lineLabels(ctx, priced.lines);
  const margin = seesMargin(ctx.actor);
  return { lines: priced.lines.map((l) => lineOf(l, labels, margin)), totals: totalsResponse(priced.currency, totalsOf(priced.currency, priced.lines), margin) };
};

const insertLines = async (ctx: ServiceContext, offerId: string, lines: LineValues[]) => {
  for (let i = 0; i < lines.length; i += 500) {
    await ctx.db.insert(offerLines).values(lines.slice(i, i + 500).map((l) => ({ ...l, offerId })));
  }
  for (const priceListId of new Set(lines.map((l) => l.priceListId))) await markPriceListUsed(ctx, priceListId);
};

/** Joins two offers' groups of related offers (every version of both), so they count once in the pipeline. */
const joinRelationGroups = async (ctx: ServiceContext, a: OfferRow, b: OfferRow): Promise<string> => {
  if (a.clientId !== b.clientId) throw invalidField('offerId', 'other_client', 'related offers are offers of the same client');
  if (a.rootId === b.rootId) throw invalidField('offerId', 'same_offer', 'an offer is not related to its own versions');
  const group = a.relationGroupId ?? b.relationGroupId ?? randomUUID();
  const groups = [a.relationGroupId, b.relationGroupId].filter((g): g is string => g !== null);
  await ctx.db
    .update(offers)
    .set({ relationGroupId: group })
    .where(sql`${offers.rootId} in (${a.rootId}, ${b.rootId})${groups.length ? sql` or ${inArray(offers.relationGroupId, groups)}` : sql``}`);
  return group;
};

/**
 * Makes an offer from a business case for its supply points (OFFER-2): every line priced from the product's price
 * list and from the client's current prices; the price lists used are marked in use; one transaction.
 */
export const createOffer = async (ctx: ServiceContext, caseId: string, input: OfferCreateBody): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const kase = await caseForOffer(ctx, caseId);
    const terms = { contactId: input.contactId ?? null, validUntil: input.validUntil, bindingFrom: input.bindingFrom ?? null, bindingTo: input.bindingTo ?? null };
    await assertTerms(ctx, kase.clientId, terms);
    const related = input.relatedOfferId
      ? await loadVisibleOffer(ctx, input.relatedOfferId).catch(() => {
          throw invalidField('relatedOfferId', 'not_found', 'no such offer among those you may see');
        })
      : null;
    const priced = await priceOfferLines(ctx, new Set(kase.supplyPointIds), input.lines);
    const totals = totalsOf(priced.currency, priced.lines);
    const id = randomUUID();
    const by = actorUserId(ctx.actor);
    const now = ctx.now();
    const responsibleUserId = kase.responsibleUser?.id ?? by;
    const [row] = await ctx.db
      .insert(offers)
      .values({
        id,
        rootId: id,
        versionNumber: 1,
        number: await nextOfferNumber(ctx, kase.ownerId),
        ownerId: kase.ownerId,
        teamId: kase.teamId,
        responsibleUserId,
        caseId: kase.id,
        clientId: kase.clientId,
        kind: input.kind,
        isAlternative: input.isAlternative,
        ...terms,
        note: input.note || null,
        commodity: priced.commodity,
        currency: priced.currency,
        ...totals,
        createdAt: now,
        updatedAt: now,
        createdBy: by,
        updatedBy: by,
      })
      .returning();
    await insertLines(ctx, id, priced.lines);
    let saved = row!;
    if (related) {
      if (related.clientId !== kase.clientId) throw invalidField('relatedOfferId', 'other_client', 'related offers are offers of the same client');
      await joinRelationGroups(ctx, saved, related);
      saved = await loadVisibleOffer(ctx, id);
    }
    await recordChange(ctx, offerTarget(saved), 'create', null, saved);
    return toDetail(ctx, saved);
  });
};

/**
 * Changes an offer (OFFER-3): a draft in place; once submitted or sent the change writes the next version (the old
 * one becomes superseded and read-only); accepted and superseded versions are never changed. New lines are priced
 * again; without lines, the version keeps the lines it had. Answers the version that now holds the change.
 */
export const updateOffer = async (ctx: ServiceContext, id: string, input: OfferUpdateBody): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleOffer(ctx, id, true);
    if (before.version !== input.version) throw versionConflict();
    const mode = offerChangeMode(before.state);
    if (mode === 'readOnly') throw new AppError('offer.read_only', `A ${before.state} offer version is read-only`);
    const kase = await caseForOffer(ctx, before.caseId);
    const terms = {
      contactId: input.contactId === undefined ? before.contactId : input.contactId,
      validUntil: input.validUntil ?? before.validUntil,
      bindingFrom: input.bindingFrom === undefined ? before.bindingFrom : input.bindingFrom,
      bindingTo: input.bindingTo === undefined ? before.bindingTo : input.bindingTo,
    };
    await assertTerms(ctx, before.clientId, terms);
    const priced = input.lines ? await priceOfferLines(ctx, new Set(kase.supplyPointIds), input.lines) : null;
    if (priced && priced.currency !== before.currency) {
      throw invalidField('lines.0.productId', 'other_currency', `the offer is in ${before.currency}; a new offer is made for another currency`);
    }
    const fields = {
      ...terms,
      kind: input.kind ?? before.kind,
      isAlternative: input.isAlternative ?? before.isAlternative,
      note: input.note === undefined ? before.note : input.note || null,
      ...(priced ? { commodity: priced.commodity, ...totalsOf(priced.currency, priced.lines) } : {}),
      updatedAt: ctx.now(),
      updatedBy: actorUserId(ctx.actor),
    };
    if (mode === 'inPlace') {
      const [row] = await ctx.db
        .update(offers)
        .set({ ...fields, version: before.version + 1 })
        .where(and(eq(offers.id, id), eq(offers.version, input.version)))
        .returning();
      if (!row) throw versionConflict();
      if (priced) {
        await ctx.db.delete(offerLines).where(eq(offerLines.offerId, id));
        await insertLines(ctx, id, priced.lines);
      }
      await recordChange(ctx, offerTarget(row), 'update', before, row);
      return toDetail(ctx, row);
    }
    // A new version: the old one is superseded (read-only) and the change is written as the next version.
    const superseded = transition(before, { kind: 'supersede' });
    const [old] = await ctx.db
      .update(offers)
      .set({ state: superseded, version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(offers.id, id), eq(offers.version, input.version)))
      .returning();
    if (!old) throw versionConflict();
    await recordChange(ctx, offerTarget(old), 'update', before, old);
    const { id: _id, version: _v, createdAt: _c, ...copied } = before;
    const newId = randomUUID();
    const [row] = await ctx.db
      .insert(offers)
      .values({
        ...copied,
        ...fields,
        id: newId,
        versionNumber: before.versionNumber + 1,
        state: 'draft',
        approvalRoute: null,
        sentAt: null,
        closedAt: null,
        closingReason: null,
        contractId: null,
        createdAt: ctx.now(),
        createdBy: actorUserId(ctx.actor),
      })
      .returning();
    const lines: LineValues[] = priced
      ? priced.lines
      : (await linesOf(ctx, id)).map(({ id: _lineId, offerId: _offerId, ...line }) => ({ ...line, pricing: line.pricing as StoredPricing }));
    await insertLines(ctx, newId, lines);
    await recordChange(ctx, offerTarget(row!), 'create', null, row!);
    return toDetail(ctx, row!);
  });
};

/** Links two offers of a client as related (e.g. three single-year offers and one combined offer). */
export const linkOffers = async (ctx: ServiceContext, id: string, otherId: string): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const a = await loadVisibleOffer(ctx, id, true);
    const b = await loadVisibleOffer(ctx, otherId).catch(() => {
      throw invalidField('offerId', 'not_found', 'no such offer among those you may see');
    });
    await joinRelationGroups(ctx, a, b);
    const row = await loadVisibleOffer(ctx, id);
    await recordChange(ctx, offerTarget(row), 'update', { relationGroupId: a.relationGroupId }, { relationGroupId: row.relationGroupId });
    return toDetail(ctx, row);
  });
};

/** Takes the offer (every version) out of its group of related offers. */
export const unlinkOffer = async (ctx: ServiceContext, id: string): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await loadVisibleOffer(ctx, id, true);
    await ctx.db.update(offers).set({ relationGroupId: null }).where(eq(offers.rootId, before.rootId));
    const row = await loadVisibleOffer(ctx, id);
    await recordChange(ctx, offerTarget(row), 'update', { relationGroupId: before.relationGroupId }, { relationGroupId: null });
    return toDetail(ctx, row);
  });
};

// ——— approval (OFFER-5) ———

const defaultPolicy: ApprovalPolicy = { minimumMarginPercent: '10', aboveMinimum: 'manager' };

const policyOf = async (ctx: ServiceContext, ownerId: string) => {
  const [row] = await ctx.db.select().from(offerApprovalPolicies).where(eq(offerApprovalPolicies.ownerId, ownerId));
  return row
    ? { minimumMarginPercent: new Decimal(row.minimumMarginPercent).toFixed(), aboveMinimum: row.aboveMinimum, isDefault: false, version: row.version }
    : { ...defaultPolicy, isDefault: true, version: 0 };
};

const ownerOfActor = (actor: Actor) => {
  if (actor.kind !== 'user') throw new AppError('auth.forbidden', 'A user acts on the approval policy');
  return actor.ownerId;
};

export const getApprovalPolicy = async (ctx: ServiceContext) => {
  assertCan(ctx.actor, 'sales.read');
  return policyOf(ctx, ownerOfActor(ctx.actor));
};

/** The administrator sets the owner company's minimum margin and where offers above it go. */
export const setApprovalPolicy = async (ctx: ServiceContext, input: ApprovalPolicyBody) => {
  assertCan(ctx.actor, 'admin.owners');
  const ownerId = ownerOfActor(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const before = await policyOf(ctx, ownerId);
    if (before.version !== input.version) throw versionConflict();
    const values = { minimumMarginPercent: input.minimumMarginPercent, aboveMinimum: input.aboveMinimum, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) };
    if (before.isDefault) {
      const inserted = await ctx.db.insert(offerApprovalPolicies).values({ ownerId, ...values, createdBy: actorUserId(ctx.actor) }).onConflictDoNothing().returning();
      if (inserted.length === 0) throw versionConflict();
    } else {
      const updated = await ctx.db
        .update(offerApprovalPolicies)
        .set({ ...values, version: input.version + 1 })
        .where(and(eq(offerApprovalPolicies.ownerId, ownerId), eq(offerApprovalPolicies.version, input.version)))
        .returning();
      if (updated.length === 0) throw versionConflict();
    }
    const after = await policyOf(ctx, ownerId);
    const target = { entityType: 'offerApprovalPolicy', entityId: ownerId, rootType: 'offerApprovalPolicy', rootId: ownerId, ownerId };
    await recordChange(ctx, target, before.isDefault ? 'create' : 'update', before.isDefault ? null : before, after);
    return after;
  });
};

/** Loads the version for a step, locked, at the version the caller read. */
const forStep = async (ctx: ServiceContext, id: string, version: number) => {
  const row = await loadVisibleOffer(ctx, id, true);
  if (row.version !== version) throw versionConflict();
  return row;
};

const writeStep = async (ctx: ServiceContext, before: OfferRow, patch: Partial<typeof offers.$inferInsert>): Promise<OfferRow> => {
  const [row] = await ctx.db
    .update(offers)
    .set({ ...patch, version: before.version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
    .where(and(eq(offers.id, before.id), eq(offers.version, before.version)))
    .returning();
  if (!row) throw versionConflict();
  await recordChange(ctx, offerTarget(row), 'update', before, row);
  return row;
};

/** Submits a draft: the margin and the owner's policy choose the route; an offer needing no approval is approved at once. */
export const submitOffer = async (ctx: ServiceContext, id: string, version: number): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await forStep(ctx, id, version);
    const policy = await policyOf(ctx, before.ownerId);
    const route = approvalRouteOf(before.marginPercent, policy);
    const state = transition(before, { kind: 'submit', route });
    return toDetail(ctx, await writeStep(ctx, before, { state, approvalRoute: route }));
  });
};

const assertMayDecide = (ctx: ServiceContext, row: OfferRow) => {
  if (row.state !== 'awaitingApproval' || !row.approvalRoute || row.approvalRoute === 'none') {
    throw new AppError('offer.wrong_state', `A ${row.state} offer is not waiting for approval`);
  }
  assertCan(ctx.actor, row.approvalRoute === 'board' ? 'offers.approveBoard' : 'offers.approveManager');
  return row.approvalRoute;
};

const decide = async (ctx: ServiceContext, id: string, version: number, decision: 'approved' | 'rejected', reason: string | null) =>
  withTx(ctx, async (ctx) => {
    const before = await forStep(ctx, id, version);
    const route = assertMayDecide(ctx, before);
    const state = transition(before, { kind: decision === 'approved' ? 'approve' : 'rejectApproval' });
    await ctx.db.insert(offerApprovals).values({ offerId: id, route, decision, reason, decidedBy: actorUserId(ctx.actor), decidedAt: ctx.now() });
    return toDetail(ctx, await writeStep(ctx, before, { state }));
  });

/** Approves an offer on its route: the board's with `offers.approveBoard`, the manager's with `offers.approveManager`. */
export const approveOffer = async (ctx: ServiceContext, id: string, input: OfferDecisionBody): Promise<OfferDetail> =>
  decide(ctx, id, input.version, 'approved', input.reason || null);

/** Rejects with a reason: the offer goes back to a draft its owner changes. */
export const rejectOffer = async (ctx: ServiceContext, id: string, input: OfferRejectBody): Promise<OfferDetail> =>
  decide(ctx, id, input.version, 'rejected', input.reason);

// ——— the document, sending, acceptance ———

const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
};

/** The offer as its document template sees it: the client, its persons, and each line's current and offered cost with the saving. */
const offerDocumentData = async (ctx: ServiceContext, row: OfferRow): Promise<OfferDocumentData> => {
  const { client, contacts } = await documentClient(ctx, row.clientId);
  const lines = await linesOf(ctx, row.id);
  const labels = await lineLabels(ctx, lines);
  // The lines' supply points were priced through the caller's access filter and the offer is visible: one batch read.
  const points = await documentSupplyPoints(ctx, lines.map((l) => l.supplyPointId), 'kWh');
  const quantity = lines.reduce((s, l) => s.plus(l.quantityMWh), new Decimal(0)).toFixed(3);
  return {
    client,
    contacts: contacts.filter((c) => c.id === row.contactId).map(documentPersonOf),
    signingPersons: contacts.filter((c) => c.isSigningPerson).map(documentPersonOf),
    supplyPoints: [...points.values()],
    lines: lines.map((l) => ({
      supplyPoint: points.get(l.supplyPointId)!,
      product: labels.products.get(l.productId) ?? null,
      deliveryFrom: l.deliveryFrom,
      deliveryTo: l.deliveryTo,
      quantity: new Decimal(l.quantityMWh).toFixed(3),
      quantityUnit: 'MWh',
      currentCost: l.currentCost,
      offeredCost: l.offeredCost,
      saving: l.saving,
      savingPercent: l.savingPercent,
    })),
    totals: { quantity, quantityUnit: 'MWh', currentCost: row.currentCost, offeredCost: row.offeredCost, saving: row.saving, savingPercent: row.savingPercent },
    offer: {
      number: row.number,
      version: row.versionNumber,
      issuedOn: today(ctx),
      validUntil: row.validUntil,
      bindingFrom: row.bindingFrom,
      bindingTo: row.bindingTo,
      bindingMonths: row.bindingFrom && row.bindingTo ? monthsBetween(row.bindingFrom, row.bindingTo) : null,
      note: row.note,
    },
  };
};

const fileNameOf = (row: OfferRow) => `${row.number}-v${row.versionNumber}.pdf`;

/** The offer's PDF: the one kept when it was sent, else rendered from the current template (a draft's preview). */
export const offerPdf = async (ctx: ServiceContext, id: string): Promise<{ fileName: string; pdf: Buffer }> => {
  assertCan(ctx.actor, 'sales.read');
  const row = await loadVisibleOffer(ctx, id);
  // A sent version answers with exactly what the client received, even after the template changed.
  const sent = row.sentAt ? (await listDocumentsOf(ctx, 'offer', row.id)).find((file) => file.documentType === 'offer') : undefined;
  if (sent) return { fileName: sent.fileName, pdf: (await getDocumentFile(ctx, sent.id)).content };
  const pdf = await renderDocumentPdf(ctx, 'offer', await offerDocumentData(ctx, row), { ownerId: row.ownerId, title: `${row.number} v${row.versionNumber}` });
  return { fileName: fileNameOf(row), pdf };
};

/** Sends an approved offer: renders its PDF and keeps it with the offer version, in the same transaction as the state. */
export const sendOffer = async (ctx: ServiceContext, id: string, version: number): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await forStep(ctx, id, version);
    const state = transition(before, { kind: 'send' });
    assertNotExpired(ctx, before);
    const pdf = await renderDocumentPdf(ctx, 'offer', await offerDocumentData(ctx, before), { ownerId: before.ownerId, title: `${before.number} v${before.versionNumber}` });
    await storeDocument(ctx, { ownerId: before.ownerId, recordType: 'offer', recordId: before.id, documentType: 'offer', fileName: fileNameOf(before), mediaType: 'application/pdf', content: pdf });
    return toDetail(ctx, await writeStep(ctx, before, { state, sentAt: ctx.now() }));
  });
};

/**
 * The client accepted (CONTRACT-1): the contract is made prefilled with the client, the case, the supply points,
 * commodity and product, and the client's signing persons as signatories, in ONE transaction with the offer's state.
 */
export const acceptOffer = async (ctx: ServiceContext, id: string, version: number): Promise<{ contractId: string; offer: OfferDetail }> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await forStep(ctx, id, version);
    const state = transition(before, { kind: 'accept' });
    assertNotExpired(ctx, before);
    const lines = await linesOf(ctx, id);
    const product = await getProduct(ctx, lines[0]!.productId);
    const signing = (await listContactsOfClient(ctx, before.clientId)).filter((c) => c.isSigningPerson);
    const contract = await createContract(ctx, {
      clientId: before.clientId,
      caseId: before.caseId,
      offerId: before.id,
      productId: product.id,
      type: 'supply',
      commodity: before.commodity,
      supplier: product.supplier,
      productName: product.name,
      startDate: lines.map((l) => l.deliveryFrom).sort()[0]!,
      endDate: lines.map((l) => l.deliveryTo).sort().at(-1)!,
      noticePeriodMonths: null,
      supplyPointIds: [...new Set(lines.map((l) => l.supplyPointId))],
      signatoryContactIds: signing.map((c) => c.id),
    });
    const row = await writeStep(ctx, before, { state, closedAt: ctx.now(), contractId: contract.id });
    return { contractId: contract.id, offer: await toDetail(ctx, row) };
  });
};

/** The client declined the sent offer; the reason is kept. */
export const declineOffer = async (ctx: ServiceContext, id: string, input: OfferDecisionBody): Promise<OfferDetail> => {
  assertCan(ctx.actor, 'sales.write');
  return withTx(ctx, async (ctx) => {
    const before = await forStep(ctx, id, input.version);
    const state = transition(before, { kind: 'decline' });
    return toDetail(ctx, await writeStep(ctx, before, { state, closedAt: ctx.now(), closingReason: input.reason || null }));
  });
};

/** Daily job: open offers past their validity lapse (state and history in one transaction). Returns how many lapsed. */
export const lapseExpiredOffers = async (ctx: ServiceContext): Promise<number> =>
  withTx(ctx, async (ctx) => {
    const due = await ctx.db
      .select()
      .from(offers)
      .where(and(inArray(offers.state, ['draft', 'awaitingApproval', 'approved', 'sent']), lt(offers.validUntil, today(ctx))))
      .for('update', { skipLocked: true });
    for (const before of due) {
      await writeStep(ctx, before, { state: transition(before, { kind: 'lapse' }), closedAt: ctx.now() });
    }
    return due.length;
  });
