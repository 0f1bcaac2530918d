import type { TFunction } from 'i18next';
import { isApiError, type FieldProblem } from '../../api/client.js';
import { errorMessage, ruleMessage, translateCode } from '../../components/errors.js';
import type { ContractState } from './api.js';

/** A field rule code in the user's language: the contract's own codes first (`not_signing_person` …), then the general ones. */
export const contractRuleMessage = (t: TFunction, code: string): string => translateCode(t, 'contracts.validation', code) ?? ruleMessage(t, code);

/** The form field a server problem belongs to: `supplyPointIds.0` shows at the supply points. */
export const fieldOfProblem = (path: string): string => path.replace(/\.\d+$/, '');

/**
 * Puts the server's field problems onto the form (several on one list field are joined) and returns the ones no
 * field of the form shows.
 */
export const applyContractProblems = (
  t: TFunction,
  error: unknown,
  fields: readonly string[],
  setFieldError: (path: string, message: string) => void,
): FieldProblem[] => {
  if (!isApiError(error)) return [];
  const unmapped: FieldProblem[] = [];
  const messages = new Map<string, string[]>();
  for (const problem of error.errors) {
    const field = fieldOfProblem(problem.path);
    if (!fields.includes(field)) {
      unmapped.push(problem);
      continue;
    }
    const list = messages.get(field) ?? [];
    const message = contractRuleMessage(t, problem.code);
    if (!list.includes(message)) list.push(message);
    messages.set(field, list);
  }
  for (const [field, list] of messages) setFieldError(field, list.join(' '));
  return unmapped;
};

/** A contract failure in the user's language; Signi's own reason (`detail`) is added when Signi failed. */
export const contractErrorMessage = (t: TFunction, error: unknown): string => {
  const message = errorMessage(t, error);
  if (isApiError(error) && error.code === 'signature.provider_failed' && error.detail) return `${message} ${t('contracts.signature.reason', { reason: error.detail })}`;
  if (isApiError(error) && error.code === 'validation' && error.errors.length > 0) {
    return [message, ...error.errors.map((e) => contractRuleMessage(t, e.code))].join(' ');
  }
  return message;
};

export const stateColours: Record<ContractState, string> = {
  draft: 'gray',
  sentForSignature: 'blue',
  signed: 'teal',
  rejected: 'red',
  expired: 'orange',
  cancelled: 'dark',
  terminated: 'dark',
};

/** Which steps a contract's state allows (the server refuses the rest with contract.wrong_state). */
export const allowedSteps = (state: ContractState, archived: boolean) => ({
  edit: !archived && state !== 'cancelled' && state !== 'terminated',
  sendForSignature: !archived && (state === 'draft' || state === 'rejected' || state === 'expired'),
  end: !archived && state !== 'cancelled' && state !== 'terminated',
  terminate: !archived && state === 'signed',
  archive: !archived && state !== 'sentForSignature' && state !== 'signed',
});
