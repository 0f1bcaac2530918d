import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { en, sk } from '../../i18n/catalogues.js';
import { allowedSteps, applyContractProblems, contractErrorMessage } from './display.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en }, sk: { translation: sk } }, interpolation: { escapeValue: false } });
});

describe('contract failures in words', () => {
  it('a failed Signi call says what Signi answered', () => {
    const error = new ApiError({ status: 502, code: 'signature.provider_failed', detail: 'Signi answered 503: Service temporarily unavailable' });
    const message = contractErrorMessage(i18n.t, error);
    expect(message).toContain(en.errors.signature.provider_failed);
    expect(message).toContain('Signi said: Signi answered 503: Service temporarily unavailable');
  });

  it('a signing person without e-mail is named by the rule', () => {
    const error = new ApiError({ status: 400, code: 'validation', detail: '', errors: [{ path: 'signatoryContactIds.0', code: 'email_required', message: 'x' }] });
    expect(contractErrorMessage(i18n.t, error)).toContain(en.contracts.validation.email_required);
  });

  it('the server’s field problems land on the form fields, several on one list joined, the rest returned', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation',
      detail: '',
      errors: [
        { path: 'supplyPointIds.0', code: 'other_client', message: 'x' },
        { path: 'supplyPointIds.1', code: 'other_commodity', message: 'x' },
        { path: 'signatoryContactIds.0', code: 'not_signing_person', message: 'x' },
        { path: 'responsibleUserId', code: 'invalid', message: 'x' },
      ],
    });
    const shown: Record<string, string> = {};
    const rest = applyContractProblems(i18n.t, error, ['supplyPointIds', 'signatoryContactIds'], (field, message) => (shown[field] = message));
    expect(shown).toEqual({
      supplyPointIds: `${en.contracts.validation.other_client} ${en.contracts.validation.other_commodity}`,
      signatoryContactIds: en.contracts.validation.not_signing_person,
    });
    expect(rest.map((p) => p.path)).toEqual(['responsibleUserId']);
  });
});

describe('steps a state allows', () => {
  it.each([
    ['draft', { edit: true, sendForSignature: true, end: true, terminate: false, archive: true }],
    ['sentForSignature', { edit: true, sendForSignature: false, end: true, terminate: false, archive: false }],
    ['signed', { edit: true, sendForSignature: false, end: true, terminate: true, archive: false }],
    ['rejected', { edit: true, sendForSignature: true, end: true, terminate: false, archive: true }],
    ['terminated', { edit: false, sendForSignature: false, end: false, terminate: false, archive: true }],
  ] as const)('%s', (state, expected) => {
    expect(allowedSteps(state, false)).toEqual(expected);
  });

  it('an archived contract allows nothing', () => {
    expect(Object.values(allowedSteps('draft', true)).some(Boolean)).toBe(false);
  });
});
