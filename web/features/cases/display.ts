import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.js';
import { errorMessage, translateCode } from '../../components/errors.js';

/**
 * The case's errors in the user's language: `cases.errors.<code>` first (shares, gates, closed cases), then the
 * general `errors.<code>` table.
 */
export const caseErrorMessage = (t: TFunction, error: unknown): string => {
  if (isApiError(error)) {
    const own = translateCode(t, 'cases.errors', error.code);
    if (own) return own;
  }
  return errorMessage(t, error);
};

/** The label of a gate field (a case field a stage can require). */
export const gateFieldLabel = (t: TFunction, field: string): string => translateCode(t, 'processes.gateFields', field) ?? field;

/** The fields an unmet gate named, as labels, for "the stage needs …" messages. */
export const missingFieldsOf = (t: TFunction, error: unknown): string[] =>
  isApiError(error) && error.code === 'case.gate_unmet'
    ? error.errors.filter((e) => e.code === 'required_by_stage').map((e) => gateFieldLabel(t, e.path))
    : [];

/** The sum of a participants' split as the server reads it, for the running total of the shares editor. */
export { checkShares, evenShares } from '../../../domain/sales/shares.js';
