import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

const asTyped = (text: string): string | null => text;

/**
 * A list's text filter: the trimmed text goes to the address (`onCommit`, null when empty) 300 ms after the user stops
 * typing, and the box follows the address when "Clear filters" or navigation changes `value`. `parse` turns the text
 * into the parameter, or gives null while it is not a valid one yet (then nothing is committed and `invalid` is set).
 */
export const useDebouncedText = (
  value: string,
  onCommit: (value: string | null) => void,
  parse: (text: string) => string | null = asTyped,
) => {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const parsed = debounced ? parse(debounced) : '';

  useEffect(() => {
    if (parsed !== null && parsed !== value) onCommit(parsed || null);
  }, [parsed]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text triggers a search

  // The address changed: show what it holds (adjusting state while rendering, as React recommends over an effect).
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== parse(text.trim())) setText(value);
  }

  return { text, setText, invalid: parsed === null };
};
