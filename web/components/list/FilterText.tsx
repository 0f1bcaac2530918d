import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useDebouncedText } from './useDebouncedText.js';

type FilterTextProps = Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'type'> & {
  /** The value in the address. */
  value: string | undefined;
  onCommit: (value: string | null) => void;
  /** Turns the typed text into the parameter, or gives null while it is not a valid one yet. */
  parse?: (text: string) => string | null;
  /** Shown under the box while the typed text is not valid. */
  invalidMessage?: ReactNode;
  /** The list's search box: a search field with the magnifier. */
  search?: boolean;
};

/** A text filter of a list that goes to the address after a pause in typing (see useDebouncedText). */
export const FilterText = ({ value, onCommit, parse, invalidMessage, search = false, ...props }: FilterTextProps) => {
  const { text, setText, invalid } = useDebouncedText(value ?? '', onCommit, parse);
  return (
    <TextInput
      type={search ? 'search' : undefined}
      leftSection={search ? <IconSearch size={16} aria-hidden /> : undefined}
      size="sm"
      {...props}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      error={invalid ? invalidMessage : undefined}
    />
  );
};
