import { Alert, Button, Group, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldProblem } from '../../../api/client.js';
import { errorMessage, ruleMessage, translateCode } from '../../../components/errors.js';

/**
 * Messages for the activities' and calendar's own problem codes (`activity.*`, `event.*`) and field rules, which
 * live in these features' catalogues; everything else falls back to the shared `errors.*` and `validation.*`.
 */
export const problemMessage = (t: TFunction, error: unknown): string => {
  if (isApiError(error)) {
    const [area, rest] = error.code.split(/\.(.+)/);
    if (area === 'activity' && rest) return translateCode(t, 'activities.errors', rest) ?? errorMessage(t, error);
    if (area === 'event' && rest) return translateCode(t, 'calendar.errors', rest) ?? errorMessage(t, error);
  }
  return errorMessage(t, error);
};

export const fieldRuleMessage = (t: TFunction, code: string): string =>
  translateCode(t, 'activities.validation', code) ?? translateCode(t, 'calendar.validation', code) ?? ruleMessage(t, code);

export const notifyProblem = (t: TFunction, error: unknown): void => {
  notifications.show({ color: 'red', title: t('common.error'), message: problemMessage(t, error) });
};

/** The form-level error, like the shared FormAlert but knowing these features' codes. */
export const ProblemAlert = ({ error, unmapped = [], onReload }: { error: unknown; unmapped?: FieldProblem[]; onReload?: (() => void) | undefined }) => {
  const { t } = useTranslation();
  if (!error) return null;
  const isConflict = isApiError(error) && error.code === 'version_conflict';
  return (
    <Alert color={isConflict ? 'orange' : 'red'} icon={<IconAlertTriangle size={18} />} title={t('common.saveFailed')}>
      <Text size="sm">{problemMessage(t, error)}</Text>
      {unmapped.length > 0 && (
        <List size="sm" mt="xs">
          {unmapped.map((problem) => (
            <List.Item key={`${problem.path}-${problem.code}`}>
              {problem.path}: {fieldRuleMessage(t, problem.code)}
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
