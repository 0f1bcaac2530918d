import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context.js';
import { businessDate } from '../modules/code-lists/energy-reference.service.js';

/**
 * The next number of an owner company's records this year, `<prefix>-<year>-<five digits>` (KW-2026-00042), the
 * year as Central Europe counts it. Two records numbered at once must not get the same number, so the owner's
 * numbering of that kind is locked until the caller's transaction ends.
 */
export const nextYearlyNumber = async (
  ctx: ServiceContext,
  record: { table: PgTable; number: PgColumn; owner: PgColumn; prefix: string },
  ownerId: string,
): Promise<string> => {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${record.prefix}.number:${ownerId}`}))`);
  const prefix = `${record.prefix}-${businessDate(ctx.now()).slice(0, 4)}-`;
  const [row] = await ctx.db
    .select({ last: sql<string | null>`max(${record.number})` })
    .from(record.table)
    .where(and(eq(record.owner, ownerId), sql`${record.number} ~ ${`^${prefix}[0-9]{5}$`}`));
  const next = row?.last ? Number(row.last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(5, '0')}`;
};
