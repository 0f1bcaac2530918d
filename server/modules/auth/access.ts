import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
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
 * SECURITY-CRITICAL. The only "who may see this record" condition (CORE-3): every list, detail, search,
 * export, history and write of a business record composes it into its query, so no path can diverge.
 * A row outside it is reported as not found. Changes here need a second reviewer.
 */
export const visibleTo = (actor: Actor, t: AccessColumns): SQL => {
  // Jobs act as a named system actor and see everything; this is the only bypass.
  if (actor.kind === 'system') return sql`true`;
  const own = or(eq(t.responsibleUserId, actor.userId), eq(t.createdBy, actor.userId)) as SQL;
  switch (actor.scope) {
    case 'all':
      return sql`true`;
    case 'owner':
      return eq(t.ownerId, actor.ownerId);
    case 'team':
      return actor.teamIds.length > 0
        ? (and(eq(t.ownerId, actor.ownerId), or(inArray(t.teamId, actor.teamIds), own)) as SQL)
        : own;
    case 'own':
      return own;
  }
};
