import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type AddressChanges<K extends string = string> = Partial<Record<K, string | null | undefined>>;

/** The next query string: set what has a value, remove what was cleared, keep everything else. */
export const withChanges = (previous: URLSearchParams, changes: AddressChanges): URLSearchParams => {
  const next = new URLSearchParams(previous);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
};

/**
 * Changes the page address's query in place, without a new history entry: lists, filters and tabs keep their state
 * there, so a view can be shared and restored. `rule` may adjust the result (e.g. a new process clears the stage).
 */
export const useAddressChanges = <K extends string = string>(rule?: (next: URLSearchParams, changes: AddressChanges<K>) => URLSearchParams) => {
  const [, setSearch] = useSearchParams();
  return useCallback(
    (changes: AddressChanges<K>) =>
      setSearch((previous) => {
        const next = withChanges(previous, changes);
        return rule ? rule(next, changes) : next;
      }, { replace: true }),
    [setSearch, rule],
  );
};
