import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type FieldProblem } from '../../api/client.js';
import { englishT } from '../../features/supply-points/test-i18n.js';
import { formProblemActions, type FormFailure, type ProblemForm } from './form-problems.js';

type Values = { name: string; city: string };

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const problem = (path: string, code: string): FieldProblem => ({ path, code, message: code });
const invalid = (...errors: FieldProblem[]) =>
  new ApiError({ status: 400, code: 'validation_failed', detail: 'The request is not valid.', errors });

/** A form that records what is done to it, and the alert as the hook would hold it. */
const setUp = (
  fields: Parameters<typeof formProblemActions>[2],
  message?: (problem: FieldProblem) => string,
) => {
  const state = {
    errors: {} as Record<string, ReactNode>,
    values: { name: 'Old', city: '' } as Values,
    dirtyBase: null as Values | null,
    alert: { failure: 'before', unmapped: [] } as FormFailure,
  };
  const form: ProblemForm<Values> = {
    setFieldError: (path, error) => {
      state.errors[path] = error;
    },
    setValues: (values) => {
      state.values = values;
    },
    resetDirty: (values) => {
      state.dirtyBase = values ?? null;
    },
    clearErrors: () => {
      state.errors = {};
    },
  };
  const actions = formProblemActions(t, form, fields, (alert) => (state.alert = alert), message);
  return { state, actions };
};

describe('form problems', () => {
  it('puts field problems under their inputs and the rest, with the error, in the alert', () => {
    const { state, actions } = setUp(['name', 'address.city']);
    const error = invalid(
      problem('name', 'required'),
      problem('address.city', 'too_small'),
      problem('ownerId', 'invalid'),
    );
    actions.show(error);
    expect(state.errors).toEqual({ name: 'Required.', 'address.city': 'Too short or too small.' });
    expect(state.alert).toEqual({ failure: error, unmapped: [problem('ownerId', 'invalid')] });
  });

  it('maps a path onto the input that shows it, in the form’s own words', () => {
    const { state, actions } = setUp(
      (path) => (path === 'clientId' ? 'client' : null),
      (p) => `${p.path} is ${p.code}`,
    );
    actions.show(invalid(problem('clientId', 'not_found'), problem('caseId', 'not_found')));
    expect(state.errors).toEqual({ client: 'clientId is not_found' });
    expect(state.alert.unmapped).toEqual([problem('caseId', 'not_found')]);
  });

  it('shows a failure without field problems (a version conflict, the network) in the alert alone', () => {
    const { state, actions } = setUp(['name']);
    const conflict = new ApiError({ status: 409, code: 'version_conflict', detail: '' });
    actions.show(conflict);
    expect(state.alert).toEqual({ failure: conflict, unmapped: [] });
    const offline = new Error('offline');
    actions.show(offline);
    expect(state.alert).toEqual({ failure: offline, unmapped: [] });
    expect(state.errors).toEqual({});
  });

  it('shows what the form sorted itself, and clears the alert', () => {
    const { state, actions } = setUp(['name']);
    actions.showAlert(null, [problem('x', 'invalid')]);
    expect(state.alert).toEqual({ failure: null, unmapped: [problem('x', 'invalid')] });
    actions.clear();
    expect(state.alert).toEqual({ failure: null, unmapped: [] });
  });

  it('after a version conflict replaces the form with the record as stored now', () => {
    const { state, actions } = setUp(['name']);
    actions.show(invalid(problem('name', 'required')));
    const fresh = { name: 'New', city: 'Brno' };
    actions.reloaded(fresh);
    expect(state).toEqual({
      errors: {},
      values: fresh,
      dirtyBase: fresh,
      alert: { failure: null, unmapped: [] },
    });
  });
});
