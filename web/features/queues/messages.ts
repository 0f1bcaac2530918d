import type { TFunction } from 'i18next';
import { ruleMessage, translateCode } from '../../components/errors.js';

/**
 * A field rule in the user's language: the queue's own rules first (`queues.validation.<code>`: a follow-up the
 * outcome needs, a team of another company, a number out of range), then the shared `validation.<code>` table.
 */
export const queueRuleMessage = (t: TFunction, code: string, params: Record<string, unknown> = {}): string =>
  translateCode(t, 'queues.validation', code, params) ?? ruleMessage(t, code);
