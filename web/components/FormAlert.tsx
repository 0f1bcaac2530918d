import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldProblem } from '../api/client.js';
import { errorMessage, ruleMessage } from './errors.js';

type FormAlertProps = {
  error: unknown;
  /** Field problems no input of the form shows, listed by their path. */
  unmapped?: FieldProblem[];
  /** Offered on a version conflict: load the record again (discarding the unsaved changes). */
  onReload?: (() => void) | undefined;
  /** A feature's own wording of its problem codes and field rules; the shared catalogues otherwise. */
  wording?: { error: (t: TFunction, error: unknown) => string; rule: (t: TFunction, code: string) => string };
};

const sharedWording = { error: errorMessage, rule: ruleMessage };

/** The form-level error: a version conflict with a reload action, or the translated problem. */
export const FormAlert = ({ error, unmapped = [], onReload, wording = sharedWording }: FormAlertProps) => {
  const { t } = useTranslation();
  if (!error) return null;
  const isConflict = isApiError(error) && error.code === 'version_conflict';
  return (
    <Alert
      color={isConflict ? 'orange' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={t('common.saveFailed')}
    >
      <Text size="sm">{wording.error(t, error)}</Text>
      {unmapped.length > 0 && (
        <List size="sm" mt="xs">
          {unmapped.map((problem) => (
            <List.Item key={`${problem.path}-${problem.code}`}>
              {problem.path}: {wording.rule(t, problem.code)}
            </List.Item>
          ))}
        </List>
      )}
      {isConflict && onReload && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="orange" onClick={onReload}>
            {t('common.reloadLatest')}
          </Button>
        </Group>
      )}
    </Alert>
  );
};
