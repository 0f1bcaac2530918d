import type { SignatureState } from './signature-requests.schema.js';

/**
 * The states a signature request may move to from each state. Forward only: a late or repeated report never
 * takes a request back (no signed → sent), and the final states stay final.
 */
export const signatureTransitions: Record<SignatureState, readonly SignatureState[]> = {
  created: ['sent', 'viewed', 'signed', 'rejected', 'expired'],
  sent: ['viewed', 'signed', 'rejected', 'expired'],
  viewed: ['signed', 'rejected', 'expired'],
  signed: [],
  rejected: [],
  expired: [],
};

export const canMoveSignature = (from: SignatureState, to: SignatureState): boolean => signatureTransitions[from].includes(to);

export const isFinalSignatureState = (state: SignatureState): boolean => signatureTransitions[state].length === 0;
