import { useState } from 'react';

/**
 * A page's add-or-edit dialog: whether it is open and the record it edits (null: a new one). The record stays while
 * the dialog closes, so its title does not change as it fades out.
 */
export const useEditDialog = <T>() => {
  const [editing, setEditing] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  return {
    opened,
    editing,
    open: (record: T | null) => {
      setEditing(record);
      setOpened(true);
    },
    close: () => setOpened(false),
  };
};
