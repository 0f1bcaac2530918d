/** A list's order as its table shows it: the sorted column and which way. */
export type SortState<F extends string = string> = { field: F; direction: 'asc' | 'desc' };

/**
 * A list's `sort` parameter as an order: "name" ascending, "-name" descending. Without one, or with a field the list
 * does not offer (`fields`, when given), the list's own default order, as the server sorts without `sort`.
 */
export const parseSort = <F extends string>(
  sort: string | undefined,
  fallback: SortState<F>,
  fields?: readonly F[],
): SortState<F> => {
  if (!sort) return fallback;
  const field = sort.replace(/^-/, '') as F;
  if (fields && !fields.includes(field)) return fallback;
  return { field, direction: sort.startsWith('-') ? 'desc' : 'asc' };
};

/**
 * The `sort` parameter after a click on a column: the sorted column flips its direction; another column starts
 * ascending, or descending where the list says so (newest, largest first).
 */
export const nextSort = (current: SortState, field: string, startsDescending = false): string => {
  if (current.field === field) return current.direction === 'asc' ? `-${field}` : field;
  return startsDescending ? `-${field}` : field;
};

/**
 * One list's order: its default, the fields it may be sorted by (to ignore others in a hand-edited address) and the
 * columns that start descending. `parse` reads the address's `sort`, `next` is the `sort` after a click on `field`.
 */
export const listOrder = <F extends string>(
  fallback: SortState<F>,
  options: { fields?: readonly F[]; startsDescending?: (field: F) => boolean } = {},
) => {
  const parse = (sort: string | undefined): SortState<F> => parseSort(sort, fallback, options.fields);
  const next = (current: string | undefined, field: F): string =>
    nextSort(parse(current), field, options.startsDescending?.(field) ?? false);
  return { parse, next };
};
