import { and, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { users } from '../users/users.schema.js';
import { actorColumns, findUserForLogin } from '../users/users.service.js';
import { apiTokens, loginAttempts, sessions } from './auth.schema.js';
import { verifyPassword } from './passwords.js';
import { userActor, type Actor } from './permissions.js';
import { hashSecret, newSecret } from './tokens.js';

/** Failed sign-ins per e-mail within the window: after `slowAfter` each answer is delayed, after `refuseAfter` refused. */
export const loginThrottle = { windowMinutes: 15, slowAfter: 3, refuseAfter: 10, maxDelayMs: 2000 };

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal which e-mails exist.
const decoyHash = '$argon2id$v=19$m=19456,t=2,p=1$E6RIda0Wmx339/NzGafj9Q$LrPxEdNMNynAYsRBnYK/7BHsCjQfSopAOEf+zt+TeNw';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const login = async (
  ctx: ServiceContext,
  input: { email: string; password: string; ip: string | null },
  sessionHours: number,
): Promise<{ sessionToken: string; expiresAt: Date; userId: string }> => {
  const email = input.email.trim().toLowerCase();
  const since = new Date(ctx.now().getTime() - loginThrottle.windowMinutes * 60_000);
  const [failures] = await ctx.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const failed = failures?.n ?? 0;
  if (failed >= loginThrottle.refuseAfter) {
    throw new AppError('auth.too_many_attempts', `Too many failed sign-ins; try again in ${loginThrottle.windowMinutes} minutes`, {
      headers: { 'retry-after': String(loginThrottle.windowMinutes * 60) },
    });
  }
  if (failed >= loginThrottle.slowAfter) {
    await sleep(Math.min(loginThrottle.maxDelayMs, 250 * 2 ** (failed - loginThrottle.slowAfter)));
  }
  const user = await findUserForLogin(ctx, email);
  const ok = (await verifyPassword(user?.passwordHash ?? decoyHash, input.password)) && user !== null && user.isActive;
  await ctx.db.insert(loginAttempts).values({ email, ip: input.ip, succeeded: ok, at: ctx.now() });
  if (!ok || !user) throw new AppError('auth.invalid_credentials', 'E-mail or password is wrong');
  const sessionToken = newSecret('kws_');
  const expiresAt = new Date(ctx.now().getTime() + sessionHours * 3_600_000);
  await ctx.db.insert(sessions).values({ tokenHash: hashSecret(sessionToken), userId: user.id, expiresAt, createdAt: ctx.now() });
  return { sessionToken, expiresAt, userId: user.id };
};

export const logout = async (ctx: ServiceContext, sessionToken: string): Promise<void> => {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(sessionToken)));
};

export type Authenticated = { actor: Actor & { kind: 'user' }; via: 'session' | 'token' };

/**
 * SECURITY-CRITICAL. The session cookie → the acting user, in one statement because every API request pays for
 * it: an unexpired session of an active user, with the user's active teams and roles, read fresh so a role or
 * team change applies to the next request. Same rules as `loadActor`; a change here needs a second reviewer.
 */
export const authenticateSession = async (ctx: ServiceContext, sessionToken: string): Promise<Authenticated | null> => {
  const [row] = await ctx.db
    .select(actorColumns(ctx))
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, hashSecret(sessionToken)), gt(sessions.expiresAt, ctx.now()), eq(users.isActive, true)),
    );
  return row ? { actor: userActor(row), via: 'session' } : null;
};

/** `lastUsedAt` is for people reading the tokens screen; a minute's precision spares a write on every request. */
const lastUsedPrecisionMs = 60_000;

/** SECURITY-CRITICAL. An API token → the acting user, in one statement like a session (same rules). */
export const authenticateToken = async (ctx: ServiceContext, token: string): Promise<Authenticated | null> => {
  const [row] = await ctx.db
    .select({ ...actorColumns(ctx), tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, ctx.now())),
        eq(users.isActive, true),
      ),
    );
  if (!row) return null;
  const now = ctx.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedPrecisionMs)
    await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return { actor: userActor(row), via: 'token' };
};

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

const ownUserId = (ctx: ServiceContext): string => {
  if (ctx.actor.kind !== 'user') throw new AppError('auth.forbidden', 'Only users have API tokens');
  return ctx.actor.userId;
};

export const listApiTokens = async (ctx: ServiceContext): Promise<ApiToken[]> =>
  ctx.db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, ownUserId(ctx))).orderBy(desc(apiTokens.createdAt));

/** The secret is returned once; only its hash is kept. A token acts with its user's current rights. */
export const createApiToken = async (
  ctx: ServiceContext,
  input: { name: string; expiresAt?: Date | null | undefined },
): Promise<ApiToken & { token: string }> => {
  const userId = ownUserId(ctx);
  const token = newSecret('kwt_');
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({ userId, name: input.name, prefix: token.slice(0, 10), tokenHash: hashSecret(token), expiresAt: input.expiresAt ?? null, createdAt: ctx.now() })
    .returning(tokenColumns);
  if (!row) throw new Error('insert returned no row');
  return { ...row, token };
};

export const revokeApiToken = async (ctx: ServiceContext, id: string): Promise<void> => {
  const [row] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.now() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ownUserId(ctx)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw notFound('API token');
};

/** The job behind "expired sessions are removed"; also forgets sign-in attempts older than a day. */
export const removeExpiredSessions = async (ctx: ServiceContext): Promise<{ sessions: number }> => {
  const removed = await ctx.db.delete(sessions).where(lt(sessions.expiresAt, ctx.now())).returning({ id: sessions.id });
  await ctx.db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(ctx.now().getTime() - 86_400_000)));
  return { sessions: removed.length };
};
