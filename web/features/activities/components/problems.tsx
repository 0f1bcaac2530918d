import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ComponentProps } from 'react';
import { isApiError } from '../../../api/client.js';
import { FormAlert } from '../../../components/FormAlert.js';
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

/** The form-level error in these features' wording. */
export const ProblemAlert = (props: Omit<ComponentProps<typeof FormAlert>, 'wording'>) => (
  <FormAlert {...props} wording={{ error: problemMessage, rule: fieldRuleMessage }} />
);
