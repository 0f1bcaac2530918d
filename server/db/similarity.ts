import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { withTx, type ServiceContext } from '../context.js';

/**
 * Typo-tolerant name search (CORE-8) with pg_trgm's word similarity: "kowtechnik" finds "Kovtechnik Trnava".
 * The `<%` operator uses the trigram GIN index; its threshold is a setting, lowered for one transaction only.
 */
const typoThreshold = '0.5';

/**
 * Only words are matched loosely: a term with digits is an identifier, a phone or an address number (EICs have
 * letters too), and identifiers match exactly; a loose match of one costs a second at 1,000,000 clients for nothing.
 */
export const isTypoTolerant = (needle: string): boolean => needle.length >= 4 && /\p{L}/u.test(needle) && !/\d/.test(needle);

export const withTypoTolerance = <T>(ctx: ServiceContext, work: (ctx: ServiceContext) => Promise<T>): Promise<T> =>
  withTx(ctx, async (tx) => {
    await tx.db.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${typoThreshold}, true)`);
    return work(tx);
  });

export const similarTo = (needle: string, text: SQLWrapper): SQL => sql`${needle} <% ${text}`;

export const mostSimilarFirst = (needle: string, text: SQLWrapper): SQL => sql`word_similarity(${needle}, ${text}) desc`;

/** A LIKE pattern that matches `text` anywhere, its own `%`, `_` and `\` taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
