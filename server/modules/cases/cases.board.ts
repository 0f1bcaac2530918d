import { and, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { potentialMWh, type PotentialQuantity } from '../../../domain/sales/potentials.js';
import type { ServiceContext } from '../../context.js';
import { visibleBranches } from '../auth/access.js';
import { assertCan } from '../auth/permissions.js';
import { clientNames } from '../clients/clients.service.js';
import { processStagesOf } from '../processes/processes.service.js';
import { userNames } from '../users/users.service.js';
import type { BoardCard, BoardResponse } from './cases.api.js';
import { canonical, visibleCases } from './cases.records.js';
import { casePotentials, cases } from './cases.schema.js';

/**
 * The kanban board of a process (SALES-6): each stage with the open cases the caller may see, the most urgent
 * (earliest next activity) first. A column shows at most `perStage` cards and counts the rest, so the board
 * stays fast for a user with thousands of open cases among everyone's: each stage's first cards are read in index
 * order, one limited walk per stage and access branch (one statement, their potentials attached), the counts
 * in a second; then the shown clients' and users' names. Closing stages (won/lost) show
 * the cases closed there.
 */
export const caseBoard = async (
  ctx: ServiceContext,
  query: { processTemplateId: string; perStage: number; responsibleUserId?: string | undefined },
): Promise<BoardResponse> => {
  assertCan(ctx.actor, 'sales.read');
  const stages = await processStagesOf(ctx, query.processTemplateId);
  const conditions = (stage: { id: string; closesAs: string | null } | null) =>
    and(
      stage ? eq(cases.stageId, stage.id) : inArray(cases.stageId, stages.map((s) => s.id)),
      isNull(cases.archivedAt),
      // A working stage shows its open cases, a closing stage the cases closed there; either way (stage, state)
      // leads the index, so the branch reads its cards in order and stops at the limit.
      stage ? eq(cases.state, stage.closesAs ? 'closed' : 'new') : or(eq(cases.state, 'new'), inArray(cases.stageId, stages.filter((s) => s.closesAs).map((s) => s.id))),
      query.responsibleUserId ? eq(cases.responsibleUserId, query.responsibleUserId) : undefined,
    );
  // One walk per stage and access branch (auth/access.ts): each branch's equalities lead one of the board indexes
  // (`cases (owner_id, team_id, stage_id, state, next_activity_at, id)`, `(responsible_user_id, stage_id, …)`,
  // `(created_by, stage_id, …)`; `(stage_id, state, next_activity_at, id)` for owner-wide and full scope), so each
  // reads at most `perStage` rows in order instead of filtering the whole stage's cases of everyone. A case seen
  // through two branches is one card (UNION), and each stage keeps its first `perStage`.
  const branches = visibleBranches(ctx.actor, cases);
  const order = sql`${cases.nextActivityAt}, ${cases.id}`;
  const stageIds = (stage: { id: string; closesAs: string | null }) => {
    const walks = branches.map(
      (access) =>
        sql`(select ${cases.id}, ${cases.nextActivityAt} from ${cases} where ${and(conditions(stage), access)} order by ${order} limit ${query.perStage})`,
    );
    return sql`(select b.id from (${sql.join(walks, sql` union `)}) as b order by b.next_activity_at, b.id limit ${query.perStage})`;
  };
  // The shown cards' potentials come with them (as text, so no decimal passes through a float); the sum in MWh
  // is the domain's.
  const cardsOf = ctx.db
    .select({
      id: cases.id,
      name: cases.name,
      clientId: cases.clientId,
      responsibleUserId: cases.responsibleUserId,
      nextActivityAt: cases.nextActivityAt,
      stageId: cases.stageId,
      state: cases.state,
      outcome: cases.outcome,
      version: cases.version,
      potentials: sql<[string, string | null, PotentialQuantity['quantityUnit']][] | null>`(
        select json_agg(json_build_array(${casePotentials.commodity}, ${casePotentials.quantity}::text, ${casePotentials.quantityUnit}))
        from ${casePotentials} where ${casePotentials.caseId} = ${sql.identifier('cases')}.${sql.identifier('id')})`,
    })
    .from(cases)
    // Qualified by hand above: drizzle names a single table's columns without it, and `id` would be the potential's.
    .where(sql`${cases.id} in (${sql.join(stages.map(stageIds), sql` union all `)})`);
  // The counts need every visible case of the board's stages: one statement whose access filter PostgreSQL serves
  // with a bitmap of the same indexes (BitmapOr of the branches), each heap page read once.
  const countsOf = ctx.db
    .select({ stageId: cases.stageId, total: count() })
    .from(cases)
    .where(and(conditions(null), visibleCases(ctx)))
    .groupBy(cases.stageId);
  const [rows, counts] = await Promise.all([cardsOf, countsOf]);
  const [clients, users] = await Promise.all([
    clientNames(ctx, rows.map((r) => r.clientId)),
    userNames(ctx, [...new Set(rows.flatMap((r) => (r.responsibleUserId ? [r.responsibleUserId] : [])))]),
  ]);
  const potentialsOf = new Map<string, PotentialQuantity[]>(
    rows.map((r) => [r.id, (r.potentials ?? []).map(([commodity, quantity, quantityUnit]) => ({ commodity, quantity: canonical(quantity), quantityUnit }))]),
  );
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const totals = new Map(counts.map((c) => [c.stageId!, c.total]));
  const cards = new Map<string, BoardCard[]>();
  // A UNION ALL keeps each branch's order in practice but SQL does not promise it: sort as the index does.
  const time = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
  rows.sort((a, b) => time(a.nextActivityAt) - time(b.nextActivityAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of rows) {
    const list = cards.get(r.stageId!) ?? [];
    list.push({
      id: r.id,
      name: r.name,
      clientId: r.clientId,
      clientName: clients.get(r.clientId) ?? null,
      responsibleUser: r.responsibleUserId ? { id: r.responsibleUserId, name: userName.get(r.responsibleUserId) ?? '' } : null,
      nextActivityAt: r.nextActivityAt,
      potentialMWh: potentialMWh(potentialsOf.get(r.id) ?? []),
      state: r.state,
      outcome: r.outcome ?? null,
      version: r.version,
    });
    cards.set(r.stageId!, list);
  }
  const template = stages[0]!;
  return {
    processTemplate: { id: template.templateId, name: template.templateName },
    stages: stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      requiredFields: s.requiredFields,
      closesAs: s.closesAs,
      total: totals.get(s.id) ?? 0,
      cards: cards.get(s.id) ?? [],
    })),
  };
};
