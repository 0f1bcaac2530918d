import { asc, desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { invalidField } from '../http/errors.js';

/**
 * Cursor pagination over (sort expression, id): stable under inserts and as fast on page 1000 as on page 1.
 * The cursor is opaque to clients: base64url of the last row's sort value and id.
 */
export type Keyset = { expression: SQLWrapper; id: SQLWrapper; direction: 'asc' | 'desc'; isTime?: boolean };

type CursorValue = string | number | null;

export const encodeCursor = (value: CursorValue | Date, id: string): string =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');

const decodeCursor = (cursor: string): [CursorValue, string] => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      return parsed as [CursorValue, string];
    }
  } catch {
    // fall through to the field error below
  }
  throw invalidField('cursor', 'invalid_cursor', 'Not a cursor this list returned');
};

export const keysetAfter = (keyset: Keyset, cursor: string | undefined): SQL | undefined => {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor);
  const op = keyset.direction === 'asc' ? sql`>` : sql`<`;
  const v = keyset.isTime ? sql`${value}::timestamptz` : sql`${value}`;
  return sql`(${keyset.expression}, ${keyset.id}) ${op} (${v}, ${id}::uuid)`;
};

export const keysetOrder = (keyset: Keyset): SQL[] =>
  keyset.direction === 'asc' ? [asc(keyset.expression as SQL), asc(keyset.id as SQL)] : [desc(keyset.expression as SQL), desc(keyset.id as SQL)];

/** Takes `limit + 1` rows, returns `limit` and the cursor of the last one when there are more. */
export const pageOf = <T>(rows: T[], limit: number, cursorOf: (row: T) => string) => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
};
