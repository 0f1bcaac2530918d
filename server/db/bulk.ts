import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';

/**
 * Reading and writing many rows at once: ids bound as one parameter, rows inserted in batches that stay within
 * PostgreSQL's parameter limit (65,535 per statement).
 */

/** `column = any(ids)` with the ids as one uuid[] parameter: binding thousands of parameters costs more than the query. */
export const anyId = (column: SQLWrapper, ids: readonly string[]): SQL => sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;

/** Rows are inserted in batches of this many, so 100,000 rows stay within the parameter limit. */
const insertBatch = 1000;
/** Rows go in as one JSON parameter per this many (binding 15 parameters a row costs more than the insert). */
const jsonBatch = 5000;

/** Calls `insert` with the rows 1,000 at a time, one after another. */
export const insertInBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += insertBatch) await insert(rows.slice(i, i + insertBatch));
};

/** Inserts rows as one jsonb parameter per batch: `columns` are [database name, SQL type, the row's key]. */
export const insertJson = async <T extends Record<string, unknown>>(
  ctx: ServiceContext,
  table: string,
  columns: readonly (readonly [string, string, keyof T & string])[],
  rows: readonly T[],
) => {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += jsonBatch) {
    const batch = rows.slice(i, i + jsonBatch).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [name, , key] of columns) out[name] = row[key] ?? null;
      return out;
    });
    await ctx.db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${sql.raw(types)})`,
    );
  }
};
