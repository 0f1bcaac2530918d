import type { PgColumn } from 'drizzle-orm/pg-core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { actorUserId, assertCan } from '../auth/permissions.js';
import { recordChange } from '../audit/audit.service.js';
import { teamMembers, teams } from './teams.schema.js';

export type Team = { id: string; ownerId: string; name: string; isActive: boolean; memberIds: string[]; version: number };

/** The active teams of a user (a column for a correlated subquery, or an id), for reads that build an actor in one statement. */
export const activeTeamIdsQuery = (ctx: ServiceContext, userId: PgColumn | string) =>
  ctx.db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), eq(teams.isActive, true)));

export const teamIdsOfUser = async (ctx: ServiceContext, userId: string): Promise<string[]> => {
  const rows = await activeTeamIdsQuery(ctx, userId);
  return rows.map((r) => r.teamId);
};

export const listTeams = async (ctx: ServiceContext): Promise<Team[]> => {
  const actor = ctx.actor;
  const rows = await ctx.db
    .select()
    .from(teams)
    .where(actor.kind === 'user' && actor.scope !== 'all' ? eq(teams.ownerId, actor.ownerId) : undefined)
    .orderBy(asc(teams.name));
  const members = rows.length
    ? await ctx.db.select().from(teamMembers).where(inArray(teamMembers.teamId, rows.map((t) => t.id)))
    : [];
  return rows.map((t) => ({
    id: t.id,
    ownerId: t.ownerId,
    name: t.name,
    isActive: t.isActive,
    version: t.version,
    memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId),
  }));
};

const replaceMembers = async (ctx: ServiceContext, teamId: string, memberIds: string[]) => {
  await ctx.db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (memberIds.length) await ctx.db.insert(teamMembers).values([...new Set(memberIds)].map((userId) => ({ teamId, userId })));
};

export const createTeam = async (
  ctx: ServiceContext,
  input: { ownerId: string; name: string; memberIds?: string[] | undefined },
): Promise<Team> => {
  assertCan(ctx.actor, 'admin.users');
  const by = actorUserId(ctx.actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db.insert(teams).values({ ownerId: input.ownerId, name: input.name, createdBy: by, updatedBy: by }).returning();
    if (!row) throw new Error('insert returned no row');
    await replaceMembers(ctx, row.id, input.memberIds ?? []);
    await recordChange(ctx, { entityType: 'team', entityId: row.id, rootType: 'team', rootId: row.id, ownerId: row.ownerId }, 'create', null, { ...row, memberIds: input.memberIds ?? [] });
    return { ...row, memberIds: input.memberIds ?? [] };
  });
};

export const updateTeam = async (
  ctx: ServiceContext,
  id: string,
  input: { name?: string | undefined; isActive?: boolean | undefined; memberIds?: string[] | undefined; version: number },
): Promise<Team> => {
  assertCan(ctx.actor, 'admin.users');
  return withTx(ctx, async (ctx) => {
    const before = (await listTeams(ctx)).find((t) => t.id === id);
    if (!before) throw notFound('Team');
    const { memberIds, version, ...changes } = input;
    const [row] = await ctx.db
      .update(teams)
      .set({ ...changes, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(teams.id, id), eq(teams.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The team was changed by someone else; reload it');
    if (memberIds) await replaceMembers(ctx, id, memberIds);
    const after = { ...row, memberIds: memberIds ?? before.memberIds };
    await recordChange(ctx, { entityType: 'team', entityId: id, rootType: 'team', rootId: id, ownerId: row.ownerId }, 'update', before, after);
    return after;
  });
};

/** Sets the teams a user belongs to (called by the users module when an administrator edits a user). */
export const setTeamsOfUser = async (ctx: ServiceContext, userId: string, teamIds: string[]): Promise<void> => {
  await ctx.db.delete(teamMembers).where(eq(teamMembers.userId, userId));
  if (teamIds.length) await ctx.db.insert(teamMembers).values([...new Set(teamIds)].map((teamId) => ({ teamId, userId })));
};
