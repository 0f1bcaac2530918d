import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

type Warning = { path: string; code: string };

/** Rules that did not block saving (an unusual check digit …), as a yellow notice above the card's tabs. */
export const SaveWarnings = <W extends Warning>({
  title,
  warnings,
  text,
}: {
  title: string;
  warnings: W[];
  text: (warning: W) => string;
}) => {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={title} mb="md">
      <List size="sm">
        {warnings.map((warning) => (
          <List.Item key={`${warning.path}-${warning.code}`}>{text(warning)}</List.Item>
        ))}
      </List>
    </Alert>
  );
};
