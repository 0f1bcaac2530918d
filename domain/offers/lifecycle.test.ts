import { describe, expect, it } from 'vitest';
import { nextOfferState, offerChangeMode, offerStates, type OfferAction, type OfferState } from './lifecycle.js';

describe('nextOfferState', () => {
  it.each<[OfferState, OfferAction, OfferState]>([
    ['draft', { kind: 'submit', route: 'board' }, 'awaitingApproval'],
    ['draft', { kind: 'submit', route: 'manager' }, 'awaitingApproval'],
    ['draft', { kind: 'submit', route: 'none' }, 'approved'],
    ['awaitingApproval', { kind: 'approve' }, 'approved'],
    ['awaitingApproval', { kind: 'rejectApproval' }, 'draft'],
    ['approved', { kind: 'send' }, 'sent'],
    ['sent', { kind: 'accept' }, 'accepted'],
    ['sent', { kind: 'decline' }, 'declined'],
    ['sent', { kind: 'lapse' }, 'lapsed'],
    ['draft', { kind: 'lapse' }, 'lapsed'],
    ['sent', { kind: 'supersede' }, 'superseded'],
    ['declined', { kind: 'supersede' }, 'superseded'],
  ])('%s + %o → %s', (from, action, state) => {
    expect(nextOfferState(from, action)).toEqual({ ok: true, state });
  });

  it.each<[OfferState, OfferAction]>([
    ['draft', { kind: 'send' }],
    ['draft', { kind: 'approve' }],
    ['approved', { kind: 'submit', route: 'none' }],
    ['awaitingApproval', { kind: 'send' }],
    ['approved', { kind: 'accept' }],
    ['accepted', { kind: 'decline' }],
    ['accepted', { kind: 'lapse' }],
    ['declined', { kind: 'accept' }],
    ['lapsed', { kind: 'accept' }],
    ['superseded', { kind: 'send' }],
    ['accepted', { kind: 'supersede' }],
    ['draft', { kind: 'supersede' }],
  ])('%s + %o is refused', (from, action) => {
    expect(nextOfferState(from, action)).toEqual({ ok: false, rule: 'offer.invalid_transition' });
  });

  it('nothing leaves an accepted or superseded version', () => {
    const actions: OfferAction[] = [
      { kind: 'submit', route: 'none' }, { kind: 'approve' }, { kind: 'rejectApproval' }, { kind: 'send' },
      { kind: 'accept' }, { kind: 'decline' }, { kind: 'lapse' }, { kind: 'supersede' },
    ];
    for (const state of ['accepted', 'superseded'] as const) {
      for (const action of actions) expect(nextOfferState(state, action).ok).toBe(false);
    }
  });
});

describe('offerChangeMode', () => {
  it.each<[OfferState, ReturnType<typeof offerChangeMode>]>([
    ['draft', 'inPlace'],
    ['awaitingApproval', 'newVersion'],
    ['approved', 'newVersion'],
    ['sent', 'newVersion'],
    ['declined', 'newVersion'],
    ['lapsed', 'newVersion'],
    ['accepted', 'readOnly'],
    ['superseded', 'readOnly'],
  ])('%s → %s', (state, mode) => {
    expect(offerChangeMode(state)).toBe(mode);
  });

  it('covers every state', () => {
    for (const state of offerStates) expect(['inPlace', 'newVersion', 'readOnly']).toContain(offerChangeMode(state));
  });
});
