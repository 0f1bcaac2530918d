import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordChange } from '../audit/audit.service.js';
import { hashPassword } from '../auth/passwords.js';
import {
  actorUserId,
  assertCan,
  defaultScopeByRole,
  permissionsByRole,
  roleKeys,
  type Actor,
  type RoleKey,
  type Scope,
  userActor,
} from '../auth/permissions.js';
import { activeTeamIdsQuery, setTeamsOfUser, teamIdsOfUser } from '../teams/teams.service.js';
import { roles, userRoles, users } from './users.schema.js';

export type User = {
  id: string;
  ownerId: string;
  email: string;
  name: string;
  locale: string;
  isActive: boolean;
  roleKeys: RoleKey[];
  teamIds: string[];
  version: number;
};

const userColumns = {
  id: users.id,
  ownerId: users.ownerId,
  email: users.email,
  name: users.name,
  locale: users.locale,
  isActive: users.isActive,
  version: users.version,
};

/**
 * SECURITY-CRITICAL. What makes a user an actor (active teams, role keys, role scopes), as columns correlated on
 * `users.id`, so a session or token lookup builds the actor in the statement that finds the user. Read fresh on
 * every request, so a role or team change applies to the next one; `userActor` turns the row into permissions.
 */
export const actorColumns = (ctx: ServiceContext) => ({
  userId: users.id,
  ownerId: users.ownerId,
  teamIds: sql<string[]>`array${activeTeamIdsQuery(ctx, users.id)}`,
  roleKeys: sql<RoleKey[]>`array${ctx.db.select({ key: userRoles.roleKey }).from(userRoles).where(eq(userRoles.userId, users.id))}`,
  roleScopes: sql<Scope[]>`array${ctx.db
    .select({ scope: roles.scope })
    .from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.roleKey))
    .where(eq(userRoles.userId, users.id))}`,
});

/** Builds the acting user from the database, so a role or team change applies to the next request. */
export const loadActor = async (ctx: ServiceContext, userId: string): Promise<(Actor & { kind: 'user' }) | null> => {
  const [row] = await ctx.db
    .select(actorColumns(ctx))
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  return row ? userActor(row) : null;
};

export const findUserForLogin = async (ctx: ServiceContext, email: string) => {
  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
};

export const getUser = async (ctx: ServiceContext, id: string): Promise<User> => {
  const list = await listUsers(ctx, [id]);
  const user = list[0];
  if (!user) throw notFound('User');
  return user;
};

/** Users of the caller's owner company (all owners for a caller who sees all). */
export const listUsers = async (ctx: ServiceContext, ids?: string[]): Promise<User[]> => {
  const actor = ctx.actor;
  const rows = await ctx.db
    .select(userColumns)
    .from(users)
    .where(
      and(
        actor.kind === 'user' && actor.scope !== 'all' ? eq(users.ownerId, actor.ownerId) : undefined,
        ids ? inArray(users.id, ids) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  if (rows.length === 0) return [];
  const roleRows = await ctx.db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((u) => u.id)));
  return Promise.all(
    rows.map(async (u) => ({
      ...u,
      roleKeys: roleRows.filter((r) => r.userId === u.id).map((r) => r.roleKey as RoleKey),
      teamIds: await teamIdsOfUser(ctx, u.id),
    })),
  );
};

export type UserInput = {
  ownerId?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
  password?: string | undefined;
  locale?: string | undefined;
  isActive?: boolean | undefined;
  roleKeys?: RoleKey[] | undefined;
  teamIds?: string[] | undefined;
};

const assertEmailFree = async (ctx: ServiceContext, email: string, exceptId?: string) => {
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing && existing.id !== exceptId) {
    throw new AppError('user.duplicate_email', `A user with ${email} exists`, {
      errors: [{ path: 'email', code: 'duplicate', message: 'email: already used by another user' }],
    });
  }
};

const setRoles = async (ctx: ServiceContext, userId: string, keys: RoleKey[]) => {
  await ctx.db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (keys.length) await ctx.db.insert(userRoles).values([...new Set(keys)].map((roleKey) => ({ userId, roleKey })));
};

export const createUser = async (
  ctx: ServiceContext,
  input: UserInput & { email: string; name: string; password: string },
): Promise<User> => {
  assertCan(ctx.actor, 'admin.users');
  const by = actorUserId(ctx.actor);
  const actor = ctx.actor;
  const ownerId = input.ownerId ?? (actor.kind === 'user' ? actor.ownerId : undefined);
  if (!ownerId) throw new AppError('validation', 'ownerId is required', { errors: [{ path: 'ownerId', code: 'required', message: 'ownerId: required' }] });
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return withTx(ctx, async (ctx) => {
    await assertEmailFree(ctx, email);
    const [row] = await ctx.db
      .insert(users)
      .values({ ownerId, email, name: input.name, passwordHash, locale: input.locale ?? 'en', createdBy: by, updatedBy: by })
      .returning(userColumns);
    if (!row) throw new Error('insert returned no row');
    await setRoles(ctx, row.id, input.roleKeys ?? []);
    await setTeamsOfUser(ctx, row.id, input.teamIds ?? []);
    const user = { ...row, roleKeys: input.roleKeys ?? [], teamIds: input.teamIds ?? [] };
    await recordChange(ctx, { entityType: 'user', entityId: row.id, rootType: 'user', rootId: row.id, ownerId }, 'create', null, user);
    return user;
  });
};

export const updateUser = async (ctx: ServiceContext, id: string, input: UserInput & { version: number }): Promise<User> => {
  assertCan(ctx.actor, 'admin.users');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return withTx(ctx, async (ctx) => {
    const before = await getUser(ctx, id);
    const { version, roleKeys: keys, teamIds, password: _password, ...changes } = input;
    if (changes.email) {
      changes.email = changes.email.trim().toLowerCase();
      await assertEmailFree(ctx, changes.email, id);
    }
    const [row] = await ctx.db
      .update(users)
      .set({ ...changes, ...(passwordHash ? { passwordHash } : {}), version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning(userColumns);
    if (!row) throw new AppError('version_conflict', 'The user was changed by someone else; reload it');
    if (keys) await setRoles(ctx, id, keys);
    if (teamIds) await setTeamsOfUser(ctx, id, teamIds);
    const after = { ...row, roleKeys: keys ?? before.roleKeys, teamIds: teamIds ?? before.teamIds };
    await recordChange(ctx, { entityType: 'user', entityId: id, rootType: 'user', rootId: id, ownerId: row.ownerId }, 'update', before, after);
    return after;
  });
};

export type Role = { key: RoleKey; scope: Scope; permissions: string[]; version: number };

export const listRoles = async (ctx: ServiceContext): Promise<Role[]> => {
  const rows = await ctx.db.select().from(roles);
  return roleKeys.flatMap((key) => {
    const row = rows.find((r) => r.key === key);
    return row ? [{ key, scope: row.scope, permissions: [...permissionsByRole[key]], version: row.version }] : [];
  });
};

export const updateRoleScope = async (ctx: ServiceContext, key: RoleKey, scope: Scope, version: number): Promise<Role> => {
  assertCan(ctx.actor, 'admin.roles');
  return withTx(ctx, async (ctx) => {
    const [before] = await ctx.db.select().from(roles).where(eq(roles.key, key));
    if (!before) throw notFound('Role');
    const [row] = await ctx.db
      .update(roles)
      .set({ scope, version: version + 1, updatedAt: ctx.now(), updatedBy: actorUserId(ctx.actor) })
      .where(and(eq(roles.key, key), eq(roles.version, version)))
      .returning();
    if (!row) throw new AppError('version_conflict', 'The role was changed by someone else; reload it');
    await recordChange(ctx, { entityType: 'role', entityId: key, rootType: 'role', rootId: key, ownerId: null }, 'update', { scope: before.scope }, { scope });
    return { key, scope: row.scope, permissions: [...permissionsByRole[key]], version: row.version };
  });
};

/** Creates the role rows with their default scopes; run by migrations' seed on every start, idempotent. */
export const ensureRoles = async (ctx: ServiceContext): Promise<void> => {
  await ctx.db
    .insert(roles)
    .values(roleKeys.map((key) => ({ key, scope: defaultScopeByRole[key] })))
    .onConflictDoNothing();
};

/** Names of users for display next to records (history authors, responsible users); no access rule applies. */
export const userNames = async (ctx: ServiceContext, ids: string[]) =>
  ids.length
    ? ctx.db.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, ids))
    : [];
