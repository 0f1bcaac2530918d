import type { ApprovalRoute } from './approval.js';

/** The states of one offer version (OFFER-3, OFFER-5). */
export const offerStates = ['draft', 'awaitingApproval', 'approved', 'sent', 'accepted', 'declined', 'lapsed', 'superseded'] as const;
export type OfferState = (typeof offerStates)[number];

export type OfferAction =
  | { kind: 'submit'; route: ApprovalRoute }
  | { kind: 'approve' }
  | { kind: 'rejectApproval' }
  | { kind: 'send' }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'lapse' }
  | { kind: 'supersede' };

export type Transition = { ok: true; state: OfferState } | { ok: false; rule: 'offer.invalid_transition' };

const to = (state: OfferState): Transition => ({ ok: true, state });
const refused: Transition = { ok: false, rule: 'offer.invalid_transition' };

/** The state after an action, or the refusal. One table, so the API, the jobs and the UI agree. */
export const nextOfferState = (state: OfferState, action: OfferAction): Transition => {
  switch (action.kind) {
    case 'submit':
      if (state !== 'draft') return refused;
      return to(action.route === 'none' ? 'approved' : 'awaitingApproval');
    case 'approve':
      return state === 'awaitingApproval' ? to('approved') : refused;
    case 'rejectApproval':
      // Back to the owner to change: a rejection is recorded with its reason, the draft stays editable.
      return state === 'awaitingApproval' ? to('draft') : refused;
    case 'send':
      return state === 'approved' ? to('sent') : refused;
    case 'accept':
    case 'decline':
      return state === 'sent' ? to(action.kind === 'accept' ? 'accepted' : 'declined') : refused;
    case 'lapse':
      return state === 'draft' || state === 'awaitingApproval' || state === 'approved' || state === 'sent' ? to('lapsed') : refused;
    case 'supersede':
      return state === 'sent' || state === 'declined' || state === 'lapsed' || state === 'awaitingApproval' || state === 'approved'
        ? to('superseded')
        : refused;
  }
};

/**
 * How a change to an offer version is written: a draft changes in place; once it has been submitted or sent, the
 * change makes a new version and the old one becomes read-only (superseded); accepted and superseded versions are
 * never changed.
 */
export const offerChangeMode = (state: OfferState): 'inPlace' | 'newVersion' | 'readOnly' => {
  if (state === 'draft') return 'inPlace';
  if (state === 'accepted' || state === 'superseded') return 'readOnly';
  return 'newVersion';
};
