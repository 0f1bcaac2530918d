import { kWhToMWh } from '../../../domain/energy/quantity.js';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { allocate } from '../../../domain/commissions/allocate.js';
import { commissionAmount, deliveryMonthsOf } from '../../../domain/commissions/amount.js';
import { payoutSchedule } from '../../../domain/commissions/payout.js';
import { resolveRule, type CommissionRule } from '../../../domain/commissions/rules.js';
import { toDomainRule } from './commissions.rules.js';
import { selectConsumptionBand, type ConsumptionBand } from '../../../domain/energy/consumption-bands.js';
import { isCurrency, moneyString, type Currency } from '../../../domain/money.js';
import { readTogether, withTx, type ServiceContext } from '../../context.js';
import { anyId, insertInBatches, insertJson } from '../../db/bulk.js';
import { caseParticipants } from '../cases/cases.schema.js';
import { clients } from '../clients/clients.schema.js';
import { consumptionBands } from '../code-lists/energy-reference.schema.js';
import { businessDate } from '../code-lists/energy-reference.service.js';
import { contracts, contractSupplyPoints } from '../contracts/contracts.schema.js';
import { offerLines } from '../offers/offers.schema.js';
import { owners } from '../owners/owners.schema.js';
import { supplyPoints } from '../supply-points/supply-points.schema.js';
import {
  commissionKinds,
  commissionPayouts,
  commissionProblems,
  commissionRules,
  commissions,
  type commissionProblemReasons,
} from './commissions.schema.js';

type ProblemReason = (typeof commissionProblemReasons)[number];
type CommissionInsert = typeof commissions.$inferInsert;
type PayoutInsert = typeof commissionPayouts.$inferInsert;
type ProblemInsert = typeof commissionProblems.$inferInsert;

const commissionColumns = [
  ['id', 'uuid', 'id'],
  ['owner_id', 'uuid', 'ownerId'],
  ['contract_id', 'uuid', 'contractId'],
  ['supply_point_id', 'uuid', 'supplyPointId'],
  ['rule_id', 'uuid', 'ruleId'],
  ['kind', 'varchar', 'kind'],
  ['entry', 'varchar', 'entry'],
  ['user_id', 'uuid', 'userId'],
  ['share', 'numeric', 'share'],
  ['base_amount', 'numeric', 'baseAmount'],
  ['amount', 'numeric', 'amount'],
  ['currency', 'varchar', 'currency'],
  ['basis', 'jsonb', 'basis'],
  ['created_at', 'timestamptz', 'createdAt'],
  ['created_by', 'uuid', 'createdBy'],
] as const;
const payoutColumns = [
  ['commission_id', 'uuid', 'commissionId'],
  ['owner_id', 'uuid', 'ownerId'],
  ['user_id', 'uuid', 'userId'],
  ['position', 'integer', 'position'],
  ['trigger', 'jsonb', 'trigger'],
  ['amount', 'numeric', 'amount'],
  ['due_on', 'date', 'dueOn'],
] as const;

type Participant = { userId: string; share: string };

/** Everything a batch of contracts needs, read with one query per table. */
const loadFacts = async (ctx: ServiceContext, contractIds: string[]) => {
  const contractRows = await ctx.db
    .select()
    .from(contracts)
    .where(and(anyId(contracts.id, contractIds), eq(contracts.state, 'signed')));
  const ids = contractRows.map((c) => c.id);
  if (ids.length === 0) return null;
  const caseIds = [...new Set(contractRows.flatMap((c) => (c.caseId ? [c.caseId] : [])))];
  const offerIds = [...new Set(contractRows.flatMap((c) => (c.offerId ? [c.offerId] : [])))];
  const clientIds = [...new Set(contractRows.map((c) => c.clientId))];
  const ownerIds = [...new Set(contractRows.map((c) => c.ownerId))];
  const [points, clientRows, participantRows, marginRows, ownerRows, ruleRows, done] = await readTogether(
    ctx,
    () =>
      ctx.db
        .select({
          contractId: contractSupplyPoints.contractId,
          id: supplyPoints.id,
          annualKWh: supplyPoints.annualConsumptionKWh,
          country: supplyPoints.country,
          commodity: supplyPoints.commodity,
          territoryCode: supplyPoints.territoryCode,
        })
        .from(contractSupplyPoints)
        .innerJoin(supplyPoints, eq(supplyPoints.id, contractSupplyPoints.supplyPointId))
        .where(anyId(contractSupplyPoints.contractId, ids))
        .orderBy(asc(contractSupplyPoints.contractId), asc(supplyPoints.id)),
    () =>
      ctx.db
        .select({ id: clients.id, kind: clients.kind })
        .from(clients)
        .where(inArray(clients.id, clientIds)),
    () =>
      caseIds.length
        ? ctx.db
            .select()
            .from(caseParticipants)
            .where(inArray(caseParticipants.caseId, caseIds))
            .orderBy(asc(caseParticipants.caseId), asc(caseParticipants.userId))
        : Promise.resolve([]),
    () =>
      offerIds.length
        ? ctx.db
            .select({
              offerId: offerLines.offerId,
              supplyPointId: offerLines.supplyPointId,
              margin: offerLines.margin,
            })
            .from(offerLines)
            .where(inArray(offerLines.offerId, offerIds))
        : Promise.resolve([]),
    () =>
      ctx.db
        .select({ id: owners.id, currency: owners.currency })
        .from(owners)
        .where(inArray(owners.id, ownerIds)),
    () =>
      ctx.db
        .select()
        .from(commissionRules)
        .where(and(inArray(commissionRules.ownerId, ownerIds), isNull(commissionRules.archivedAt))),
    () =>
      ctx.db
        .select({
          contractId: commissions.contractId,
          supplyPointId: commissions.supplyPointId,
          kind: commissions.kind,
        })
        .from(commissions)
        .where(and(anyId(commissions.contractId, ids), eq(commissions.entry, 'commission'))),
  );
  const participants = new Map<string, Participant[]>();
  for (const p of participantRows) {
    const list = participants.get(p.caseId);
    if (list) list.push({ userId: p.userId, share: p.share });
    else participants.set(p.caseId, [{ userId: p.userId, share: p.share }]);
  }
  return {
    contracts: contractRows,
    points,
    clientKind: new Map(clientRows.map((c) => [c.id, c.kind])),
    participants,
    margins: new Map(marginRows.map((m) => [`${m.offerId}|${m.supplyPointId}`, m.margin])),
    currency: new Map(
      ownerRows.map((o) => [o.id, isCurrency(o.currency) ? o.currency : ('EUR' as Currency)]),
    ),
    rules: ruleRows,
    done: new Set(done.map((d) => `${d.contractId}|${d.supplyPointId}|${d.kind}`)),
  };
};

export type GenerationResult = { contracts: number; commissions: number; problems: number };

/**
 * Generates the commissions of signed contracts (COMM-1 to COMM-4), in the caller's transaction: for each supply
 * point and kind, the one rule that applies; the amount by its basis; a sales commission split by the case's
 * participants' shares (the responsible user alone when the contract has no case) with the one remainder rule; each
 * part's payout schedule. A supply point no rule covers, or two rules tie for, is recorded as a problem, never paid as
 * zero. Idempotent: what was generated before is skipped, so a retry after a new rule only fills the gaps. Callers
 * check rights: it runs as part of signing, or of an administrator's retry.
 */
export const generateCommissions = async (
  ctx: ServiceContext,
  contractIds: string[],
): Promise<GenerationResult> => {
  const facts = contractIds.length ? await loadFacts(ctx, contractIds) : null;
  if (!facts) return { contracts: 0, commissions: 0, problems: 0 };
  const rulesByOwnerKind = new Map<string, CommissionRule[]>();
  const ruleRows = new Map(facts.rules.map((r) => [r.id, r]));
  for (const rule of facts.rules) {
    const key = `${rule.ownerId}|${rule.kind}`;
    const list = rulesByOwnerKind.get(key);
    if (list) list.push(toDomainRule(rule));
    else rulesByOwnerKind.set(key, [toDomainRule(rule)]);
  }
  const needsBands = facts.rules.some((r) => r.consumption?.kind === 'band');
  // The band code list once, every validity: selectConsumptionBand keeps the bands valid on the day of signing, which
  // is what reading the list valid on each day did (one read per day signed on, four tables each).
  const bands: ConsumptionBand[] = needsBands
    ? (await ctx.db.select().from(consumptionBands)).map((b) => ({
        ...b,
        lowerKWh: new Decimal(b.lowerKWh),
        upperKWh: b.upperKWh === null ? null : new Decimal(b.upperKWh),
      }))
    : [];
  const pointsOf = new Map<string, typeof facts.points>();
  for (const p of facts.points) {
    const list = pointsOf.get(p.contractId);
    if (list) list.push(p);
    else pointsOf.set(p.contractId, [p]);
  }

  const commissionRows: CommissionInsert[] = [];
  const payoutRows: PayoutInsert[] = [];
  const problemRows: ProblemInsert[] = [];
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;

  for (const contract of facts.contracts) {
    const signedOn = businessDate(contract.signedAt ?? ctx.now());
    const clientKind = facts.clientKind.get(contract.clientId) ?? 'company';
    const currency = facts.currency.get(contract.ownerId) ?? 'EUR';
    const deliveryMonths = deliveryMonthsOf(contract.startDate, contract.endDate);
    const caseParticipantsOf = contract.caseId ? (facts.participants.get(contract.caseId) ?? []) : [];
    const participants: Participant[] =
      caseParticipantsOf.length > 0
        ? caseParticipantsOf
        : contract.responsibleUserId
          ? [{ userId: contract.responsibleUserId, share: '100' }]
          : [];
    const events = { signedOn, supplyStartOn: contract.startDate };
    for (const point of pointsOf.get(contract.id) ?? []) {
      const annualMWh =
        point.annualKWh === null ? null : kWhToMWh(point.annualKWh);
      const band =
        needsBands && point.annualKWh !== null
          ? (selectConsumptionBand(
              bands,
              {
                country: point.country,
                commodity: point.commodity,
                customerCategory: clientKind === 'person' ? 'household' : 'business',
                territoryCode: point.territoryCode,
                annualKWh: new Decimal(point.annualKWh),
              },
              signedOn,
            )?.code ?? null)
          : null;
      const margin = contract.offerId ? (facts.margins.get(`${contract.offerId}|${point.id}`) ?? null) : null;
      for (const kind of commissionKinds) {
        if (facts.done.has(`${contract.id}|${point.id}|${kind}`)) continue;
        const rules = rulesByOwnerKind.get(`${contract.ownerId}|${kind}`) ?? [];
        // An owner company that keeps no company commissions has no rules of that kind; that is not a problem to report.
        if (kind === 'company' && rules.length === 0) continue;
        const problem = (reason: ProblemReason, detail: string | null) =>
          problemRows.push({
            ownerId: contract.ownerId,
            contractId: contract.id,
            supplyPointId: point.id,
            kind,
            reason,
            detail,
          });
        const resolution = resolveRule(rules, {
          productId: contract.productId,
          supplier: contract.supplier,
          clientKind,
          signedOn,
          band,
          annualMWh,
        });
        if (!resolution.ok) {
          problem(
            resolution.reason,
            resolution.reason === 'ambiguous' ? resolution.ruleIds.join(', ') : null,
          );
          continue;
        }
        if (kind === 'sales' && participants.length === 0) {
          problem('no_participants', null);
          continue;
        }
        const rule = ruleRows.get(resolution.rule.id)!;
        const computed = commissionAmount(rule.basis, { annualMWh, deliveryMonths, margin }, currency);
        if (!computed.ok) {
          problem(computed.missing === 'annualMWh' ? 'missing_annualMWh' : 'missing_margin', rule.name);
          continue;
        }
        const parts: { userId: string | null; share: string | null; amount: Decimal }[] =
          kind === 'company'
            ? [{ userId: null, share: null, amount: computed.amount }]
            : allocate(
                computed.amount,
                participants.map((p) => p.share),
                currency,
              ).map((amount, i) => ({ ...participants[i]!, amount }));
        for (const part of parts) {
          const id = randomUUID();
          commissionRows.push({
            id,
            ownerId: contract.ownerId,
            contractId: contract.id,
            supplyPointId: point.id,
            ruleId: rule.id,
            kind,
            entry: 'commission',
            userId: part.userId,
            share: part.share,
            baseAmount: moneyString(computed.amount, currency),
            amount: moneyString(part.amount, currency),
            currency,
            basis: { annualMWh, band, deliveryMonths, margin, explanation: computed.explanation },
            createdAt: ctx.now(),
            createdBy: by,
          });
          for (const stage of payoutSchedule(rule.payoutModel, part.amount, currency, events)) {
            payoutRows.push({
              commissionId: id,
              ownerId: contract.ownerId,
              userId: part.userId,
              position: stage.position,
              trigger: stage.trigger,
              amount: moneyString(stage.amount, currency),
              dueOn: stage.dueOn,
            });
          }
        }
      }
    }
  }
  const ids = facts.contracts.map((c) => c.id);
  await ctx.db.delete(commissionProblems).where(inArray(commissionProblems.contractId, ids));
  await insertJson(ctx, 'commissions', commissionColumns, commissionRows);
  await insertJson(ctx, 'commission_payouts', payoutColumns, payoutRows);
  await insertInBatches(problemRows, (batch) => ctx.db.insert(commissionProblems).values(batch));
  return {
    contracts: facts.contracts.length,
    commissions: commissionRows.length,
    problems: problemRows.length,
  };
};

/**
 * A commission run over many contracts (bench/commissions.ts; a catch-up after rules were added): chunks of
 * `chunkSize` ids, each generated in its own transaction, `parallel` chunks at a time on separate connections of the
 * pool, so the database writes one chunk while the next is computed. Each chunk commits on its own: a failure stops
 * the run with the chunks before it done, and running it again fills only what is missing (generation is
 * idempotent). Inside a caller's transaction (one connection) the chunks run one after another in it.
 */
export const runCommissionGeneration = async (
  ctx: ServiceContext,
  contractIds: readonly string[],
  options: { chunkSize?: number; parallel?: number } = {},
): Promise<GenerationResult> => {
  const chunkSize = options.chunkSize ?? 1000;
  const chunks: string[][] = [];
  for (let i = 0; i < contractIds.length; i += chunkSize) chunks.push(contractIds.slice(i, i + chunkSize));
  const parallel = ctx.inTransaction ? 1 : Math.max(1, Math.min(options.parallel ?? 1, chunks.length));
  const totals: GenerationResult = { contracts: 0, commissions: 0, problems: 0 };
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < chunks.length) {
      const chunk = chunks[next++]!;
      try {
        const result = await withTx(ctx, (tx) => generateCommissions(tx, chunk));
        totals.contracts += result.contracts;
        totals.commissions += result.commissions;
        totals.problems += result.problems;
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return totals;
};
