import { searchable } from '../clients/client-rules.js';

// How an import (leads, supply points) suggests the file's column for each of its fields, by the headers' names.

/** Lower case, no accents, punctuation as spaces: "Ročná spotreba (MWh)" → "rocna spotreba mwh". */
export const simplify = (text: string): string =>
  searchable(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The header names a field is known by, written as `simplify` leaves them: lower case, no accents, words
 * separated by one space. `contains` may also stand inside a longer header ("Telefón kontaktnej osoby").
 */
export type HeaderNames = { exact: readonly string[]; contains?: readonly string[] };

const words = (text: string) => text.split(' ').filter(Boolean);

/** How well a header names a field: 1 for a known name, less when a known name stands inside a longer header. */
export const headerScore = (known: HeaderNames, header: string): number => {
  const h = simplify(header);
  if (!h) return 0;
  if (known.exact.includes(h)) return 1;
  // "Ročná spotreba (MWh)", "IČO klienta": a known name followed or preceded by other words.
  const hw = words(h);
  let best = 0;
  for (const name of known.exact) {
    const nw = words(name);
    if (nw.length > 1 && h.includes(name)) best = Math.max(best, 0.6 + 0.3 * (nw.length / hw.length));
  }
  for (const name of known.contains ?? []) {
    const nw = words(name);
    const at = hw.findIndex((_, i) => nw.every((w, j) => hw[i + j] === w));
    if (at >= 0) best = Math.max(best, 0.5 + 0.3 * (nw.length / hw.length));
  }
  return best;
};

/**
 * The header of each field. The headers `kept` (e.g. a mapping saved earlier) come first, for every field whose
 * header the file still has; the other fields get the header that names them best. A header serves one field
 * at most; on equal scores the earlier field and the earlier header win.
 */
export const suggestHeaders = <Field extends string>(
  fields: readonly Field[],
  namesOf: Record<Field, HeaderNames>,
  headers: readonly string[],
  kept: Partial<Record<Field, string>> | null = null,
): Record<Field, string | null> => {
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Record<Field, string | null>;
  const used = new Set<string>();
  for (const field of fields) {
    const header = kept?.[field];
    if (header && headers.includes(header) && !used.has(header)) {
      mapping[field] = header;
      used.add(header);
    }
  }
  const candidates: { field: Field; header: string; score: number }[] = [];
  for (const field of fields) {
    if (mapping[field] !== null) continue;
    for (const header of headers) {
      const score = headerScore(namesOf[field], header);
      if (score > 0) candidates.push({ field, header, score });
    }
  }
  // Stable: equal scores keep the fields' and headers' order.
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (mapping[c.field] !== null || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return mapping;
};
