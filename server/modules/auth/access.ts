import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './permissions.js';

/** The columns of a business table that record-level access looks at. */
export type AccessColumns = {
  ownerId: PgColumn;
  teamId: PgColumn;
  responsibleUserId: PgColumn;
  createdBy: PgColumn;
};

/**
 * SECURITY-CRITICAL. The only "who may see this record" rule (CORE-3), as the alternatives whose union is what the
 * actor may see: each one a plain conjunction an index can serve in sort order, so a scoped list can take the first
 * page of each and merge them instead of filtering a whole table (supply points at 2,000,000, docs/performance.md).
 * `visibleTo` is their disjunction, so the two cannot diverge. Changes here need a second reviewer.
 */
export const visibleBranches = (actor: Actor, t: AccessColumns): SQL[] => {
  // Jobs act as a named system actor and see everything; this is the only bypass.
  if (actor.kind === 'system') return [sql`true`];
  const own = [eq(t.responsibleUserId, actor.userId), eq(t.createdBy, actor.userId)];
  switch (actor.scope) {
    case 'all':
      return [sql`true`];
    case 'owner':
      return [eq(t.ownerId, actor.ownerId)];
    case 'team':
      return [
        // One branch per team: an index on (owner, team, sort key) serves `=` in sort order, an IN list it cannot.
        ...actor.teamIds.map((teamId) => and(eq(t.ownerId, actor.ownerId), eq(t.teamId, teamId)) as SQL),
        // Records a user is responsible for or created stay theirs within the owner company, team or not.
        ...(actor.teamIds.length > 0 ? own.map((condition) => and(eq(t.ownerId, actor.ownerId), condition) as SQL) : own),
      ];
    case 'own':
      return own;
  }
};

/**
 * SECURITY-CRITICAL. The condition every list, detail, search, export, history and write of a business record
 * composes into its query, so no path can diverge. A row outside it is reported as not found.
 */
export const visibleTo = (actor: Actor, t: AccessColumns): SQL => {
  const branches = visibleBranches(actor, t);
  return branches.length === 1 ? branches[0]! : (or(...branches) as SQL);
};
