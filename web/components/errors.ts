import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.js';

/**
 * Looks up `<prefix>.<code>`; codes are dotted (`client.duplicate_company_id`), so they resolve to
 * nested keys. Returns null when the key is missing or names a group rather than a message.
 */
export const translateCode = (
  t: TFunction,
  prefix: string,
  code: string,
  options: Record<string, unknown> = {},
): string | null => {
  const key = `${prefix}.${code}`;
  const value: unknown = t(key, { ...options, returnObjects: true, defaultValue: null });
  // i18next answers a missing key with the key itself.
  return typeof value === 'string' && value !== '' && value !== key ? value : null;
};

/** The user's-language message for any failure: `errors.<code>`, else a message by HTTP status. */
export const errorMessage = (t: TFunction, error: unknown): string => {
  if (!isApiError(error)) return t('errors.unknown');
  return (
    translateCode(t, 'errors', error.code) ??
    translateCode(t, 'errors.status', String(error.status)) ??
    t('errors.unknown')
  );
};

/** A field rule code (`checksum`, `too_small` …) in the user's language. */
export const ruleMessage = (t: TFunction, code: string): string =>
  translateCode(t, 'validation', code) ?? t('validation.invalid');

export const notifyError = (t: TFunction, error: unknown): void => {
  notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(t, error) });
};

export const notifySuccess = (message: string): void => {
  notifications.show({ color: 'teal', message });
};
